package org.edgeworks.rixs.image;

/**
 * Position of iso-energy lines on the detector relative to their mean position, as a polynomial
 * in the centred row coordinate u = row - centreRow: shift(u) = sum_k coefficients[k] * u^k
 * (pixels along the dispersive axis). Measured bin positions and fit residuals are kept for the
 * report; they are empty when the coefficients were given rather than fitted. coefficientErrors:
 * one standard error per coefficient from the scatter of the bins (NaN when undetermined).
 */
public record CurvatureFit(double[] coefficients, double centreRow, double[] binRows, double[] measuredShifts,
                           double[] residuals, double rmsResidual, double[] coefficientErrors) {

    /** Given coefficients: exact (errors 0). */
    public static CurvatureFit given(double[] coefficients, int rows) {
        return new CurvatureFit(coefficients.clone(), (rows - 1) / 2.0, new double[0], new double[0], new double[0], 0,
            new double[coefficients.length]);
    }

    public static CurvatureFit none(int rows) { return given(new double[] {0}, rows); }

    public double shift(double row) {
        double u = row - centreRow, s = 0, pow = 1;
        for (double c : coefficients) { s += c * pow; pow *= u; }
        return s;
    }

    /** The shift of every row 0..rows-1. */
    public double[] shifts(int rows) {
        double[] s = new double[rows];
        for (int r = 0; r < rows; r++) s[r] = shift(r);
        return s;
    }
}
