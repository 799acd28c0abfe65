package org.edgeworks.exafs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.EnergyGrid;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.core.processing.BaseProcessor;
import org.edgeworks.core.processing.Param;
import org.edgeworks.core.processing.Parameters;
import org.edgeworks.core.processing.Result;
import org.edgeworks.exafs.kernel.BSpline;
import org.edgeworks.exafs.kernel.XafsFt;
import org.edgeworks.xas.NormalizeProcessor;
import org.edgeworks.xas.kernel.CubicSpline;
import org.edgeworks.xas.kernel.LarchIndex;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.Pair;

/**
 * Post-edge background removal by AUTOBK (docs/science.md#exafs-autobk; Newville, Livins, Yacoby,
 * Rehr, Stern, Phys. Rev. B 47, 14126 (1993)) in the conventions of Larch 0.9.58's {@code autobk}:
 * mu0(k) is a cubic B-spline
 * with nspl = 1 + int(2 rbkg (kmax - kmin)/pi) knots at data points (FITPACK's interpolating
 * knot vector through them), whose coefficients minimise the chi(R) components below rbkg
 * (the first irbkg points of the transform of chi(k) k^kweight times the window) plus the end
 * clamps (clamp_lo, clamp_hi times chi at the first/last nclamp points of the k grid, scaled by
 * 1 + 100 mean(chi(R)^2)). k = sqrt(2 m_e (E - E0))/hbar, chi(k) on k = 0, 0.05, ... 1/A
 * (int(1.01 + kmax/kstep) points), interpolated from (mu - mu0) by the not-a-knot spline, divided
 * by the edge step. E0 and edge step, when not given, are Larch's pre_edge choices (the xas
 * bundle's {@link NormalizeProcessor}).
 * <p>
 * The residual is linear in the coefficients except for the clamp scale, so its Jacobian is
 * exact here (Hipparchus Levenberg-Marquardt) instead of Larch's finite differences: the same
 * minimum, reached to tighter tolerance.
 * <p>
 * Uncertainty: when the input spectrum carries a 1-sigma uncertainty per point, chi's
 * uncertainty is its linear propagation (independent points) through the interpolation and the
 * refitted background, divided by the edge step (whose own uncertainty is not included).
 * <p>
 * Steps ({@link #autobk}): the parameters' checks, E0 and edge step, the k ranges and number of
 * knots, the knots and their start values, the pieces linear in the coefficients, the fit, and
 * the background, chi and its uncertainty. The provenance records every value used, as Larch's
 * autobk_details: E0, edge step and where they came from, rbkg after its floor, kmin/kmax, knots
 * and their fitted values, irbkg, the clamps.
 * <p>
 * Input: mu(E), E in eV (any order; cleaned by {@link EnergyGrid#clean}), optional 1-sigma per
 * point. Errors: one line naming the spectrum and the parameter.
 */
public final class AutobkProcessor extends BaseProcessor<Spectrum, AutobkProcessor.Params, AutobkProcessor.Autobk> {
    public static final String ID = "org.edgeworks.exafs.autobk";

