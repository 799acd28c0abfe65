package org.edgeworks.ui.widgets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.plot.Colormap;
import org.edgeworks.plot.Scaling;
import org.edgeworks.stack.StackAnalysis;
import org.edgeworks.stack.StackResultFile;
import org.edgeworks.stack.StackSource;
import org.edgeworks.stack.StackSpec;
import org.edgeworks.ui.viewers.ImageFrames;

/**
 * The maps of a XANES stack result ({@code NAME.stack.nxs} of {@code xas stack}): a map chooser (e0, edge_step,
 * mask, weight_NAME, r_factor, peak_energy), each drawn with its colour bar; a click on a pixel shows that pixel's
 * values with their errors as the result file holds them, and plots its spectrum (read from the stack the result
 * records as its input), the normalisation (pre-edge line, post-edge curve, normalised spectrum) and the LCF fit
 * with each reference's contribution, from {@link StackResultFile#pixel} (the maps' own per-pixel code with the
 * recorded parameters; its values are listed beside the file's so the two can be compared). No computation here.
 */
public final class StackMapPanel extends Composite {
    private final Combo mapCombo;
    private final ImageCanvas canvas;
    private final Label pixelLabel;
    private final Table values;
    private final SpectrumChart spectrum, fit;
    private StackResultFile result;
    private String map;
    private StackAnalysis.Pixel picked;
    private String problem;
    private final List<java.util.function.Consumer<ImageFrames>> framesListeners = new ArrayList<>();

    public StackMapPanel(Composite parent, int style) {
        super(parent, style);
        setLayout(new GridLayout(1, false));
        Composite bar = new Composite(this, SWT.NONE);
        bar.setLayout(new RowLayout(SWT.HORIZONTAL));
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        new Label(bar, SWT.NONE).setText("Map");
        mapCombo = new Combo(bar, SWT.READ_ONLY);
        mapCombo.addListener(SWT.Selection, e -> showMap(mapCombo.getText()));
        Buttons.colormaps(bar, this::applyColormap);
        Buttons.push(bar, "Browse frames", this::browseFrames);
        pixelLabel = new Label(bar, SWT.NONE);
        pixelLabel.setText("Click a pixel for its spectrum and fit.");

        SashForm main = new SashForm(this, SWT.HORIZONTAL);
        main.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Composite left = new Composite(main, SWT.NONE);
        left.setLayout(new GridLayout(1, false));
        canvas = new ImageCanvas(left, SWT.NONE);
        canvas.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        canvas.onClick(this::pick);
        canvas.onHover(t -> { if (!t.isBlank()) pixelLabel.setText(t + "   (click for its spectrum and fit)"); pixelLabel.getParent().layout(true); });
        values = Buttons.table(left, SWT.BOTTOM, 170, 190, "Map", "Value +- sigma (result file)", "Re-analysed");
        values.getColumn(0).setWidth(110);
        values.setLinesVisible(true);
        SashForm charts = new SashForm(main, SWT.VERTICAL);
        spectrum = new SpectrumChart(charts, SWT.NONE, false);
        fit = new SpectrumChart(charts, SWT.NONE, false);
        main.setWeights(11, 9);
    }

    private void applyColormap(Colormap c) {
        canvas.setColormap(c);
    }

    /** Shows a stack result: the map chooser lists its maps; the edge-step map first (the file's default). */
    public void setResult(StackResultFile r) {
        result = r;
        picked = null;
        problem = null;
        mapCombo.setItems(r.maps().keySet().toArray(String[]::new));
        values.removeAll();
        spectrum.showCurves(List.of());
        fit.showCurves(List.of());
        canvas.mark(null);
        pixelLabel.setText("Click a pixel for its spectrum and fit.");
        showMap(r.maps().containsKey("edge_step") ? "edge_step" : r.maps().keySet().iterator().next());
        layout(true, true);
    }

    /** Draws one map (mask linear 0..1, others the 1-99 percentile range as the PNGs of xas stack). */
    public void showMap(String name) {
        map = name;
        mapCombo.setText(name);
        canvas.setScaling(name.equals("mask") ? Scaling.linear() : Scaling.percentile(1, 99));
        String unit = name.equals("e0") || name.equals("peak_energy") ? " (eV)" : "";
        canvas.setImage(result.maps().get(name), result.rows(), result.columns(),
                StackResultFileNames.title(result) + ": " + name + unit);
    }

    private void browseFrames() {
        try {
            ImageFrames f = frames();
            framesListeners.forEach(l -> l.accept(f));
        } catch (EdgeworksException ex) {
            pixelLabel.setText(ex.getMessage());
            pixelLabel.getParent().layout(true);
        }
    }

    /** Called with the stack's energy frames on "Browse frames". */
    public void onFrames(java.util.function.Consumer<ImageFrames> l) { framesListeners.add(l); }

