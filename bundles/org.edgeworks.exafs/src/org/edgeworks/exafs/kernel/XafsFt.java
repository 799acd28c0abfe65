package org.edgeworks.exafs.kernel;

import org.edgeworks.exafs.Window;
import org.hipparchus.transform.DftNormalization;
import org.hipparchus.transform.FastFourierTransformer;
import org.hipparchus.transform.TransformType;

/**
 * XAFS Fourier transforms in Larch's conventions (larch/xafs/xafsft.py, 0.9.58): chi(k) on the
 * uniform grid k = i kstep, zero-padded to nfft points; chi(R) = kstep/sqrt(pi) FFT(...) on
 * R = j pi/(kstep nfft) for j < nfft/2; chi(q) = 4 sqrt(pi)/kstep IFFT(chi(R)). The FFT is
 * Hipparchus's (radix 2, numpy's sign convention: forward exp(-2 pi i j m / n)).
 */
public final class XafsFt {
    private XafsFt() {}

    /** Larch's default FFT length and k step (1/A). */
    public static final int NFFT = 2048;
    public static final double KSTEP = 0.05;

    /** k = sqrt(ETOK (E - E0)), k in 1/A, E in eV: ETOK = 2 m_e e / hbar^2 * 1e-20 (CODATA 2018 with hbar = h/2pi, as scipy.constants). */
    public static final double ETOK;
    static {
        double hbar = 6.62607015e-34 / (2 * Math.PI), me = 9.1093837015e-31, e = 1.602176634e-19;
        ETOK = 1.0 / (1.e20 * hbar * hbar / (2 * me * e));
    }

    private static final double SQRT_PI = Math.sqrt(Math.PI);

    /** R spacing of the transform: pi / (kstep nfft) (A). */
    public static double rstep(double kstep, int nfft) { return Math.PI / (kstep * nfft); }

    /**
     * Larch's ftwindow on the ascending uniform grid x (first point 0 as Larch assumes for its
     * index arithmetic): the window value at every x.
     */
    public static double[] window(double[] x, double xmin, double xmax, double dx, double dx2, Window w) {
        int n = x.length;
        double x0 = x[0], xl = x[n - 1];
        double xstep = (xl - x0) / (n - 1);
        double xeps = 1.e-4 * xstep;
        double x1 = Math.max(x0, xmin - dx / 2.0);
        double x2 = xmin + dx / 2.0 + xeps;
        double x3 = xmax - dx2 / 2.0 - xeps;
        double x4 = Math.min(xl, xmax + dx2 / 2.0);
        double dx1 = dx;
        if (w == Window.GAUSSIAN) dx1 = Math.max(dx1, xeps);
        int i1 = (int) ((x1 + xeps) / xstep), i2 = (int) ((x2 + xeps) / xstep);
        int i3 = (int) ((x3 + xeps) / xstep), i4 = (int) ((x4 + xeps) / xstep);
        i1 = Math.max(0, i1);
        i2 = Math.max(0, i2);
        i3 = Math.min(n - 1, i3);
        i4 = Math.min(n - 1, i4);
        if (i2 == i1) i1 = Math.max(0, i2 - 1);
        if (i4 == i3) i3 = Math.max(i2, i4 - 1);
        x1 = x[i1]; x2 = x[i2]; x3 = x[i3]; x4 = x[i4];
        if (x1 == x2) x2 = x2 + xeps;
        if (x3 == x4) x4 = x4 + xeps;
        double[] f = new double[n];
        for (int i = i2; i < i3; i++) f[i] = 1;
        switch (w) {
            case HANNING -> {
                for (int i = i1; i <= i2; i++) { double s = Math.sin(Math.PI / 2 * (x[i] - x1) / (x2 - x1)); f[i] = s * s; }
                for (int i = i3; i <= i4; i++) { double c = Math.cos(Math.PI / 2 * (x[i] - x3) / (x4 - x3)); f[i] = c * c; }
            }
            case PARZEN -> {
                for (int i = i1; i <= i2; i++) f[i] = (x[i] - x1) / (x2 - x1);
                for (int i = i3; i <= i4; i++) f[i] = 1 - (x[i] - x3) / (x4 - x3);
            }
            case WELCH -> {
                for (int i = i1; i <= i2; i++) { double t = (x[i] - x2) / (x2 - x1); f[i] = 1 - t * t; }
                for (int i = i3; i <= i4; i++) { double t = (x[i] - x3) / (x4 - x3); f[i] = 1 - t * t; }
            }
            case KAISER -> {
                double cen = (x4 + x1) / 2, wid = (x4 - x1) / 2;
                double scale = Math.max(1.e-10, besselI0(dx) - 1);
                for (int i = 0; i < n; i++) {
                    double arg = 1 - (x[i] - cen) * (x[i] - cen) / (wid * wid);
                    if (arg < 0) arg = 0;
                    f[i] = (besselI0(dx * Math.sqrt(arg)) - 1) / scale;
                }
            }
            case SINE -> {
                java.util.Arrays.fill(f, 0);
                for (int i = i1; i <= i4; i++) f[i] = Math.sin(Math.PI * (x4 - x[i]) / (x4 - x1));
            }
            case GAUSSIAN -> {
                double cen = (x4 + x1) / 2;
                for (int i = 0; i < n; i++) f[i] = Math.exp(-((x[i] - cen) * (x[i] - cen)) / (2 * dx1 * dx1));
            }
        }
        return f;
    }

