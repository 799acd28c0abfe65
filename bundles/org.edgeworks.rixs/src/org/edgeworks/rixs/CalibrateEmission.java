package org.edgeworks.rixs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.processing.Param;
import org.edgeworks.core.processing.Result;
import org.edgeworks.rixs.image.PixelCalibration;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.fitting.PolynomialCurveFitter;
import org.hipparchus.fitting.WeightedObservedPoints;

/**
 * Emission calibration: at the elastic line E_em = E_ex, so the elastic pixel of every
 * excitation point gives one (pixel, eV) pair; a linear or quadratic polynomial E(pixel) is
 * fitted by least squares (Hipparchus), points further than {@code outlierThreshold} robust
 * standard deviations are dropped once and the fit repeated; residuals (eV) are reported.
 */
public final class CalibrateEmission extends RixsProcessor<CalibrateEmission.ElasticPositions, CalibrateEmission.Parameters, PixelCalibration> {
    public static final String ID = "org.edgeworks.rixs.emissionCalibration";

    /** Elastic-line pixel per excitation energy (eV). */
    public record ElasticPositions(double[] excitation, double[] pixel) {}

    public record Parameters(
        @Param(label = "Polynomial degree", description = "1 = linear, 2 = quadratic pixel-to-eV", min = 1, max = 2) int degree,
        @Param(label = "Outlier threshold", description = "points beyond this many robust sigmas are dropped (0 = keep all)", min = 0) double outlierThreshold) {
        /** Linear (spectrometers are close to linear over a detector); 5 sigma drops only mis-found lines. */
        public static Parameters defaults() { return new Parameters(1, 5); }
    }

    public CalibrateEmission() { super(ID, "Emission calibration (elastic pixel vs excitation)", ElasticPositions.class, Parameters.class); }

    @Override public Parameters defaults() { return Parameters.defaults(); }

    @Override
    public Result<PixelCalibration> apply(ElasticPositions input, Parameters p) throws EdgeworksException {
        List<String> notes = new ArrayList<>();
        PixelCalibration c = fit("emission calibration", input.excitation(), input.pixel(), p.degree(), p.outlierThreshold(), notes);
        return result(c, p, notes);
    }

    public static PixelCalibration fit(String subject, double[] excitation, double[] pixel, int degree, double outlierThreshold,
                                       List<String> notes) throws EdgeworksException {
        if (degree < 1 || degree > 2) throw EdgeworksException.of(subject, "calibration degree must be 1 or 2, not " + degree);
        int n = excitation.length;
        if (pixel.length != n) throw EdgeworksException.of(subject, n + " excitation energies but " + pixel.length + " elastic pixels");
        boolean[] used = new boolean[n];
        int usable = 0;
        for (int i = 0; i < n; i++) if (Double.isFinite(pixel[i]) && Double.isFinite(excitation[i])) { used[i] = true; usable++; }
        if (usable < degree + 2)
            throw EdgeworksException.of(subject, "a degree-" + degree + " pixel-to-eV fit needs at least " + (degree + 2)
                + " elastic-line positions, found " + usable);
        double[] coeff = polyfit(subject, excitation, pixel, used, degree);
        double[] res = residuals(excitation, pixel, coeff);
        // drop the worst point while it lies beyond outlierThreshold robust sigmas, one at a time
        // (a mis-found elastic line pulls the first fit; removing only the worst is robust to that)
        while (outlierThreshold > 0 && usable > degree + 2) {
            double[] abs = new double[usable];
            int k = 0, worst = -1;
            for (int i = 0; i < n; i++) {
                if (!used[i]) continue;
                abs[k++] = Math.abs(res[i]);
                if (worst < 0 || Math.abs(res[i]) > Math.abs(res[worst])) worst = i;
            }
            Arrays.sort(abs);
            double sigma = 1.4826 * abs[usable / 2];
            if (Math.abs(res[worst]) <= Math.max(outlierThreshold * sigma, 1e-6)) break;
            used[worst] = false;
            usable--;
            notes.add("elastic line at point " + worst + " (E_ex = " + MapMath.fmt(excitation[worst]) + " eV, pixel "
                + MapMath.fmt(pixel[worst]) + ") dropped from the calibration: residual " + MapMath.fmt(res[worst]) + " eV");
            coeff = polyfit(subject, excitation, pixel, used, degree);
            res = residuals(excitation, pixel, coeff);
        }
        double ss = 0;
        int m = 0;
        for (int i = 0; i < n; i++) if (used[i]) { ss += res[i] * res[i]; m++; }
        for (int i = 0; i < n; i++) if (!Double.isFinite(res[i])) res[i] = 0;
        double[] px = pixel.clone();
        for (int i = 0; i < n; i++) if (!Double.isFinite(px[i])) px[i] = -1;
        return new PixelCalibration(degree, coeff, px, excitation.clone(), res, used, Math.sqrt(ss / m));
    }

    private static double[] polyfit(String subject, double[] e, double[] px, boolean[] used, int degree) throws EdgeworksException {
        WeightedObservedPoints pts = new WeightedObservedPoints();
        for (int i = 0; i < e.length; i++) if (used[i]) pts.add(px[i], e[i]);
        try {
            return PolynomialCurveFitter.create(degree).fit(pts.toList());
        } catch (MathRuntimeException ex) {
            throw EdgeworksException.of(subject, "pixel-to-eV fit failed: " + ex.getMessage());
        }
    }

    private static double[] residuals(double[] e, double[] px, double[] coeff) {
        double[] r = new double[e.length];
        for (int i = 0; i < e.length; i++) {
            double v = 0, pow = 1;
            for (double c : coeff) { v += c * pow; pow *= px[i]; }
            r[i] = e[i] - v;
        }
        return r;
    }
}
