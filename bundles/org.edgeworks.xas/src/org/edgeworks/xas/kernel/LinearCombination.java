package org.edgeworks.xas.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.DecompositionSolver;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.vector.constrained.ADMMQPOptimizer;
import org.hipparchus.optim.nonlinear.vector.constrained.ADMMQPOption;
import org.hipparchus.optim.nonlinear.vector.constrained.LagrangeSolution;
import org.hipparchus.optim.nonlinear.vector.constrained.LinearBoundedConstraint;
import org.hipparchus.optim.nonlinear.vector.constrained.LinearEqualityConstraint;
import org.hipparchus.optim.nonlinear.vector.constrained.QuadraticFunction;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.Pair;

/**
 * Linear-combination fitting of a target y(E) by references r_i(E - delta_i) over a window of the
 * target's grid. Window and interpolation follow Larch's lincombo_fit (target points
 * [index_of(xmin), index_of(xmax)], references through the not-a-knot cubic spline). Weights:
 * closed-form least squares (with the sum-to-one constraint eliminated as Larch's expression does);
 * when non-negativity is asked for and violated, the quadratic programme goes to Hipparchus'
 * ADMM QP optimiser and the active set it finds is then solved exactly. Energy shifts: Hipparchus
 * Levenberg-Marquardt over the shifts, clamped to their bounds, with the weights solved exactly for
 * each trial (variable projection). Standard errors: sqrt(diag((J^T J)^-1) * chi2/(n - nvary)), as
 * lmfit reports them.
 */
public final class LinearCombination {
    private final double[] x;
    private double[] y;
    private final int n;
    private final CubicSpline[] splines;
    private final double[][] cols; // references on the window grid, unshifted
    private double yy;
    /**
     * The grid-only part of the unshifted fits met so far, by {@link #faceKey}: what
     * {@link #solveEquality} builds from the reference columns of one face (an active set: which
     * weights are held at 0, with or without sum-to-one) and the inverse normal matrix the
     * covariance scales. Why: an image stack fits the same references on the same window for
     * every pixel, so only the right-hand side (dot products with the pixel's spectrum) changes;
     * the factorisations are made once. They are the same objects a fit from scratch makes, used
     * the same way, so cached and uncached fits are bit-identical. Not thread safe (as
     * {@link #retarget}): one instance per thread.
     */
    private final java.util.Map<Long, Face[]> faceArrays = new java.util.HashMap<>();
    /** The face array of the subset used last ({@link #faceKey}'s reference bits), by the key's other bits. */
    private long lastRefs = -1;
    private Face[] lastFaces = new Face[0];
    /** (J^T J)^-1 of the unshifted fits by face, or the String saying why it is singular. */
    private final java.util.Map<Long, Object> covariances = new java.util.HashMap<>();
    /** Fits carry their scale sensitivities ({@link #withScaleSensitivity}). */
    private boolean scaleSensitivity;

    /** One face's columns (each minus the dependent one under sum-to-one) and its solver, or why it is singular. */
    private record Face(int[] free, int dep, double[][] bcol, DecompositionSolver cholesky, DecompositionSolver qr, String singular) {}

    /**
     * One fit. Weights, errors and shifts are indexed like the subset. shiftAtBound[j]: the fitted
     * shift ended at +-bound; a reference whose weight is held at 0 has its shift fixed at 0
     * (shiftErrors 0) and neither parameter enters the covariance.
     * weightScaleSensitivity[j][k], shiftScaleSensitivity[j][k] (null unless
     * {@link #withScaleSensitivity}): d weight_j / d eps_k and d shift_j / d eps_k, to first order, where
     * the target (k = 0) or reference k - 1 of the subset is divided by (1 + eps_k): what an error of
     * eps_k in the edge step that normalised it does to the fit (0 for a weight held at 0).
     * noiseReducedChi2 (with the sensitivities; else the reduced chi2): the residual variance of the noise alone,
     * chi2 less the residual's part along the directions an edge-step error moves the residual and the
     * parameters cannot follow (under sum-to-one the sample's scale), over the degrees of freedom left.
     */
    public record Fit(int[] subset, double[] weights, double[] weightErrors, double[] shifts, double[] shiftErrors,
                      double[][] weightCovariance, double chi2, double rFactor, double reducedChi2, int nvary, double[] fit,
                      List<String> notes, boolean[] shiftAtBound,
                      double[][] weightScaleSensitivity, double[][] shiftScaleSensitivity, double noiseReducedChi2) {}

