package org.edgeworks.rixs.image;

import java.util.Arrays;

/**
 * The per-pixel loops of image reduction, written by hand because they run on every pixel of
 * every frame (a library median filter would cost ~10x more: here the median is taken only
 * where a cheap test flags a candidate spike). All work in place on row-major double arrays.
 *
 * Noise model for spike detection: a pixel's variance is sigma0^2 + gain * max(level, 0), the
 * read noise of the frame plus counting statistics of the local level; sigma0 is estimated per
 * frame from a robust (MAD) spread of pixel-minus-neighbours differences.
 */
public final class FrameKernels {
    private FrameKernels() {}

    /** How many rows above and below a pixel make its neighbourhood (rows = non-dispersive). */
    public static final int NEIGHBOUR_REACH = 3;

    /** Subtracts a dark frame (same size) or, when {@code dark} is null, a constant level. */
    public static void subtractDark(double[] pixels, double[] dark, double level) {
        if (dark != null) {
            for (int i = 0; i < pixels.length; i++) pixels[i] -= dark[i];
        } else if (level != 0) {
            for (int i = 0; i < pixels.length; i++) pixels[i] -= level;
        }
    }

    /**
     * Robust read-noise estimate of one frame: 1.4826 * MAD of v - (up + down) / 2 over a strided
     * subsample, divided by sqrt(1.5) (the variance of that difference is 1.5 sigma^2).
     */
    public static double readNoise(double[] p, int rows, int cols) {
        if (rows < 3) return 0;
        int interior = (rows - 2) * cols;
        int stride = Math.max(1, interior / 20011);
        double[] d = new double[(interior + stride - 1) / stride];
        int n = 0;
        for (int k = 0; k < interior; k += stride) {
            int i = cols + k;
            d[n++] = p[i] - 0.5 * (p[i - cols] + p[i + cols]);
        }
        d = Arrays.copyOf(d, n);
        double med = median(d, n);
        for (int k = 0; k < n; k++) d[k] = Math.abs(d[k] - med);
        return 1.4826 * median(d, n) / Math.sqrt(1.5);
    }

    /**
     * Replaces spikes by the median of their neighbours along the non-dispersive axis (same
     * column, {@link #NEIGHBOUR_REACH} rows each side, the window shifted inwards at the edges): spectral features are lines along
     * that axis, so these neighbours see the same signal while a cosmic-ray hit does not.
     * A pixel is a spike when it exceeds that median by more than threshold * sigma(median).
     *
     * @return the number of pixels replaced
     */
    public static int removeSpikesAgainstNeighbours(double[] p, int rows, int cols, double threshold, double gain) {
        return removeSpikesAgainstNeighbours(p, rows, cols, threshold, gain, Double.NaN);
    }

