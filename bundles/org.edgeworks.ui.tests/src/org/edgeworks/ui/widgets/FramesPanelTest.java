package org.edgeworks.ui.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.edgeworks.plot.Colormap;
import org.edgeworks.testsupport.SharedData;
import org.edgeworks.ui.viewers.FramesViewer;
import org.edgeworks.ui.viewers.ImageFrames;
import org.edgeworks.ui.viewers.ViewerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Image stacks frame by frame, driven as a user would: the slider moves to another frame, min / max typed, "Auto"
 * with percentiles; the canvas pixels, the histogram counts and the range text are checked against the stack's
 * construction (plain arithmetic here) and the colormap's end colours.
 */
class FramesPanelTest {
    static final int FRAMES = 5, ROWS = 20, COLS = 30;
    private Shell shell;

    @AfterEach
    void close() {
        if (shell != null) shell.dispose();
    }

    /** Frame k, pixel (r, c) = 1000 k + 30 r + c: each frame holds 1000 k ... 1000 k + 599 once each. */
    static double value(int k, int r, int c) {
        return 1000.0 * k + COLS * r + c;
    }

    static ImageFrames stack() {
        double[] energies = {530, 531, 532, 533, 534};
        return new ImageFrames("synthetic frames", FRAMES, ROWS, COLS, energies, "E_ex (eV)", k -> {
            double[] v = new double[ROWS * COLS];
            for (int r = 0; r < ROWS; r++) for (int c = 0; c < COLS; c++) v[r * COLS + c] = value(k, r, c);
            return v;
        });
    }

    static int pixel(ImageData shot, ImageCanvas canvas, int r, int c) {
        Point p = canvas.pointOf(r, c);
        return shot.getPixel(p.x, p.y);
    }

    @Test
    void theSliderTypedMinMaxAndAutoPercentilesSetTheFrameAndItsColours() throws Exception {
        shell = Ui.shell("frames", 1280, 800);
        FramesViewer viewer = Ui.showing(shell, "org.edgeworks.ui.framesViewer", stack());
        FramesPanel panel = viewer.panel();
        assertEquals("frame 1 of 5   E_ex (eV) 530.00", panel.frameText());

        // the slider, moved to the fourth frame
        panel.slider().setSelection(3);
        panel.slider().notifyListeners(SWT.Selection, new Event());
        Ui.settle();
        assertEquals(3, panel.frame());
        assertEquals("frame 4 of 5   E_ex (eV) 533.00", panel.frameText());
        // its histogram: 600 values 3000..3599 in 64 equal bins over [3000, 3599]
        long[] h = panel.histogram();
        double[] edges = panel.histogramEdges();
        assertEquals(3000, edges[0], 0);
        assertEquals(3599, edges[FramesPanel.BINS], 1e-9);
        long total = 0;
        for (long n : h) total += n;
        assertEquals(600, total);
        for (int b = 0; b < FramesPanel.BINS; b++) {
            long want = 0;
            for (int v = 3000; v <= 3599; v++) if (v >= edges[b] && (v < edges[b + 1] || b == FramesPanel.BINS - 1)) want++;
            assertEquals(want, h[b], "bin " + b);
        }

        // typed min / max: below min the lowest colour, above max the top one, the middle value the middle colour
        panel.minField().setText("3100");
        panel.maxField().setText("3300");
        Ui.settle();
        assertEquals("", panel.message());
        ImageData shot = Ui.screenshot(panel, "tour-09-frames-typed-min-max");
        ImageCanvas canvas = panel.canvas();
        // the screenshot is of the panel: canvas points are offset by the canvas' place in it
        Point at = shell.getDisplay().map(canvas, panel, 0, 0);
        ImageData cshot = Ui.screenshot(canvas, "tour-09-frames-canvas");
        assertEquals(Ui.hex(Colormap.VIRIDIS.argb(0)), Ui.hex(pixel(cshot, canvas, 0, 0)), "3000 < min: bottom colour");
        assertEquals(Ui.hex(Colormap.VIRIDIS.argb(1)), Ui.hex(pixel(cshot, canvas, 19, 29)), "3599 > max: top colour");
        assertEquals(Ui.hex(Colormap.VIRIDIS.argb(0.5)), Ui.hex(pixel(cshot, canvas, 6, 20)), "3200 = (min + max) / 2: middle colour");
        assertEquals(Ui.hex(Colormap.VIRIDIS.argb(0.25)), Ui.hex(pixel(cshot, canvas, 5, 0)), "3150: a quarter up");
        Point p = canvas.pointOf(6, 20);
        Ui.mouse(canvas, SWT.MouseMove, p.x, p.y, 0);
        assertEquals("y=6 x=20 value 3200.00", panel.readoutText(), "the read-out of the pixel under the pointer");
        assertEquals(cshot.getPixel(p.x, p.y), shot.getPixel(at.x + p.x, at.y + p.y), "the panel shows the canvas");

        // another frame keeps the typed range: frame 1 (0..599) is all below 3100
        panel.slider().setSelection(0);
        panel.slider().notifyListeners(SWT.Selection, new Event());
        Ui.settle();
        cshot = Ui.screenshot(canvas, "tour-09-frames-first-frame-same-range");
        assertEquals(Ui.hex(Colormap.VIRIDIS.argb(0)), Ui.hex(pixel(cshot, canvas, 19, 29)), "599 < 3100: bottom colour");

        // a bad typed range is refused in words, the last good range kept
        panel.maxField().setText("3000");
        Ui.settle();
        assertTrue(panel.message().contains("max must be above min"), panel.message());
        assertEquals(3300, canvas.range()[1], 0);

        // Auto with 5 / 95 percentiles of frame 1 (values 0..599): numpy's linear rule, 0.05 x 599 and 0.95 x 599
        panel.slider().setSelection(1);
        panel.slider().notifyListeners(SWT.Selection, new Event());
        panel.lowPercentileField().setText("5");
        panel.highPercentileField().setText("95");
        for (var c : ((org.eclipse.swt.widgets.Composite) panel.getChildren()[0]).getChildren())
            if (c instanceof org.eclipse.swt.widgets.Button b && b.getText().equals("Auto")) b.notifyListeners(SWT.Selection, new Event());
        Ui.settle();
        assertEquals(1000 + 0.05 * 599, Double.parseDouble(panel.minField().getText()), 1e-3);
        assertEquals(1000 + 0.95 * 599, Double.parseDouble(panel.maxField().getText()), 1e-3);
        assertEquals(1000 + 0.05 * 599, canvas.range()[0], 1e-9);
        assertEquals(1000 + 0.95 * 599, canvas.range()[1], 1e-9);
        cshot = Ui.screenshot(canvas, "tour-09-frames-auto-percentiles");
        assertEquals(Ui.hex(Colormap.VIRIDIS.argb(0)), Ui.hex(pixel(cshot, canvas, 0, 10)), "1010 < 5th percentile");
        assertEquals(Ui.hex(Colormap.VIRIDIS.argb(1)), Ui.hex(pixel(cshot, canvas, 19, 29)), "1599 > 95th percentile");
        Ui.screenshot(shell, "tour-09-frames-slider-histogram");
    }

