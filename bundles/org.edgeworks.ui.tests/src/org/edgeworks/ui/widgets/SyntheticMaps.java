package org.edgeworks.ui.widgets;

import org.edgeworks.core.data.RixsMap;

/** Synthetic mRIXS maps with features at known places (the ground truth of the map-viewer tests). */
final class SyntheticMaps {
    private SyntheticMaps() {}

    static final double FEATURE_EX = 531.0, FEATURE_EM = 523.7;

    static double[] axis(double start, double step, int n) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) a[i] = Math.round((start + step * i) * 1000) / 1000.0;
        return a;
    }

    /**
     * 100 excitation rows (525.0..534.9 eV) x 150 emission columns (515.0..529.9 eV): a weak sloping
     * background, an elastic-like diagonal, and a sharp Gaussian feature at (531.0, 523.7) eV whose centre
     * cell is the map's maximum.
     */
    static RixsMap withFeature(String name, double featureHeight) {
        double[] ex = axis(525, 0.1, 100), em = axis(515, 0.1, 150);
        double[] v = new double[ex.length * em.length];
        for (int i = 0; i < ex.length; i++)
            for (int j = 0; j < em.length; j++) {
                double background = 1 + 0.05 * j + 0.02 * i;
                double elastic = 3 * Math.exp(-Math.pow((em[j] - (ex[i] - 5)) / 0.3, 2));
                double feature = featureHeight * Math.exp(-(Math.pow((ex[i] - FEATURE_EX) / 0.4, 2) + Math.pow((em[j] - FEATURE_EM) / 0.6, 2)));
                v[i * em.length + j] = background + elastic + feature;
            }
        return RixsMap.of(name, ex, em, v);
    }
}