    /** Larch autobk parameters; null = Larch's automatic choice. Bounds are enforced when the record is built and by {@link #autobk}. */
    public record Params(
        @Param(label = "R bkg", unit = "A", min = 0, description = "highest R of the background (Larch rbkg; > 0, raised to 2 pi/(kstep nfft) if below)") double rbkg,
        @Param(label = "E0", unit = "eV", description = "default: Larch pre_edge E0") Double e0,
        @Param(label = "edge step", description = "default: Larch pre_edge edge step") Double edgeStep,
        @Param(label = "knots", min = 5, max = 128, description = "default: 1 + int(2 rbkg (kmax-kmin)/pi)") Integer nknots,
        @Param(label = "k min", unit = "1/A", min = 0, description = "spline start") double kmin,
        @Param(label = "k max", unit = "1/A", min = 0, description = "spline end; default: end of data") Double kmax,
        @Param(label = "k-weight", min = 0, max = 5, description = "k-weight of the background fit") double kweight,
        @Param(label = "window taper dk", unit = "1/A", min = 0) double dk,
        @Param(label = "window", description = "hanning | kaiser | sine | welch | gaussian | parzen") Window window,
        @Param(label = "clamp points", min = 0, expert = true, description = "points at each end of the spline held by the clamps (Larch nclamp)") int nclamp,
        @Param(label = "low clamp", expert = true, description = "weight keeping chi near 0 at low k (Larch clamp_lo; its absolute value is used)") double clampLo,
        @Param(label = "high clamp", expert = true, description = "weight keeping chi near 0 at high k (Larch clamp_hi; its absolute value is used)") double clampHi)
        implements org.edgeworks.core.processing.Parameters.Related {

        /** A given kmax is above kmin: a usage error naming both (it was a data error naming "kmin/kmax", new-user finding s4-5). */
        @Override
        public String conflict() {
            return kmax == null || kmax > kmin ? null : "{kmax}: " + kmax + " 1/A is not above {kmin} " + kmin + " 1/A";
        }

        /** Larch 0.9.58 defaults: rbkg 1, kmin 0, kmax end of data, kweight 1, dk 0.1, hanning, nclamp 3, clamp_lo 0, clamp_hi 1. */
        public static Params defaults() { return new Params(1.0, null, null, null, 0, null, 1, 0.1, Window.HANNING, 3, 0, 1); }

        public Params withE0(Double v, Double step) { return new Params(rbkg, v, step, nknots, kmin, kmax, kweight, dk, window, nclamp, clampLo, clampHi); }

        public Params withKweight(double w) { return new Params(rbkg, e0, edgeStep, nknots, kmin, kmax, w, dk, window, nclamp, clampLo, clampHi); }

        public Params withRbkg(double r) { return new Params(r, e0, edgeStep, nknots, kmin, kmax, kweight, dk, window, nclamp, clampLo, clampHi); }

        public Params withKRange(double lo, Double hi) { return new Params(rbkg, e0, edgeStep, nknots, lo, hi, kweight, dk, window, nclamp, clampLo, clampHi); }

        public Params withWindow(Window w, double taper) { return new Params(rbkg, e0, edgeStep, nknots, kmin, kmax, kweight, taper, w, nclamp, clampLo, clampHi); }
    }

    /**
     * The result. energy/mu/bkg (eV, absorption) on the cleaned input grid (bkg = mu outside the
     * spline's range, as Larch); k (1/A), chi (unweighted, edge-step normalised) and chiStderr
     * (null without input uncertainty); the parameters actually used; knotsK the full knot vector
     * (nknots + 4), knotsY the nknots fitted coefficients; nclamp, clampLo, clampHi the clamps
     * used (nclamp at most the k points, the weights' absolute values).
     */
    public record Autobk(String name, double[] energy, double[] mu, double[] bkg, double[] k, double[] chi, double[] chiStderr,
                         double e0, double edgeStep, String e0From, double rbkg, double kweight, double kmin, double kmax,
                         double dk, Window window, int nknots, int irbkg, double[] knotsK, double[] knotsY, int evaluations,
                         int nclamp, double clampLo, double clampHi) {
        public Chi toChi() { return new Chi(name, k, chi, chiStderr); }
    }

    public AutobkProcessor() { super(ID, "1.0", "Background removal (AUTOBK) -> chi(k)", Spectrum.class, Params.class); }

    @Override public Params defaults() { return Params.defaults(); }

