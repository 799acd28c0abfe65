package org.edgeworks.ui.widgets;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.edgeworks.plot.Colormap;
import org.edgeworks.plot.MapRaster;
import org.edgeworks.plot.PixelMapping;
import org.edgeworks.plot.Scaling;

/**
 * A detector image or a per-pixel map (rows x columns, row 0 at the top, square pixels) with a colour bar, drawn
 * through the plot bundle's {@link MapRaster} (the PNG writers' pipeline). The colour range is either typed
 * ({@link #setRange}) or the data's own under a scaling (min/max or percentiles, {@link Scaling#range}); values
 * outside it are clipped to the end colours, NaN is the bad colour. A click on a pixel is reported as (row, column).
 */
public final class ImageCanvas extends Canvas {
    static final int LEFT = 56, TOP = 22, RIGHT = 96, BOTTOM = 40;

    private double[] values;
    private int rows, cols;
    private String title = "";
    private Colormap colormap = Colormap.VIRIDIS;
    private Scaling scaling = Scaling.linear();
    private double[] typedRange;
    private int[] marked;
    private Image image;
    private final List<BiConsumer<Integer, Integer>> clickListeners = new ArrayList<>();
    private final List<java.util.function.Consumer<String>> hoverListeners = new ArrayList<>();

    public ImageCanvas(Composite parent, int style) {
        super(parent, style | SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        addPaintListener(e -> paint(e.gc));
        addListener(SWT.Resize, e -> disposeImage());
        addDisposeListener(e -> disposeImage());
        addListener(SWT.MouseMove, e -> {
            if (values == null || hoverListeners.isEmpty()) return;
            int[] rc = cellAt(e.x, e.y);
            String text = rc == null ? " " : readout(rc[0], rc[1]);
            hoverListeners.forEach(l -> l.accept(text));
        });
        addListener(SWT.MouseDown, e -> {
            if (values == null || e.button != 1) return;
            int[] rc = cellAt(e.x, e.y);
            if (rc != null) clickListeners.forEach(l -> l.accept(rc[0], rc[1]));
        });
    }

    /** Shows an image (row-major, rows x columns) with a title; keeps the colour settings. */
    public void setImage(double[] rowMajor, int rows, int cols, String title) {
        if (rowMajor.length != (long) rows * cols)
            throw new IllegalArgumentException(rows + " x " + cols + " image has " + rowMajor.length + " values");
        this.values = rowMajor;
        this.rows = rows;
        this.cols = cols;
        this.title = title == null ? "" : title;
        refresh();
    }

    /** A typed colour range {min, max} in data units; null = the data's own range under the scaling. */
    public void setRange(double[] range) {
        typedRange = range == null ? null : range.clone();
        refresh();
    }

    /** The scaling that gives the range when none is typed (linear min/max, log, percentiles). */
    public void setScaling(Scaling s) {
        scaling = s;
        refresh();
    }

    public void setColormap(Colormap c) {
        colormap = c;
        refresh();
    }

    /** Marks one pixel (a picked pixel) with a frame; null = none. */
    public void mark(int[] rowColumn) {
        marked = rowColumn == null ? null : rowColumn.clone();
        redraw();
    }

    public void onClick(BiConsumer<Integer, Integer> listener) { clickListeners.add(listener); }

    /** Called with the read-out of the pixel under the pointer (a lookup): "y=R x=C value V". */
    public void onHover(java.util.function.Consumer<String> listener) { hoverListeners.add(listener); }

    /** The read-out of pixel (row, column). */
    public String readout(int row, int column) {
        return String.format(java.util.Locale.ROOT, "y=%d x=%d value %.6g", row, column, values[row * cols + column]);
    }

    public Colormap colormap() { return colormap; }
    public Scaling scaling() { return scaling; }
    public String title() { return title; }
    public double[] values() { return values; }

    /** The colour range in use {min, max}: the typed one, else the data's under the scaling. */
    public double[] range() {
        return typedRange != null ? typedRange.clone() : scaling.range(values);
    }

    /**
     * The image's rectangle on the canvas: square pixels, as large as fit; x = column, y = -row (so that row 0 is
     * drawn at the top by the y-up raster).
     */
    public PixelMapping plotArea() {
        Point size = getSize();
        int w = Math.max(1, size.x - LEFT - RIGHT), h = Math.max(1, size.y - TOP - BOTTOM);
        double cell = Math.max(1e-9, Math.min((double) w / Math.max(1, cols), (double) h / Math.max(1, rows)));
        int pw = Math.max(1, (int) Math.floor(cell * cols)), ph = Math.max(1, (int) Math.floor(cell * rows));
        return new PixelMapping(LEFT, TOP, pw, ph, -0.5, cols - 0.5, -(rows - 0.5), 0.5);
    }

    /** The canvas point at the centre of pixel (row, column). */
    public Point pointOf(int row, int column) {
        PixelMapping a = plotArea();
        return new Point(a.column(column), a.row(-row));
    }

    /** (row, column) under a canvas point, or null outside the image. */
    public int[] cellAt(int x, int y) {
        PixelMapping a = plotArea();
        if (!a.contains(x, y)) return null;
        int c = (int) Math.round(a.dataX(x)), r = (int) Math.round(-a.dataY(y));
        if (r < 0 || r >= rows || c < 0 || c >= cols) return null;
        return new int[] {r, c};
    }

    /** The colour bar's rectangle (y = colormap position 0..1). */
    public PixelMapping colourBarArea() {
        PixelMapping a = plotArea();
        return new PixelMapping(a.left() + a.width() + MapCanvas.BAR_GAP, a.top(), MapCanvas.BAR_WIDTH, a.height(), 0, 1, 0, 1);
    }

    private void refresh() {
        disposeImage();
        redraw();
    }

    private void disposeImage() {
        if (image != null) image.dispose();
        image = null;
    }

    private void paint(GC gc) {
        Point size = getSize();
        gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
        gc.fillRectangle(0, 0, size.x, size.y);
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_BLACK));
        if (values == null) {
            gc.drawText("No image", LEFT, TOP, true);
            return;
        }
        PixelMapping area = plotArea();
        double[] range = range();
        if (image == null) {
            double[] x = new double[cols], y = new double[rows];
            for (int c = 0; c < cols; c++) x[c] = c;
            for (int r = 0; r < rows; r++) y[r] = -r;
            int[] cells = MapRaster.render(values, rows, cols, colormap, scaling, range);
            int[] pixels = MapRaster.resample(cells, rows, cols, x, y, area);
            ImageData data = new ImageData(area.width(), area.height(), 24, new PaletteData(0xFF0000, 0xFF00, 0xFF));
            for (int i = 0; i < pixels.length; i++) pixels[i] &= 0xFFFFFF;
            for (int r = 0; r < area.height(); r++) data.setPixels(0, r, area.width(), pixels, r * area.width());
            image = new Image(getDisplay(), data);
        }
        gc.drawImage(image, area.left(), area.top());
        gc.drawRectangle(area.left() - 1, area.top() - 1, area.width() + 1, area.height() + 1);
        PixelMapping bar = colourBarArea();
        MapCanvas.drawColourBar(gc, bar, colormap);
        MapCanvas.drawColourBarTicks(gc, bar, scaling, range);
        if (!title.isEmpty()) gc.drawText(title, area.left(), 2, true);
        int fh = gc.getFontMetrics().getHeight(), bottom = area.top() + area.height();
        gc.drawText("x (pixel) 0.." + (cols - 1), area.left(), bottom + 4, true);
        gc.drawText("y (pixel) 0.." + (rows - 1) + " down", area.left(), bottom + 4 + fh, true);
        if (marked != null) {
            Point p = pointOf(marked[0], marked[1]);
            int half = Math.max(3, (int) Math.ceil(area.width() / (2.0 * cols)) + 1);
            gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_RED));
            gc.setLineWidth(2);
            gc.drawRectangle(p.x - half, p.y - half, 2 * half, 2 * half);
            gc.setLineWidth(1);
        }
    }
}
