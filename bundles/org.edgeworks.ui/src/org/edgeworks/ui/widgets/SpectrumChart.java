package org.edgeworks.ui.widgets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.IAxis;
import org.eclipse.swtchart.ILineSeries;
import org.eclipse.swtchart.ISeries;
import org.eclipse.swtchart.LineStyle;
import org.eclipse.swtchart.Range;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.core.io.AtomicFiles;
import org.edgeworks.core.processing.Result;
import org.edgeworks.plot.PixelMapping;
import org.edgeworks.plot.PngPlots;
import org.edgeworks.xas.NormalizeProcessor;

/**
 * Spectrum viewer content (no workbench dependency): an Eclipse SWTChart line chart with an overlay of many
 * spectra, legend, zoom (wheel) / pan (drag) / reset (double-click), cursor read-out, mu / norm / flat /
 * derivative toggles, pre/post-edge lines with the E0 marker, fit components with the residual, and PNG/CSV
 * export. Normalised curves come from the registered normalisation processor.
 */
public final class SpectrumChart extends Composite {

    /** Which curve of each spectrum is drawn. */
    public enum Mode {
        MU("mu(E)"), NORM("normalised"), FLAT("flattened"), DERIVATIVE("dmu/dE");

        final String label;

        Mode(String label) { this.label = label; }
    }

    /**
     * One curve as drawn: name, x, y (what CSV export writes); {@code group} is the colour slot (a spectrum and
     * its pre/post lines and E0 marker share one colour; -1 = a slot of its own).
     */
    public record Curve(String name, double[] x, double[] y, boolean dashed, int group) {
        public Curve(String name, double[] x, double[] y, boolean dashed) { this(name, x, y, dashed, -1); }
    }

    private final Chart chart;
    private final Label readout;
    private final Map<Mode, Button> modeButtons = new LinkedHashMap<>();
    private final boolean xasModes;
    private final java.util.Set<String> hidden = new java.util.HashSet<>();
    private final List<Runnable> curveListeners = new ArrayList<>();
    private boolean edgeLines;
    private boolean userZoom;
    private Point boxStart, boxEnd;
    private final List<Spectrum> spectra = new ArrayList<>();
    private final Map<Spectrum, NormalizeProcessor.Normalized> normalised = new LinkedHashMap<>();
    private final List<Curve> extraCurves = new ArrayList<>();
    private final List<Curve> drawn = new ArrayList<>();
    private final List<String> seriesIds = new ArrayList<>();
    private final List<Color> colours = new ArrayList<>();
    private Mode mode = Mode.MU;
    private Button edgeLinesButton, relativeButton;
    private boolean relative;
    /** E0s further apart than this (eV) are different edges: the overlay switches to E - E0 by itself. */
    static final double DIFFERENT_EDGES_EV = 100;
    private String problem;
    private Point panStart;
    private Range[] panRanges;

    /** A spectrum chart with the XAS tools (mu / norm / flat / derivative, pre/post lines). */
    public SpectrumChart(Composite parent, int style) {
        this(parent, style, true);
    }

    /**
     * @param xasModes false for plots that are not mu(E) (RIXS cuts, PFY): no XAS toggles, the curves as given,
     *                 a compact legend below the plot so it never squeezes the plot area
     */
    public SpectrumChart(Composite parent, int style, boolean xasModes) {
        super(parent, style);
        this.xasModes = xasModes;
        setLayout(new GridLayout(1, false));
        Composite bar = new Composite(this, SWT.NONE);
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        bar.setLayout(new org.eclipse.swt.layout.RowLayout(SWT.HORIZONTAL));
        if (xasModes) {
            for (Mode m : Mode.values()) {
                Button b = new Button(bar, SWT.RADIO);
                b.setText(m.label);
                b.setSelection(m == mode);
                b.addListener(SWT.Selection, e -> { if (b.getSelection()) setMode(m); });
                modeButtons.put(m, b);
            }
            Button lines = new Button(bar, SWT.CHECK);
            lines.setText("pre/post lines + E0");
            lines.addListener(SWT.Selection, e -> setEdgeLines(lines.getSelection()));
            edgeLinesButton = lines;
            Button rel = new Button(bar, SWT.CHECK);
            rel.setText("E - E0");
            rel.setToolTipText("energy relative to each spectrum's E0 (normalisation processor); chosen by itself when edges differ");
            rel.addListener(SWT.Selection, e -> setRelativeEnergy(rel.getSelection()));
            relativeButton = rel;
        }
        Buttons.push(bar, "Reset zoom", this::resetZoom);
        Buttons.push(bar, "Export PNG...", () -> exportDialog("*.png", p -> Snapshots.savePng(chart(), p)));
        Buttons.push(bar, "Export SVG...", () -> exportDialog("*.svg", this::exportSvg));
        Buttons.push(bar, "Export CSV...", () -> exportDialog("*.csv", this::exportCsv));
        chart = new Chart(this, SWT.NONE);
        chart.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        chart.getTitle().setVisible(false);
        chart.getLegend().setPosition(xasModes ? SWT.RIGHT : SWT.BOTTOM);
        chart.getAxisSet().getXAxis(0).getTitle().setText("Energy (eV)");
        chart.getAxisSet().getYAxis(0).getTitle().setText(mode.label);
        readout = new Label(this, SWT.NONE);
        readout.setLayoutData(new GridData(SWT.FILL, SWT.BOTTOM, true, false));
        readout.setText(" ");
        installMouse();
        installLegend();
        addDisposeListener(e -> colours.forEach(Color::dispose));
    }