    @Override
    public Result<Autobk> apply(Spectrum input, Params p) throws EdgeworksException {
        Params q = p == null ? Params.defaults() : p;
        String name = input.name();
        double[] e = input.energies(), mu = input.signal(), sig = input.uncertainty();
        List<String> notes = new ArrayList<>();
        if (!tidy(e, mu, sig)) {
            EnergyGrid.Clean c = sig == null ? EnergyGrid.clean(name, e, mu) : EnergyGrid.clean(name, e, mu, sig);
            e = c.energy();
            mu = c.column(0);
            sig = sig == null ? null : c.column(1);
            notes.addAll(c.notes());
        }
        Autobk out = autobk(name, e, mu, sig, q);
        return result(out, used(out), notes);
    }

    private static boolean tidy(double[] e, double[] y, double[] s) {
        for (int i = 0; i < e.length; i++) {
            if (!Double.isFinite(e[i]) || !Double.isFinite(y[i]) || (s != null && !Double.isFinite(s[i]))) return false;
            if (i > 0 && !(e[i] > e[i - 1])) return false;
        }
        return true;
    }

    /** The parameters a result used (provenance and the CLI's JSON, snake_case). */
    public static Map<String, Object> used(Autobk a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("e0", a.e0());
        m.put("edge_step", a.edgeStep());
        m.put("e0_edge_step_from", a.e0From());
        m.put("rbkg", a.rbkg());
        m.put("kweight", a.kweight());
        m.put("kmin", a.kmin());
        m.put("kmax", a.kmax());
        m.put("dk", a.dk());
        m.put("window", a.window().label());
        m.put("nknots", a.nknots());
        m.put("irbkg", a.irbkg());
        m.put("knots_k", a.knotsK());
        m.put("knots_y", a.knotsY());
        m.put("nfev", a.evaluations());
        m.put("kstep", XafsFt.KSTEP);
        m.put("nfft", XafsFt.NFFT);
        m.put("nclamp", a.nclamp());
        m.put("clamp_lo", a.clampLo());
        m.put("clamp_hi", a.clampHi());
        return m;
    }

    /**
     * AUTOBK on a clean grid (ascending unique finite energies, eV; mu and sigma per point, sigma
     * may be null), in the named steps of the class comment.
     */
    public static Autobk autobk(String name, double[] e, double[] mu, double[] sigma, Params p) throws EdgeworksException {
        check(name, e.length, p);
        Edge edge = edge(name, e, mu, p);                                                        // 1. E0 and edge step
        Ranges g = ranges(name, e, edge.e0(), p);                                                // 2. k ranges, knots count
        Knots s = knots(name, mu, g);                                                            // 3. knots, start values
        Linear lin = linear(mu, g, s);                                                           // 4. linear pieces
        int nc = Math.min(p.nclamp(), g.kout().length);
        Residual res = new Residual(lin.out0(), lin.h(), lin.chi0(), lin.g(), nc, Math.abs(p.clampLo()), Math.abs(p.clampHi()), g.nspl());
        LeastSquaresOptimizer.Optimum opt = fit(name, res, s.c0());                              // 5. the fit
        return background(name, e, mu, sigma, p, edge, g, s, lin, res, opt);                     // 6. bkg, chi, sigma(chi)
    }

    /** Refuses what no spectrum can be processed with (bounds of the record, then what bounds cannot say). */
    private static void check(String name, int n, Params p) throws EdgeworksException {
        if (n < 10) throw EdgeworksException.of(name, "energy: only " + n + " points (at least 10 needed)");
        if (p.window() == null) throw EdgeworksException.of(name, "window: missing");
        if (!(p.rbkg() > 0)) throw EdgeworksException.of(name, "rbkg: must be > 0, not " + p.rbkg());
        if (!(p.kweight() >= 0) || p.kweight() > 5) throw EdgeworksException.of(name, "kweight: must be 0 to 5, not " + p.kweight());
        if (!(p.dk() >= 0)) throw EdgeworksException.of(name, "dk: must be >= 0, not " + p.dk());
        Parameters.validate(p, name);
    }

    /** E0 and edge step used, and where they came from ("given", "pre_edge (Larch defaults)", ...). */
    private record Edge(double e0, double step, String from) {}

