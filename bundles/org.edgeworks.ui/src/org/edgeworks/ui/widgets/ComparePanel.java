package org.edgeworks.ui.widgets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.RixsMap;
import org.edgeworks.core.processing.Result;
import org.edgeworks.plot.Colormap;
import org.edgeworks.plot.PixelMapping;
import org.edgeworks.plot.Scaling;
import org.edgeworks.rixs.DifferenceMap;
import org.edgeworks.rixs.QuantifyFeature;
import org.edgeworks.rixs.QuantifySeries;

/**
 * Compare states (no workbench dependency): two to six maps (pristine, charged, discharged...) in a grid, each
 * divided by its normalisation-region integral as the difference processor computes it and drawn on one colour
 * scale with ONE colour bar; under them the difference maps "state - reference" (difference processor) for a
 * reference state the user chooses; below them the quantification table of the feature over the series
 * (series quantification processor) for the box the user drags on any map (the default box until then).
 * One tool row for the whole grid; the maps themselves carry none.
 */
public final class ComparePanel extends Composite {
    public static final int MAX_MAPS = 6;
    /** Colour-bar strip at the grid's right: bar width and room for its tick labels. */
    static final int BAR_STRIP = 96, BAR_WIDTH = 18;

    private final Composite grid;
    private final Canvas sharedBar;
    private final ResultsPanel table;
    private final Label status;
    private final Combo referenceCombo, colormapCombo;
    private final List<MapCanvas> canvases = new ArrayList<>();
    private final Map<String, MapCanvas> differenceCanvases = new LinkedHashMap<>();
    private List<RixsMap> states = List.of();
    private List<RixsMap> normalised = List.of();
    private final Map<String, RixsMap> differences = new LinkedHashMap<>();
    private int reference;
    private double[] commonRange;
    private String region = "total";
    private Colormap colormap = Colormap.VIRIDIS;
    private QuantifyFeature.Parameters box = QuantifyFeature.Parameters.defaults();
    private boolean boxFromDrag;