    public Chart chart() { return chart; }

    public Mode mode() { return mode; }

    /** The spectra of the overlay (not the extra curves of a fit), in drawing order. */
    public List<Spectrum> spectra() { return List.copyOf(spectra); }

    /** Whether pre/post lines and the E0 marker are drawn. */
    public boolean edgeLines() { return edgeLines; }

    /** Whether the user chose the visible window (box zoom, wheel, pan, {@link #zoomTo}). */
    public boolean userZoom() { return userZoom; }

    /** The curves currently drawn, in drawing order. */
    public List<Curve> curves() { return List.copyOf(drawn); }

    /** Last processor error (shown in the read-out line), or null. */
    public String problem() { return problem; }

    /** Replaces the overlay by these spectra. */
    public void setSpectra(List<Spectrum> list) {
        spectra.clear();
        normalised.clear();
        extraCurves.clear();
        spectra.addAll(list);
        hidden.clear();
        chooseRelativeForDifferentEdges();
        redrawSeries();
        resetZoom();
    }

    /** Adds one spectrum to the overlay. */
    public void add(Spectrum s) {
        spectra.add(s);
        chooseRelativeForDifferentEdges();
        redrawSeries();
        resetZoom();
    }

    /** Shows every spectrum against E - E0 (its own E0 from the normalisation processor), or against E. */
    public void setRelativeEnergy(boolean on) {
        relative = on;
        if (relativeButton != null) relativeButton.setSelection(on);
        redrawSeries();
        resetZoom();
    }

    public boolean relativeEnergy() { return relative; }

    /** Spectra of different edges (E0s more than 100 eV apart) would share one axis uselessly: use E - E0. */
    private void chooseRelativeForDifferentEdges() {
        if (!xasModes || relative || spectra.size() < 2) return;
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (Spectrum sp : spectra) {
            try {
                double e0 = normalisation(sp).e0();
                lo = Math.min(lo, e0);
                hi = Math.max(hi, e0);
            } catch (EdgeworksException e) {
                return;
            }
        }
        if (hi - lo > DIFFERENT_EDGES_EV) {
            relative = true;
            if (relativeButton != null) relativeButton.setSelection(true);
        }
    }

    /**
     * Shows a fit: data, fit, its components (e.g. the pre-edge baseline) and the residual data - fit, all as
     * the fitting processor returned them.
     */
    public void showFit(String name, double[] energy, double[] data, double[] fit, Map<String, double[]> components) {
        spectra.clear();
        normalised.clear();
        extraCurves.clear();
        extraCurves.add(new Curve(name + " data", energy, data, false));
        extraCurves.add(new Curve(name + " fit", energy, fit, false));
        components.forEach((label, y) -> extraCurves.add(new Curve(label, energy, y, true)));
        double[] residual = new double[data.length];
        for (int i = 0; i < residual.length; i++) residual[i] = data[i] - fit[i];
        extraCurves.add(new Curve("residual", energy, residual, true));
        setModeButtons(Mode.MU);
        mode = Mode.MU;
        redrawSeries();
        resetZoom();
    }