    /** Step 1: E0 and edge step as given, else Larch's pre_edge choices (at the given E0 if there is one). */
    private static Edge edge(String name, double[] e, double[] mu, Params p) throws EdgeworksException {
        int n = e.length;
        double e0, step;
        String from;
        if (p.e0() != null && !(Double.isFinite(p.e0()) && p.e0() >= e[0] && p.e0() <= e[n - 1]))
            throw EdgeworksException.of(name, "e0: " + p.e0() + " eV is outside the data (" + e[0] + " to " + e[n - 1] + " eV)");
        if (p.e0() != null && p.edgeStep() != null) {
            e0 = p.e0();
            step = p.edgeStep();
            from = "given";
        } else {
            NormalizeProcessor.Params np = NormalizeProcessor.Params.defaults();
            if (p.e0() != null) np = np.withE0(p.e0());
            NormalizeProcessor.Normalized nz = NormalizeProcessor.normalize(name, e, mu, np);
            e0 = p.e0() != null ? p.e0() : nz.e0();
            step = p.edgeStep() != null ? p.edgeStep() : nz.edgeStep();
            from = p.e0() != null ? "e0 given, edge step from pre_edge at that e0"
                : p.edgeStep() != null ? "e0 from pre_edge, edge step given" : "pre_edge (Larch defaults)";
        }
        if (!Double.isFinite(step) || step == 0) throw EdgeworksException.of(name, "edge_step: must be finite and non-zero, not " + step);
        return new Edge(e0, step, from);
    }

    /**
     * The k side of the problem: ie0 (first point at or above E0), kraw = k of the points from
     * ie0, rbkg after its floor 2 rgrid, kmin/kmax used, the output grid kout, the last point of
     * the fit iemax and their count nfit, the FT weight k^kweight x window on kout, the number of
     * knots nspl and of background R points irbkg.
     */
    private record Ranges(int ie0, double[] kraw, double rbkg, double kmin, double kmax, double[] kout, int iemax, int nfit,
                          double[] ftwin, int nspl, int irbkg) {}

    /** Step 2: Larch's k ranges and number of knots (nspl, irbkg), refusing too few points for them. */
    private static Ranges ranges(String name, double[] e, double e0, Params p) throws EdgeworksException {
        final double kstep = XafsFt.KSTEP;
        final int nfft = XafsFt.NFFT;
        int n = e.length;
        int ie0 = LarchIndex.indexOf(e, e0);
        double rgrid = Math.PI / (kstep * nfft);
        double rbkg = Math.max(p.rbkg(), 2 * rgrid);
        int nmu = n - ie0;
        double[] kraw = new double[nmu];
        for (int j = 0; j < nmu; j++) {
            double d = e[ie0 + j] - e0;
            kraw[j] = Math.signum(d) * Math.sqrt(XafsFt.ETOK * Math.abs(d));
        }
        double kdata = kraw[nmu - 1];
        double kmax = p.kmax() == null ? kdata : Math.max(0, Math.min(kdata, p.kmax()));
        double kmin = p.kmin();
        if (!(kmax > kmin) || kmin < 0)
            throw EdgeworksException.of(name, "kmin/kmax: need 0 <= kmin < kmax; the data end at k = " + kdata + " 1/A");
        int nk = (int) (1.01 + kmax / kstep);
        double[] kout = XafsFt.grid(kstep, nk);
        int iemax = Math.min(n, 2 + LarchIndex.indexOf(e, e0 + kmax * kmax / XafsFt.ETOK)) - 1;
        int nfit = iemax - ie0 + 1;
        double[] win = XafsFt.window(kout, kmin, kmax, p.dk(), p.dk(), p.window());
        double[] ftwin = new double[nk];
        for (int i = 0; i < nk; i++) ftwin[i] = Math.pow(kout[i], p.kweight()) * win[i];
        int nspl = 1 + (int) (2 * rbkg * (kmax - kmin) / Math.PI);
        int irbkg = (int) (1 + (nspl - 1) * Math.PI / (2 * rgrid * (kmax - kmin)));
        if (p.nknots() != null) nspl = p.nknots();
        nspl = Math.max(5, Math.min(128, nspl));
        irbkg = Math.min(irbkg, nfft / 2);
        if (nfit < nspl + 4)
            throw EdgeworksException.of(name, "energy: only " + nfit + " points above e0 for " + nspl + " spline knots");
        return new Ranges(ie0, kraw, rbkg, kmin, kmax, kout, iemax, nfit, ftwin, nspl, irbkg);
    }