    /** The same with the read noise given (NaN = estimate it on this frame), e.g. once per scan. */
    public static int removeSpikesAgainstNeighbours(double[] p, int rows, int cols, double threshold, double gain, double readNoise) {
        if (rows < 3 || threshold <= 0) return 0;
        double s0 = Double.isNaN(readNoise) ? readNoise(p, rows, cols) : readNoise;
        double s02 = s0 * s0;
        double k2 = threshold * threshold;
        // the pre-test threshold is lower (k / sqrt 2) so that the median test decides
        double preK2 = k2 * 0.5;
        // 1. candidates: pixels above the mean of the rows just above and below (the two rows
        //    on the inner side for the first and last row) by more than k / sqrt 2 sigma. The
        //    test is written without a data-dependent branch until the rare candidate: on noisy
        //    frames a branch per pixel costs more than the arithmetic. The tail of a track along
        //    the column hides behind its head here; step 3 catches it once the head is replaced.
        int[] candidates = new int[256];
        int nc = 0;
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            int a = r == 0 ? base + 2 * cols : base - cols;
            int b = r == rows - 1 ? base - 2 * cols : base + cols;
            if (r == rows - 1) a = base - cols;
            for (int c = 0; c < cols; c++) {
                double m = 0.5 * (p[a + c] + p[b + c]);
                double e = p[base + c] - m;
                if (e * Math.abs(e) > preK2 * (s02 + gain * Math.abs(m))) {
                    if (nc == candidates.length) candidates = Arrays.copyOf(candidates, 2 * nc);
                    candidates[nc++] = base + c;
                }
            }
        }
        // 2. the median test on the candidates, replacing only after every candidate was judged
        //    so that a replaced value never judges its neighbour; 3. the rows next to a replaced
        //    pixel are judged again (the tail of a track hides behind its head in the mean pre-test)
        int replaced = 0;
        double[] nb = new double[2 * NEIGHBOUR_REACH + 1];
        for (int pass = 0; pass < 4 && nc > 0; pass++) {
            double[] newValues = new double[nc];
            int[] where = new int[nc];
            int found = 0;
            for (int k = 0; k < nc; k++) {
                int i = candidates[k];
                double med = neighbourMedian(p, rows, cols, i, nb);
                double e = p[i] - med;
                if (e > 0 && e * e > k2 * (s02 + gain * Math.max(med, 0))) {
                    newValues[found] = med;
                    where[found++] = i;
                }
            }
            for (int k = 0; k < found; k++) p[where[k]] = newValues[k];
            replaced += found;
            nc = 0;
            candidates = new int[4 * found];
            for (int k = 0; k < found; k++) {
                int r = where[k] / cols;
                for (int d = -2; d <= 2; d++) if (d != 0 && r + d >= 0 && r + d < rows) candidates[nc++] = where[k] + d * cols;
            }
        }
        return replaced;
    }

    /** Median of the pixel's column neighbours: a window of 2 * NEIGHBOUR_REACH + 1 rows kept inside the image. */
    private static double neighbourMedian(double[] p, int rows, int cols, int i, double[] nb) {
        int r = i / cols, c = i - r * cols;
        int lo = Math.max(0, Math.min(r - NEIGHBOUR_REACH, rows - 1 - 2 * NEIGHBOUR_REACH));
        int hi = Math.min(rows - 1, lo + 2 * NEIGHBOUR_REACH);
        int n = 0;
        for (int rr = lo; rr <= hi; rr++) if (rr != r) nb[n++] = p[c + rr * cols];
        return median(nb, n);
    }

    /**
     * Spike removal across repeated frames of one excitation point: each pixel is compared with
     * the median of the same pixel in all repeats and replaced by it when it exceeds it by more
     * than threshold * sigma. Needs at least three repeats.
     *
     * @return the number of pixels replaced over all repeats
     */
    public static int removeSpikesAgainstRepeats(double[][] repeats, int rows, int cols, double threshold, double gain) {
        return removeSpikesAgainstRepeats(repeats, rows, cols, threshold, gain, Double.NaN);
    }

    /** The same with the read noise given (NaN = estimate it on the first repeat). */
    public static int removeSpikesAgainstRepeats(double[][] repeats, int rows, int cols, double threshold, double gain, double readNoise) {
        int n = repeats.length;
        if (n < 3 || threshold <= 0) return 0;
        double s0 = Double.isNaN(readNoise) ? readNoise(repeats[0], rows, cols) : readNoise;
        double s02 = s0 * s0;
        double k2 = threshold * threshold;
        double[] v = new double[n];
        int replaced = 0;
        for (int i = 0; i < rows * cols; i++) {
            for (int f = 0; f < n; f++) v[f] = repeats[f][i];
            double med = median(v, n);
            double var = k2 * (s02 + gain * Math.max(med, 0));
            for (int f = 0; f < n; f++) {
                double e = repeats[f][i] - med;
                if (e > 0 && e * e > var) {
                    repeats[f][i] = med;
                    replaced++;
                }
            }
        }
        return replaced;
    }

    /**
     * Straightens and sums: output[c] = sum over rows r of row_r(c + shift[r]), row values
     * linearly interpolated between pixels. Positions falling outside the row add nothing;
     * {@code coverage[c]} (if not null) receives how many rows contributed to column c.
     */
    public static void straightenAndSum(double[] p, int rows, int cols, double[] shift, double[] out, int[] coverage) {
        shiftAndSum(p, rows, cols, shift, out, coverage, false);
    }

    /**
     * The variance of {@link #straightenAndSum} for independent pixels of variance {@code v}: the
     * same shifts, each pixel weighted by the square of its interpolation weight.
     */
    public static void straightenAndSumVariance(double[] v, int rows, int cols, double[] shift, double[] out) {
        shiftAndSum(v, rows, cols, shift, out, null, true);
    }

    private static void shiftAndSum(double[] p, int rows, int cols, double[] shift, double[] out, int[] coverage, boolean squaredWeights) {
        for (int r = 0; r < rows; r++) {
            double s = shift[r];
            int i0 = (int) Math.floor(s);
            double f = s - i0;
            double g = 1 - f;
            if (squaredWeights) { f *= f; g *= g; }
            int base = r * cols;
            // c + i0 >= 0 and c + i0 + 1 <= cols - 1 (when f > 0)
            int cLo = Math.max(0, -i0);
            int cHi = Math.min(cols - 1, cols - 2 - i0);
            if (f == 0) cHi = Math.min(cols - 1, cols - 1 - i0);
            for (int c = cLo; c <= cHi; c++) {
                int j = base + c + i0;
                out[c] += f == 0 ? p[j] : g * p[j] + f * p[j + 1];
            }
            if (coverage != null) for (int c = cLo; c <= cHi; c++) coverage[c]++;
        }
    }

    /** Sums rows without any shift (the uncorrected projection). */
    public static double[] sumRows(double[] p, int rows, int cols) {
        double[] out = new double[cols];
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            for (int c = 0; c < cols; c++) out[c] += p[base + c];
        }
        return out;
    }

    /** Median of the first n values (reorders them). */
    static double median(double[] a, int n) {
        if (n == 0) return 0;
        if (n <= 8) {
            // insertion sort: the neighbourhood is at most 2 * NEIGHBOUR_REACH values
            for (int i = 1; i < n; i++) {
                double x = a[i];
                int j = i - 1;
                while (j >= 0 && a[j] > x) { a[j + 1] = a[j]; j--; }
                a[j + 1] = x;
            }
        } else {
            Arrays.sort(a, 0, n);
        }
        return (n & 1) == 1 ? a[n / 2] : 0.5 * (a[n / 2 - 1] + a[n / 2]);
    }
}
