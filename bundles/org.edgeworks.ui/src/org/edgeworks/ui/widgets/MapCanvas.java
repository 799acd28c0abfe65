package org.edgeworks.ui.widgets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.RixsMap;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.core.processing.Result;
import org.edgeworks.plot.Colormap;
import org.edgeworks.plot.MapRaster;
import org.edgeworks.plot.PixelMapping;
import org.edgeworks.plot.Scaling;
import org.edgeworks.plot.Ticks;
import org.edgeworks.rixs.CutAtExcitation;
import org.edgeworks.rixs.EnergyLossMap;
import org.edgeworks.rixs.PartialYield;
import org.edgeworks.rixs.QuantifyFeature;

/**
 * mRIXS map viewer content (no workbench dependency). The heat map's pixels are exactly
 * {@link MapRaster#render} then {@link MapRaster#resample} (the headless PNG writer's pipeline), with
 * {@link MapRaster#colourBar}, axes in eV, colormap / scaling / energy-loss choices, a crosshair read-out, and
 * drag selections: a horizontal band gives the RIXS cut, a vertical band the PFY (both live, through the rixs
 * processors), a box the feature quantification.
 */
public final class MapCanvas extends Composite {

    /** What a mouse drag on the map selects. */
    public enum Drag {
        CUT("RIXS cut (horizontal band)"), PFY("PFY (vertical band)"), FEATURE_BOX("feature box"),
        IPFY("iPFY (vertical band = non-resonant window)");

        final String label;

        Drag(String label) { this.label = label; }
    }

    /** Margins of the plot area inside the canvas: room for tick labels, axis titles and the colour bar. */
    static final int LEFT = 72, TOP = 24, RIGHT = 110, BOTTOM = 48, BAR_GAP = 14, BAR_WIDTH = 18;

    private final Canvas canvas;
    private static final String[] METHODS = {QuantifyFeature.BOX, QuantifyFeature.SPFY, QuantifyFeature.MODEL2D};
    private final Combo colormapCombo, scalingCombo, axesCombo, dragCombo, methodCombo;
    private final Label readout;
    private final List<Consumer<Result<Spectrum>>> spectrumListeners = new ArrayList<>();
    private final List<Consumer<Result<QuantifyFeature.Quantification>>> featureListeners = new ArrayList<>();
    private RixsMap source, shown;
    private Colormap colormap = Colormap.VIRIDIS;
    private Scaling scaling = Scaling.linear();
    private double[] commonRange;
    private Image mapImage;
    private Point cursor;
    private double[] dragStart, selection; // data coordinates: {x0, y0} and {x0, y0, x1, y1}
    private Drag drag = Drag.CUT;
    private String method = QuantifyFeature.BOX;
    private String title = "";
    private boolean titleGiven;
    private boolean showColourBar = true;
    private final Composite toolbar;
    private String problem;