    /** The full knot vector t (nspl + 4) and the start coefficients c0 (the spline through the smoothed mu at the knots). */
    private record Knots(double[] t, double[] c0) {}

    /**
     * Step 3: knots at the data points nearest nspl even steps from kmin to kmax, mu there
     * smoothed as Larch ((2 mu_i + mu_i+5 + mu_i-5)/4), FITPACK's interpolating knot vector
     * (splrep, s=0: ends four-fold, interior = the knots 2 .. nspl-3) and the coefficients through them.
     */
    private static Knots knots(String name, double[] mu, Ranges g) throws EdgeworksException {
        int nspl = g.nspl(), ie0 = g.ie0(), nmu = g.kraw().length;
        double kmin = g.kmin(), kmax = g.kmax();
        double[] kraw = g.kraw();
        double[] splK = new double[nspl], splY = new double[nspl];
        for (int i = 0; i < nspl; i++) {
            double qv = kmin + i * (kmax - kmin) / (nspl - 1);
            int ik = LarchIndex.indexNearest(kraw, qv);
            int i1 = Math.min(nmu - 1, ik + 5), i2 = Math.max(0, ik - 5);
            splK[i] = kraw[ik];
            splY[i] = (2 * mu[ik + ie0] + mu[i1 + ie0] + mu[i2 + ie0]) / 4.0;
            if (i > 0 && !(splK[i] > splK[i - 1]))
                throw EdgeworksException.of(name, "energy: too few points for " + nspl + " spline knots between k = " + kmin + " and " + kmax + " 1/A (rbkg " + g.rbkg() + ")");
        }
        double[] t = new double[nspl + 4];
        for (int i = 0; i < 4; i++) { t[i] = splK[0]; t[nspl + i] = splK[nspl - 1]; }
        for (int i = 2; i <= nspl - 3; i++) t[i + 2] = splK[i];
        double[] c0 = new LUDecomposition(new Array2DRowRealMatrix(BSpline.design(t, nspl, splK, nspl), false))
            .getSolver().solve(new ArrayRealVector(splY)).toArray();
        return new Knots(t, c0);
    }

    /**
     * The problem linear in the coefficients c: chi(c) = chi0 - G c on kout (chi0 the
     * interpolated mu, G the interpolated B-spline basis), its FT rows out(c) = out0 - H c; kfit
     * and bfit the k and basis of the fitted points.
     */
    private record Linear(double[] kfit, double[][] bfit, double[] chi0, double[][] g, Dft dft, double[] out0, double[][] h) {}

