package org.edgeworks.rixs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.xas.LcfProcessor;
import org.edgeworks.xas.NormalizeProcessor;
import org.junit.jupiter.api.Test;

/** iPFY recovers a SYNTHETIC Mn2+/Mn3+/Mn4+ mixture where self-absorbed PFY and TFY do not. */
class IpfyTest {

    static final double[] TRUE = {0.5, 0.2, 0.3};

    static NormalizeProcessor.Params norm() {
        // fixed E0 and ranges, the same for references and data (L edge: constant post-edge)
        return NormalizeProcessor.Params.defaults().withE0(641.5).withRanges(-11, -4, 17, 23, 0);
    }

    static double[] fit(Spectrum data) throws EdgeworksException {
        var n = NormalizeProcessor.normalize(data.name(), data.energies(), data.signal(), norm());
        List<Spectrum> refs = new ArrayList<>();
        double[] e = data.energies();
        for (int v = 2; v <= 4; v++) {
            double[] mu = new double[e.length];
            for (int i = 0; i < e.length; i++) mu[i] = SyntheticMnLEdge.reference(v, e[i]);
            refs.add(NormalizeProcessor.normalize("Mn" + v + "+", e, mu, norm()).normSpectrum());
        }
        var r = new LcfProcessor().apply(new LcfProcessor.Input(n.normSpectrum(), refs, List.of(2.0, 3.0, 4.0)),
            LcfProcessor.Params.defaults().window(634, 660)).value();
        double[] w = r.weights().values().stream().mapToDouble(Double::doubleValue).toArray();
        double sum = w[0] + w[1] + w[2];
        System.out.printf("%-22s Mn2+ %.3f  Mn3+ %.3f  Mn4+ %.3f  (fractions; sum of weights %.3f, R %.2e)%n", data.name(), w[0] / sum,
            w[1] / sum, w[2] / sum, sum, r.rFactor());
        return new double[] {w[0] / sum, w[1] / sum, w[2] / sum};
    }

    @Test
    void ipfyRecoversTheMixturePfyAndTfyDoNot() throws EdgeworksException {
        SyntheticMnLEdge.Scan scan = SyntheticMnLEdge.generate(TRUE, 5);
        var y = new InversePartialYield().apply(scan.spectra(), new InversePartialYield.Parameters(490, 550, 610, 670, 1e-3)).value();
        System.out.printf("true                   Mn2+ %.3f  Mn3+ %.3f  Mn4+ %.3f%n", TRUE[0], TRUE[1], TRUE[2]);
        double[] ipfy = fit(y.ipfy()), pfy = fit(y.pfy()), tfy = fit(y.tfy());
        for (int k = 0; k < 3; k++) assertEquals(TRUE[k], ipfy[k], 0.03, "iPFY fraction " + k);
        double pfyError = 0, tfyError = 0;
        for (int k = 0; k < 3; k++) {
            pfyError = Math.max(pfyError, Math.abs(pfy[k] - TRUE[k]));
            tfyError = Math.max(tfyError, Math.abs(tfy[k] - TRUE[k]));
        }
        assertTrue(pfyError > 0.06, "self-absorbed PFY should miss the mixture, error " + pfyError);
        assertTrue(tfyError > 0.06, "self-absorbed TFY should miss the mixture, error " + tfyError);
    }

    @Test
    void emptyOrZeroWindowIsAnError() {
        SyntheticMnLEdge.Scan scan = SyntheticMnLEdge.generate(TRUE, 6);
        EdgeworksException e = assertThrows(EdgeworksException.class, () -> new InversePartialYield().apply(scan.spectra(),
            new InversePartialYield.Parameters(100, 200, 0, 0, 1e-3)));
        assertTrue(e.getMessage().contains("holds no emission channel"), e.getMessage());
        // a window far above every line: only a few stray counts, zero at some points
        e = assertThrows(EdgeworksException.class, () -> new InversePartialYield().apply(scan.spectra(),
            new InversePartialYield.Parameters(790, 800, 0, 0, 1e-3)));
        assertTrue(e.getMessage().contains("near zero"), e.getMessage());
    }
}
