package org.edgeworks.rixs;

/**
 * What a map build reports about the detector geometry it found, in plain numbers (the fits' own records are
 * internal to this bundle): the pixel-to-eV law E(p) = sum_k calibration[k] p^k (eV) with one standard error per
 * coefficient ({@code PixelCalibration#coefficientErrors}; zeros when given), the elastic-line pixel of each
 * excitation point (-1 = not found) and whether the fit used it, with its residual (eV); the curvature
 * shift(u) = sum_k curvature[k] u^k pixels, u = row - centreRow (curvature[1] is the tilt in px/row), with
 * standard errors (zeros when given, NaN when undetermined), the number of row bins fitted and their rms residual
 * (px); the width of the line in the summed straightened spectra; the streaming statistics.
 */
public record BuildDiagnostics(double[] calibration, double[] calibrationErrors, boolean calibrationGiven,
                               double[] elasticExcitation, double[] elasticPixel, boolean[] elasticUsed, double[] elasticResiduals,
                               double calibrationRms, double[] curvature, double[] curvatureErrors, boolean curvatureGiven,
                               int curvatureBins, double curvatureRms, double centreRow, LineWidth summedLine, BuildMap.Stats stats) {

    static BuildDiagnostics of(BuildMap.MapBuild b) {
        var cal = b.calibration();
        var cf = b.curvature();
        return new BuildDiagnostics(cal.coefficients().clone(), cal.coefficientErrors(), cal.pixels().length == 0,
            cal.excitation().clone(), cal.pixels().clone(), cal.used().clone(), cal.residuals().clone(), cal.rmsResidual(),
            cf.coefficients().clone(), cf.coefficientErrors().clone(), cf.binRows().length == 0, cf.binRows().length,
            cf.rmsResidual(), cf.centreRow(), b.summedLineWidth(), b.stats());
    }
}
