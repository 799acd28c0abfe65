package org.edgeworks.ui.widgets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.RixsMap;
import org.edgeworks.core.processing.Result;
import org.edgeworks.plot.Colormap;
import org.edgeworks.plot.Scaling;
import org.edgeworks.rixs.DifferenceMap;
import org.edgeworks.rixs.QuantifyFeature;
import org.edgeworks.rixs.QuantifySeries;

/**
 * Compare states (no workbench dependency): two to six maps (pristine, charged, discharged...) side by side,
 * each divided by its normalisation-region integral as the difference processor computes it, all drawn on one
 * colour scale; the difference map (last minus first, from the difference processor); and the quantification
 * table of the feature over the series (from the series quantification processor).
 */
public final class ComparePanel extends Composite {
    public static final int MAX_MAPS = 6;

    private final Composite maps;
    private final ResultsPanel table;
    private final Label status;
    private final List<MapCanvas> canvases = new ArrayList<>();
    private MapCanvas differenceCanvas;
    private List<RixsMap> normalised = List.of();
    private RixsMap difference;
    private double[] commonRange;
    private String region = "total";
    private Colormap colormap = Colormap.VIRIDIS;

    public ComparePanel(Composite parent, int style) {
        super(parent, style);
        setLayout(new GridLayout(1, false));
        status = new Label(this, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        SashForm sash = new SashForm(this, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        maps = new Composite(sash, SWT.NONE);
        table = new ResultsPanel(sash, SWT.NONE);
        sash.setWeights(3, 1);
    }

    public List<MapCanvas> canvases() { return List.copyOf(canvases); }
    public MapCanvas differenceCanvas() { return differenceCanvas; }
    public ResultsPanel table() { return table; }
    public List<RixsMap> normalisedMaps() { return normalised; }
    public RixsMap difference() { return difference; }
    public double[] commonRange() { return commonRange.clone(); }
    public String status() { return status.getText(); }

    /** Normalisation region for the maps and the difference: 'total' or 'exFrom:exTo,emFrom:emTo' (eV). */
    public void setRegion(String region) { this.region = region; }

    public void setColormap(Colormap c) {
        colormap = c;
        canvases.forEach(m -> m.setColormap(c));
        if (differenceCanvas != null) differenceCanvas.setColormap(c);
    }

    public void setMaps(List<RixsMap> states) throws EdgeworksException {
        if (states.size() < 2 || states.size() > MAX_MAPS)
            throw EdgeworksException.of("compare states", "needs 2 to " + MAX_MAPS + " maps, got " + states.size());
        for (var c : maps.getChildren()) c.dispose();
        canvases.clear();
        List<RixsMap> out = new ArrayList<>();
        RixsMap first = states.get(0);
        for (RixsMap m : states) {
            // scaleA of (m, first) is m's integral over the region: the processor's normalisation, reused for display
            Result<DifferenceMap.Difference> d = Processors.run(DifferenceMap.ID, new DifferenceMap.MapPair(m, first),
                    Map.of("region", region));
            double scale = d.value().scaleA();
            double[] v = m.data();
            for (int i = 0; i < v.length; i++) v[i] /= scale;
            out.add(RixsMap.of(m.name(), m.excitation().values(), m.emission().values(), v));
        }
        normalised = List.copyOf(out);
        List<Double> all = new ArrayList<>();
        for (RixsMap m : normalised) for (double x : m.data()) all.add(x);
        commonRange = Scaling.linear().range(all.stream().mapToDouble(Double::doubleValue).toArray());
        difference = Processors.<DifferenceMap.Difference>run(DifferenceMap.ID,
                new DifferenceMap.MapPair(states.get(states.size() - 1), first), Map.of("region", region)).value().difference();

        maps.setLayout(new GridLayout(Math.min(4, states.size() + 1), true));
        for (RixsMap m : normalised) canvases.add(canvas(m, m.name() + " (/ " + region + ")", commonRange));
        differenceCanvas = canvas(difference, states.get(states.size() - 1).name() + " - " + first.name(), null);
        table.clear();
        Result<QuantifySeries.Table> q = Processors.run(QuantifySeries.ID, new QuantifySeries.MapSeries(states), Map.of());
        for (QuantifyFeature.Quantification row : q.value().rows())
            table.add(row.map(), new Result<>(row, q.provenance()));
        status.setText(states.size() + " maps on one colour scale " + String.format(java.util.Locale.ROOT, "%.4g .. %.4g", commonRange[0], commonRange[1])
                + " (each divided by its '" + region + "' integral); difference = last - first");
        maps.layout(true, true);
    }

    private MapCanvas canvas(RixsMap m, String title, double[] range) {
        Composite cell = new Composite(maps, SWT.NONE);
        cell.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        cell.setLayout(new FillLayout());
        MapCanvas c = new MapCanvas(cell, SWT.NONE);
        c.setTitle(title);
        c.setColormap(colormap);
        c.setMap(m);
        c.setCommonRange(range);
        return c;
    }
}
