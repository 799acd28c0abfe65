package org.edgeworks.rixs.image;

import java.util.OptionalDouble;

import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.fitting.GaussianCurveFitter;
import org.hipparchus.fitting.WeightedObservedPoints;

/**
 * Finds the elastic line in straightened spectra (intensity per dispersive pixel): across a scan
 * by {@link #track} (the peak that moves with the excitation energy); in a lone spectrum by
 * {@link #find}. Centres are refined with a Gaussian fit (Hipparchus).
 */
public final class ElasticLine {
    private ElasticLine() {}

    /**
     * The elastic line across a scan: the peak whose pixel moves linearly with the excitation
     * energy (E_em = E_ex), not the strongest nor the outermost one (above the O K edge the
     * emission lines are several times stronger, and they stay put). Candidates are the local
     * maxima above {@code threshold} x each spectrum's maximum; every pair of candidates in two
     * frames of different energy proposes a line pixel = p + slope (E - E_p) that moves by at
     * least {@link #MIN_TRAVEL_PX} pixels over the pair; the proposal followed by the most frames
     * (within {@link #TOLERANCE_PX}) wins, is refitted by least squares on them, and each frame's
     * candidate on it is refined by {@link #refine}. Frames without one are NaN.
     *
     * @param spectra    straightened spectra, one per excitation point (intensity per pixel)
     * @param excitation eV per point
     * @return elastic pixel per point (NaN where not found) and the slope (pixels per eV; NaN when no line was found)
     */
    public record Track(double[] pixel, double slope, int frames) {}

    /** Pixels a candidate may lie off the tracked line and still be on it. */
    public static final double TOLERANCE_PX = 2.0;
    /** Least movement of a proposed line between the two frames that propose it (an emission line does not move). */
    public static final double MIN_TRAVEL_PX = 3.0;

