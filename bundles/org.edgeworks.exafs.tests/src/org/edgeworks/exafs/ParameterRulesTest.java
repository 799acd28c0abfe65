package org.edgeworks.exafs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.processing.Parameters;
import org.junit.jupiter.api.Test;

/**
 * The rules between components of the EXAFS records (a window ends above its start) and their bounds
 * are stated once, on the record, and refused the same way by the processors and by
 * {@link Parameters#validate} (pipelines, forms, the command line): one line naming the components.
 */
class ParameterRulesTest {

    static Chi chi() {
        double[] k = new double[300], c = new double[300];
        for (int i = 0; i < k.length; i++) { k[i] = 0.05 * i; c[i] = 0.1 * Math.sin(5 * k[i]); }
        return new Chi("sine", k, c, null);
    }

    @Test
    void reversedWindowsAreRefusedInOneLineByTheProcessorsAndTheRecords() throws Exception {
        var ft = new FourierTransformProcessor.Params(12, 3, 1, Window.HANNING, 2, 10, 2048, 0.05);
        EdgeworksException e = assertThrows(EdgeworksException.class, () -> new FourierTransformProcessor().apply(chi(), ft));
        assertEquals("sine: kmax: 3.0 1/A is not above kmin 12.0 1/A", e.getMessage());
        e = assertThrows(EdgeworksException.class, () -> Parameters.validate(ft, "step 2"));
        assertEquals("step 2: kmax: 3.0 1/A is not above kmin 12.0 1/A", e.getMessage());

        var fit = new FeffitProcessor.Params(3, 14, new double[] {2}, 1, Window.HANNING, 3.0, 1.4, FeffitProcessor.Space.R, null);
        e = assertThrows(EdgeworksException.class, () -> Parameters.validate(fit, "fit"));
        assertEquals("fit: rmax: 1.4 A is not above rmin 3.0 A", e.getMessage());

        var back = new BackTransformProcessor.Params(3, 1, 0.5, Window.HANNING, 0, 20, 2048);
        FourierTransformProcessor.ChiR r = FourierTransformProcessor.transform(chi(), FourierTransformProcessor.Params.defaults());
        e = assertThrows(EdgeworksException.class, () -> new BackTransformProcessor().apply(r, back));
        assertEquals("sine: rmax: 1.0 A is not above rmin 3.0 A", e.getMessage());

        // a bound on the record: a negative k-weight of a fit, an FFT shorter than 16 points
        e = assertThrows(EdgeworksException.class, () -> Parameters.validate(
            new FeffitProcessor.Params(3, 14, new double[] {2, -1}, 1, Window.HANNING, 1.4, 3, FeffitProcessor.Space.R, null), "fit"));
        assertEquals("fit: kweights: -1 is below the minimum 0", e.getMessage());
        Parameters.validate(FourierTransformProcessor.Params.defaults(), "x");
        var shortFft = new FourierTransformProcessor.Params(3, 14, 1, Window.HANNING, 2, 10, 8, 0.05);
        assertEquals("x: nfft: 8 is below the minimum 16", assertThrows(EdgeworksException.class, () -> Parameters.validate(shortFft, "x")).getMessage());
    }
}