    /** Step 4: the linear pieces, each basis function interpolated and transformed once. */
    private static Linear linear(double[] mu, Ranges r, Knots s) {
        int nfit = r.nfit(), nspl = r.nspl(), nk = r.kout().length, irbkg = r.irbkg();
        double[] kout = r.kout(), t = s.t();
        double[] kfit = Arrays.copyOf(r.kraw(), nfit);
        double[] mufit = Arrays.copyOfRange(mu, r.ie0(), r.iemax() + 1);
        double[][] bfit = BSpline.design(t, nspl, kfit, nfit);
        double[] chi0 = interpolate(kfit, mufit, kout);
        double[][] g = new double[nk][nspl];
        double[] col = new double[nfit];
        for (int c = 0; c < nspl; c++) {
            for (int j = 0; j < nfit; j++) col[j] = bfit[j][c];
            double[] gc = interpolate(kfit, col, kout);
            for (int i = 0; i < nk; i++) g[i][c] = gc[i];
        }
        Dft dft = new Dft(nk, irbkg, XafsFt.NFFT, XafsFt.KSTEP, r.ftwin());
        double[] out0 = dft.apply(chi0);
        double[][] h = new double[2 * irbkg][nspl];
        double[] gcol = new double[nk];
        for (int c = 0; c < nspl; c++) {
            for (int i = 0; i < nk; i++) gcol[i] = g[i][c];
            double[] hc = dft.apply(gcol);
            for (int m = 0; m < 2 * irbkg; m++) h[m][c] = hc[m];
        }
        return new Linear(kfit, bfit, chi0, g, dft, out0, h);
    }

    /** Step 5: Levenberg-Marquardt from c0 with the exact Jacobian, to Larch's minimum at tight tolerances. */
    private static LeastSquaresOptimizer.Optimum fit(String name, Residual res, double[] c0) throws EdgeworksException {
        try {
            return new LevenbergMarquardtOptimizer()
                .withCostRelativeTolerance(1e-14).withParameterRelativeTolerance(1e-14).withOrthoTolerance(1e-14)
                .optimize(new LeastSquaresBuilder().start(c0).model(res).target(new double[res.rows()])
                    .maxEvaluations(10000).maxIterations(10000).lazyEvaluation(false).build());
        } catch (RuntimeException ex) {
            throw EdgeworksException.of(name, "autobk: the spline fit did not converge (" + ex.getMessage() + ")");
        }
    }

    /** Step 6: the background on the fitted points (mu elsewhere), chi = (chi0 - G c)/step and its propagated sigma. */
    private static Autobk background(String name, double[] e, double[] mu, double[] sigma, Params p, Edge edge, Ranges r, Knots s,
                                     Linear lin, Residual res, LeastSquaresOptimizer.Optimum opt) {
        int nfit = r.nfit(), nspl = r.nspl(), nk = r.kout().length, ie0 = r.ie0();
        double step = edge.step();
        double[][] bfit = lin.bfit(), g = lin.g();
        double[] chi0 = lin.chi0();
        double[] coef = opt.getPoint().toArray();
        double[] bkgFit = new double[nfit];
        for (int j = 0; j < nfit; j++) {
            double v = 0;
            for (int c = 0; c < nspl; c++) v += bfit[j][c] * coef[c];
            bkgFit[j] = v;
        }
        double[] chi = new double[nk];
        for (int i = 0; i < nk; i++) {
            double v = chi0[i];
            for (int c = 0; c < nspl; c++) v -= g[i][c] * coef[c];
            chi[i] = v / step;
        }
        double[] bkg = mu.clone();
        System.arraycopy(bkgFit, 0, bkg, ie0, nfit);
        double[] chiErr = sigma == null ? null
            : propagate(lin.kfit(), r.kout(), Arrays.copyOfRange(sigma, ie0, r.iemax() + 1), res, coef, lin.dft(), g, step);
        return new Autobk(name, e.clone(), mu.clone(), bkg, r.kout(), chi, chiErr, edge.e0(), step, edge.from(), r.rbkg(), p.kweight(),
            r.kmin(), r.kmax(), p.dk(), p.window(), nspl, r.irbkg(), s.t(), coef, opt.getEvaluations(), res.nc, res.lo, res.hi);
    }

    /** The not-a-knot interpolating spline of (x, y) at xs (FITPACK's UnivariateSpline s=0). */
    static double[] interpolate(double[] x, double[] y, double[] xs) {
        double[] out = new double[xs.length];
        CubicSpline.of(x, y).values(xs, 0, xs.length, 0, out);
        return out;
    }