    public LinearCombination(double[] x, double[] y, CubicSpline[] references) {
        this.x = x;
        this.y = y;
        this.n = x.length;
        this.splines = references;
        this.cols = new double[references.length][n];
        for (int i = 0; i < references.length; i++) references[i].values(x, 0, n, 0, cols[i]);
        double s = 0;
        for (double v : y) s += v * v;
        this.yy = s;
    }

    /**
     * Fits another target on the same window (length {@link #points}; not copied): the references'
     * columns are reused, so many spectra on one grid (image-stack pixels) cost no spline work.
     */
    public void retarget(double[] target) {
        if (target.length != n) throw new IllegalArgumentException("target has " + target.length + " points, the window " + n);
        this.y = target;
        double s = 0;
        for (double v : target) s += v * v;
        this.yy = s;
    }

    /**
     * Makes every later fit carry d parameter / d eps of the target's and each reference's scale
     * ({@link Fit#weightScaleSensitivity}): what LCF needs to propagate the edge-step errors of
     * the normalisation into the weights. Off by default (an image stack fitting every pixel does
     * not pay for it).
     */
    public LinearCombination withScaleSensitivity() {
        scaleSensitivity = true;
        return this;
    }

    public int points() { return n; }
    public double[] energy() { return x; }
    public double[] target() { return y; }
    public double[] column(int reference) { return cols[reference]; }

