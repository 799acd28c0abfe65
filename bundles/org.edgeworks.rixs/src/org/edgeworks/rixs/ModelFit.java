package org.edgeworks.rixs;

import org.edgeworks.core.EdgeworksException;
import org.hipparchus.exception.MathRuntimeException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.DiagonalMatrix;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.linear.SingularValueDecomposition;
import org.hipparchus.optim.ConvergenceChecker;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.Pair;

/**
 * Weighted non-linear least squares of a model with analytic gradient (Hipparchus
 * Levenberg-Marquardt), with box bounds on the parameters and a linear start: the parameters
 * the model is linear in (amplitudes, areas, polynomial coefficients) are first solved by
 * weighted linear least squares (Hipparchus QR) at the non-linear start values, so the
 * optimiser starts close. The covariance is (J^T W J)^+ (SVD pseudo-inverse, so a component
 * that fits to nothing does not make the others' errors undefined), scaled by the reduced
 * chi-square when that exceeds 1 (the model does not fit within the data sigma: the error bar
 * grows rather than claiming more than the residuals allow), as lmfit and Larch do.
 */
final class ModelFit {
    private ModelFit() {}

    /** The model: value at observation {@code i} and its gradient over the parameters (written into {@code grad}). */
    interface Model {
        double value(int i, double[] p, double[] grad);
    }

    /** Fitted parameters, their covariance, chi-square per degree of freedom and the model at each observation. */
    record Fit(double[] parameters, double[][] covariance, double reducedChiSquare, double[] fitted, boolean weighted) {
        double sigma(int k) { return Math.sqrt(Math.max(0, covariance[k][k])); }
    }

    /**
     * @param n       number of observations
     * @param y       observed values
     * @param sigma   one standard deviation per observation, or null (unit weights; the covariance
     *                then scaled by the residual variance)
     * @param start   start values (the linear ones are overwritten by the linear start)
     * @param linear  which parameters the model is linear in
     * @param lower   lower bounds (use -infinity for none)
     * @param upper   upper bounds
     */
    static Fit fit(String subject, String what, int n, double[] y, double[] sigma, Model model, double[] start, boolean[] linear,
                   double[] lower, double[] upper) throws EdgeworksException {
        int m = start.length;
        if (n <= m)
            throw EdgeworksException.of(subject, what + ": " + n + " point(s) for " + m + " parameters; widen the fit window");
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            double s = sigma == null ? 1 : sigma[i];
            if (!Double.isFinite(y[i]) || !(s > 0) || !Double.isFinite(s))
                throw EdgeworksException.of(subject, what + ": point " + i + " has value " + y[i] + " +- " + s + " (not usable)");
            w[i] = 1 / (s * s);
        }
        // a parameter whose bounds coincide is fixed: its gradient column is zero, so it neither
        // moves nor takes part in the covariance
        boolean[] fixed = new boolean[m];
        for (int j = 0; j < m; j++) fixed[j] = lower[j] == upper[j];
        ModelFit.Model given = model;
        model = (i, q, g) -> {
            double v = given.value(i, q, g);
            for (int j = 0; j < m; j++) if (fixed[j]) g[j] = 0;
            return v;
        };
        final ModelFit.Model used = model;
        double[] p = clamp(start.clone(), lower, upper);
        linearStart(model, n, y, w, p, linear);
        p = clamp(p, lower, upper);
        final double[] lo = lower.clone(), hi = upper.clone();
        LeastSquaresProblem problem = new LeastSquaresBuilder()
            .start(p)
            .model(point -> {
                double[] q = point.toArray();
                double[] v = new double[n];
                double[][] jac = new double[n][m];
                for (int i = 0; i < n; i++) v[i] = used.value(i, q, jac[i]);
                return new Pair<RealVector, RealMatrix>(new ArrayRealVector(v, false), new Array2DRowRealMatrix(jac, false));
            })
            .target(y)
            .weight(new DiagonalMatrix(w))
            .parameterValidator(point -> new ArrayRealVector(clamp(point.toArray(), lo, hi), false))
            .checker((ConvergenceChecker<LeastSquaresProblem.Evaluation>) (iteration, previous, current) ->
                Math.abs(previous.getCost() - current.getCost()) <= 1e-10 * Math.max(1e-300, current.getCost()))
            .maxEvaluations(20000)
            .maxIterations(2000)
            .build();
        LeastSquaresOptimizer.Optimum opt;
        try {
            opt = new LevenbergMarquardtOptimizer().optimize(problem);
        } catch (MathRuntimeException e) {
            throw EdgeworksException.of(subject, what + " did not converge: " + e.getMessage());
        }
        double[] best = opt.getPoint().toArray();
        double[] fitted = new double[n];
        double[][] jac = new double[n][m];
        double chi2 = 0;
        for (int i = 0; i < n; i++) {
            fitted[i] = model.value(i, best, jac[i]);
            double r = y[i] - fitted[i];
            chi2 += r * r * w[i];
        }
        double reduced = chi2 / (n - m);
        RealMatrix jtwj = new Array2DRowRealMatrix(m, m);
        for (int a = 0; a < m; a++)
            for (int b = 0; b <= a; b++) {
                double s = 0;
                for (int i = 0; i < n; i++) s += jac[i][a] * w[i] * jac[i][b];
                jtwj.setEntry(a, b, s);
                jtwj.setEntry(b, a, s);
            }
        RealMatrix cov;
        try {
            cov = new SingularValueDecomposition(jtwj).getSolver().getInverse();
        } catch (MathRuntimeException e) {
            throw EdgeworksException.of(subject, what + ": covariance cannot be computed (" + e.getMessage() + ")");
        }
        double scale = sigma == null ? reduced : Math.max(1, reduced);
        double[][] c = cov.scalarMultiply(scale).getData();
        return new Fit(best, c, reduced, fitted, sigma != null);
    }

    /** Weighted linear least squares for the linear parameters at the current non-linear ones (in place). */
    private static void linearStart(Model model, int n, double[] y, double[] w, double[] p, boolean[] linear) {
        int m = p.length, k = 0;
        int[] idx = new int[m];
        for (int j = 0; j < m; j++) if (linear[j]) idx[k++] = j;
        if (k == 0) return;
        double[] q = p.clone();
        for (int j = 0; j < k; j++) q[idx[j]] = 0;
        double[] grad = new double[m];
        Array2DRowRealMatrix a = new Array2DRowRealMatrix(n, k);
        ArrayRealVector b = new ArrayRealVector(n);
        for (int i = 0; i < n; i++) {
            double rest = model.value(i, q, grad);
            double sw = Math.sqrt(w[i]);
            for (int j = 0; j < k; j++) a.setEntry(i, j, grad[idx[j]] * sw);
            b.setEntry(i, (y[i] - rest) * sw);
        }
        try {
            RealVector x = new QRDecomposition(a, 1e-12).getSolver().solve(b);
            for (int j = 0; j < k; j++) p[idx[j]] = x.getEntry(j);
        } catch (MathRuntimeException e) {
            // singular at the start values: leave the given starts, the optimiser still runs
        }
    }

    private static double[] clamp(double[] p, double[] lo, double[] hi) {
        for (int j = 0; j < p.length; j++) p[j] = Math.min(hi[j], Math.max(lo[j], p[j]));
        return p;
    }
}
