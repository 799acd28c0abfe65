package org.edgeworks.xas.kernel;

/**
 * The numeric core of XANES normalisation, following Larch 0.9.58 {@code pre_edge} step by step
 * (larch/xafs/pre_edge.py): E0 from the maximum of dmu/dE ({@code _finde0}), E0 moved to the grid
 * point nearest it, default ranges rounded to 5 eV as Larch rounds them (Python's round: half to
 * even), pre-edge line over [index_of(E0+pre1), index_nearest(E0+pre2)), post-edge polynomial of
 * mu - pre over [index_of(E0+norm1), index_nearest(E0+norm2)), edge step = post - pre at the E0
 * grid point, flat = norm minus a polynomial of degree min(nnorm, 2) fitted to norm over the
 * post-edge range, for points from E0 on. Settings in and choices out are immutable records
 * ({@link Settings}, {@link Outcome}); a refusal is a {@link Refused} naming the setting. One
 * instance is a reusable work space for the arrays (no array allocation per spectrum once sized);
 * not thread safe: use one per thread. Internal to the xas bundle (and its friends stack and
 * exafs): other code normalises through {@code NormalizeProcessor}.
 *
 * <p>The one normalisation of the project, for single spectra and for every pixel of an image
 * stack alike. What depends only on the energy grid (and on E0's grid point, which fixes the
 * ranges) is kept from spectrum to spectrum while the grid stays the same: the normal equations of
 * the three polynomial fits ({@link PolyFit.Design}), E^-nvict, the scratch of the E0 search. A
 * stack's pixels share one grid, so each pixel costs the dot products and the output arrays; a
 * single spectrum is a cache of one. Cached values are computed with the same operations as
 * uncached ones, so results are bit-identical whichever way they were reached (KernelCacheTest).
 */
public final class Normalizer {
    /**
     * Larch pre_edge's choices, immutable; NaN / -1 mean "choose as Larch does".
     *
     * @param e0 edge energy in eV (moved to the nearest grid point)
     * @param pre1 pre-edge range start, eV relative to E0
     * @param pre2 pre-edge range end, eV relative to E0
     * @param norm1 post-edge range start, eV relative to E0
     * @param norm2 post-edge range end, eV relative to E0 (negative: from the data end)
     * @param nnorm post-edge polynomial degree 0..3, -1 automatic
     * @param nvict Victoreen exponent of the pre-edge line (mu*E^nvict)
     * @param step fixed edge step, NaN = post(E0) - pre(E0)
     * @param makeFlat compute the flattened spectrum
     */
    public record Settings(double e0, double pre1, double pre2, double norm1, double norm2, int nnorm, int nvict, double step,
                           boolean makeFlat) {
        /** Every choice Larch's. */
        public static final Settings LARCH = new Settings(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, -1, 0, Double.NaN, true);

        public Settings withE0(double value) {
            return new Settings(value, pre1, pre2, norm1, norm2, nnorm, nvict, step, makeFlat);
        }
    }

    /**
     * What one run chose (Larch's pre_edge_details), immutable. Indices are into the energy grid;
     * ranges [preFrom, preTo) and [postFrom, postTo) are the fitted points.
     *
     * @param ie0 grid index of E0
     * @param e0 E0 used, eV (a grid point)
     * @param edgeStep edge step used (positive)
     * @param pre1 pre-edge range used, eV relative to E0 (likewise pre2, norm1, norm2)
     * @param nnorm post-edge degree used
     * @param flatDegree degree of the flattening polynomial
     * @param e0Note set when the automatic E0 is not Larch's grid point ({@link EdgePosition#robustE0Index}); else null
     */
    public record Outcome(int ie0, int preFrom, int preTo, int postFrom, int postTo, double e0, double edgeStep, double pre1, double pre2,
                          double norm1, double norm2, int nnorm, int flatDegree, String e0Note) {
        /** The same choices with another note on the automatic E0. */
        public Outcome withE0Note(String note) {
            return new Outcome(ie0, preFrom, preTo, postFrom, postTo, e0, edgeStep, pre1, pre2, norm1, norm2, nnorm, flatDegree, note);
        }
    }