    /** Fits one subset of the references; throws IllegalStateException when the fit is singular. */
    public Fit fit(int[] subset, boolean nonNegative, boolean sumToOne, boolean shifts, double shiftBound) {
        int m = subset.length;
        double[][] a = new double[m][];
        for (int j = 0; j < m; j++) a[j] = cols[subset[j]];
        List<String> notes = new ArrayList<>();
        double[] delta = new double[m];
        boolean[] fixed = new boolean[m];
        Solution sol;
        if (shifts && shiftBound > 0) {
            // a reference held at weight 0 has no shift to fit: fix it at 0 and fit the others again
            for (int round = 0; ; round++) {
                sol = fitShifts(subset, nonNegative, sumToOne, shiftBound, delta, fixed);
                boolean changed = false;
                for (int j = 0; j < m; j++) if (negligible(sol, j) && !fixed[j]) { fixed[j] = true; delta[j] = 0; changed = true; }
                if (!changed || round > m) break;
            }
            for (int j = 0; j < m; j++) a[j] = shifted(subset[j], delta[j]);
            sol = solveWeights(a, nonNegative, sumToOne, notes);
            for (int j = 0; j < m; j++) if (negligible(sol, j) && !fixed[j]) { fixed[j] = true; delta[j] = 0; a[j] = shifted(subset[j], 0); }
            int nfixed = count(fixed);
            if (nfixed > 0) notes.add(nfixed + " reference" + (nfixed == 1 ? "" : "s") + " at weight 0 (or within 1e-9 of the largest): shift fixed at 0, not in the covariance");
        } else {
            sol = solveWeights(a, subset, nonNegative, sumToOne, notes);
        }
        double[] w = sol.w;
        double[] f = new double[n];
        for (int j = 0; j < m; j++) for (int i = 0; i < n; i++) f[i] += w[j] * a[j][i];
        double chi2 = 0;
        for (int i = 0; i < n; i++) { double r = y[i] - f[i]; chi2 += r * r; }
        // Jacobian of the free parameters: free weights (sum-to-one: relative to the dependent one), shifts
        List<Integer> free = new ArrayList<>();
        for (int j = 0; j < m; j++) if (!sol.atZero[j]) free.add(j);
        int dependent = sumToOne && !free.isEmpty() ? free.remove(free.size() - 1) : -1;
        List<Integer> freeShifts = new ArrayList<>();
        if (shifts && shiftBound > 0) for (int j = 0; j < m; j++) if (!fixed[j]) freeShifts.add(j);
        int nw = free.size(), ns = freeShifts.size(), p = nw + ns;
        int nvary = p;
        double redchi = n > nvary ? chi2 / (n - nvary) : chi2;
        double[] werr = new double[m], serr = new double[m];
        double[][] wcov = new double[m][m];
        double[][] wsens = scaleSensitivity ? new double[m][m + 1] : null, ssens = scaleSensitivity ? new double[m][m + 1] : null;
        double noiseRedchi = redchi;
        if (p > 0) {
            long covKey = shifts && shiftBound > 0 ? -1 : faceKey(subset, sol.atZero, sumToOne);
            Object known = covKey >= 0 ? covariances.get(covKey) : null;
            double[][] jac = null;
            if (known == null) {
                jac = jacobian(subset, a, w, delta, free, dependent, freeShifts);
                known = inverseNormal(jac);
                if (covKey >= 0) covariances.put(covKey, known);
            }
            if (known instanceof String why) throw new IllegalStateException(why);
            RealMatrix inverse = (RealMatrix) known;
            RealMatrix cov = inverse.scalarMultiply(redchi);
            // weight covariance: w = T theta (+ const): T has a 1 for each free weight and -1s in the dependent row
            double[][] t = new double[m][nw];
            for (int q = 0; q < nw; q++) {
                t[free.get(q)][q] = 1;
                if (dependent >= 0) t[dependent][q] = -1;
            }
            for (int u = 0; u < m; u++) for (int v = 0; v < m; v++) {
                double s = 0;
                for (int q = 0; q < nw; q++) for (int r = 0; r < nw; r++) s += t[u][q] * cov.getEntry(q, r) * t[v][r];
                wcov[u][v] = s;
            }
            for (int j = 0; j < m; j++) werr[j] = Math.sqrt(Math.max(0, wcov[j][j]));
            for (int q = 0; q < ns; q++) serr[freeShifts.get(q)] = Math.sqrt(Math.max(0, cov.getEntry(nw + q, nw + q)));
            if (scaleSensitivity) {
                if (jac == null) jac = jacobian(subset, a, w, delta, free, dependent, freeShifts);
                // d theta / d eps_k = (J'J)^-1 J' d_k, d_k = d(residual)/d eps_k: the sample divided by (1 + eps_0) moves the
                // residual by -f (-y less the residual, which J' annihilates), reference j divided by (1 + eps_j) by +w_j a_j
                // (first order, Gauss-Newton: the term (dJ/d eps_k)'r is left out; it is 0 for free weights, and under sum-to-one,
                // where the residual holds the scale mismatch, it makes the derivative at the measured point swing with that
                // mismatch, by a third per 0.01 of eps on alike references, where the Gauss-Newton one stays near the slope at
                // eps = 0). What of d_k the parameters cannot take up, u_k = d_k - J d theta_k, stays in the residual (under
                // sum-to-one the sample's scale): kept apart from the noise estimate below.
                List<double[]> leak = new ArrayList<>();
                for (int k = 0; k <= m; k++) {
                    if (k > 0 && w[k - 1] == 0) continue;
                    double[] dk = new double[n];
                    double[] jr = new double[p];
                    for (int i = 0; i < n; i++) {
                        dk[i] = k == 0 ? -f[i] : w[k - 1] * a[k - 1][i];
                        for (int q = 0; q < p; q++) jr[q] += jac[i][q] * dk[i];
                    }
                    double[] dtheta = inverse.operate(jr);
                    for (int u = 0; u < m; u++) {
                        double s = 0;
                        for (int q = 0; q < nw; q++) s += t[u][q] * dtheta[q];
                        wsens[u][k] = s;
                    }
                    for (int q = 0; q < ns; q++) ssens[freeShifts.get(q)][k] = dtheta[nw + q];
                    double norm = 0;
                    for (int i = 0; i < n; i++) {
                        norm += dk[i] * dk[i];
                        for (int q = 0; q < p; q++) dk[i] -= jac[i][q] * dtheta[q];
                    }
                    leak.add(orthogonalised(dk, leak, norm));
                }
                leak.removeIf(java.util.Objects::isNull);
                double chi2Noise = chi2;
                for (double[] qv : leak) {
                    double s = 0;
                    for (int i = 0; i < n; i++) s += qv[i] * (y[i] - f[i]);
                    chi2Noise -= s * s;
                }
                int dof = n - nvary - leak.size();
                noiseRedchi = dof > 0 ? Math.max(0, chi2Noise) / dof : redchi;
            }
        }
        boolean[] atBound = new boolean[m];
        for (int j = 0; j < m; j++) atBound[j] = shifts && shiftBound > 0 && !fixed[j] && Math.abs(Math.abs(delta[j]) - shiftBound) < 1e-6 * Math.max(1, shiftBound);
        return new Fit(subset.clone(), w, werr, delta, serr, wcov, chi2, yy > 0 ? chi2 / yy : 0, redchi, nvary, f, notes, atBound, wsens, ssens, noiseRedchi);
    }