    public MapCanvas(Composite parent, int style) {
        super(parent, style);
        setLayout(new GridLayout(1, false));
        Composite bar = new Composite(this, SWT.NONE);
        toolbar = bar;
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        bar.setLayout(new org.eclipse.swt.layout.RowLayout(SWT.HORIZONTAL));
        colormapCombo = Buttons.colormaps(bar, this::setColormap);
        scalingCombo = Buttons.combo(bar, "Scaling", new String[] {"linear", "log", "percentile 1-99"}, 0,
                i -> setScaling(i == 0 ? Scaling.linear() : i == 1 ? Scaling.log() : Scaling.percentile(1, 99)));
        axesCombo = Buttons.combo(bar, "Axes", new String[] {"excitation / emission", "excitation / energy loss"}, 0,
                i -> setEnergyLoss(i == 1));
        dragCombo = Buttons.combo(bar, "Drag", new String[] {Drag.CUT.label, Drag.PFY.label, Drag.FEATURE_BOX.label, Drag.IPFY.label}, 0,
                i -> setDrag(Drag.values()[i]));
        // the quantification method of a dragged box (QuantifyFeature's three methods; box by default)
        methodCombo = Buttons.combo(bar, "Box method", METHODS, 0, i -> setMethod(METHODS[i]));
        canvas = new Canvas(this, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        canvas.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        canvas.addPaintListener(e -> paint(e.gc));
        canvas.addListener(SWT.Resize, e -> disposeImage());
        readout = new Label(this, SWT.NONE);
        readout.setLayoutData(new GridData(SWT.FILL, SWT.BOTTOM, true, false));
        readout.setText(" ");
        installMouse();
        addDisposeListener(e -> disposeImage());
    }

    public Canvas canvas() { return canvas; }
    public RixsMap source() { return source; }
    /** The map as drawn (the energy-loss version when that view is chosen). */
    public RixsMap shown() { return shown; }
    public Colormap colormap() { return colormap; }
    public Scaling scaling() { return scaling; }
    public String problem() { return problem; }
    public String readoutText() { return readout.getText(); }

    public void onSpectrum(Consumer<Result<Spectrum>> listener) { spectrumListeners.add(listener); }
    public void onFeature(Consumer<Result<QuantifyFeature.Quantification>> listener) { featureListeners.add(listener); }

    /** A title of the caller's choosing (compare states); without one the title is the shown map's name. */
    public void setTitle(String title) {
        this.title = title == null ? "" : title;
        titleGiven = title != null && !title.isEmpty();
        canvas.redraw();
    }

    public String title() { return title; }

    /**
     * Compact form for grids of maps (compare states): no tool row of its own and no colour bar (the grid
     * draws one shared bar), so every map gets the room.
     */
    public void setCompact(boolean compact) {
        setCompact(compact, !compact);
    }

    /** Compact (no tool row, no read-out line) with or without its own colour bar. */
    public void setCompact(boolean compact, boolean colourBar) {
        toolbar.setVisible(!compact);
        ((GridData) toolbar.getLayoutData()).exclude = compact;
        readout.setVisible(!compact);
        ((GridData) readout.getLayoutData()).exclude = compact;
        showColourBar = colourBar;
        layout(true, true);
        refresh();
    }

    /**
     * Shows a map, replacing the previous one entirely: title (unless the caller gave one), selection, read-out
     * and the linked plots (listeners receive null: "nothing selected on the new map").
     */
    public void setMap(RixsMap map) {
        source = map;
        shown = map;
        selection = null;
        dragStart = null;
        cursor = null;
        problem = null;
        readout.setText(" ");
        if (axesCombo.getSelectionIndex() == 1) setEnergyLoss(true);
        if (!titleGiven) title = map.name();
        spectrumListeners.forEach(l -> l.accept(null));
        refresh();
    }

    public void setColormap(Colormap c) {
        colormap = c;
        colormapCombo.select(c.ordinal());
        refresh();
    }

    public void setScaling(Scaling s) {
        scaling = s;
        scalingCombo.select(s.kind().ordinal());
        refresh();
    }

    /** One colour range shared with other maps (compare states); null = this map's own range. */
    public void setCommonRange(double[] range) {
        commonRange = range == null ? null : range.clone();
        refresh();
    }

    public void setDrag(Drag d) {
        drag = d;
        dragCombo.select(d.ordinal());
    }

    /** Shows the map against energy loss (E_ex - E_em), as the energy-loss processor computes it. */
    public void setEnergyLoss(boolean loss) {
        axesCombo.select(loss ? 1 : 0);
        if (source == null) return;
        readout.setText(" ");
        shown = source;
        if (loss) {
            try {
                Result<RixsMap> r = Processors.run(EnergyLossMap.ID, source, Map.of());
                shown = r.value();
            } catch (EdgeworksException e) {
                report(e);
            }
        }
        // a cut band is in excitation, which both views share: it follows the switch; PFY bands and boxes are in
        // the x axis that changed meaning, so they are cleared with the linked plot
        if (selection != null && drag == Drag.CUT) runSelection();
        else {
            selection = null;
            spectrumListeners.forEach(l -> l.accept(null));
        }
        refresh();
    }

    public boolean energyLoss() { return axesCombo.getSelectionIndex() == 1; }

    /** The colour range in use (data values at the bottom and top of the colour bar). */
    public double[] range() {
        return commonRange != null ? commonRange.clone() : scaling.range(shown.data());
    }

    private void refresh() {
        disposeImage();
        canvas.redraw();
    }

    private void disposeImage() {
        if (mapImage != null) mapImage.dispose();
        mapImage = null;
    }

    /** The heat map's rectangle in canvas pixels with the data ranges at its edges (x: emission or loss, y: excitation). */
    public PixelMapping plotArea() {
        Point size = canvas.getSize();
        double[] x = MapRaster.extent(shown.emission().values()), y = MapRaster.extent(shown.excitation().values());
        int right = showColourBar ? RIGHT : 12;
        return new PixelMapping(LEFT, TOP, Math.max(1, size.x - LEFT - right), Math.max(1, size.y - TOP - BOTTOM),
                x[0], x[1], y[0], y[1]);
    }

    /** The colour bar's rectangle in canvas pixels (y = colormap position 0..1). */
    public PixelMapping colourBarArea() {
        PixelMapping a = plotArea();
        return new PixelMapping(a.left() + a.width() + BAR_GAP, a.top(), BAR_WIDTH, a.height(), 0, 1, 0, 1);
    }

    private void paint(GC gc) {
        Point size = canvas.getSize();
        gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
        gc.fillRectangle(0, 0, size.x, size.y);
        if (shown == null) {
            gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
            gc.drawText("Open an mRIXS map from the data browser", LEFT, TOP, true);
            return;
        }
        PixelMapping area = plotArea();
        double[] range = range();
        if (mapImage == null) mapImage = mapImage(area, range);
        gc.drawImage(mapImage, area.left(), area.top());
        PixelMapping bar = colourBarArea();
        if (showColourBar) drawColourBar(gc, bar, colormap);
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_BLACK));
        gc.drawRectangle(area.left() - 1, area.top() - 1, area.width() + 1, area.height() + 1);
        drawTicks(gc, area, bar, range);
        drawSelection(gc, area);
        drawCrosshair(gc, area);
    }

    /** The colour bar's pixels (colormap 1 at the top row) with a black frame. */
    static void drawColourBar(GC gc, PixelMapping bar, Colormap colormap) {
        int[] barRows = MapRaster.colourBar(colormap, bar.height());
        ImageData barData = new ImageData(bar.width(), bar.height(), 24, new PaletteData(0xFF0000, 0xFF00, 0xFF));
        for (int r = 0; r < barRows.length; r++)
            for (int c = 0; c < bar.width(); c++) barData.setPixel(c, r, barRows[r] & 0xFFFFFF);
        Image barImage = new Image(gc.getDevice(), barData);
        gc.drawImage(barImage, bar.left(), bar.top());
        barImage.dispose();
        gc.setForeground(gc.getDevice().getSystemColor(SWT.COLOR_BLACK));
        gc.drawRectangle(bar.left() - 1, bar.top() - 1, bar.width() + 1, bar.height() + 1);
    }

    /** Colour-bar tick labels in data units beside the bar (shared by the map and the compare grid's one bar). */
    static void drawColourBarTicks(GC gc, PixelMapping bar, Scaling scaling, double[] range) {
        int fontHeight = gc.getFontMetrics().getHeight();
        List<Double> bt = Ticks.linear(range[0], range[1], 5);
        double bs = Ticks.step(range[0], range[1], 5);
        int barRight = bar.left() + bar.width();
        for (double v : bt) {
            int py = (int) Math.round(bar.pixelY(scaling.normalise(v, range)));
            gc.drawLine(barRight, py, barRight + 4, py);
            gc.drawText(Ticks.label(v, bs), barRight + 6, py - fontHeight / 2, true);
        }
    }

    private Image mapImage(PixelMapping area, double[] range) {
        double[] x = shown.emission().values(), y = shown.excitation().values();
        int[] cells = MapRaster.render(shown.data(), shown.rows(), shown.columns(), colormap, scaling, range);
        int[] pixels = MapRaster.resample(cells, y.length, x.length, x, y, area);
        ImageData data = new ImageData(area.width(), area.height(), 24, new PaletteData(0xFF0000, 0xFF00, 0xFF));
        for (int i = 0; i < pixels.length; i++) pixels[i] &= 0xFFFFFF;
        for (int r = 0; r < area.height(); r++) data.setPixels(0, r, area.width(), pixels, r * area.width());
        return new Image(getDisplay(), data);
    }

    private void drawTicks(GC gc, PixelMapping area, PixelMapping bar, double[] range) {
        int fontHeight = gc.getFontMetrics().getHeight();
        // as many x ticks as fit: a label is ~6 characters wide, keep at least one label width between them
        int labelWidth = gc.textExtent("000.0").x + 12;
        int nx = Math.max(2, Math.min(6, area.width() / labelWidth)), ny = Math.max(2, Math.min(6, area.height() / (2 * fontHeight)));
        List<Double> xt = Ticks.linear(area.xMin(), area.xMax(), nx), yt = Ticks.linear(area.yMin(), area.yMax(), ny);
        double xs = Ticks.step(area.xMin(), area.xMax(), nx), ys = Ticks.step(area.yMin(), area.yMax(), ny);
        int bottom = area.top() + area.height();
        for (double v : xt) {
            int px = (int) Math.round(area.pixelX(v));
            gc.drawLine(px, bottom, px, bottom + 4);
            String s = Ticks.label(v, xs);
            gc.drawText(s, px - gc.textExtent(s).x / 2, bottom + 5, true);
        }
        for (double v : yt) {
            int py = (int) Math.round(area.pixelY(v));
            gc.drawLine(area.left() - 5, py, area.left() - 1, py);
            String s = Ticks.label(v, ys);
            gc.drawText(s, area.left() - 7 - gc.textExtent(s).x, py - fontHeight / 2, true);
        }
        String xLabel = energyLoss() ? "Energy loss (eV)" : "Emission energy (eV)";
        gc.drawText(xLabel, area.left() + area.width() / 2 - gc.textExtent(xLabel).x / 2, bottom + 6 + fontHeight, true);
        Point s = gc.textExtent("Excitation energy (eV)");
        var t = new org.eclipse.swt.graphics.Transform(getDisplay());
        t.translate(2, area.top() + area.height() / 2 + s.x / 2);
        t.rotate(-90);
        gc.setTransform(t);
        gc.drawText("Excitation energy (eV)", 0, 0, true);
        gc.setTransform(null);
        t.dispose();
        if (showColourBar) drawColourBarTicks(gc, bar, scaling, range);
        if (!title.isEmpty()) gc.drawText(title, area.left(), 2, true);
    }

    private void drawSelection(GC gc, PixelMapping area) {
        if (selection == null) return;
        int x0 = area.left(), x1 = area.left() + area.width(), y0 = area.top(), y1 = area.top() + area.height();
        switch (drag) {
            case CUT -> {
                y0 = (int) Math.round(area.pixelY(Math.max(selection[1], selection[3])));
                y1 = (int) Math.round(area.pixelY(Math.min(selection[1], selection[3])));
            }
            case PFY, IPFY -> {
                x0 = (int) Math.round(area.pixelX(Math.min(selection[0], selection[2])));
                x1 = (int) Math.round(area.pixelX(Math.max(selection[0], selection[2])));
            }
            case FEATURE_BOX -> {
                x0 = (int) Math.round(area.pixelX(Math.min(selection[0], selection[2])));
                x1 = (int) Math.round(area.pixelX(Math.max(selection[0], selection[2])));
                y0 = (int) Math.round(area.pixelY(Math.max(selection[1], selection[3])));
                y1 = (int) Math.round(area.pixelY(Math.min(selection[1], selection[3])));
            }
        }
        gc.setLineWidth(1);
        gc.setLineStyle(SWT.LINE_DASH);
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
        gc.drawRectangle(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0));
        gc.setLineStyle(SWT.LINE_SOLID);
    }

    private void drawCrosshair(GC gc, PixelMapping area) {
        if (cursor == null || !area.contains(cursor.x, cursor.y)) return;
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
        gc.setLineStyle(SWT.LINE_DOT);
        gc.drawLine(area.left(), cursor.y, area.left() + area.width() - 1, cursor.y);
        gc.drawLine(cursor.x, area.top(), cursor.x, area.top() + area.height() - 1);
        gc.setLineStyle(SWT.LINE_SOLID);
    }

    private void installMouse() {
        canvas.addListener(SWT.MouseMove, e -> {
            if (shown == null) return;
            PixelMapping area = plotArea();
            cursor = new Point(e.x, e.y);
            if (area.contains(e.x, e.y)) readout.setText(readout(area.dataX(e.x), area.dataY(e.y)));
            if (dragStart != null) {
                selection = new double[] {dragStart[0], dragStart[1], area.dataX(e.x), area.dataY(e.y)};
                if (drag != Drag.FEATURE_BOX) runSelection();
            }
            canvas.redraw();
        });
        canvas.addListener(SWT.MouseExit, e -> { cursor = null; canvas.redraw(); });
        canvas.addListener(SWT.MouseDown, e -> {
            if (shown == null || e.button != 1 || !plotArea().contains(e.x, e.y)) return;
            PixelMapping area = plotArea();
            dragStart = new double[] {area.dataX(e.x), area.dataY(e.y)};
        });
        canvas.addListener(SWT.MouseUp, e -> {
            if (dragStart == null) return;
            PixelMapping area = plotArea();
            selection = new double[] {dragStart[0], dragStart[1], area.dataX(e.x), area.dataY(e.y)};
            dragStart = null;
            runSelection();
            canvas.redraw();
        });
    }

    /** Crosshair read-out: the cell under the cursor (a lookup, not a computation). */
    String readout(double x, double y) {
        double[] xs = shown.emission().values(), ys = shown.excitation().values();
        int c = nearest(xs, x), r = nearest(ys, y);
        return String.format(Locale.ROOT, "E_ex = %.2f eV   %s = %.2f eV   I = %.4g", ys[r],
                energyLoss() ? "E_loss" : "E_em", xs[c], shown.get(r, c));
    }

    private static int nearest(double[] v, double x) {
        int best = 0;
        for (int i = 1; i < v.length; i++) if (Math.abs(v[i] - x) < Math.abs(v[best] - x)) best = i;
        return best;
    }

    /**
     * Selects a band or box in data coordinates (as a drag would) and runs its processor:
     * CUT uses y0..y1 (excitation), PFY x0..x1 (emission), FEATURE_BOX both.
     */
    public void select(Drag kind, double x0, double y0, double x1, double y1) {
        setDrag(kind);
        selection = new double[] {x0, y0, x1, y1};
        runSelection();
        canvas.redraw();
    }

    /**
     * The quantification box of the current selection as parameters of the feature processor: centre and half
     * widths of the dragged box, a background frame as wide as the half widths.
     */
    public Map<String, Double> featureBox() {
        double xLo = Math.min(selection[0], selection[2]), xHi = Math.max(selection[0], selection[2]);
        double yLo = Math.min(selection[1], selection[3]), yHi = Math.max(selection[1], selection[3]);
        return Map.of("excitation", (yLo + yHi) / 2, "emission", (xLo + xHi) / 2,
                "halfExcitation", (yHi - yLo) / 2, "halfEmission", (xHi - xLo) / 2,
                "frameExcitation", (yHi - yLo) / 2, "frameEmission", (xHi - xLo) / 2);
    }

    /** The quantification method a dragged box uses: box, spfy or model2d. */
    public String method() { return method; }

    public void setMethod(String m) {
        int i = java.util.Arrays.asList(METHODS).indexOf(m);
        if (i < 0) throw new IllegalArgumentException("no quantification method " + m);
        method = m;
        methodCombo.select(i);
        if (selection != null && drag == Drag.FEATURE_BOX) runSelection();
        canvas.redraw();
    }

    /**
     * The feature processor's parameters from the dragged box and the chosen method: box = the dragged box (and
     * its frame, {@link #featureBox()}); spfy = centre of the box, emission window = the box's emission extent,
     * fit window = its excitation extent (the processor's default neighbouring peaks inside it); model2d = the
     * box as the fit region.
     */
    public Map<String, Object> featureParameters() {
        double xLo = Math.min(selection[0], selection[2]), xHi = Math.max(selection[0], selection[2]);
        double yLo = Math.min(selection[1], selection[3]), yHi = Math.max(selection[1], selection[3]);
        Map<String, Object> p = new java.util.HashMap<>();
        String m = method();
        p.put("method", m);
        p.put("excitation", (yLo + yHi) / 2);
        p.put("emission", (xLo + xHi) / 2);
        switch (m) {
            case QuantifyFeature.SPFY -> {
                p.put("windowHalfWidth", (xHi - xLo) / 2);
                p.put("fitFrom", yLo);
                p.put("fitTo", yHi);
                p.put("neighbourPeaks", java.util.Arrays.stream(QuantifyFeature.Parameters.defaults().neighbourPeaks())
                        .filter(e -> e > yLo && e < yHi).toArray());
            }
            case QuantifyFeature.MODEL2D -> {
                p.put("regionExcitation", (yHi - yLo) / 2);
                p.put("regionEmission", (xHi - xLo) / 2);
            }
            default -> p.putAll(featureBox());
        }
        return p;
    }

    /** The current selection {x0, y0, x1, y1} in data units, or null. */
    public double[] selection() { return selection == null ? null : selection.clone(); }

    private void runSelection() {
        double xLo = Math.min(selection[0], selection[2]), xHi = Math.max(selection[0], selection[2]);
        double yLo = Math.min(selection[1], selection[3]), yHi = Math.max(selection[1], selection[3]);
        try {
            switch (drag) {
                case CUT -> {
                    Result<Spectrum> r = Processors.run(CutAtExcitation.ID, shown,
                            Map.of("excitation", (yLo + yHi) / 2, "width", yHi - yLo));
                    // a compact legend (0.01 eV) and the x axis named as the map's (emission or energy loss)
                    Spectrum cut = r.value();
                    Spectrum named = new Spectrum(String.format(Locale.ROOT, "cut E_ex %.2f eV (%.2f wide)", (yLo + yHi) / 2, yHi - yLo),
                            org.edgeworks.core.data.Axis.of(shown.emission().name(), shown.emission().unit(), cut.energies()),
                            cut.signal(), cut.uncertainty(), cut.channel());
                    Result<Spectrum> out = new Result<>(named, r.provenance());
                    spectrumListeners.forEach(l -> l.accept(out));
                }
                case PFY -> {
                    Result<Spectrum> r = Processors.run(PartialYield.ID, shown, Map.of("from", xLo, "to", xHi));
                    Spectrum pfy = r.value();
                    Result<Spectrum> out = new Result<>(pfy.withName(String.format(Locale.ROOT, "PFY %s %.2f-%.2f eV",
                            energyLoss() ? "E_loss" : "E_em", xLo, xHi)), r.provenance());
                    spectrumListeners.forEach(l -> l.accept(out));
                }
                case FEATURE_BOX -> {
                    Result<QuantifyFeature.Quantification> r = Processors.run(QuantifyFeature.ID, shown, featureParameters());
                    featureListeners.forEach(l -> l.accept(r));
                    readout.setText(String.format(Locale.ROOT, "feature (%s) %.4g +- %.2g (normalised %.4g +- %.2g)", r.value().method(),
                            r.value().featureIntensity(), r.value().uncertainty(), r.value().normalisedIntensity(),
                            r.value().normalisedIntensityStderr()));
                }
                case IPFY -> {
                    // the map's rows as emission spectra already divided by I0 (the rixs bundle's mRIXS-iPFY input)
                    Result<org.edgeworks.rixs.InversePartialYield.Yields> r = Processors.run(org.edgeworks.rixs.InversePartialYield.ID,
                            org.edgeworks.rixs.InversePartialYield.fromMap(shown), Map.of("windowFrom", xLo, "windowTo", xHi));
                    Spectrum ipfy = r.value().ipfy();
                    Result<Spectrum> out = new Result<>(ipfy.withName(String.format(Locale.ROOT, "iPFY %s %.2f-%.2f eV",
                            energyLoss() ? "E_loss" : "E_em", xLo, xHi)), r.provenance());
                    spectrumListeners.forEach(l -> l.accept(out));
                }
            }
            problem = null;
        } catch (EdgeworksException e) {
            report(e);
        }
    }

    /** Processor errors while dragging go to the read-out line (a dialog per mouse move would be unusable). */
    private void report(EdgeworksException e) {
        problem = e.getMessage();
        readout.setText(problem);
    }
}
