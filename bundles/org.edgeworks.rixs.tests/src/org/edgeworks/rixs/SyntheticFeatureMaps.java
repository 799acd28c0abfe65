package org.edgeworks.rixs;

import java.util.Random;

import org.edgeworks.core.data.RixsMap;
import org.edgeworks.testsupport.RixsMaps;

/**
 * SYNTHETIC O K-edge mRIXS maps for the quantification linearity tests (generated, not
 * measured; nothing here calls production code). Map units: counts per (exposure unit x eV^2
 * cell). One fixed, state-independent structured background:
 * <ul>
 * <li>the TM-O emission bands (525.0 and 522.8 eV) whose emission energy drifts by
 *     {@link #DRIFT} eV per eV of excitation (they move across the feature's box), times an
 *     absorption-like excitation profile (edge step at 532 eV);</li>
 * <li>a pre-edge feature at 529.6 eV excitation (1.4 eV from the feature) whose emission
 *     (524.3 eV, sigma 0.7 eV) overlaps the feature's;</li>
 * <li>the elastic line E_em = E_ex;</li>
 * </ul>
 * plus the oxidised-oxygen feature, a 2-D Gaussian at 531.0 / 523.7 eV (sigma 0.3 eV in excitation, 0.25 eV in emission)
 * of height {@link #FEATURE_HEIGHT} x amplitude. Counts are Poisson with mean map x
 * {@link #EXPOSURE}; the map is counts / exposure and its errors sqrt(max(counts, 1)) / exposure.
 */
final class SyntheticFeatureMaps {
    private SyntheticFeatureMaps() {}

    static final double EX_FROM = 527.0, EX_TO = 535.0, EX_STEP = 0.1;
    static final double EM_FROM = 516.0, EM_TO = 537.0, EM_STEP = 0.05;
    static final double FEATURE_EX = 531.0, FEATURE_EM = 523.7, FEATURE_SIGMA_EX = 0.3, FEATURE_SIGMA_EM = 0.25;
    static final double FEATURE_HEIGHT = 20;
    static final double BANDS = 30, PRE_EDGE = 25, ELASTIC = 60, DRIFT = 0.12;
    static final double EXPOSURE = 400;

    static double g(double x, double c, double s) { return RixsMaps.gauss(x, c, s); }

    static double background(double ex, double em) { return background(ex, em, true); }

    /** The background, with or without the pre-edge feature (without: close to planar around the feature, for the box method). */
    static double background(double ex, double em, boolean preEdgePeak) {
        double absorption = 0.3 + 0.7 * (0.5 + Math.atan((ex - 532.0) / 0.8) / Math.PI);
        double drift = DRIFT * (ex - 531.0);
        double bands = BANDS * absorption * (0.7 * g(em, 525.0 + drift, 0.9) + 1.0 * g(em, 522.8 + drift, 1.3));
        double preEdge = preEdgePeak ? PRE_EDGE * g(ex, 529.6, 0.35) * g(em, 524.3, 0.7) : 0;
        double elastic = ELASTIC * g(em, ex, 0.12);
        return bands + preEdge + elastic;
    }

    static double feature(double amplitude, double ex, double em) {
        return amplitude * FEATURE_HEIGHT * g(ex, FEATURE_EX, FEATURE_SIGMA_EX) * g(em, FEATURE_EM, FEATURE_SIGMA_EM);
    }

    static double[] axis(double from, double to, double step) { return RixsMaps.axis(from, to, step); }

    /** A noisy map with the given feature amplitude (the same background every time; noise from the seed). */
    static RixsMap map(String name, double amplitude, long seed) { return map(name, amplitude, seed, true); }

    static RixsMap map(String name, double amplitude, long seed, boolean preEdgePeak) {
        double[] ex = axis(EX_FROM, EX_TO, EX_STEP), em = axis(EM_FROM, EM_TO, EM_STEP);
        double[] d = new double[ex.length * em.length], e = new double[d.length];
        Random rnd = new Random(seed);
        for (int i = 0; i < ex.length; i++)
            for (int j = 0; j < em.length; j++) {
                double mean = (background(ex[i], em[j], preEdgePeak) + feature(amplitude, ex[i], em[j])) * EXPOSURE;
                double counts = SyntheticRixs.poisson(rnd, mean);
                d[i * em.length + j] = counts / EXPOSURE;
                e[i * em.length + j] = Math.sqrt(Math.max(counts, 1)) / EXPOSURE;
            }
        return RixsMap.of(name, ex, em, d, e);
    }

    /** erf (Abramowitz and Stegun 7.1.26), for the window fractions of the truth. */
    static double erf(double x) { return RixsMaps.erf(x); }

    /** The feature's whole integral per unit amplitude (map units x eV^2). */
    static double wholeIntegral() { return FEATURE_HEIGHT * 2 * Math.PI * FEATURE_SIGMA_EX * FEATURE_SIGMA_EM; }

    /** Per unit amplitude: the feature's integral over all excitation and emission within +- half of its centre. */
    static double windowIntegral(double half) {
        return wholeIntegral() * erf(half / (FEATURE_SIGMA_EM * Math.sqrt(2)));
    }

    /** Per unit amplitude: the feature's integral inside the box +- hx, +- hm. */
    static double boxIntegral(double hx, double hm) {
        return wholeIntegral() * erf(hx / (FEATURE_SIGMA_EX * Math.sqrt(2))) * erf(hm / (FEATURE_SIGMA_EM * Math.sqrt(2)));
    }
}