    /**
     * v made orthogonal to the unit vectors {@code basis} (Gram-Schmidt, in place) and scaled to unit
     * length; null (nulls in basis skipped) when what is left is shorter than 1e-8 of the length v had before
     * the fit took its part (squared: {@code normSquared}): rounding, not a direction the fit leaves.
     */
    private static double[] orthogonalised(double[] v, List<double[]> basis, double normSquared) {
        for (double[] b : basis) {
            if (b == null) continue;
            double s = 0;
            for (int i = 0; i < v.length; i++) s += b[i] * v[i];
            for (int i = 0; i < v.length; i++) v[i] -= s * b[i];
        }
        double s = 0;
        for (double x : v) s += x * x;
        if (!(s > 1e-16 * normSquared) || s == 0) return null;
        double inv = 1 / Math.sqrt(s);
        for (int i = 0; i < v.length; i++) v[i] *= inv;
        return v;
    }

    /**
     * The Jacobian (n x p) of the fit's free parameters: the free weights (under sum-to-one each
     * relative to the dependent one: column a_j - a_dep), then the free shifts (-w_j r_j'(E - delta_j)).
     */
    private double[][] jacobian(int[] subset, double[][] a, double[] w, double[] delta, List<Integer> free, int dependent, List<Integer> freeShifts) {
        int nw = free.size(), ns = freeShifts.size();
        double[][] jac = new double[n][nw + ns];
        for (int q = 0; q < nw; q++) {
            int j = free.get(q);
            for (int i = 0; i < n; i++) jac[i][q] = a[j][i] - (dependent >= 0 ? a[dependent][i] : 0);
        }
        double[] d = new double[n];
        for (int q = 0; q < ns; q++) {
            int j = freeShifts.get(q);
            splines[subset[j]].derivatives(x, 0, n, -delta[j], d);
            for (int i = 0; i < n; i++) jac[i][nw + q] = -w[j] * d[i];
        }
        return jac;
    }

    /** (J^T J)^-1, or why it does not exist (a String: cached like the inverse). */
    private static Object inverseNormal(double[][] jac) {
        RealMatrix jm = new Array2DRowRealMatrix(jac, false);
        try {
            return MatrixUtils.inverse(jm.transposeMultiply(jm));
        } catch (MathIllegalArgumentException e) {
            return "singular fit (references are linearly dependent in the window)";
        }
    }