    /**
     * Switches mu / norm / flat / derivative. A zoom the user chose is kept in x (the energy window is the
     * same for every mode) and y is fitted to the curves inside that window; without a user zoom the whole
     * data is shown.
     */
    /** Shows exactly these curves (as a processor returned them; nothing recomputed), replacing the overlay. */
    public void showCurves(List<Curve> curves) {
        spectra.clear();
        normalised.clear();
        extraCurves.clear();
        extraCurves.addAll(curves);
        hidden.clear();
        setModeButtons(Mode.MU);
        mode = Mode.MU;
        redrawSeries();
        resetZoom();
    }

    public void setMode(Mode m) {
        mode = m;
        setModeButtons(m);
        redrawSeries();
        if (userZoom) fitYToX();
        else resetZoom();
    }

    public void setEdgeLines(boolean show) {
        edgeLines = show;
        if (edgeLinesButton != null) edgeLinesButton.setSelection(show);
        redrawSeries();
    }

    /** Names of the curves hidden from the plot (legend click); they stay in the legend, greyed. */
    public java.util.Set<String> hiddenCurves() { return java.util.Set.copyOf(hidden); }

    /** Hides or shows one curve (what a click on its legend entry does). */
    public void setCurveVisible(String name, boolean visible) {
        if (visible) hidden.remove(name);
        else hidden.add(name);
        ISeries<?> s = chart.getSeriesSet().getSeries(name);
        if (s != null) s.setVisible(visible);
        chart.redraw();
        curveListeners.forEach(Runnable::run);
    }

    /**
     * Removes a curve from the overlay (the legend's context menu): a spectrum of the overlay with all its
     * derived curves, or one extra curve.
     */
    public void removeCurve(String name) {
        spectra.removeIf(s -> s.name().equals(name));
        extraCurves.removeIf(c -> c.name().equals(name));
        hidden.remove(name);
        redrawSeries();
        curveListeners.forEach(Runnable::run);
    }

    /** Called after a curve was hidden, shown or removed. */
    public void onCurvesChanged(Runnable r) { curveListeners.add(r); }

    private void setModeButtons(Mode m) {
        modeButtons.forEach((k, b) -> b.setSelection(k == m));
    }

    private NormalizeProcessor.Normalized normalisation(Spectrum s) throws EdgeworksException {
        NormalizeProcessor.Normalized n = normalised.get(s);
        if (n == null) {
            Result<NormalizeProcessor.Normalized> r = Processors.run(NormalizeProcessor.ID, s, Map.of());
            normalised.put(s, n = r.value());
        }
        return n;
    }

    private void redrawSeries() {
        for (ISeries<?> s : chart.getSeriesSet().getSeries()) chart.getSeriesSet().deleteSeries(s.getId());
        drawn.clear();
        seriesIds.clear();
        problem = null;
        List<Curve> curves = new ArrayList<>(extraCurves);
        int slot = extraCurves.size();
        for (Spectrum s : spectra) {
            int group = slot++;
            try {
                double shift = relative ? normalisation(s).e0() : 0;
                for (Curve c : curvesOf(s)) {
                    double[] x = c.x().clone();
                    for (int k = 0; k < x.length; k++) x[k] -= shift;
                    curves.add(new Curve(c.name(), x, c.y(), c.dashed(), group));
                }
            } catch (EdgeworksException e) {
                problem = e.getMessage();
                curves.add(new Curve(s.name(), s.energies(), s.signal(), false, group));
            }
        }
        int i = 0;
        for (Curve c : curves) {
            int colourSlot = c.group() >= 0 ? c.group() : i;
            i++;
            String id = unique(c.name());
            ILineSeries<?> series = (ILineSeries<?>) chart.getSeriesSet().createSeries(ISeries.SeriesType.LINE, id);
            series.setXSeries(c.x());
            series.setYSeries(c.y());
            series.setSymbolType(ILineSeries.PlotSymbolType.NONE);
            series.setVisible(!hidden.contains(id));
            series.setLineColor(colour(colourSlot));
            series.setLineWidth(c.dashed() ? 1 : 2);
            if (c.dashed()) series.setLineStyle(LineStyle.DASH);
            series.setAntialias(SWT.ON);
            drawn.add(c);
            seriesIds.add(id);
        }
        chart.getAxisSet().getXAxis(0).getTitle().setText(xTitle());
        chart.getAxisSet().getYAxis(0).getTitle().setText(yTitle());
        if (problem != null) readout.setText(problem);
        chart.redraw();
    }

