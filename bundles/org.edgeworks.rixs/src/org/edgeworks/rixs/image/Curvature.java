package org.edgeworks.rixs.image;

import java.util.ArrayList;
import java.util.List;

import org.edgeworks.core.EdgeworksException;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.fitting.PolynomialCurveFitter;
import org.hipparchus.fitting.WeightedObservedPoints;

/**
 * Measures how iso-energy lines bend across the non-dispersive axis: rows are summed in bins,
 * each bin's profile is cross-correlated with the sum of all (already straightened) bins, the
 * correlation peak is located to sub-pixel precision by a parabola through its top three
 * values, and a low-order polynomial (Hipparchus) is fitted to the bin shifts. The first pass
 * searches the whole detector width (maxShift 0) or +- maxShift; two refinement passes
 * re-measure the residual shift after straightening, where the parabola is unbiased. A bin
 * whose correlation maximum lies at the search bound is not measured and the fit says so in a
 * warning naming the file (a bounded search that silently stops at its bound bends the fit).
 */
public final class Curvature {
    private Curvature() {}

    /** Lag range of the refinement passes (pixels). */
    private static final int REFINE_LAGS = 3;
    private static final int PASSES = 3;
    /** A bin with less than this fraction of the strongest bin's signal power is not measured. */
    private static final double WEAK_BIN = 0.02;

    public static CurvatureFit fit(String subject, List<DetectorImage> images, int degree, int rowBin, int maxShift)
            throws EdgeworksException {
        return fit(subject, images, degree, rowBin, maxShift, new ArrayList<>());
    }

    /** The same, adding a warning to {@code notes} when line shifts reached the search bound. */
    public static CurvatureFit fit(String subject, List<DetectorImage> images, int degree, int rowBin, int maxShift, List<String> notes)
            throws EdgeworksException {
        if (images.isEmpty()) throw EdgeworksException.of(subject, "no image to measure the curvature on");
        int rows = images.get(0).rows(), cols = images.get(0).columns();
        double centre = (rows - 1) / 2.0;
        if (degree <= 0) return CurvatureFit.none(rows);
        int bin = Math.max(1, Math.min(rowBin, rows / (degree + 2)));
        int nBins = rows / bin;
        if (nBins < degree + 2)
            throw EdgeworksException.of(subject, "curvatureDegree " + degree + " needs at least " + (degree + 2)
                + " row bins but the detector has " + rows + " rows");
        double[] binRows = new double[nBins];
        for (int b = 0; b < nBins; b++) binRows[b] = b * bin + (bin - 1) / 2.0;
        List<double[][]> profiles = new ArrayList<>();
        for (DetectorImage im : images) {
            if (im.rows() != rows || im.columns() != cols)
                throw EdgeworksException.of(subject, "images of different sizes cannot share one curvature");
            profiles.add(binProfiles(im, bin, nBins));
        }
        double[] coeff = new double[degree + 1];
        int search = maxShift > 0 ? Math.min(maxShift, cols - 2) : cols - 2;
        int atBound = 0, measuredBins = 0;
        double[] measured = new double[nBins];
        boolean[] outlier = new boolean[nBins];
        for (int pass = 0; pass < PASSES; pass++) {
            // the first pass searches the whole range; later passes only refine (a bin whose
            // residual falls outside is dropped for that pass)
            int lags = pass == 0 ? Math.max(1, search) : pass == 1 ? Math.min(Math.max(1, search), 2 * REFINE_LAGS) : REFINE_LAGS;
            double[] sum = new double[nBins];
            int[] count = new int[nBins];
            for (double[][] prof : profiles) {
                double[][] straight = new double[nBins][];
                double[] reference = new double[cols];
                double[] power = new double[nBins];
                int strongest = 0;
                for (int b = 0; b < nBins; b++) {
                    straight[b] = shifted(prof[b], poly(coeff, binRows[b] - centre));
                    for (int c = 0; c < cols; c++) power[b] += straight[b][c] * straight[b][c];
                    if (power[b] > power[strongest]) strongest = b;
                }
                // first pass: the strongest bin is the reference (a sum of unstraightened bins
                // smears a strongly tilted line); later passes: the sum of the straightened bins
                if (pass == 0) reference = straight[strongest];
                else for (int b = 0; b < nBins; b++) if (!outlier[b]) for (int c = 0; c < cols; c++) reference[c] += straight[b][c];
                for (int b = 0; b < nBins; b++) {
                    // bins with a small fraction of the strongest bin's signal only correlate noise
                    if (power[b] < WEAK_BIN * power[strongest]) continue;
                    double residual = peakLag(reference, straight[b], lags);
                    if (pass == 0 && !Double.isNaN(residual)) measuredBins++;
                    if (Double.isInfinite(residual) && pass == 0) atBound++;
                    if (!Double.isFinite(residual)) continue;
                    sum[b] += poly(coeff, binRows[b] - centre) + residual;
                    count[b]++;
                }
            }
            for (int b = 0; b < nBins; b++) measured[b] = count[b] > 0 ? sum[b] / count[b] : Double.NaN;
            coeff = robustPolyfit(subject, binRows, centre, measured, count, outlier, degree, coeff, nBins);
        }
        if (atBound > 0)
            notes.add("warning: " + subject + ": the line shift of " + atBound + " of " + measuredBins + " row bin(s) reached the search bound of +-"
                + search + " pixels and was not measured; raise curvatureMaxShift (0 = the whole detector width)");
        for (int b = 0; b < nBins; b++) if (outlier[b]) measured[b] = Double.NaN;
        List<Double> keptRows = new ArrayList<>(), keptShift = new ArrayList<>(), res = new ArrayList<>();
        double ss = 0;
        for (int b = 0; b < nBins; b++) {
            if (Double.isNaN(measured[b])) continue;
            double r = measured[b] - poly(coeff, binRows[b] - centre);
            keptRows.add(binRows[b]);
            keptShift.add(measured[b]);
            res.add(r);
            ss += r * r;
        }
        return new CurvatureFit(coeff, centre, toArray(keptRows), toArray(keptShift), toArray(res),
            Math.sqrt(ss / Math.max(1, res.size())), coefficientErrors(keptRows, centre, ss, degree));
    }