    /**
     * The cache key of a face: the references of the subset, the weights held at 0 and the
     * constraint; -1 (no caching) for subsets of references beyond the 24 a key holds.
     */
    private long faceKey(int[] subset, boolean[] zero, boolean sumToOne) {
        long refs = 0, held = 0;
        for (int j = 0; j < subset.length; j++) {
            if (subset[j] >= 24) return -1;
            refs |= 1L << subset[j];
            if (zero[j]) held |= 1L << j;
        }
        return (refs << 26) | (held << 1) | (sumToOne ? 1 : 0);
    }

    private double[] shifted(int ref, double delta) {
        double[] out = new double[n];
        splines[ref].values(x, 0, n, -delta, out);
        return out;
    }

    private record Solution(double[] w, boolean[] atZero) {}

    /** Weight j is held at 0, or is 0 to 1e-9 of the largest: its shift has no effect on the fit. */
    private static boolean negligible(Solution s, int j) {
        double max = 0;
        for (double v : s.w) max = Math.max(max, Math.abs(v));
        return s.atZero[j] || Math.abs(s.w[j]) <= 1e-9 * max;
    }

    /** Least-squares weights with the optional constraints (columns shifted per trial: nothing cached). */
    private Solution solveWeights(double[][] a, boolean nonNegative, boolean sumToOne, List<String> notes) {
        return solveWeights(a, null, nonNegative, sumToOne, notes);
    }

    /** As above; {@code subset} non-null when {@code a} are the unshifted columns of those references (faces cached). */
    private Solution solveWeights(double[][] a, int[] subset, boolean nonNegative, boolean sumToOne, List<String> notes) {
        int m = a.length;
        boolean[] zero = new boolean[m];
        double[] w = solveEquality(a, subset, zero, sumToOne);
        if (!nonNegative || allNonNegative(w)) return new Solution(w, zero);
        if (m <= EXACT_ACTIVE_SET_MAX) return bestFace(a, subset, sumToOne, notes);
        // inequality constrained: Hipparchus QP (ADMM) finds the active set, solved exactly after
        double[][] g = new double[m][m];
        double[] b = new double[m];
        for (int u = 0; u < m; u++) {
            for (int i = 0; i < n; i++) b[u] -= a[u][i] * y[i];
            for (int v = 0; v <= u; v++) {
                double s = 0;
                for (int i = 0; i < n; i++) s += a[u][i] * a[v][i];
                g[u][v] = g[v][u] = s;
            }
        }
        double[][] eye = new double[m][m];
        double[] lo = new double[m], hi = new double[m];
        for (int j = 0; j < m; j++) { eye[j][j] = 1; hi[j] = 1e12; }
        ADMMQPOption opt = new ADMMQPOption();
        opt.setPolishing(false); // the active set found is solved exactly below
        opt.setEps(1e-10);
        LagrangeSolution s;
        try {
            s = sumToOne
                ? new ADMMQPOptimizer().optimize(new ObjectiveFunction(new QuadraticFunction(g, b, 0)), opt,
                    new LinearEqualityConstraint(new double[][] {ones(m)}, new double[] {1}), new LinearBoundedConstraint(eye, lo, hi))
                : new ADMMQPOptimizer().optimize(new ObjectiveFunction(new QuadraticFunction(g, b, 0)), opt, new LinearBoundedConstraint(eye, lo, hi));
        } catch (MathIllegalStateException | MathIllegalArgumentException e) {
            throw new IllegalStateException("non-negative weights: quadratic programme failed: " + e.getMessage());
        }
        double[] q = s.getX().toArray();
        double scale = 0;
        for (double v : q) scale = Math.max(scale, Math.abs(v));
        for (int j = 0; j < m; j++) zero[j] = q[j] <= 1e-7 * Math.max(scale, 1e-30);
        double[] exact = solveEquality(a, subset, zero, sumToOne);
        notes.add("weights held at 0 by non-negativity: " + count(zero));
        if (allNonNegative(exact)) return new Solution(exact, zero);
        for (int j = 0; j < m; j++) q[j] = Math.max(0, q[j]);
        return new Solution(q, zero);
    }