    /**
     * The recorded stack's images, one frame per energy (file order), for the frame browser. The stack is read
     * whole once (up to {@link DataOpener#MAX_ELEMENTS} values); a larger one is refused in one line.
     */
    public ImageFrames frames() throws EdgeworksException {
        StackSpec spec = new StackSpec(result.stackPath(), result.dataPath().isEmpty() ? null : result.dataPath(), null, null);
        try (StackSource s = spec.open()) {
            int rows = s.rows(), cols = s.columns();
            double[] e = s.energy();
            long n = (long) e.length * rows * cols;
            if (n > DataOpener.MAX_ELEMENTS)
                throw new EdgeworksException(spec.file(), result.dataPath(), "has " + n + " values, more than the " + DataOpener.MAX_ELEMENTS
                        + " the frame browser reads whole");
            double[] block = s.read(0, rows);
            int size = rows * cols;
            return new ImageFrames(StackResultFileNames.title(result) + " stack", e.length, rows, cols, e, "E (eV)",
                    k -> java.util.Arrays.copyOfRange(block, k * size, (k + 1) * size));
        }
    }

    public String map() { return map; }
    public ImageCanvas canvas() { return canvas; }
    public SpectrumChart spectrumChart() { return spectrum; }
    public SpectrumChart fitChart() { return fit; }
    public Table valuesTable() { return values; }
    public StackAnalysis.Pixel picked() { return picked; }
    public String problem() { return problem; }
    public Combo mapChooser() { return mapCombo; }

    /** The values table's text for a map: {file value +- sigma, re-analysed}, or null. */
    public String[] valueRow(String mapName) {
        for (TableItem it : values.getItems()) if (it.getText(0).equals(mapName)) return new String[] {it.getText(1), it.getText(2)};
        return null;
    }

    /** Picks pixel (row, column) as a click does. */
    public void pick(int row, int column) {
        canvas.mark(new int[] {row, column});
        values.removeAll();
        pixelLabel.setText(String.format(Locale.ROOT, "pixel (y=%d, x=%d)", row, column));
        try {
            picked = result.pixel(row, column);
            problem = picked.problem();
        } catch (EdgeworksException e) {
            picked = null;
            problem = e.getMessage();
        }
        for (String name : result.maps().keySet()) {
            double[] v = result.at(name, row, column);
            String file = Double.isNaN(v[0]) ? "no value" : Double.isNaN(v[1])
                    ? String.format(Locale.ROOT, "%.6g", v[0]) : String.format(Locale.ROOT, "%.6g +- %.3g", v[0], v[1]);
            Double again = picked == null ? null : picked.values().get(name);
            String re = name.equals("mask") ? "" : again == null || Double.isNaN(again) ? "-" : String.format(Locale.ROOT, "%.6g", again);
            new TableItem(values, SWT.NONE).setText(new String[] {name, file, re});
        }
        if (problem != null) new TableItem(values, SWT.NONE).setText(new String[] {"problem", problem, ""});
        for (TableColumn c : values.getColumns()) c.pack();
        drawPixel();
        pixelLabel.getParent().layout(true);
    }

    private void drawPixel() {
        if (picked == null) {
            spectrum.showCurves(List.of());
            fit.showCurves(List.of());
            return;
        }
        String px = String.format(Locale.ROOT, "(y=%d, x=%d)", picked.row(), picked.column());
        List<SpectrumChart.Curve> curves = new ArrayList<>();
        curves.add(new SpectrumChart.Curve("mu " + px, picked.energy(), picked.mu(), false));
        if (picked.pre() != null) {
            curves.add(new SpectrumChart.Curve("pre-edge line", picked.energy(), picked.pre(), true));
            curves.add(new SpectrumChart.Curve("post-edge curve", picked.energy(), picked.post(), true));
        }
        spectrum.showCurves(curves);
        if (picked.fit() != null) {
            Map<String, double[]> comps = new LinkedHashMap<>();
            if (picked.components() != null) picked.components().forEach((n, c) -> comps.put("weight x " + n, c));
            fit.showFit("norm " + px + " LCF", picked.fitEnergy(), picked.fitData(), picked.fit(), comps);
        } else if (picked.norm() != null) {
            fit.showCurves(List.of(new SpectrumChart.Curve("norm " + px, picked.energy(), picked.norm(), false)));
        } else {
            fit.showCurves(List.of());
        }
    }

    /** Names shown for a result. */
    static final class StackResultFileNames {
        private StackResultFileNames() {}

        static String title(StackResultFile r) {
            String n = r.file().getFileName().toString();
            return n.endsWith(".stack.nxs") ? n.substring(0, n.length() - ".stack.nxs".length()) : n;
        }
    }
}
