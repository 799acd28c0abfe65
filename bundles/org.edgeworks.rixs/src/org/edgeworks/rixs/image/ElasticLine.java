package org.edgeworks.rixs.image;

import java.util.OptionalDouble;

import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.fitting.GaussianCurveFitter;
import org.hipparchus.fitting.WeightedObservedPoints;

/**
 * Finds the elastic line in a straightened spectrum (intensity per dispersive pixel): the
 * elastic line has the highest emission energy of the spectrum (E_em = E_ex; every other
 * feature has lost energy), so it is the outermost peak on the high-energy side that reaches
 * {@code threshold} x the spectrum's maximum. Its centre is refined with a Gaussian fit
 * (Hipparchus) over +-halfWidth pixels after removing the window's minimum.
 */
public final class ElasticLine {
    private ElasticLine() {}

    public static OptionalDouble find(double[] spectrum, boolean energyIncreasesWithPixel, double threshold, int halfWidth) {
        int n = spectrum.length;
        if (n < 5) return OptionalDouble.empty();
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            // light 3-point smoothing so that noise does not make local maxima
            double a = spectrum[Math.max(0, i - 1)], b = spectrum[i], c = spectrum[Math.min(n - 1, i + 1)];
            s[i] = 0.25 * a + 0.5 * b + 0.25 * c;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double v : s) max = Math.max(max, v);
        if (!(max > 0)) return OptionalDouble.empty();
        double level = threshold * max;
        int h = Math.max(1, halfWidth);
        int peak = -1;
        for (int k = 0; k < n && peak < 0; k++) {
            int i = energyIncreasesWithPixel ? n - 1 - k : k;
            if (s[i] < level) continue;
            boolean isMax = true;
            for (int j = Math.max(0, i - h); j <= Math.min(n - 1, i + h) && isMax; j++) if (s[j] > s[i]) isMax = false;
            if (isMax && i > 0 && i < n - 1) peak = i;
        }
        if (peak < 0) return OptionalDouble.empty();
        int lo = Math.max(0, peak - h), hi = Math.min(n - 1, peak + h);
        double floor = Double.POSITIVE_INFINITY;
        for (int i = lo; i <= hi; i++) floor = Math.min(floor, spectrum[i]);
        WeightedObservedPoints pts = new WeightedObservedPoints();
        double sw = 0, swx = 0;
        for (int i = lo; i <= hi; i++) {
            double v = spectrum[i] - floor;
            pts.add(i, v);
            sw += v;
            swx += v * i;
        }
        double centroid = sw > 0 ? swx / sw : peak;
        try {
            double[] g = GaussianCurveFitter.create()
                .withStartPoint(new double[] {s[peak] - floor, peak, Math.max(1.0, h / 3.0)})
                .withMaxIterations(200).fit(pts.toList());
            if (g[1] >= lo && g[1] <= hi && Double.isFinite(g[1])) return OptionalDouble.of(g[1]);
        } catch (MathRuntimeException e) {
            // fall back to the centroid: a line too weak or too odd for a Gaussian
        }
        return OptionalDouble.of(centroid);
    }
}