    /**
     * Modified Bessel function I0 by its power series sum ((x/2)^2k / (k!)^2), to full double
     * precision for the window parameters used here (|x| < 50). Hipparchus has no I0, hence this.
     */
    public static double besselI0(double x) {
        double q = x * x / 4, term = 1, sum = 1;
        for (int k = 1; k < 500; k++) {
            term *= q / ((double) k * k);
            sum += term;
            if (term < 1e-17 * sum) break;
        }
        return sum;
    }

    /** The uniform grid kstep * i, i = 0..n-1. */
    public static double[] grid(double step, int n) {
        double[] g = new double[n];
        for (int i = 0; i < n; i++) g[i] = step * i;
        return g;
    }

    /**
     * Larch's xftf_fast: kstep/sqrt(pi) FFT of the weighted, windowed chi zero-padded to nfft.
     *
     * @return {re, im}, each nfft/2 long
     */
    public static double[][] forward(double[] chi, int nfft, double kstep) {
        double[][] ri = new double[2][nfft];
        System.arraycopy(chi, 0, ri[0], 0, Math.min(chi.length, nfft));
        FastFourierTransformer.transformInPlace(ri, DftNormalization.STANDARD, TransformType.FORWARD);
        double s = kstep / SQRT_PI;
        int h = nfft / 2;
        double[][] out = new double[2][h];
        for (int i = 0; i < h; i++) { out[0][i] = s * ri[0][i]; out[1][i] = s * ri[1][i]; }
        return out;
    }

    /**
     * Larch's xftr_fast: 4 sqrt(pi)/kstep IFFT (numpy normalisation, 1/n) of chi(R) (re, im, any
     * length up to nfft) zero-padded to nfft.
     *
     * @return {re, im}, each nfft/2 long
     */
    public static double[][] reverse(double[] re, double[] im, int nfft, double kstep) {
        double[][] ri = new double[2][nfft];
        System.arraycopy(re, 0, ri[0], 0, Math.min(re.length, nfft));
        System.arraycopy(im, 0, ri[1], 0, Math.min(im.length, nfft));
        FastFourierTransformer.transformInPlace(ri, DftNormalization.STANDARD, TransformType.INVERSE);
        double s = 4 * SQRT_PI / kstep;
        int h = nfft / 2;
        double[][] out = new double[2][h];
        for (int i = 0; i < h; i++) { out[0][i] = s * ri[0][i]; out[1][i] = s * ri[1][i]; }
        return out;
    }

    /** numpy.interp: linear interpolation of (x, y) at xs, clamped to the end values outside. */
    public static double[] interp(double[] xs, double[] x, double[] y) {
        double[] out = new double[xs.length];
        int n = x.length, j = 0;
        for (int i = 0; i < xs.length; i++) {
            double v = xs[i];
            if (v <= x[0]) { out[i] = y[0]; continue; }
            if (v >= x[n - 1]) { out[i] = y[n - 1]; continue; }
            if (j > 0 && x[j] > v) j = 0;
            while (j < n - 2 && x[j + 1] <= v) j++;
            out[i] = y[j] + (y[j + 1] - y[j]) * (v - x[j]) / (x[j + 1] - x[j]);
        }
        return out;
    }
}