    /** Up to this many references the non-negative problem is solved by trying every active set (2^m faces). */
    static final int EXACT_ACTIVE_SET_MAX = 4;

    /**
     * Non-negative least squares for a few references, exactly: the convex problem's minimum lies on
     * one face of the feasible set (some weights held at 0), where it is that face's equality-
     * constrained least-squares solution; every face is solved and the feasible one with the lowest
     * chi-square is the answer. Written here (not Hipparchus' ADMM QP) because an image stack fits
     * this for every pixel and ADMM's iterations cost ~1000 times more than 2^m small solves.
     */
    private Solution bestFace(double[][] a, int[] subset, boolean sumToOne, List<String> notes) {
        int m = a.length;
        double bestChi = Double.POSITIVE_INFINITY;
        double[] best = null;
        boolean[] bestZero = null;
        for (int mask = 1; mask < (1 << m); mask++) {
            boolean[] zero = new boolean[m];
            for (int j = 0; j < m; j++) zero[j] = (mask & (1 << j)) != 0;
            if (sumToOne && mask == (1 << m) - 1) continue; // all zero cannot sum to one
            double[] w;
            try {
                w = solveEquality(a, subset, zero, sumToOne);
            } catch (IllegalStateException singular) {
                continue;
            }
            if (!allNonNegative(w)) continue;
            double chi = 0;
            for (int i = 0; i < n; i++) {
                double f = 0;
                for (int j = 0; j < m; j++) f += w[j] * a[j][i];
                double r = y[i] - f;
                chi += r * r;
            }
            if (chi < bestChi) { bestChi = chi; best = w; bestZero = zero; }
        }
        if (best == null) throw new IllegalStateException("non-negative weights: no feasible solution");
        notes.add("weights held at 0 by non-negativity: " + count(bestZero));
        return new Solution(best, bestZero);
    }

    private static int count(boolean[] z) { int c = 0; for (boolean b : z) if (b) c++; return c; }

    private static double[] ones(int m) { double[] o = new double[m]; Arrays.fill(o, 1); return o; }

    private static boolean allNonNegative(double[] w) {
        for (double v : w) if (v < 0) return false;
        return true;
    }

    /**
     * Least squares with weights flagged in zero held at 0 and, optionally, sum of weights = 1;
     * the face's grid-only part cached when {@code subset} names unshifted columns.
     */
    private double[] solveEquality(double[][] a, int[] subset, boolean[] zero, boolean sumToOne) {
        long key = subset == null ? -1 : faceKey(subset, zero, sumToOne);
        Face face = null;
        if (key >= 0) {
            // the faces of the subset met last in an array (no boxing per lookup): a stack fits one subset for every pixel
            long refs = key >>> 26;
            int at = (int) (key & ((1L << 26) - 1));
            if (refs != lastRefs || at >= lastFaces.length) {
                lastRefs = refs;
                lastFaces = faceArrays.computeIfAbsent(refs, r -> new Face[1 << (Long.bitCount(r) + 1)]);
            }
            face = at < lastFaces.length ? lastFaces[at] : null;
            if (face == null) {
                face = face(a, zero, sumToOne);
                if (at < lastFaces.length) lastFaces[at] = face;
            }
        } else {
            face = face(a, zero, sumToOne);
        }
        return solve(a, face);
    }