    /** The build panel's "Browse frames" on the real QERLIN image: one 204 x 384 frame with numpy's pixel sum. */
    @Test
    void theBuildPanelBrowsesTheRawScansFrames() throws Exception {
        shell = Ui.shell("frames of a raw scan", 1280, 900);
        RixsBuildPanel panel = new RixsBuildPanel(shell, SWT.NONE);
        Ui.open(shell);
        panel.rawField().setText(RixsBuildPanelTest.QERLIN.toString());
        panel.energiesField().setText("530");
        ImageFrames f = panel.frames();
        assertEquals(1, f.frames());
        assertEquals(204, f.rows());
        assertEquals(384, f.columns());
        double sum = 0;
        for (double v : f.reader().read(0)) sum += v;
        assertEquals(2382.0784907049674, sum, 1e-6, "float32 sum (numpy, as RealTiffTest)");
        assertEquals(530, f.frameValues()[0], 0);
    }

    /**
     * The bundled XANES imaging stack (samples/stack, energy x y x x NXdata) opens from the data browser's opener
     * as frames: 189 frames of 8 x 12 against energy; frame 100 equals the file's images read with jHDF.
     */
    @Test
    void aThreeDimensionalStackOpensFrameByFrame() throws Exception {
        java.nio.file.Path file = SharedData.samples().resolve("stack").resolve("mn_txm_phases.h5");
        ImageFrames f = org.junit.jupiter.api.Assertions.assertInstanceOf(ImageFrames.class, DataOpener.openFile(file));
        assertEquals(189, f.frames());
        assertEquals(8, f.rows());
        assertEquals(12, f.columns());
        double[][][] data;
        double[] energy;
        try (io.jhdf.HdfFile h = new io.jhdf.HdfFile(file)) {
            Object raw = h.getDatasetByPath("/entry/data/data").getData();
            energy = (double[]) h.getDatasetByPath("/entry/data/energy").getData();
            data = new double[189][8][12];
            for (int k = 0; k < 189; k++) for (int r = 0; r < 8; r++) for (int c = 0; c < 12; c++)
                data[k][r][c] = ((Number) java.lang.reflect.Array.get(java.lang.reflect.Array.get(java.lang.reflect.Array.get(raw, k), r), c)).doubleValue();
        }
        double[] f100 = f.reader().read(100);
        for (int r = 0; r < 8; r++) for (int c = 0; c < 12; c++) assertEquals(data[100][r][c], f100[r * 12 + c], 0);
        assertEquals(energy[100], f.frameValues()[100], 0);
        shell = Ui.shell("bundled stack frames", 1280, 800);
        FramesViewer viewer = (FramesViewer) ViewerRegistry.load().best(f).orElseThrow().create();
        viewer.createControl(shell);
        Ui.open(shell);
        viewer.show(f);
        viewer.panel().slider().setSelection(100);
        viewer.panel().slider().notifyListeners(SWT.Selection, new Event());
        Ui.settle();
        assertTrue(viewer.panel().frameText().startsWith("frame 101 of 189"), viewer.panel().frameText());
        Ui.screenshot(shell, "tour-09-frames-bundled-stack");
    }
}