    /**
     * Standard errors of the polynomial coefficients from the bin scatter: s^2 (X^T X)^-1 with
     * s^2 = residual sum of squares / (bins - coefficients) (Hipparchus SVD inverse); NaN when
     * there are no more bins than coefficients (no scatter to judge by).
     */
    static double[] coefficientErrors(List<Double> rows, double centre, double ss, int degree) {
        int n = rows.size(), m = degree + 1;
        double[] out = new double[m];
        java.util.Arrays.fill(out, Double.NaN);
        if (n <= m) return out;
        org.hipparchus.linear.RealMatrix x = new org.hipparchus.linear.Array2DRowRealMatrix(n, m);
        for (int i = 0; i < n; i++) {
            double u = rows.get(i) - centre, pow = 1;
            for (int k = 0; k < m; k++) { x.setEntry(i, k, pow); pow *= u; }
        }
        try {
            org.hipparchus.linear.RealMatrix inv = new org.hipparchus.linear.SingularValueDecomposition(x.transpose().multiply(x))
                .getSolver().getInverse();
            double s2 = ss / (n - m);
            for (int k = 0; k < m; k++) out[k] = Math.sqrt(Math.max(0, s2 * inv.getEntry(k, k)));
        } catch (MathRuntimeException e) {
            // leave NaN: the bins do not determine the coefficients
        }
        return out;
    }

    /**
     * Polynomial fit of the bin shifts, dropping the worst bin while it lies beyond 4 robust
     * sigmas (and 0.5 pixel): a bin whose correlation locked onto another feature must not bend the fit.
     */
    private static double[] robustPolyfit(String subject, double[] binRows, double centre, double[] measured, int[] count,
                                          boolean[] outlier, int degree, double[] start, int nBins) throws EdgeworksException {
        java.util.Arrays.fill(outlier, false);
        double[] coeff = start;
        while (true) {
            WeightedObservedPoints pts = new WeightedObservedPoints();
            for (int b = 0; b < nBins; b++) if (count[b] > 0 && !outlier[b]) pts.add(count[b], binRows[b] - centre, measured[b]);
            int usable = pts.toList().size();
            if (usable < degree + 1)
                throw EdgeworksException.of(subject, "no line found to measure the curvature on (" + usable + " of " + nBins
                    + " row bins usable)");
            try {
                coeff = PolynomialCurveFitter.create(degree).withStartPoint(coeff).fit(pts.toList());
            } catch (MathRuntimeException e) {
                throw EdgeworksException.of(subject, "curvature fit failed: " + e.getMessage());
            }
            if (usable <= degree + 2) return coeff;
            double[] abs = new double[usable];
            int k = 0, worst = -1;
            double worstRes = -1;
            for (int b = 0; b < nBins; b++) {
                if (count[b] == 0 || outlier[b]) continue;
                double r = Math.abs(measured[b] - poly(coeff, binRows[b] - centre));
                abs[k++] = r;
                if (r > worstRes) { worstRes = r; worst = b; }
            }
            java.util.Arrays.sort(abs);
            double sigma = 1.4826 * abs[usable / 2];
            if (worstRes <= Math.max(4 * sigma, 0.5)) return coeff;
            outlier[worst] = true;
        }
    }

    private static double[] toArray(List<Double> l) {
        double[] a = new double[l.size()];
        for (int i = 0; i < a.length; i++) a[i] = l.get(i);
        return a;
    }