    /** The part of a face's solve that depends on the columns only: columns (minus the dependent one), the Gram matrix's solvers. */
    private Face face(double[][] a, boolean[] zero, boolean sumToOne) {
        int m = a.length;
        List<Integer> freeList = new ArrayList<>();
        for (int j = 0; j < m; j++) if (!zero[j]) freeList.add(j);
        int dep = -1;
        if (sumToOne && !freeList.isEmpty()) dep = freeList.remove(freeList.size() - 1);
        int[] free = freeList.stream().mapToInt(Integer::intValue).toArray();
        int p = free.length;
        if (p == 0) return new Face(free, dep, new double[0][], null, null, null);
        double[][] g = new double[p][p];
        double[][] bcol = new double[p][n];
        for (int q = 0; q < p; q++) {
            double[] col = a[free[q]];
            for (int i = 0; i < n; i++) bcol[q][i] = col[i] - (dep >= 0 ? a[dep][i] : 0);
        }
        for (int u = 0; u < p; u++) {
            for (int v = 0; v <= u; v++) {
                double t = 0;
                for (int i = 0; i < n; i++) t += bcol[u][i] * bcol[v][i];
                g[u][v] = g[v][u] = t;
            }
        }
        try {
            return new Face(free, dep, bcol, new CholeskyDecomposition(new Array2DRowRealMatrix(g, false), 1e-14, 1e-14).getSolver(), null, null);
        } catch (MathIllegalArgumentException e) {
            double[][] bt = new double[n][p];
            for (int q = 0; q < p; q++) for (int i = 0; i < n; i++) bt[i][q] = bcol[q][i];
            // the QR solver refuses a rank-deficient system only when it solves: keep it, solve per target
            try {
                return new Face(free, dep, bcol, null, new QRDecomposition(new Array2DRowRealMatrix(bt, false), 1e-12).getSolver(), null);
            } catch (MathIllegalArgumentException e2) {
                return new Face(free, dep, bcol, null, null, "singular fit (references are linearly dependent in the window)");
            }
        }
    }

    /** The per-target part: right-hand side (dot products with the target), then the face's solver. */
    private double[] solve(double[][] a, Face face) {
        int m = a.length, dep = face.dep(), p = face.free().length;
        if (face.singular() != null) throw new IllegalStateException(face.singular());
        double[] w = new double[m];
        if (p == 0) {
            if (dep >= 0) w[dep] = 1;
            return w;
        }
        double[] z = new double[n];
        for (int i = 0; i < n; i++) z[i] = y[i] - (dep >= 0 ? a[dep][i] : 0);
        RealVector sol;
        if (face.cholesky() != null) {
            double[] c = new double[p];
            for (int u = 0; u < p; u++) {
                double s = 0;
                double[] b = face.bcol()[u];
                for (int i = 0; i < n; i++) s += b[i] * z[i];
                c[u] = s;
            }
            sol = face.cholesky().solve(new ArrayRealVector(c, false));
        } else {
            try {
                sol = face.qr().solve(new ArrayRealVector(z, false));
            } catch (MathIllegalArgumentException e2) {
                throw new IllegalStateException("singular fit (references are linearly dependent in the window)");
            }
        }
        double sum = 0;
        for (int q = 0; q < p; q++) { w[face.free()[q]] = sol.getEntry(q); sum += sol.getEntry(q); }
        if (dep >= 0) w[dep] = 1 - sum;
        return w;
    }

