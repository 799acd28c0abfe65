package org.edgeworks.exafs.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.exafs.Chi;
import org.edgeworks.exafs.FourierTransformProcessor;
import org.edgeworks.exafs.Window;
import org.edgeworks.exafs.kernel.XafsFt;
import org.junit.jupiter.api.Test;

/**
 * The EXAFS viewer in a real shell: a chi(k) picture that changes with the k-weight switch, a
 * |chi(R)| picture without the switch, and a one-line refusal of data it cannot draw. The data is
 * a damped sine built here (no peer needed: the viewer computes nothing).
 */
class ExafsViewerTest {
    static Chi sine() {
        double[] k = XafsFt.grid(0.05, 300), chi = new double[300];
        for (int i = 0; i < k.length; i++) chi[i] = 0.3 * Math.sin(5 * k[i]) * Math.exp(-0.01 * k[i] * k[i]) / Math.max(k[i], 1);
        return new Chi("sine", k, chi, null);
    }

    @Test
    void chiAndChirInAShell() throws Exception {
        Display d = Display.getDefault();
        Shell shell = new Shell(d);
        shell.setLayout(new FillLayout());
        shell.setSize(800, 600);
        ExafsViewer v = new ExafsViewer();
        v.createControl(shell);
        shell.open();
        try {
            Chi c = sine();
            v.show(c);
            assertNotNull(v.image(), v.problem());
            ImageData w2 = v.image().getImageData();
            assertTrue(w2.width >= 320 && w2.height >= 240);
            v.setKweight(0);
            assertEquals(0, v.kweight());
            assertTrue(!same(w2, v.image().getImageData()), "a different k-weight draws a different picture");
            var r = FourierTransformProcessor.transform(c, new FourierTransformProcessor.Params(2, 13, 1, Window.HANNING, 2, 10, 2048, 0.05));
            v.show(r);
            assertNotNull(v.image(), v.problem());
            assertEquals("sine |chi(R)|", v.title(r));
            EdgeworksException e = assertThrows(EdgeworksException.class, () -> v.show("text"));
            assertTrue(e.getMessage().contains("cannot show String"), e.getMessage());
            assertNull(v.problem());
        } finally {
            shell.dispose();
        }
    }

    static boolean same(ImageData a, ImageData b) {
        if (a.width != b.width || a.height != b.height) return false;
        for (int y = 0; y < a.height; y += 3) for (int x = 0; x < a.width; x += 3) if (a.getPixel(x, y) != b.getPixel(x, y)) return false;
        return true;
    }
}
