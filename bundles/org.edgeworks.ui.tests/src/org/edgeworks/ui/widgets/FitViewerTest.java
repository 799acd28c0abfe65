package org.edgeworks.ui.widgets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Shell;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.plot.PixelMapping;
import org.edgeworks.testsupport.SharedData;
import org.edgeworks.ui.viewers.FitViewer;
import org.edgeworks.ui.viewers.ViewerRegistry;
import org.edgeworks.xas.NormalizeProcessor;
import org.edgeworks.xas.PreEdgeProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pre-edge fit of KMnO4 (strong pre-edge peak) in its contributed viewer: data, fit, baseline, residual. */
class FitViewerTest {
    private Shell shell;

    @AfterEach
    void close() {
        if (shell != null) shell.dispose();
    }

    @Test
    void preEdgeFitOpensInTheContributedFitViewerWithBaselineAndResidual() throws Exception {
        Path file = SharedData.path("xanes", "mn_k", "KMnO4.102.dat");
        Spectrum mu = (Spectrum) DataOpener.openFile(file);
        Spectrum norm = new NormalizeProcessor().apply(mu, NormalizeProcessor.Params.defaults()).value().normSpectrum();
        PreEdgeProcessor.PreEdge fit = new PreEdgeProcessor().apply(norm, PreEdgeProcessor.Params.defaults()).value();

        var entry = ViewerRegistry.load().best(fit).orElseThrow();
        assertEquals("org.edgeworks.ui.preEdgeFitViewer", entry.id());
        shell = Ui.shell("pre-edge fit", 1000, 650);
        FitViewer viewer = (FitViewer) entry.create();
        viewer.createControl(shell);
        viewer.show(fit);
        Ui.open(shell);
        ImageData shot = Ui.screenshot(shell, "fit-preedge-kmno4");
        List<SpectrumChart.Curve> curves = viewer.chart().curves();
        assertEquals(4, curves.size());
        assertArrayEquals(fit.fit(), curves.get(1).y(), 0);
        assertArrayEquals(fit.baselineCurve(), curves.get(2).y(), 0);
        // the fit curve (second colour) passes through the pixel of its maximum (the pre-edge peak)
        double[] y = fit.fit(), x = fit.energy();
        int peak = 0;
        for (int i = 1; i < y.length; i++) if (y[i] > y[peak]) peak = i;
        PixelMapping m = viewer.chart().plotMapping();
        assertTrue(MapCanvasTest.nearColour(shot, (int) Math.round(m.pixelX(x[peak])), (int) Math.round(m.pixelY(y[peak])),
                SpectrumChartTest.palette(1), 2), "fit maximum at " + x[peak] + " eV drawn");
    }
}