    /**
     * Shifts by Levenberg-Marquardt (Hipparchus) over the references not fixed (fixed ones keep
     * delta 0), clamped to +-bound, weights solved exactly for each trial shift; delta receives the
     * shifts and the weights at them are returned.
     */
    private Solution fitShifts(int[] subset, boolean nonNegative, boolean sumToOne, double bound, double[] delta, boolean[] fixed) {
        int m = subset.length;
        int[] vary = java.util.stream.IntStream.range(0, m).filter(j -> !fixed[j]).toArray();
        int k = vary.length;
        double[][] a = new double[m][];
        if (k > 0) {
            double h = 1e-4;
            java.util.function.Function<double[], double[]> full = v -> {
                double[] d = new double[m];
                for (int q = 0; q < k; q++) d[vary[q]] = v[q];
                return d;
            };
            LeastSquaresOptimizer.Optimum opt = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
                .start(new double[k])
                .target(y)
                .maxEvaluations(2000).maxIterations(500)
                .parameterValidator(v -> {
                    double[] c = v.toArray();
                    for (int q = 0; q < k; q++) c[q] = Math.max(-bound, Math.min(bound, c[q]));
                    return new ArrayRealVector(c, false);
                })
                .model(point -> {
                    double[] v = point.toArray();
                    double[] f0 = model(subset, full.apply(v), nonNegative, sumToOne);
                    double[][] jac = new double[n][k];
                    for (int q = 0; q < k; q++) {
                        double[] vp = v.clone();
                        vp[q] += h;
                        double[] f1 = model(subset, full.apply(vp), nonNegative, sumToOne);
                        for (int i = 0; i < n; i++) jac[i][q] = (f1[i] - f0[i]) / h;
                    }
                    return new Pair<>(new ArrayRealVector(f0, false), new Array2DRowRealMatrix(jac, false));
                })
                .build());
            double[] best = opt.getPoint().toArray();
            for (int q = 0; q < k; q++) delta[vary[q]] = Math.max(-bound, Math.min(bound, best[q]));
        }
        for (int j = 0; j < m; j++) {
            if (fixed[j]) delta[j] = 0;
            a[j] = shifted(subset[j], delta[j]);
        }
        return solveWeights(a, nonNegative, sumToOne, new ArrayList<>());
    }

    private double[] model(int[] subset, double[] d, boolean nonNegative, boolean sumToOne) {
        int m = subset.length;
        double[][] a = new double[m][];
        for (int j = 0; j < m; j++) a[j] = shifted(subset[j], d[j]);
        double[] w = solveWeights(a, nonNegative, sumToOne, new ArrayList<>()).w;
        double[] f = new double[n];
        for (int j = 0; j < m; j++) for (int i = 0; i < n; i++) f[i] += w[j] * a[j][i];
        return f;
    }

    /** Every subset of minSize..maxSize references, fitted, best R-factor first; singular subsets are skipped. */
    public List<Fit> all(int minSize, int maxSize, boolean nonNegative, boolean sumToOne, boolean shifts, double bound) {
        return all(minSize, maxSize, nonNegative, sumToOne, shifts, bound, false, new ArrayList<>());
    }

    /**
     * Every subset of minSize..maxSize references, fitted, best first by R-factor or (byChi2) by
     * reduced chi-square; the subsets that cannot be fitted (singular) go to {@code singular} with
     * the reason, never silently.
     */
    public List<Fit> all(int minSize, int maxSize, boolean nonNegative, boolean sumToOne, boolean shifts, double bound,
                         boolean byChi2, List<String> singular) {
        List<Fit> out = new ArrayList<>();
        int k = splines.length;
        for (int size = Math.max(1, minSize); size <= Math.min(maxSize, k); size++) {
            int[] idx = new int[size];
            for (int i = 0; i < size; i++) idx[i] = i;
            while (true) {
                try {
                    out.add(fit(idx, nonNegative, sumToOne, shifts, bound));
                } catch (IllegalStateException e) {
                    singular.add(Arrays.toString(idx) + ": " + e.getMessage());
                }
                int i = size - 1;
                while (i >= 0 && idx[i] == k - size + i) i--;
                if (i < 0) break;
                idx[i]++;
                for (int j = i + 1; j < size; j++) idx[j] = idx[j - 1] + 1;
            }
        }
        out.sort(byChi2 ? (p, q) -> Double.compare(p.reducedChi2(), q.reducedChi2()) : (p, q) -> Double.compare(p.rFactor(), q.rFactor()));
        return out;
    }
}
