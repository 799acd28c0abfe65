package org.edgeworks.rixs.image;

/**
 * Pixel-to-eV along the dispersive axis: E(pixel) = sum_k coefficients[k] * pixel^k, fitted
 * to the elastic-line pixel of each excitation point (where E_em = E_ex). The points used,
 * those rejected as outliers and the residuals (eV) are kept for the report; they are empty
 * when the coefficients were given. {@link #coefficientErrors()} gives the standard error of each
 * coefficient from the residual scatter of the points used (ordinary least squares).
 */
public record PixelCalibration(int degree, double[] coefficients, double[] pixels, double[] excitation,
                               double[] residuals, boolean[] used, double rmsResidual) {

    public static PixelCalibration given(double[] coefficients) {
        return new PixelCalibration(coefficients.length - 1, coefficients.clone(), new double[0], new double[0],
            new double[0], new boolean[0], 0);
    }

    public double energy(double pixel) {
        double e = 0, pow = 1;
        for (double c : coefficients) { e += c * pow; pow *= pixel; }
        return e;
    }

    /** dE/dpixel (eV per pixel). */
    public double dispersion(double pixel) {
        double d = 0, pow = 1;
        for (int k = 1; k < coefficients.length; k++) { d += k * coefficients[k] * pow; pow *= pixel; }
        return d;
    }

    /**
     * One standard error per coefficient (eV per pixel^k) of the least-squares fit: the square roots of the
     * diagonal of s^2 (X^T X)^-1, X the design matrix [1, p, p^2...] of the points used and s^2 = sum of
     * squared residuals / (points used - coefficients) (ordinary least squares, e.g. Press et al., Numerical
     * Recipes 15.4). Zeros for given coefficients (exact as given); NaN when the points used do not exceed
     * the coefficients (no scatter to estimate from) or X^T X is singular.
     */
    public double[] coefficientErrors() {
        int k = coefficients.length;
        double[] out = new double[k];
        if (pixels.length == 0) return out;
        int m = 0;
        double ss = 0;
        for (int i = 0; i < pixels.length; i++) if (used[i]) { m++; ss += residuals[i] * residuals[i]; }
        if (m <= k) {
            java.util.Arrays.fill(out, Double.NaN);
            return out;
        }
        double[][] xtx = new double[k][k];
        for (int i = 0; i < pixels.length; i++) {
            if (!used[i]) continue;
            double[] row = new double[k];
            double pow = 1;
            for (int a = 0; a < k; a++) { row[a] = pow; pow *= pixels[i]; }
            for (int a = 0; a < k; a++) for (int b = 0; b < k; b++) xtx[a][b] += row[a] * row[b];
        }
        double s2 = ss / (m - k);
        try {
            org.hipparchus.linear.RealMatrix inv = new org.hipparchus.linear.QRDecomposition(
                org.hipparchus.linear.MatrixUtils.createRealMatrix(xtx)).getSolver().getInverse();
            for (int a = 0; a < k; a++) out[a] = Math.sqrt(s2 * inv.getEntry(a, a));
        } catch (org.hipparchus.exception.MathRuntimeException e) {
            java.util.Arrays.fill(out, Double.NaN);
        }
        return out;
    }
}