    static double poly(double[] c, double u) {
        double s = 0, pow = 1;
        for (double x : c) { s += x * pow; pow *= u; }
        return s;
    }

    /** Rows summed in bins, each profile with its median removed (a flat background correlates with anything). */
    private static double[][] binProfiles(DetectorImage im, int bin, int nBins) {
        int cols = im.columns();
        double[] p = im.pixels();
        double[][] out = new double[nBins][cols];
        for (int b = 0; b < nBins; b++) {
            for (int r = b * bin; r < (b + 1) * bin; r++)
                for (int c = 0; c < cols; c++) out[b][c] += p[r * cols + c];
            double[] sorted = out[b].clone();
            double med = FrameKernels.median(sorted, sorted.length);
            for (int c = 0; c < cols; c++) out[b][c] -= med;
        }
        return out;
    }

    /** out[c] = profile(c + s), linear interpolation, zero outside. */
    private static double[] shifted(double[] profile, double s) {
        int n = profile.length;
        double[] out = new double[n];
        int i0 = (int) Math.floor(s);
        double f = s - i0;
        for (int c = 0; c < n; c++) {
            int j = c + i0;
            if (j < 0 || j + 1 >= n) continue;
            out[c] = (1 - f) * profile[j] + f * profile[j + 1];
        }
        return out;
    }

    /**
     * cc[l + maxLag] = sum over c of ref[c] p[c + l] (c where both exist), for l = -maxLag..maxLag,
     * each sum taken in ascending c from 0.0 as written plainly. Four lags share one pass over the
     * common range (four independent sums: a single running sum waits for each addition, so the
     * search over the whole detector width, 4000 lags of 2048-pixel profiles per row bin, cost a
     * third of a map build's CPU); the terms only one lag has come before (head) or after (tail)
     * that pass, so every sum adds the same terms in the same order: the same bits.
     */
    static double[] correlation(double[] ref, double[] p, int maxLag) {
        int n = ref.length;
        double[] cc = new double[2 * maxLag + 1];
        int l = -maxLag;
        for (; l + 3 <= maxLag; l += 4) {
            int lo = Math.max(0, -l), hi = Math.min(n, n - l - 3); // the range all four lags share
            if (hi <= lo) {
                for (int k = 0; k < 4; k++) cc[l + k + maxLag] = correlationAt(ref, p, l + k);
                continue;
            }
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            for (int c = Math.max(0, -(l + 1)); c < lo; c++) s1 += ref[c] * p[c + l + 1];
            for (int c = Math.max(0, -(l + 2)); c < lo; c++) s2 += ref[c] * p[c + l + 2];
            for (int c = Math.max(0, -(l + 3)); c < lo; c++) s3 += ref[c] * p[c + l + 3];
            for (int c = lo; c < hi; c++) {
                double r = ref[c];
                s0 += r * p[c + l];
                s1 += r * p[c + l + 1];
                s2 += r * p[c + l + 2];
                s3 += r * p[c + l + 3];
            }
            for (int c = hi; c < Math.min(n, n - l); c++) s0 += ref[c] * p[c + l];
            for (int c = hi; c < Math.min(n, n - l - 1); c++) s1 += ref[c] * p[c + l + 1];
            for (int c = hi; c < Math.min(n, n - l - 2); c++) s2 += ref[c] * p[c + l + 2];
            cc[l + maxLag] = s0;
            cc[l + 1 + maxLag] = s1;
            cc[l + 2 + maxLag] = s2;
            cc[l + 3 + maxLag] = s3;
        }
        for (; l <= maxLag; l++) cc[l + maxLag] = correlationAt(ref, p, l);
        return cc;
    }

    /** One lag of {@link #correlation}, plainly. */
    private static double correlationAt(double[] ref, double[] p, int l) {
        int n = ref.length;
        double s = 0;
        for (int c = Math.max(0, -l), hi = Math.min(n, n - l); c < hi; c++) s += ref[c] * p[c + l];
        return s;
    }

    /**
     * Lag of the cross-correlation maximum of {@code p} against {@code ref}, sub-pixel; infinite
     * when the maximum is at the end of the range (the line lies further out), NaN when no
     * positive correlation.
     */
    static double peakLag(double[] ref, double[] p, int maxLag) {
        double[] cc = correlation(ref, p, maxLag);
        int best = 0;
        for (int k = 1; k < cc.length; k++) if (cc[k] > cc[best]) best = k;
        if (cc[best] <= 0) return Double.NaN;
        if (best == 0 || best == cc.length - 1) return best == 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        double a = cc[best - 1], b = cc[best], c = cc[best + 1];
        double den = a - 2 * b + c;
        double delta = den < 0 ? 0.5 * (a - c) / den : 0;
        return best - maxLag + delta;
    }
}