    /**
     * The first nbins of Larch's xftf_fast of (values x ftwin) as interleaved (re, im) pairs, by a
     * direct sum: only the few bins below rbkg are needed, which is cheaper than a 2048-point FFT.
     */
    static final class Dft {
        final int nk, nbins;
        final double[][] cr, ci; // cr[m][j] = s w_j cos(2 pi j m / nfft), ci = -s w_j sin(...)

        Dft(int nk, int nbins, int nfft, double kstep, double[] w) {
            this.nk = nk;
            this.nbins = nbins;
            double s = kstep / Math.sqrt(Math.PI);
            cr = new double[nbins][nk];
            ci = new double[nbins][nk];
            double[][] cs = nfft == XafsFt.NFFT ? TRIG : trig(nfft);
            double[] cos = cs[0], sin = cs[1];
            for (int m = 0; m < nbins; m++)
                for (int j = 0; j < nk; j++) {
                    int t = (int) (((long) j * m) % nfft);
                    cr[m][j] = s * w[j] * cos[t];
                    ci[m][j] = -s * w[j] * sin[t];
                }
        }

        /** cos and sin of 2 pi t / NFFT, t < NFFT, computed once. */
        private static final double[][] TRIG = trig(XafsFt.NFFT);

        private static double[][] trig(int nfft) {
            double[][] t = new double[2][nfft];
            for (int i = 0; i < nfft; i++) { t[0][i] = Math.cos(2 * Math.PI * i / nfft); t[1][i] = Math.sin(2 * Math.PI * i / nfft); }
            return t;
        }

        double[] apply(double[] v) {
            double[] out = new double[2 * nbins];
            for (int m = 0; m < nbins; m++) {
                double re = 0, im = 0;
                double[] a = cr[m], b = ci[m];
                for (int j = 0; j < nk; j++) { re += a[j] * v[j]; im += b[j] * v[j]; }
                out[2 * m] = re;
                out[2 * m + 1] = im;
            }
            return out;
        }
    }

    /** Larch's __resid with its exact Jacobian: FT rows, then the low and high clamps. */
    static final class Residual implements org.hipparchus.optim.nonlinear.vector.leastsquares.MultivariateJacobianFunction {
        final double[] out0, chi0;
        final double[][] h, g;
        final int nc, nspl, nft, nk;
        final double lo, hi;

        Residual(double[] out0, double[][] h, double[] chi0, double[][] g, int nc, double lo, double hi, int nspl) {
            this.out0 = out0; this.h = h; this.chi0 = chi0; this.g = g; this.nc = nc; this.lo = lo; this.hi = hi;
            this.nspl = nspl; this.nft = out0.length; this.nk = chi0.length;
        }

        int rows() { return nft + 2 * nc; }

        /** Row index in the chi grid of clamp row r (0..2nc-1) and its weight. */
        int clampIndex(int r) { return r < nc ? r : nk - nc + (r - nc); }

        double clampWeight(int r) { return r < nc ? lo : hi; }

        double scale(double[] out) {
            double s = 0;
            for (double v : out) s += v * v;
            return 1.0 + 100 * s / out.length;
        }

        double[] ft(double[] c) {
            double[] out = new double[nft];
            for (int m = 0; m < nft; m++) {
                double s = out0[m];
                double[] row = h[m];
                for (int q = 0; q < nspl; q++) s -= row[q] * c[q];
                out[m] = s;
            }
            return out;
        }

        double chiAt(int i, double[] c) {
            double s = chi0[i];
            for (int q = 0; q < nspl; q++) s -= g[i][q] * c[q];
            return s;
        }

