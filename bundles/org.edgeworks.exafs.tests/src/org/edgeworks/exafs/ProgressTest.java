package org.edgeworks.exafs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.january.IMonitor;
import org.edgeworks.core.EdgeworksException;
import org.junit.jupiter.api.Test;

/**
 * The long EXAFS steps report progress and stop when cancelled (Processor API, issue 17 item 4):
 * the wavelet one unit per R row, the path fit one unit per evaluation of the model; a monitor
 * changes no number.
 */
class ProgressTest {

    /** Counts units of work; cancelled once {@code cancelAfter} units are done (never when negative). */
    static final class Counting extends IMonitor.Stub {
        final int cancelAfter;
        int units;

        Counting(int cancelAfter) { this.cancelAfter = cancelAfter; }

        @Override public void worked(int amount) { units += amount; }

        @Override public boolean isCancelled() { return cancelAfter >= 0 && units >= cancelAfter; }
    }

    /** A single shell on the 0.05 1/A grid from k = 0 (the wavelet's input), made here. */
    static Chi shell() {
        int n = 301;
        double[] k = new double[n], chi = new double[n];
        for (int i = 0; i < n; i++) {
            k[i] = 0.05 * i;
            chi[i] = 0.3 * Math.sin(2 * 2.5 * k[i]) * Math.exp(-0.01 * k[i] * k[i]) / Math.max(1, k[i]);
        }
        return new Chi("shell", k, chi, null);
    }

    @Test
    void theWaveletReportsOneUnitPerRowAndStopsWhenCancelled() throws EdgeworksException {
        for (WaveletProcessor.Params p : List.of(WaveletProcessor.Params.cauchy(2, 10), WaveletProcessor.Params.morlet(2, 10, 10, 1))) {
            Counting live = new Counting(-1);
            WaveletProcessor.Wavelet w = new WaveletProcessor().apply(shell(), p, live).value();
            // rmax_out 10 A on R steps of pi/(2048 x 0.05) A: round(10/0.0306796) = 326 rows
            assertEquals(326, w.r().length, p.wavelet().label());
            assertEquals(326, live.units, p.wavelet().label() + ": one unit per row");
            WaveletProcessor.Wavelet plain = new WaveletProcessor().apply(shell(), p).value();
            for (int i = 0; i < w.r().length; i++) assertArrayEquals(plain.modulus()[i], w.modulus()[i], 0, "a monitor changes no number");

            Counting cancel = new Counting(10);
            EdgeworksException e = assertThrows(EdgeworksException.class, () -> new WaveletProcessor().apply(shell(), p, cancel));
            assertEquals("shell: cancelled", e.getMessage());
            assertEquals(10, cancel.units, "stopped within one row of the cancel");
        }
    }

    @Test
    void theFitReportsOneUnitPerEvaluationAndStopsWhenCancelled() throws Exception {
        Path feff = ExafsPeers.exafs("feff/cu");
        FeffitProcessor.Input in = new FeffitProcessor.Input(ExafsPeers.chi("cu_foil_13id"), List.of(FeffPath.read(feff.resolve("feff0001.dat"))));
        FeffitProcessor.Params p = FeffitProcessor.Params.defaults();
        Counting live = new Counting(-1);
        FeffitProcessor.Fit f = new FeffitProcessor().apply(in, p, live).value();
        assertEquals(f.nfev(), live.units, "one unit per evaluation of the model");
        assertTrue(live.units > 10, "a fit takes many evaluations: " + live.units);
        FeffitProcessor.Fit plain = new FeffitProcessor().apply(in, p).value();
        assertEquals(plain.paths().get(0).r(), f.paths().get(0).r(), "a monitor changes no number");
        assertEquals(plain.chi2Reduced(), f.chi2Reduced(), 0);

        Counting cancel = new Counting(5);
        EdgeworksException e = assertThrows(EdgeworksException.class, () -> new FeffitProcessor().apply(in, p, cancel));
        assertEquals("cu_foil_13id: cancelled", e.getMessage());
        assertEquals(5, cancel.units, "stopped at the next evaluation");
    }
}