    /** Axis titles from the data: a RIXS cut is against emission energy, a PFY against excitation. */
    private String xTitle() {
        if (relative && !spectra.isEmpty()) return "E - E0 (eV)";
        if (spectra.isEmpty()) return "Energy (eV)";
        String axis = spectra.get(0).energy().name();
        String unit = spectra.get(0).energy().unit().symbol();
        String name = axis == null || axis.isBlank() || axis.equals("energy") ? "Energy" : Character.toUpperCase(axis.charAt(0)) + axis.substring(1);
        return name + (name.toLowerCase(Locale.ROOT).contains("energy") ? "" : " energy") + " (" + unit + ")";
    }

    private String yTitle() {
        if (!xasModes) return spectra.isEmpty() ? "intensity" : spectra.get(0).channel();
        if (mode != Mode.MU || spectra.isEmpty()) return mode.label;
        String channel = spectra.get(0).channel();
        return channel.isBlank() || channel.equals("mu") ? mode.label : channel;
    }

    private List<Curve> curvesOf(Spectrum s) throws EdgeworksException {
        List<Curve> out = new ArrayList<>();
        switch (mode) {
            case MU -> {
                out.add(new Curve(s.name(), s.energies(), s.signal(), false));
                if (edgeLines) {
                    NormalizeProcessor.Normalized n = normalisation(s);
                    out.add(new Curve(s.name() + " pre-edge", n.energy(), n.pre(), true));
                    out.add(new Curve(s.name() + " post-edge", n.energy(), n.post(), true));
                    double lo = min(n.mu()), hi = max(n.mu());
                    out.add(new Curve(s.name() + " E0 = " + fmt(n.e0()) + " eV", new double[] {n.e0(), n.e0()},
                            new double[] {lo, hi}, true));
                }
            }
            case NORM -> {
                NormalizeProcessor.Normalized n = normalisation(s);
                out.add(new Curve(s.name(), n.energy(), n.norm(), false));
            }
            case FLAT -> {
                NormalizeProcessor.Normalized n = normalisation(s);
                out.add(new Curve(s.name(), n.energy(), n.flat(), false));
            }
            // Larch's dmu/dE (numpy.gradient), the same one the E0 search of the xas processors uses.
            case DERIVATIVE -> out.add(new Curve(s.name(), s.energies(), org.edgeworks.xas.EdgeFinder.derivative(s.energies(), s.signal()), false));
        }
        return out;
    }

    private String unique(String name) {
        String id = name;
        for (int k = 2; chart.getSeriesSet().getSeries(id) != null; k++) id = name + " (" + k + ")";
        return id;
    }

    /**
     * Colours in the order of the headless PNG plots (Okabe-Ito, colour-blind safe), so station and report
     * colour curves alike; one slot per spectrum (its pre/post lines and E0 share it). Past the palette's
     * eight colours the same hues come back darker, then lighter, so no two slots of the first 24 share a colour.
     */
    static java.awt.Color paletteColour(int slot) {
        int n = PngPlots.PALETTE.size();
        java.awt.Color c = PngPlots.PALETTE.get(slot % n);
        int round = (slot / n) % 3;
        if (round == 1) return new java.awt.Color(c.getRed() * 6 / 10, c.getGreen() * 6 / 10, c.getBlue() * 6 / 10);
        if (round == 2) return new java.awt.Color(255 - (255 - c.getRed()) * 6 / 10, 255 - (255 - c.getGreen()) * 6 / 10,
                255 - (255 - c.getBlue()) * 6 / 10);
        return c;
    }

    private Color colour(int index) {
        while (colours.size() <= index) {
            java.awt.Color c = paletteColour(colours.size());
            colours.add(new Color(getDisplay(), c.getRed(), c.getGreen(), c.getBlue()));
        }
        return colours.get(index);
    }

    /** Shows all the data (double-click, "Reset zoom", new data); forgets the user's zoom. */
    public void resetZoom() {
        userZoom = false;
        chart.getAxisSet().adjustRange();
        chart.redraw();
    }

    /** Sets the visible data ranges (zoom to a window); kept across mode switches. */
    public void zoomTo(double xMin, double xMax, double yMin, double yMax) {
        chart.getAxisSet().getXAxis(0).setRange(new Range(Math.min(xMin, xMax), Math.max(xMin, xMax)));
        chart.getAxisSet().getYAxis(0).setRange(new Range(Math.min(yMin, yMax), Math.max(yMin, yMax)));
        userZoom = true;
        chart.redraw();
    }

    /** Zooms x only (per-axis zoom), y fitted to the visible curves inside the new x window. */
    public void zoomX(double xMin, double xMax) {
        chart.getAxisSet().getXAxis(0).setRange(new Range(Math.min(xMin, xMax), Math.max(xMin, xMax)));
        userZoom = true;
        fitYToX();
    }