    public static Track track(double[][] spectra, double[] excitation, double threshold, int halfWidth) {
        int n = spectra.length;
        int[][] cand = new int[n][];
        for (int k = 0; k < n; k++) cand[k] = candidates(spectra[k], threshold, halfWidth);
        int bestSupport = 0;
        double bestSs = Double.POSITIVE_INFINITY, bestA = Double.NaN, bestB = Double.NaN, bestE = 0;
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++) {
                double de = excitation[j] - excitation[i];
                if (!(Math.abs(de) > 0)) continue;
                for (int p : cand[i])
                    for (int q : cand[j]) {
                        if (Math.abs(q - p) < MIN_TRAVEL_PX) continue;
                        double b = (q - p) / de;
                        int support = 0;
                        double ss = 0;
                        // every pair of candidates of every pair of frames proposes a line (n^2 C^2 proposals), so
                        // counting each proposal's support must be cheap: a proposal is dropped as soon as the
                        // frames left cannot lift it to the best support (a tie still counts to the end, so the
                        // winner is the one the full count picks), and each frame's nearest candidate is found by
                        // bisection of its sorted candidates. Without this a 100-frame scan with noisy frames
                        // took minutes (BENCHMARKS.md, RIXS map build).
                        // (also dropped once it can at most tie the best support with a sum of squares already
                        // no smaller than the best's: the sum only grows, and a tie needs a smaller one)
                        for (int k = 0; k < n && (support + (n - k) > bestSupport || (support + (n - k) == bestSupport && ss < bestSs)); k++) {
                            double pred = p + b * (excitation[k] - excitation[i]);
                            double best = nearestDistance(cand[k], pred);
                            if (best <= TOLERANCE_PX) { support++; ss += best * best; }
                        }
                        if (support > bestSupport || (support == bestSupport && ss < bestSs)) {
                            bestSupport = support;
                            bestSs = ss;
                            bestA = p;
                            bestB = b;
                            bestE = excitation[i];
                        }
                    }
            }
        double[] pixel = new double[n];
        java.util.Arrays.fill(pixel, Double.NaN);
        if (bestSupport < 3) return new Track(pixel, Double.NaN, 0);
        // least-squares line through the supporting candidates, then each frame's candidate on it, refined
        double sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
        int[] on = new int[n];
        for (int k = 0; k < n; k++) {
            double pred = bestA + bestB * (excitation[k] - bestE);
            on[k] = nearest(cand[k], pred);
            if (on[k] < 0) continue;
            double x = excitation[k] - bestE, y = on[k];
            sw++; sx += x; sy += y; sxx += x * x; sxy += x * y;
        }
        double det = sw * sxx - sx * sx;
        double b = det > 0 ? (sw * sxy - sx * sy) / det : bestB, a = det > 0 ? (sy - b * sx) / sw : bestA;
        int found = 0;
        for (int k = 0; k < n; k++) {
            int c = nearest(cand[k], a + b * (excitation[k] - bestE));
            if (c < 0) continue;
            pixel[k] = refine(spectra[k], c, halfWidth);
            found++;
        }
        return new Track(pixel, b, found);
    }

    /** |c - pred| of the candidate nearest pred ({@code cand} sorted ascending), infinity when there is none. */
    static double nearestDistance(int[] cand, double pred) {
        int lo = firstAtOrAbove(cand, pred);
        double best = Double.POSITIVE_INFINITY;
        if (lo < cand.length) best = cand[lo] - pred;
        if (lo > 0) best = Math.min(best, pred - cand[lo - 1]);
        return best;
    }

    /** Index of the first candidate at or above pred ({@code cand} sorted ascending; length when none), by bisection. */
    private static int firstAtOrAbove(int[] cand, double pred) {
        int lo = 0, hi = cand.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cand[mid] < pred) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /** The candidate nearest pred within {@link #TOLERANCE_PX} (the lower one on a tie), or -1. */
    private static int nearest(int[] cand, double pred) {
        int lo = firstAtOrAbove(cand, pred), best = -1;
        if (lo > 0 && pred - cand[lo - 1] <= TOLERANCE_PX) best = cand[lo - 1];
        if (lo < cand.length && cand[lo] - pred <= TOLERANCE_PX && (best < 0 || cand[lo] - pred < pred - best)) best = cand[lo];
        return best;
    }

    /** Local maxima (3-point smoothed, over +-halfWidth) above threshold x the maximum, not at the ends. */
    static int[] candidates(double[] spectrum, double threshold, int halfWidth) {
        double[] s = smooth(spectrum);
        int n = s.length;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : s) max = Math.max(max, v);
        if (!(max > 0) || n < 5) return new int[0];
        int h = Math.max(1, halfWidth);
        java.util.List<Integer> out = new java.util.ArrayList<>();
        for (int i = 1; i < n - 1; i++) {
            if (s[i] < threshold * max) continue;
            boolean isMax = true;
            for (int j = Math.max(0, i - h); j <= Math.min(n - 1, i + h) && isMax; j++) if (s[j] > s[i] || (s[j] == s[i] && j < i)) isMax = false;
            if (isMax) out.add(i);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double[] smooth(double[] spectrum) {
        int n = spectrum.length;
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            // light 3-point smoothing so that noise does not make local maxima
            double a = spectrum[Math.max(0, i - 1)], b = spectrum[i], c = spectrum[Math.min(n - 1, i + 1)];
            s[i] = 0.25 * a + 0.5 * b + 0.25 * c;
        }
        return s;
    }

    /** One spectrum on its own (no scan to track over): the outermost high-energy peak above threshold x maximum. */
    public static OptionalDouble find(double[] spectrum, boolean energyIncreasesWithPixel, double threshold, int halfWidth) {
        int n = spectrum.length;
        if (n < 5) return OptionalDouble.empty();
        double[] s = smooth(spectrum);
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
        return OptionalDouble.of(refine(spectrum, peak, h));
    }

    /** Centre of the peak at {@code peak}: a Gaussian fit (Hipparchus) over +-halfWidth after removing the window's minimum; the centroid when the fit fails. */
    static double refine(double[] spectrum, int peak, int halfWidth) {
        int n = spectrum.length, h = Math.max(1, halfWidth);
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
                .withStartPoint(new double[] {spectrum[peak] - floor, peak, Math.max(1.0, h / 3.0)})
                .withMaxIterations(200).fit(pts.toList());
            if (g[1] >= lo && g[1] <= hi && Double.isFinite(g[1])) return g[1];
        } catch (MathRuntimeException e) {
            // fall back to the centroid: a line too weak or too odd for a Gaussian
        }
        return centroid;
    }
}