        @Override
        public Pair<RealVector, RealMatrix> value(RealVector point) {
            double[] c = point.toArray();
            double[] out = ft(c);
            int rows = rows();
            double[] v = new double[rows];
            double[][] jac = new double[rows][nspl];
            System.arraycopy(out, 0, v, 0, nft);
            for (int m = 0; m < nft; m++) for (int q = 0; q < nspl; q++) jac[m][q] = -h[m][q];
            if (nc > 0) {
                double s = scale(out);
                double[] ds = new double[nspl];
                for (int m = 0; m < nft; m++) for (int q = 0; q < nspl; q++) ds[q] += 200.0 / nft * out[m] * -h[m][q];
                for (int r = 0; r < 2 * nc; r++) {
                    int i = clampIndex(r);
                    double w = clampWeight(r), x = chiAt(i, c);
                    v[nft + r] = w * s * x;
                    for (int q = 0; q < nspl; q++) jac[nft + r][q] = w * (x * ds[q] - s * g[i][q]);
                }
            }
            return new Pair<>(new ArrayRealVector(v, false), new Array2DRowRealMatrix(jac, false));
        }
    }

    /**
     * sigma(chi) from independent 1-sigma errors of mu: chi = (S mu - G c(mu)) / step with
     * dc/dmu = -(J^T J)^-1 J^T dr/dmu (Gauss-Newton at the minimum); the interpolation's response
     * to one point is taken from a local spline (40 nodes each side: the not-a-knot spline's
     * dependence on a node decays by ~0.27 per node, so the rest is below 1e-20).
     */
    private static double[] propagate(double[] kfit, double[] kout, double[] sig, Residual res, double[] coef, Dft dft,
                                      double[][] g, double step) {
        int nfit = kfit.length, nk = kout.length, nspl = coef.length;
        RealMatrix j = res.value(new ArrayRealVector(coef)).getSecond();
        RealMatrix jtjInv = new QRDecomposition(j.transpose().multiply(j), 1e-300).getSolver().getInverse();
        RealMatrix pm = jtjInv.multiply(j.transpose()); // nspl x rows
        double[] out = res.ft(coef);
        double s = res.nc > 0 ? res.scale(out) : 1;
        double[] var = new double[nk];
        double[] unit = new double[nfit];
        double[] resp = new double[nk];
        double[] dr = new double[res.rows()];
        for (int jj = 0; jj < nfit; jj++) {
            if (!(sig[jj] > 0)) continue;
            int a = Math.max(0, jj - 40), b = Math.min(nfit, jj + 41);
            Arrays.fill(resp, 0);
            unit[jj] = 1;
            CubicSpline sp = CubicSpline.window(kfit, unit, kfit[a], kfit[b - 1], 40);
            unit[jj] = 0;
            int from = a == 0 ? 0 : firstAtOrAbove(kout, kfit[a]);
            int to = b == nfit ? nk : firstAtOrAbove(kout, kfit[b - 1]);
            for (int i = from; i < to; i++) resp[i] = sp.value(kout[i]);
            // dr/dmu_j: FT rows of the response, clamp rows s * w * response
            double[] f = dft.apply(resp);
            System.arraycopy(f, 0, dr, 0, f.length);
            for (int r = 0; r < 2 * res.nc; r++) dr[f.length + r] = s * res.clampWeight(r) * resp[res.clampIndex(r)];
            double[] dc = new double[nspl];
            for (int q = 0; q < nspl; q++) {
                double acc = 0;
                for (int r = 0; r < dr.length; r++) acc += pm.getEntry(q, r) * dr[r];
                dc[q] = -acc;
            }
            double s2 = sig[jj] * sig[jj];
            for (int i = 0; i < nk; i++) {
                double d = resp[i];
                for (int q = 0; q < nspl; q++) d -= g[i][q] * dc[q];
                var[i] += d * d * s2;
            }
        }
        double[] err = new double[nk];
        for (int i = 0; i < nk; i++) err[i] = Math.sqrt(var[i]) / Math.abs(step);
        return err;
    }

    private static int firstAtOrAbove(double[] x, double v) {
        int i = 0;
        while (i < x.length && x[i] < v) i++;
        return i;
    }
}
