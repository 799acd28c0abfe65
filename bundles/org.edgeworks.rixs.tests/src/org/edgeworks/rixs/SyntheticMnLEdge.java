package org.edgeworks.rixs;

import java.nio.file.Path;
import java.util.Random;

import org.edgeworks.testsupport.SyntheticNexus;
import org.edgeworks.testsupport.SyntheticNexus.SpectraLayout;

/**
 * SYNTHETIC energy-resolved Mn L-edge scan (not measured data): a sample whose Mn is a known
 * mixture of Mn2+, Mn3+ and Mn4+ (model L2,3 spectra: multiplet peaks on a 2:1 two-step edge,
 * edge step 1), in a matrix that absorbs a constant amount, seen by an SDD (Gaussian lines,
 * about 60 eV FWHM) at 45 deg in / 45 deg out. Thick-sample fluorescence with self-absorption:
 * I_X(E) = I0 eps_X mu_X(E) / (mu_tot(E) + mu_tot(e_X)), so PFY of the Mn L line saturates where
 * Mn absorbs strongly while the non-resonant O K line (525 eV) dips: I0 / PFY_O is linear in
 * mu_tot(E) (Achkar et al. 2011). Counting noise is Poisson.
 */
public final class SyntheticMnLEdge {
    private SyntheticMnLEdge() {}

    public static final double[] VALENCES = {2, 3, 4};

    static double g(double x, double c, double w) { return org.edgeworks.testsupport.RixsMaps.gauss(x, c, w); }

    static double step(double e) {
        return 2.0 / 3 * (0.5 + Math.atan((e - 641.5) / 0.6) / Math.PI) + 1.0 / 3 * (0.5 + Math.atan((e - 652.5) / 0.6) / Math.PI);
    }

    /** Model Mn L2,3 absorption for a valence (edge step 1). */
    public static double reference(int valence, double e) {
        return step(e) + switch (valence) {
            case 2 -> 2.0 * g(e, 638.6, 0.35) + 6.0 * g(e, 640.0, 0.45) + 3.0 * g(e, 641.4, 0.5) + 1.5 * g(e, 650.8, 0.6) + 2.2 * g(e, 652.0, 0.7);
            case 3 -> 2.5 * g(e, 640.2, 0.6) + 5.0 * g(e, 641.8, 0.7) + 2.0 * g(e, 643.4, 0.7) + 2.4 * g(e, 652.8, 0.9);
            default -> 1.5 * g(e, 641.2, 0.6) + 6.0 * g(e, 643.3, 0.7) + 1.6 * g(e, 645.0, 0.8) + 2.6 * g(e, 654.0, 0.9);
        };
    }

    public record Scan(EmissionSpectra spectra, double[] energy, double[] weights) {}

    /**
     * @param weights fractions of Mn2+, Mn3+, Mn4+ (sum 1)
     */
    public static Scan generate(double[] weights, long seed) {
        int n = 351;
        double[] e = new double[n];
        for (int i = 0; i < n; i++) e[i] = 630 + 0.1 * i;
        double[] em = new double[100];
        for (int c = 0; c < em.length; c++) em[c] = 300 + 5 * c + 2.5;
        double muMatrix = 1.0, mnScale = 2.0, muAt525 = 0.9, muAt637 = 1.0 + 2.0 * 0.05;
        double epsO = 0.35, epsMn = 0.6, scatter = 0.02;
        Random rnd = new Random(seed);
        double[][] counts = new double[n][em.length];
        double[] i0 = new double[n];
        for (int i = 0; i < n; i++) {
            double muMn = 0;
            for (int v = 0; v < 3; v++) muMn += weights[v] * reference((int) VALENCES[v], e[i]);
            muMn *= mnScale;
            double muTot = muMatrix + muMn;
            i0[i] = 2e5 * (1 + 0.05 * Math.sin(0.05 * i));
            double oLine = i0[i] * epsO * muMatrix / (muTot + muAt525);
            double mnLine = i0[i] * epsMn * muMn / (muTot + muAt637);
            double scat = i0[i] * scatter;
            for (int c = 0; c < em.length; c++) {
                double lam = 5 * (oLine * g(em[c], 525, 25.5) / (25.5 * Math.sqrt(2 * Math.PI))
                    + mnLine * g(em[c], 637, 27) / (27 * Math.sqrt(2 * Math.PI))
                    + scat * g(em[c], e[i], 27) / (27 * Math.sqrt(2 * Math.PI)));
                counts[i][c] = SyntheticRixs.poisson(rnd, lam);
            }
        }
        return new Scan(new EmissionSpectra("synthetic_MnL", e, em, counts, i0, null), e, weights.clone());
    }

    /**
     * Writes the scan as NeXus: /entry (NXentry) / data (NXdata, @signal = counts points x
     * channels, @axes = [excitation_energy, emission_energy], eV) and /entry/monitor (NXmonitor) data = I0.
     */
    public static void writeNexus(Scan s, Path file) {
        EmissionSpectra sp = s.spectra();
        String title = "SYNTHETIC energy-resolved Mn L-edge SDD scan (generated, not measured): Mn2+/Mn3+/Mn4+ = "
            + s.weights()[0] + "/" + s.weights()[1] + "/" + s.weights()[2];
        SyntheticNexus.emissionSpectra(file, SpectraLayout.SDD, title, sp.excitation(), sp.emission(), sp.counts(), sp.i0());
    }
}