    /**
     * The normalisation cannot be done with these data and settings: {@link #parameter()} names
     * the setting (e0, pre1, norm1, nnorm, edge_step...), the message says why. Callers add the
     * file or spectrum name ({@code EdgeworksException.of(name, problem())}). Carries no stack
     * trace: image stacks meet it per refused pixel.
     */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final String parameter;

        public Refused(String parameter, String message) {
            super(message, null, false, false);
            this.parameter = parameter;
        }

        public String parameter() { return parameter; }

        /** "parameter: message", as refusals are printed. */
        public String problem() { return parameter + ": " + getMessage(); }
    }

    // work space, reused from spectrum to spectrum
    private double[] dmu = new double[0], pre = new double[0], post = new double[0], norm = new double[0], flat = new double[0];
    private final PolyFit preFit = new PolyFit(), postFit = new PolyFit(), flatFit = new PolyFit();

    /** The grid the cached designs belong to (a copy: the caller's array may change between calls). */
    private double[] grid = new double[0];
    private int gridPoints = -1;
    /** E^-nvict on the grid for {@link #victoreenOf}, or null. */
    private double[] victoreen;
    private int victoreenOf;
    /** Scratch of the E0 search (running median and its slope). */
    private double[] median = new double[0], slope = new double[0];
    /** The last run's Victoreen exponent and whether its step was given (for {@link #edgeStepStderr}). */
    private int lastNvict;
    private boolean lastStepGiven;

    private void ensure(int n) {
        if (pre.length < n) {
            dmu = new double[n]; pre = new double[n]; post = new double[n]; norm = new double[n]; flat = new double[n];
            median = new double[n]; slope = new double[n];
        }
    }

    /** Keeps the grid-only caches when {@code e} is the grid of the previous spectrum, else drops them. */
    private void onGrid(double[] e, int n) {
        boolean same = n == gridPoints && java.util.Arrays.equals(grid, 0, n, e, 0, n);
        if (!same) {
            grid = java.util.Arrays.copyOf(e, n);
            gridPoints = n;
            victoreen = null;
        }
        preFit.onGrid(same);
        postFit.onGrid(same);
        flatFit.onGrid(same);
    }

    /**
     * The arrays of the last successful {@link #run}, valid over its first n points until the
     * next run (the work space itself, not copies: copy what you keep): pre-edge line, post-edge
     * curve (pre + polynomial), normalised and flattened mu, and dmu/dE of the automatic E0 search.
     */
    public double[] pre() { return pre; }
    public double[] post() { return post; }
    public double[] norm() { return norm; }
    public double[] flat() { return flat; }
    public double[] dmu() { return dmu; }

    /** The last run's pre-edge line of mu*E^nvict in raw powers of E (E^0, E^1); a new array. */
    public double[] preCoefficients() { return preFit.rawCoefficients(); }

    /** The last run's post-edge polynomial (of mu - pre) at energy x, eV. */
    public double postValue(double x) { return postFit.value(x); }

    /** The last run's post-edge polynomial of mu - pre in raw powers of E; a new array. */
    public double[] postCoefficients() { return postFit.rawCoefficients(); }

    /** Python's round(): half to even, as Larch's defaults are computed. */
    static double pyRound(double v) { return Math.rint(v); }

    /**
     * Larch's {@code _finde0}: index of the largest dmu/dE among points whose derivative and both
     * neighbours' exceed 10% of the maximum, away from the first and last 5% (at least 3 points).
     * Returns -1 when no such point exists. {@code dmu} receives the derivative.
     */
    public static int findE0Index(double[] e, double[] mu, int n, double[] dmu) {
        if (n < 7) return -1;
        Gradient.of(e, mu, n, dmu);
        for (int i = 0; i < n; i++) if (!Double.isFinite(dmu[i])) dmu[i] = -1.0;
        int nmin = Math.max(3, (int) (n * 0.05));
        if (n - 2 * nmin < 1) return -1;
        double maxd = Double.NEGATIVE_INFINITY;
        for (int i = nmin; i < n - nmin; i++) maxd = Math.max(maxd, dmu[i]);
        double thr = maxd * 0.1;
        int best = -1;
        double bestVal = 0;
        for (int i = nmin; i <= n - nmin && i + 1 < n; i++) {
            if (dmu[i] > thr && dmu[i] > bestVal && dmu[i + 1] > thr && dmu[i - 1] > thr) {
                best = i;
                bestVal = dmu[i];
            }
        }
        return best;
    }

    /**
     * Normalises the first n points of mu(e) (e ascending, unique, finite) with settings s.
     *
     * @return the choices made; the arrays are in {@link #norm()} etc.
     * @throws Refused naming the setting when it cannot be done (too few points, no edge, a range
     *         holding too few points, a singular fit, a zero edge step)
     */
    public Outcome run(double[] e, double[] mu, int n, Settings s) throws Refused {
        ensure(n);
        String e0Note = null;
        double pre1 = s.pre1(), pre2 = s.pre2(), norm1 = s.norm1(), norm2 = s.norm2(), step = s.step();
        int nnorm = s.nnorm(), nvict = s.nvict();
        if (n < 7) throw fail("energy", "only " + n + " points (at least 7 needed)");
        onGrid(e, n);
        double emin = e[0], emax = e[n - 1];
        double e0v = s.e0();
        if (Double.isNaN(e0v)) {
            EdgePosition.Choice c = EdgePosition.robustE0Index(e, mu, n, dmu, median, slope);
            if (c.index() < 0) throw fail("e0", "no absorption edge found (dmu/dE has no clear maximum)");
            e0v = e[c.index()];
            e0Note = c.note();
        } else if (e0v < e[1] || e0v > e[n - 2]) {
            throw fail("e0", "E0 " + e0v + " eV is outside the data (" + e[1] + " to " + e[n - 2] + " eV)");
        }
        int ie0 = LarchIndex.indexNearest(e, n, e0v);
        e0v = e[ie0];

        double p1 = pre1;
        if (Double.isNaN(p1)) p1 = ie0 > 20 ? 5.0 * pyRound((e[1] - e0v) / 5.0) : 2.0 * pyRound((e[1] - e0v) / 2.0);
        p1 = Math.max(p1, emin - e0v);
        double p2 = pre2;
        if (Double.isNaN(p2)) p2 = 5.0 * pyRound(p1 / 15.0);
        if (p1 > p2) { double t = p1; p1 = p2; p2 = t; }
        double n2 = norm2;
        if (Double.isNaN(n2)) n2 = 5.0 * pyRound((emax - e0v) / 5.0);
        if (n2 < 0) n2 = emax - e0v - n2;
        n2 = Math.min(n2, emax - e0v);
        double n1 = norm1;
        if (Double.isNaN(n1)) n1 = Math.min(150, 5.0 * pyRound(n2 / 15.0));
        if (n1 > n2) { double t = n1; n1 = n2; n2 = t; }
        int nn = nnorm;
        if (nn < 0) {
            nn = 2;
            if (n2 - n1 < 350) nn = 1;
            if (n2 - n1 < 50) nn = 0;
        }
        if (nn > 3) throw fail("nnorm", "nnorm " + nn + " is above 3");
        // ranges the user gave are obeyed or refused, never replaced (Larch widens an empty window silently)
        if (!Double.isNaN(pre1) || !Double.isNaN(pre2)) {
            double a = given(pre1, p1), b = given(pre2, p2);
            int inside = count(e, n, e0v + Math.min(a, b), e0v + Math.max(a, b));
            if (inside < 2)
                throw fail(!Double.isNaN(pre1) ? "pre1" : "pre2", "pre-edge window [" + fmt(given(pre1, p1)) + ", " + fmt(given(pre2, p2))
                    + "] eV rel. E0 holds " + inside + " data point" + (inside == 1 ? "" : "s") + " (at least 2 needed); " + cover(emin, emax, e0v));
        } else if (p2 > -2.0) {
            throw fail("pre1", "the pre-edge region is too short for automatic ranges: the data start " + fmt(e0v - emin)
                + " eV below E0 " + fmt(e0v) + " eV, so the pre-edge line would end at " + fmt(p2) + " eV rel. E0; give pre1 and pre2");
        }
        if (!Double.isNaN(norm1) || !Double.isNaN(norm2)) {
            double a = given(norm1, n1), b = Double.isNaN(norm2) || norm2 < 0 ? n2 : norm2; // Larch: a negative norm2 counts from the data end
            int inside = count(e, n, e0v + Math.min(a, b), e0v + Math.max(a, b)); // the window asked for (beyond the data holds nothing)
            if (inside < nn + 1)
                throw fail(!Double.isNaN(norm1) ? "norm1" : "norm2", "post-edge window [" + fmt(given(norm1, n1)) + ", "
                    + fmt(given(norm2, n2)) + "] eV rel. E0 holds " + inside + " data point" + (inside == 1 ? "" : "s")
                    + " (at least " + (nn + 1) + " needed for nnorm=" + nn + "); " + cover(emin, emax, e0v));
        }

        // pre-edge line
        int preFrom = LarchIndex.indexOf(e, n, p1 + e0v);
        int preTo = LarchIndex.indexNearest(e, n, p2 + e0v);
        if (preTo - preFrom < 2) preTo = Math.min(n, preFrom + 2);
        if (preTo - preFrom < 2) throw fail("pre1", "fewer than 2 points in the pre-edge range [" + p1 + ", " + p2 + "] eV");
        if (!preFit.fit(e, n, mu, null, preFrom, preTo, 1, nvict))
            throw fail("pre1", "pre-edge fit is singular over [" + p1 + ", " + p2 + "] eV");
        if (nvict == 0) {
            for (int i = 0; i < n; i++) pre[i] = preFit.valueAt(i);
        } else {
            if (victoreen == null || victoreenOf != nvict) {
                victoreen = new double[n];
                for (int i = 0; i < n; i++) victoreen[i] = Math.pow(e[i], -nvict);
                victoreenOf = nvict;
            }
            for (int i = 0; i < n; i++) pre[i] = preFit.valueAt(i) * victoreen[i];
        }
        // post-edge polynomial of mu - pre
        int postFrom = LarchIndex.indexOf(e, n, n1 + e0v);
        int postTo = LarchIndex.indexNearest(e, n, n2 + e0v);
        if (postTo - postFrom < 2) postTo = Math.min(n, postFrom + 2);
        if (postTo - postFrom < nn + 1)
            throw fail("norm1", "only " + (postTo - postFrom) + " points in the post-edge range [" + n1 + ", " + n2 + "] eV for nnorm=" + nn);
        if (!postFit.fit(e, n, mu, pre, postFrom, postTo, nn, 0))
            throw fail("norm1", "post-edge fit is singular over [" + n1 + ", " + n2 + "] eV");
        for (int i = 0; i < n; i++) post[i] = pre[i] + postFit.valueAt(i);
        double st = Double.isNaN(step) ? post[ie0] - pre[ie0] : step;
        st = Math.abs(st);
        double big = Math.abs(mu[ie0]) + Math.abs(pre[ie0]);
        if (!(st > 1e-10 * big) || !Double.isFinite(st)) throw fail("edge_step", "edge step is zero or not finite (" + st + ")");
        double inv = 1.0 / st;
        for (int i = 0; i < n; i++) norm[i] = (mu[i] - pre[i]) * inv;
        lastNvict = nvict;
        lastStepGiven = !Double.isNaN(step);
        // flattening: Larch fits c0 + c1 E + c2 E^2 with c1, c2 varied only when nnorm allows
        int flatDegree = Math.min(nn, 2);
        if (s.makeFlat() && postTo - postFrom > 4 && flatFit.fit(e, n, norm, null, postFrom, postTo, flatDegree, 0)) {
            double f0 = flatFit.valueAt(ie0);
            for (int i = 0; i < n; i++) flat[i] = i < ie0 ? norm[i] : norm[i] - (flatFit.valueAt(i) - f0);
        } else {
            System.arraycopy(norm, 0, flat, 0, n);
        }
        return new Outcome(ie0, preFrom, preTo, postFrom, postTo, e0v, st, p1, p2, n1, n2, nn, flatDegree, e0Note);
    }

    /**
     * Standard error of the last {@link #run}'s edge step (same e, mu and outcome o), from the
     * two fits it is made of; 0 when the step was given, NaN when a fit has no degree of freedom
     * left (pre-edge range of 2 points, post-edge range of nnorm + 1).
     * <p>
     * The step is P(E0), P the post-edge polynomial fitted to mu - pre over the post-edge points Q,
     * so it is linear in mu: P(E0) = sum_Q g_i (mu_i - pre_i), g_i = b0'(V'V)^-1 v_i (v_i the
     * polynomial basis at point i, b0 at E0). With the scatter of mu about each fit taken as
     * independent noise (variance s_Q^2 about the post-edge curve with |Q| - nnorm - 1 degrees of
     * freedom; s_R^2 of mu*E^nvict about the pre-edge line with |R| - 2):
     * var(step) = s_Q^2 b0'(V'V)^-1 b0 + s_R^2 h'(U'U)^-1 h, h = sum_Q g_i E_i^-nvict u_i
     * (u_i the line's basis): the second term is the pre-edge line's error as the post-edge fit
     * carries it to E0 (for nnorm >= 1 and nvict = 0 it is the line's error at E0 itself).
     * Structure about a fit (white lines in a short post-edge range) counts as scatter: the error
     * then covers how far the step depends on where the fit sits. Written here because it reads
     * the normal matrices the fits already factorised (no library holds them).
     */
    public double edgeStepStderr(double[] e, double[] mu, Outcome o) {
        if (lastStepGiven) return 0.0;
        int nn = o.nnorm(), mr = o.preTo() - o.preFrom(), mq = o.postTo() - o.postFrom();
        if (mr <= 2 || mq <= nn + 1) return Double.NaN;
        double sr = 0, sq = 0;
        for (int i = o.preFrom(); i < o.preTo(); i++) {
            double d = (mu[i] - pre[i]) * (lastNvict == 0 ? 1 : Math.pow(e[i], lastNvict));
            sr += d * d;
        }
        for (int i = o.postFrom(); i < o.postTo(); i++) { double d = mu[i] - post[i]; sq += d * d; }
        sr /= mr - 2;
        sq /= mq - nn - 1;
        double[] b0 = postFit.basisAt(o.ie0());
        double[] z0 = postFit.whiten(b0), a = postFit.solveNormal(b0);
        if (z0 == null || a == null) return Double.NaN;
        double lev = 0;
        for (double v : z0) lev += v * v;
        // h = sum over the post-edge points of g_i E_i^-nvict (1, t_i) in the pre-edge line's variable
        double h0 = 0, h1 = 0;
        for (int i = o.postFrom(); i < o.postTo(); i++) {
            double t = postFit.tAt(i), p = 1, g = 0;
            for (int k = 0; k <= nn; k++) { g += a[k] * p; p *= t; }
            if (lastNvict != 0) g *= Math.pow(e[i], -lastNvict);
            h0 += g;
            h1 += g * preFit.tAt(i);
        }
        double[] zh = preFit.whiten(new double[] {h0, h1});
        if (zh == null) return Double.NaN;
        double varPre = zh[0] * zh[0] + zh[1] * zh[1];
        return Math.sqrt(sq * lev + sr * varPre);
    }

    /** Only built for a refusal: formatting costs more than normalising (image stacks run this per pixel). */
    private static String cover(double emin, double emax, double e0v) {
        return "data cover " + fmt(emin - e0v) + " to " + fmt(emax - e0v) + " eV rel. E0 " + fmt(e0v) + " eV";
    }

    private static double given(double asked, double used) { return Double.isNaN(asked) ? used : asked; }

    private static int count(double[] e, int n, double lo, double hi) {
        int c = 0;
        for (int i = 0; i < n; i++) if (e[i] >= lo && e[i] <= hi) c++;
        return c;
    }

    private static String fmt(double v) {
        return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(8)).stripTrailingZeros().toPlainString();
    }

    private static Refused fail(String parameter, String message) {
        return new Refused(parameter, message);
    }
}
