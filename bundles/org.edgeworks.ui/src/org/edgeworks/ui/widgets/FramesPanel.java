package org.edgeworks.ui.widgets;

import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowData;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Scale;
import org.eclipse.swt.widgets.Text;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.plot.Colormap;
import org.edgeworks.plot.Scaling;
import org.edgeworks.plot.Ticks;
import org.edgeworks.ui.viewers.ImageFrames;

/**
 * An image stack frame by frame, as DAWN's image trace tools offer it: a frame slider, the current frame drawn
 * with its colour bar, a histogram of the frame's values with the colour range marked on it, the colour range
 * typed (min / max) or taken from the frame's percentiles ("Auto", {@link Scaling#percentile}, the maps' rule).
 * Frames are read one at a time when shown.
 */
public final class FramesPanel extends Composite {
    /** Histogram bins over the frame's finite value range. */
    public static final int BINS = 64;

    private final Scale slider;
    private final Label frameLabel, message, readout;
    private final Text min, max, lowPercentile, highPercentile;
    private final ImageCanvas canvas;
    private final Canvas histogramCanvas;
    private ImageFrames frames;
    private int frame;
    private double[] values;
    private long[] counts;
    private double[] edges;
    private boolean setting;

    public FramesPanel(Composite parent, int style) {
        super(parent, style);
        setLayout(new GridLayout(1, false));
        Composite bar = new Composite(this, SWT.NONE);
        bar.setLayout(new RowLayout(SWT.HORIZONTAL));
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        new Label(bar, SWT.NONE).setText("Frame");
        slider = new Scale(bar, SWT.HORIZONTAL);
        slider.setLayoutData(new RowData(260, SWT.DEFAULT));
        slider.setMinimum(0);
        slider.setIncrement(1);
        slider.setPageIncrement(1);
        slider.addListener(SWT.Selection, e -> showFrame(slider.getSelection()));
        frameLabel = new Label(bar, SWT.NONE);
        frameLabel.setText("no frames");
        new Label(bar, SWT.NONE).setText("  min");
        min = number(bar, 90);
        new Label(bar, SWT.NONE).setText("max");
        max = number(bar, 90);
        min.addListener(SWT.Modify, e -> typed());
        max.addListener(SWT.Modify, e -> typed());
        Buttons.push(bar, "Auto", this::auto);
        new Label(bar, SWT.NONE).setText("percentiles");
        lowPercentile = number(bar, 40);
        lowPercentile.setText("1");
        highPercentile = number(bar, 40);
        highPercentile.setText("99");
        Buttons.colormaps(bar, this::applyColormap);
        readout = new Label(this, SWT.NONE);
        readout.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        readout.setText(" ");
        message = new Label(this, SWT.NONE);
        message.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        message.setForeground(getDisplay().getSystemColor(SWT.COLOR_RED));
        SashForm sash = new SashForm(this, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        canvas = new ImageCanvas(sash, SWT.NONE);
        canvas.onHover(this::hovered);
        histogramCanvas = new Canvas(sash, SWT.DOUBLE_BUFFERED);
        histogramCanvas.addPaintListener(e -> paintHistogram(e.gc));
        sash.setWeights(13, 7);
    }

    private static Text number(Composite bar, int width) {
        Text t = new Text(bar, SWT.BORDER);
        t.setLayoutData(new RowData(width, SWT.DEFAULT));
        return t;
    }

    private void applyColormap(Colormap c) {
        canvas.setColormap(c);
    }

    /** Shows a stack at its first frame, with the colour range from the frame's percentiles. */
    public void setFrames(ImageFrames f) {
        frames = f;
        slider.setMaximum(Math.max(1, f.frames() - 1));
        slider.setEnabled(f.frames() > 1);
        showFrame(0);
        auto();
    }

    public Scale slider() { return slider; }
    public Text minField() { return min; }
    public Text maxField() { return max; }
    public Text lowPercentileField() { return lowPercentile; }
    public Text highPercentileField() { return highPercentile; }
    public ImageCanvas canvas() { return canvas; }
    public Canvas histogramCanvas() { return histogramCanvas; }
    public int frame() { return frame; }
    public String frameText() { return frameLabel.getText(); }
    public String message() { return message.getText(); }
    /** The read-out of the pixel under the pointer. */
    public String readoutText() { return readout.getText(); }

    private void hovered(String text) {
        readout.setText(text);
    }
    /** Counts per bin of the current frame's histogram (BINS bins). */
    public long[] histogram() { return counts.clone(); }
    /** Bin edges (BINS + 1 values). */
    public double[] histogramEdges() { return edges.clone(); }

    /** Shows frame k (as moving the slider does); the colour range is kept. */
    public void showFrame(int k) {
        try {
            double[] v = frames.reader().read(k);
            if (v.length != (long) frames.rows() * frames.columns())
                throw EdgeworksException.of(frames.name(), "frame " + k + " has " + v.length + " values, not " + frames.rows() + " x " + frames.columns());
            values = v;
            frame = k;
        } catch (EdgeworksException e) {
            message.setText(e.getMessage());
            return;
        }
        slider.setSelection(k);
        String at = frames.frameValues() == null ? "" : String.format(Locale.ROOT, "   %s %.2f", frames.frameLabel(), frames.frameValues()[k]);
        frameLabel.setText(String.format(Locale.ROOT, "frame %d of %d%s", k + 1, frames.frames(), at));
        frameLabel.getParent().layout(true);
        countHistogram();
        canvas.setImage(values, frames.rows(), frames.columns(), frames.name() + ": frame " + (k + 1));
        histogramCanvas.redraw();
    }

    /**
     * The frame's histogram: BINS equal bins between its smallest and largest finite value, the last bin closed
     * (a display histogram; January 2.3 in the target has no histogram of a plain array, so counted here).
     */
    private void countHistogram() {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double v : values) if (Double.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        if (!(hi >= lo)) { lo = 0; hi = 1; }
        if (hi == lo) hi = lo + 1;
        counts = new long[BINS];
        edges = new double[BINS + 1];
        for (int b = 0; b <= BINS; b++) edges[b] = lo + (hi - lo) * b / BINS;
        for (double v : values) {
            if (!Double.isFinite(v)) continue;
            int b = (int) Math.floor((v - lo) / (hi - lo) * BINS);
            counts[Math.min(BINS - 1, Math.max(0, b))]++;
        }
    }

    /** The colour range from the typed percentiles of the current frame (written into min / max). */
    public void auto() {
        double lo, hi;
        try {
            lo = Double.parseDouble(lowPercentile.getText().trim());
            hi = Double.parseDouble(highPercentile.getText().trim());
        } catch (NumberFormatException e) {
            message.setText("percentiles: '" + lowPercentile.getText() + "', '" + highPercentile.getText() + "' are not numbers");
            return;
        }
        if (!(lo >= 0 && hi <= 100 && hi > lo)) {
            message.setText("percentiles: need 0 <= low < high <= 100");
            return;
        }
        double[] range = Scaling.percentile(lo, hi).range(values);
        setting = true;
        min.setText(String.format(Locale.ROOT, "%.6g", range[0]));
        max.setText(String.format(Locale.ROOT, "%.6g", range[1]));
        setting = false;
        apply(range);
    }

    private void typed() {
        if (setting || values == null) return;
        double lo, hi;
        try {
            lo = Double.parseDouble(min.getText().trim());
            hi = Double.parseDouble(max.getText().trim());
        } catch (NumberFormatException e) {
            message.setText("min / max: '" + min.getText().trim() + "', '" + max.getText().trim() + "' are not both numbers");
            return;
        }
        if (!(hi > lo) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            message.setText("min / max: max must be above min");
            return;
        }
        apply(new double[] {lo, hi});
    }

    private void apply(double[] range) {
        message.setText("");
        canvas.setRange(range);
        histogramCanvas.redraw();
    }

    private void paintHistogram(GC gc) {
        Point size = histogramCanvas.getSize();
        gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
        gc.fillRectangle(0, 0, size.x, size.y);
        if (counts == null) return;
        int left = 50, right = 12, top = 24, bottom = 40;
        int w = Math.max(1, size.x - left - right), h = Math.max(1, size.y - top - bottom);
        long most = 1;
        for (long c : counts) most = Math.max(most, c);
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_BLACK));
        gc.drawText("Histogram of frame " + (frame + 1) + " (" + BINS + " bins)", left, 2, true);
        gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
        for (int b = 0; b < BINS; b++) {
            int x0 = left + (int) Math.round((double) b * w / BINS), x1 = left + (int) Math.round((double) (b + 1) * w / BINS);
            int bh = (int) Math.round((double) counts[b] / most * h);
            if (bh > 0) gc.fillRectangle(x0, top + h - bh, Math.max(1, x1 - x0 - 1), bh);
        }
        gc.drawRectangle(left - 1, top - 1, w + 1, h + 1);
        double lo = edges[0], hi = edges[BINS];
        gc.drawText(Ticks.label(lo, (hi - lo) / 4), left, top + h + 4, true);
        String hiText = Ticks.label(hi, (hi - lo) / 4);
        gc.drawText(hiText, left + w - gc.textExtent(hiText).x, top + h + 4, true);
        gc.drawText(Long.toString(most), 4, top, true);
        gc.drawText("values", left + w / 2 - 20, top + h + 4 + gc.getFontMetrics().getHeight(), true);
        double[] range = canvas.range();
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_RED));
        gc.setLineWidth(2);
        for (double v : range) {
            if (v < lo || v > hi) continue;
            int x = left + (int) Math.round((v - lo) / (hi - lo) * w);
            gc.drawLine(x, top, x, top + h);
        }
        gc.setLineWidth(1);
    }
}