    public ComparePanel(Composite parent, int style) {
        super(parent, style);
        setLayout(new GridLayout(1, false));
        Composite bar = new Composite(this, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        bar.setLayout(new RowLayout(SWT.HORIZONTAL));
        new Label(bar, SWT.NONE).setText("Reference state");
        referenceCombo = new Combo(bar, SWT.READ_ONLY);
        referenceCombo.addListener(SWT.Selection, e -> rebuild(referenceCombo.getSelectionIndex()));
        colormapCombo = Buttons.colormaps(bar, this::setColormap);
        new Label(bar, SWT.NONE).setText("Drag a box on any map to quantify that feature over all states");
        status = new Label(this, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        SashForm sash = new SashForm(this, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Composite left = new Composite(sash, SWT.NONE);
        GridLayout leftLayout = new GridLayout(2, false);
        leftLayout.marginWidth = leftLayout.marginHeight = 0;
        left.setLayout(leftLayout);
        grid = new Composite(left, SWT.NONE);
        grid.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        sharedBar = new Canvas(left, SWT.DOUBLE_BUFFERED);
        GridData barData = new GridData(SWT.FILL, SWT.FILL, false, true);
        barData.widthHint = BAR_STRIP;
        sharedBar.setLayoutData(barData);
        sharedBar.addPaintListener(e -> paintSharedBar(e.gc));
        table = new ResultsPanel(sash, SWT.NONE);
        sash.setWeights(4, 1);
    }

    public List<MapCanvas> canvases() { return List.copyOf(canvases); }
    /** The difference map canvases, keyed "state - reference". */
    public Map<String, MapCanvas> differenceCanvases() { return Map.copyOf(differenceCanvases); }
    public ResultsPanel table() { return table; }
    public List<RixsMap> normalisedMaps() { return normalised; }
    /** Every difference map "state - reference" (processor output), keyed by that title. */
    public Map<String, RixsMap> differences() { return new LinkedHashMap<>(differences); }
    public RixsMap reference() { return states.get(reference); }
    public double[] commonRange() { return commonRange.clone(); }
    public String status() { return status.getText(); }
    public Combo referenceCombo() { return referenceCombo; }
    /** The one colour bar of the state maps (shell coordinates of its strip: see {@link #sharedBarArea()}). */
    public Canvas sharedBar() { return sharedBar; }
    /** The box the quantification table was made with. */
    public QuantifyFeature.Parameters quantificationBox() { return box; }

    /** Normalisation region for the maps and the differences: 'total' or 'exFrom:exTo,emFrom:emTo' (eV). */
    public void setRegion(String region) { this.region = region; }

    public void setColormap(Colormap c) {
        colormap = c;
        colormapCombo.select(c.ordinal());
        canvases.forEach(m -> m.setColormap(c));
        differenceCanvases.values().forEach(m -> m.setColormap(c));
        sharedBar.redraw();
    }

    public void setMaps(List<RixsMap> maps) throws EdgeworksException {
        if (maps.size() < 2 || maps.size() > MAX_MAPS)
            throw EdgeworksException.of("compare states", "needs 2 to " + MAX_MAPS + " maps, got " + maps.size());
        states = List.copyOf(maps);
        referenceCombo.removeAll();
        for (RixsMap m : states) referenceCombo.add(m.name());
        boxFromDrag = false;
        box = QuantifyFeature.Parameters.defaults();
        setReference(0);
    }

    /** Chooses the reference state (index in the series): every difference map becomes "state - reference". */
    public void setReference(int index) throws EdgeworksException {
        if (index < 0 || index >= states.size())
            throw EdgeworksException.of("compare states", "reference " + index + " is not one of the " + states.size() + " states");
        reference = index;
        referenceCombo.select(index);
        build();
    }

    /** Chooses the reference state by name. */
    public void setReference(String name) throws EdgeworksException {
        for (int i = 0; i < states.size(); i++) if (states.get(i).name().equals(name)) { setReference(i); return; }
        throw EdgeworksException.of("compare states", "no state named '" + name + "'");
    }

    private void rebuild(int index) {
        try {
            setReference(index);
        } catch (EdgeworksException e) {
            ErrorDialogs.show(getShell(), "Compare states", e);
        }
    }

    private void build() throws EdgeworksException {
        for (var c : grid.getChildren()) c.dispose();
        canvases.clear();
        differenceCanvases.clear();
        differences.clear();
        RixsMap ref = states.get(reference);
        List<RixsMap> out = new ArrayList<>();
        for (RixsMap m : states) {
            // scaleA of (m, ref) is m's integral over the region: the processor's normalisation, reused for display
            Result<DifferenceMap.Difference> d = Processors.run(DifferenceMap.ID, new DifferenceMap.MapPair(m, ref),
                    Map.of("region", region));
            double scale = d.value().scaleA();
            double[] v = m.data();
            for (int i = 0; i < v.length; i++) v[i] /= scale;
            out.add(RixsMap.of(m.name(), m.excitation().values(), m.emission().values(), v));
            if (m != ref) differences.put(m.name() + " - " + ref.name(), d.value().difference());
        }
        normalised = List.copyOf(out);
        List<Double> all = new ArrayList<>();
        for (RixsMap m : normalised) for (double x : m.data()) all.add(x);
        commonRange = Scaling.linear().range(all.stream().mapToDouble(Double::doubleValue).toArray());

        // row(s) of states, then a row of differences under them (the reference's cell says so)
        int columns = Math.min(3, states.size());
        GridLayout layout = new GridLayout(columns, true);
        layout.marginWidth = layout.marginHeight = 0;
        layout.horizontalSpacing = layout.verticalSpacing = 2;
        grid.setLayout(layout);
        for (RixsMap m : normalised) canvases.add(canvas(m, m.name() + " (/ " + region + ")", commonRange, true));
        fill(columns, states.size());
        for (int i = 0; i < states.size(); i++) {
            if (i == reference) {
                Label l = new Label(grid, SWT.CENTER | SWT.WRAP);
                l.setText("reference: " + ref.name() + "\n(differences are state - reference,\neach on its own colour bar)");
                l.setLayoutData(new GridData(SWT.CENTER, SWT.CENTER, true, true));
                continue;
            }
            String title = states.get(i).name() + " - " + ref.name();
            differenceCanvases.put(title, canvas(differences.get(title), title, null, false));
        }
        fill(columns, states.size());
        quantify();
        status.setText(states.size() + " maps on one colour scale " + String.format(Locale.ROOT, "%.4g .. %.4g", commonRange[0], commonRange[1])
                + " (each divided by its '" + region + "' integral); differences = state - " + ref.name());
        grid.layout(true, true);
        sharedBar.redraw();
    }

    /** Empty cells so the next row starts at column 0. */
    private void fill(int columns, int used) {
        for (int i = used % columns == 0 ? columns : used % columns; i < columns; i++) new Label(grid, SWT.NONE);
    }

    /** The quantification table for the current box over every state (series processor). */
    private void quantify() throws EdgeworksException {
        table.clear();
        Result<QuantifySeries.Table> q = Processors.apply(Processors.registry().get(QuantifySeries.ID),
                new QuantifySeries.MapSeries(states), box);
        for (QuantifyFeature.Quantification row : q.value().rows())
            table.add(row.map(), new Result<>(row, q.provenance()));
    }

    /** The feature box a drag made on one of the maps, applied to the whole series. */
    private void boxDragged(Map<String, Double> d) {
        box = new QuantifyFeature.Parameters(d.get("excitation"), d.get("emission"), d.get("halfExcitation"),
                d.get("halfEmission"), d.get("frameExcitation"), d.get("frameEmission"), box.reference());
        boxFromDrag = true;
        try {
            quantify();
            status.setText(String.format(Locale.ROOT, "quantified the box E_ex %.2f +- %.2f eV, E_em %.2f +- %.2f eV over %d states",
                    box.excitation(), box.halfExcitation(), box.emission(), box.halfEmission(), states.size()));
        } catch (EdgeworksException e) {
            status.setText(e.getMessage());
        }
    }

    /** True once the table follows a box the user dragged (not the default box). */
    public boolean boxFromDrag() { return boxFromDrag; }

    private MapCanvas canvas(RixsMap m, String title, double[] range, boolean sharedScale) {
        Composite cell = new Composite(grid, SWT.NONE);
        cell.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        cell.setLayout(new FillLayout());
        MapCanvas c = new MapCanvas(cell, SWT.NONE);
        c.setTitle(title);
        c.setColormap(colormap);
        c.setMap(m);
        c.setCommonRange(range);
        c.setCompact(true, !sharedScale);
        if (sharedScale) {
            c.setDrag(MapCanvas.Drag.FEATURE_BOX);
            c.onFeature(r -> boxDragged(c.featureBox()));
        }
        return c;
    }

    /** The shared colour bar's rectangle in the bar canvas (colormap position 0..1 bottom to top). */
    public PixelMapping sharedBarArea() {
        Point size = sharedBar.getSize();
        int top = MapCanvas.TOP, height = Math.max(1, Math.min(size.y, 400) - MapCanvas.TOP - MapCanvas.BOTTOM);
        return new PixelMapping(8, top, BAR_WIDTH, height, 0, 1, 0, 1);
    }

    private void paintSharedBar(org.eclipse.swt.graphics.GC gc) {
        Point size = sharedBar.getSize();
        gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
        gc.fillRectangle(0, 0, size.x, size.y);
        if (commonRange == null) return;
        PixelMapping bar = sharedBarArea();
        MapCanvas.drawColourBar(gc, bar, colormap);
        MapCanvas.drawColourBarTicks(gc, bar, Scaling.linear(), commonRange);
        gc.drawText("states", bar.left(), 2, true);
    }
}
