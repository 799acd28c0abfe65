package org.edgeworks.rixs.image;

/**
 * Pixel-to-eV along the dispersive axis: E(pixel) = sum_k coefficients[k] * pixel^k, fitted
 * to the elastic-line pixel of each excitation point (where E_em = E_ex). The points used,
 * those rejected as outliers and the residuals (eV) are kept for the report; they are empty
 * when the coefficients were given.
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
}