    /** The visible data window {xMin, xMax, yMin, yMax}. */
    public double[] visibleRange() {
        Range x = chart.getAxisSet().getXAxis(0).getRange(), y = chart.getAxisSet().getYAxis(0).getRange();
        return new double[] {x.lower, x.upper, y.lower, y.upper};
    }

    /** y range of the drawn, visible curves within the current x window (5 % margin). */
    private void fitYToX() {
        Range x = chart.getAxisSet().getXAxis(0).getRange();
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < drawn.size(); k++) {
            Curve c = drawn.get(k);
            if (hidden.contains(seriesIds.get(k))) continue;
            for (int i = 0; i < c.x().length; i++)
                if (c.x()[i] >= x.lower && c.x()[i] <= x.upper && Double.isFinite(c.y()[i])) {
                    lo = Math.min(lo, c.y()[i]);
                    hi = Math.max(hi, c.y()[i]);
                }
        }
        if (lo < hi) {
            double pad = 0.05 * (hi - lo);
            chart.getAxisSet().getYAxis(0).setRange(new Range(lo - pad, hi + pad));
        }
        chart.redraw();
    }

    /**
     * The data-to-pixel transform of the plot area in this composite's coordinates (for screenshot tests and
     * the read-out): the same transform SWTChart draws with.
     */
    public PixelMapping plotMapping() {
        Control plot = chart.getPlotArea().getControl();
        Point origin = toControl(plot.toDisplay(0, 0));
        Point size = plot.getSize();
        Range x = chart.getAxisSet().getXAxis(0).getRange(), y = chart.getAxisSet().getYAxis(0).getRange();
        return new PixelMapping(origin.x, origin.y, size.x, size.y, x.lower, x.upper, y.lower, y.upper);
    }

    /**
     * Mouse: left drag draws a box and zooms to it (a box flatter than 8 pixels zooms x only); middle or
     * shift-left drag pans; the wheel zooms x about the pointer; double-click shows all the data.
     */
    private void installMouse() {
        Control plot = chart.getPlotArea().getControl();
        IAxis xAxis = chart.getAxisSet().getXAxis(0), yAxis = chart.getAxisSet().getYAxis(0);
        plot.addListener(SWT.MouseMove, e -> {
            double x = xAxis.getDataCoordinate(e.x), y = yAxis.getDataCoordinate(e.y);
            if (panStart != null) {
                double dx = x - xAxis.getDataCoordinate(panStart.x), dy = y - yAxis.getDataCoordinate(panStart.y);
                xAxis.setRange(new Range(panRanges[0].lower - dx, panRanges[0].upper - dx));
                yAxis.setRange(new Range(panRanges[1].lower - dy, panRanges[1].upper - dy));
                userZoom = true;
                chart.redraw();
                return;
            }
            if (boxStart != null) {
                boxEnd = new Point(e.x, e.y);
                plot.redraw();
            }
            readout.setText(xasModes ? String.format(Locale.ROOT, "E = %.2f eV   %s = %.4g", x, mode.label, y)
                    : String.format(Locale.ROOT, "%s = %.2f   %s = %.4g", xTitle(), x, yTitle(), y));
        });
        plot.addListener(SWT.MouseDown, e -> {
            if (e.button == 2 || (e.button == 1 && (e.stateMask & SWT.SHIFT) != 0)) {
                panStart = new Point(e.x, e.y);
                panRanges = new Range[] {new Range(xAxis.getRange()), new Range(yAxis.getRange())};
            } else if (e.button == 1) {
                boxStart = new Point(e.x, e.y);
                boxEnd = null;
            }
        });
        plot.addListener(SWT.MouseUp, e -> {
            panStart = null;
            if (boxStart == null) return;
            Point a = boxStart;
            boxStart = null;
            boxEnd = null;
            if (Math.abs(e.x - a.x) < 4) { plot.redraw(); return; }
            double x0 = xAxis.getDataCoordinate(a.x), x1 = xAxis.getDataCoordinate(e.x);
            if (Math.abs(e.y - a.y) < 8) zoomX(x0, x1);
            else zoomTo(x0, x1, yAxis.getDataCoordinate(a.y), yAxis.getDataCoordinate(e.y));
        });
        plot.addListener(SWT.Paint, e -> {
            if (boxStart == null || boxEnd == null) return;
            e.gc.setLineStyle(SWT.LINE_DASH);
            e.gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
            e.gc.drawRectangle(Math.min(boxStart.x, boxEnd.x), Math.min(boxStart.y, boxEnd.y),
                    Math.abs(boxEnd.x - boxStart.x), Math.abs(boxEnd.y - boxStart.y));
            e.gc.setLineStyle(SWT.LINE_SOLID);
        });
        plot.addListener(SWT.MouseDoubleClick, e -> resetZoom());
        plot.addListener(SWT.MouseVerticalWheel, e -> {
            double centre = xAxis.getDataCoordinate(e.x);
            if (e.count > 0) xAxis.zoomIn(centre);
            else xAxis.zoomOut(centre);
            userZoom = true;
            chart.redraw();
        });
    }

    /** The series id under a point of the legend, or null. */
    public String legendEntryAt(int x, int y) {
        for (String id : seriesIds) {
            org.eclipse.swt.graphics.Rectangle r = chart.getLegend().getBounds(id);
            if (r != null && r.contains(x, y)) return id;
        }
        return null;
    }

    /** Legend: a click hides / shows the curve; the context menu removes it. */
    private void installLegend() {
        Control legend = (Control) chart.getLegend();
        legend.addListener(SWT.MouseDown, e -> {
            if (e.button != 1) return;
            String id = legendEntryAt(e.x, e.y);
            if (id != null) setCurveVisible(id, hidden.contains(id));
        });
        org.eclipse.swt.widgets.Menu menu = new org.eclipse.swt.widgets.Menu(legend);
        legend.setMenu(menu);
        legend.addListener(SWT.MenuDetect, e -> {
            for (org.eclipse.swt.widgets.MenuItem it : menu.getItems()) it.dispose();
            org.eclipse.swt.graphics.Point p = legend.toControl(e.x, e.y);
            String id = legendEntryAt(p.x, p.y);
            if (id == null) { e.doit = false; return; }
            org.eclipse.swt.widgets.MenuItem hide = new org.eclipse.swt.widgets.MenuItem(menu, SWT.PUSH);
            hide.setText(hidden.contains(id) ? "Show '" + id + "'" : "Hide '" + id + "'");
            hide.addListener(SWT.Selection, ev -> setCurveVisible(id, hidden.contains(id)));
            org.eclipse.swt.widgets.MenuItem remove = new org.eclipse.swt.widgets.MenuItem(menu, SWT.PUSH);
            remove.setText("Remove '" + id + "'");
            remove.addListener(SWT.Selection, ev -> removeCurve(id));
        });
    }

    private interface Export { void to(Path p) throws EdgeworksException; }

    private void exportDialog(String pattern, Export export) {
        FileDialog d = new FileDialog(getShell(), SWT.SAVE);
        d.setFilterExtensions(new String[] {pattern});
        d.setOverwrite(true);
        String file = d.open();
        if (file == null) return;
        try {
            export.to(Path.of(file));
        } catch (EdgeworksException e) {
            ErrorDialogs.show(getShell(), "Export failed", e);
        }
    }

    /** Writes the drawn curves as an SVG figure through the headless plot core (same layout as the batch PNGs). */
    public void exportSvg(Path target) throws EdgeworksException {
        List<org.edgeworks.plot.Series> series = new ArrayList<>();
        for (Curve c : drawn) series.add(new org.edgeworks.plot.Series(c.name(), c.x(), c.y(), c.dashed()));
        if (series.isEmpty()) throw new EdgeworksException(target, null, "nothing plotted to export");
        org.edgeworks.plot.SvgPlots.linePlot(target, true, new org.edgeworks.plot.LinePlot("", "Energy (eV)",
            mode.name().toLowerCase(Locale.ROOT), series, List.of()));
    }

    /** Writes every drawn curve as CSV (name,x,y per line, so curves of different grids fit in one file). */
    public void exportCsv(Path target) throws EdgeworksException {
        StringBuilder sb = new StringBuilder("curve,energy_eV," + mode.name().toLowerCase(Locale.ROOT) + "\n");
        for (Curve c : drawn)
            for (int i = 0; i < c.x().length; i++)
                sb.append('"').append(c.name().replace("\"", "'")).append("\",").append(c.x()[i]).append(',').append(c.y()[i]).append('\n');
        AtomicFiles.writeString(target, true, sb.toString());
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) if (Double.isFinite(x)) m = Math.min(m, x);
        return m;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) if (Double.isFinite(x)) m = Math.max(m, x);
        return m;
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
