package org.edgeworks.xas;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.core.processing.Param;
import org.edgeworks.core.processing.BaseProcessor;
import org.edgeworks.core.processing.Result;
import org.edgeworks.xas.kernel.CubicSpline;
import org.edgeworks.xas.kernel.Gradient;
import org.edgeworks.xas.kernel.LarchIndex;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.univariate.BrentOptimizer;
import org.hipparchus.optim.univariate.SearchInterval;
import org.hipparchus.optim.univariate.UnivariateObjectiveFunction;
import org.hipparchus.optim.univariate.UnivariatePointValuePair;

/**
 * Alignment by derivative least squares (docs/science.md#xas-align): the delta minimising
 * sum over the reference grid points in [E0ref+emin, E0ref+emax] of
 * (d norm_sample/dE (E + delta) - d norm_ref/dE (E))^2, derivatives as numpy.gradient on each
 * spectrum's own grid (Larch's dmude), the sample's derivative interpolated by the not-a-knot cubic
 * spline. A 0.05 eV scan over +-maxShift brackets the minimum, Hipparchus' Brent optimiser
 * refines it. The result's shift is what is added to the sample's energies: -delta; its standard
 * error comes from noise injection ({@link #shiftStderr}).
 */
public final class AlignProcessor extends BaseProcessor<AlignProcessor.Input, AlignProcessor.Params, AlignProcessor.Alignment> {
    public static final String ID = "org.edgeworks.xas.align";

    /** Both as mu (normalised here with Larch's defaults) or both already normalised. */
    public record Input(Spectrum reference, Spectrum sample) {}

    public record Params(
        @Param(label = "window start", unit = "eV rel. reference E0") double emin,
        @Param(label = "window end", unit = "eV rel. reference E0") double emax,
        @Param(label = "largest shift", unit = "eV", min = 0, description = "the search runs over +-this") double maxShift,
        @Param(label = "inputs are normalised", description = "false: normalise both with Larch's defaults first") boolean normalized) {
        public static Params defaults() { return new Params(-20, 40, 20, false); }
    }

    /**
     * atBound: the shift ended within 0.05 eV of +-maxShift (a warning note names the sample);
     * shiftStderr: the shift's standard error in eV ({@link #shiftStderr}), NaN at the bound.
     */
    public record Alignment(String reference, String sample, double shift, double referenceE0, double residual, int points,
                            Spectrum alignedSample, boolean atBound, double shiftStderr) {}

    public AlignProcessor() { super(ID, "1.0", "Align to a reference (derivative least squares)", Input.class, Params.class); }

    @Override public Params defaults() { return Params.defaults(); }

    @Override
    public Result<Alignment> apply(Input in, Params p) throws EdgeworksException {
        if (p == null) p = Params.defaults();
        Grid r = Grid.of(in.reference(), 7), s = Grid.of(in.sample(), 7);
        List<String> notes = new ArrayList<>(s.notes());
        Optimum o = optimum(r.name(), r.energy(), r.signal(), s.name(), s.energy(), s.signal(), p);
        double delta = o.delta();
        boolean atBound = Math.abs(delta) >= p.maxShift() - 0.05;
        if (atBound)
            notes.add("warning: " + s.name() + ": the shift reached the bound max_shift = " + p.maxShift()
                + " eV: the true offset may be larger; raise max_shift (--max-shift)");
        double shift = -delta;
        double stderr = atBound ? Double.NaN : shiftStderr(r, s, p, delta);
        Spectrum aligned = CalibrateProcessor.shifted(in.sample(), shift);
        Map<String, Object> used = new LinkedHashMap<>();
        used.put("reference_e0", o.e0());
        used.put("emin", p.emin());
        used.put("emax", p.emax());
        used.put("max_shift", p.maxShift());
        used.put("normalized_inputs", p.normalized());
        used.put("shift", shift);
        used.put("shift_stderr", Double.isFinite(stderr) ? stderr : null);
        used.put("coarse_shift", -o.coarse());
        used.put("at_bound", atBound);
        return result(new Alignment(r.name(), s.name(), shift, o.e0(), Math.sqrt(o.residual2() / o.points()), o.points(), aligned, atBound, stderr),
            used, notes);
    }

    /** The least-squares optimum: delta, its cost, the window's points, the reference's E0, the coarse delta. */
    private record Optimum(double delta, double residual2, int points, double e0, double coarse) {}

    /** The alignment itself (see the class comment), on clean grids (ascending, unique, finite). */
    private static Optimum optimum(String rname, double[] er, double[] ry, String sname, double[] es, double[] sy, Params p)
            throws EdgeworksException {
        double[] rn = ry, sn = sy;
        NormalizeProcessor.Normalized rnorm = NormalizeProcessor.normalize(rname, er, ry, NormalizeProcessor.Params.defaults());
        double e0 = rnorm.e0();
        if (!p.normalized()) {
            rn = rnorm.norm();
            sn = NormalizeProcessor.normalize(sname, es, sy, NormalizeProcessor.Params.defaults()).norm();
        }
        double[] dr = Gradient.of(er, rn), ds = Gradient.of(es, sn);
        CubicSpline sd = CubicSpline.of(es, ds);
        int from = LarchIndex.indexOf(er, e0 + p.emin()), to = LarchIndex.indexOf(er, e0 + p.emax()) + 1;
        if (to - from < 5) throw EdgeworksException.of(rname, "emin: fewer than 5 reference points in the alignment window");
        double[] x = java.util.Arrays.copyOfRange(er, from, to), target = java.util.Arrays.copyOfRange(dr, from, to);
        double[] work = new double[x.length];
        java.util.function.DoubleUnaryOperator cost = d -> {
            sd.values(x, 0, x.length, d, work);
            double c = 0;
            for (int i = 0; i < x.length; i++) { double t = work[i] - target[i]; c += t * t; }
            return c;
        };
        // global coarse search: normalised cross-correlation of the derivatives over the whole overlap,
        // beyond the bound too, so that an offset larger than the bound is recognised as such
        double reach = Math.max(3 * p.maxShift(), 50);
        double coarse = coarseDelta(er, dr, es, ds, reach);
        if (!Double.isFinite(coarse)) throw EdgeworksException.of(sname, "the spectra overlap over less than half the shorter one's range for every shift within +-"
            + reach + " eV (the coarse search reaches max(3 max_shift, 50 eV))");
        double delta, residual2;
        if (Math.abs(coarse) > p.maxShift() + 0.5) {
            delta = Math.signum(coarse) * p.maxShift();
            residual2 = cost.applyAsDouble(delta);
        } else {
            // local refinement of the least-squares objective: 0.05 eV scan within 2 eV of the coarse optimum, then Brent
            double step = 0.05, best = Math.max(-p.maxShift(), Math.min(p.maxShift(), coarse)), bestCost = Double.POSITIVE_INFINITY;
            int nsteps = (int) Math.round(p.maxShift() / step);
            for (int k = -nsteps; k <= nsteps; k++) {
                double d = k * step;
                if (Math.abs(d - coarse) > 2.0) continue;
                double c = cost.applyAsDouble(d);
                if (c < bestCost) { bestCost = c; best = d; }
            }
            double lo = Math.max(-p.maxShift(), best - step), hi = Math.min(p.maxShift(), best + step);
            UnivariatePointValuePair opt = new BrentOptimizer(1e-12, 1e-9).optimize(new MaxEval(500),
                new UnivariateObjectiveFunction(cost::applyAsDouble), GoalType.MINIMIZE, new SearchInterval(lo, hi, Math.max(lo, Math.min(hi, best))));
            delta = opt.getPoint();
            residual2 = opt.getValue();
        }
        return new Optimum(delta, residual2, x.length, e0, coarse);
    }

    /** Noise realisations of the shift's standard error, and their fixed seed (the same inputs give the same sigma). */
    static final int REALISATIONS = 20;
    private static final long SEED = 20261130L;

    /**
     * The shift's standard error (eV) by noise injection (a parametric bootstrap): each spectrum's
     * noise ({@link org.edgeworks.xas.kernel.EdgePosition#noise}, as {@link EdgeFinder} estimates
     * it) is added again as Gaussian noise {@link #REALISATIONS} times, the whole alignment
     * (normalisation, derivatives, spline, optimum) rerun, and the rms of the shifts about the
     * original one returned. Linear propagation through the optimum was tried and understates the
     * scatter fivefold for noisy spectra (noise 1 % of the step on 0.25 eV steps), where the
     * derivatives' cost has many local minima; the injection follows the estimator as it is and errs
     * on the large side (up to about 2x on constructed edges, AlignStderrTest), never the small one.
     */
    private static double shiftStderr(Grid r, Grid s, Params p, double delta) {
        double nr = org.edgeworks.xas.kernel.EdgePosition.noise(r.energy(), r.signal(), r.size());
        double ns = org.edgeworks.xas.kernel.EdgePosition.noise(s.energy(), s.signal(), s.size());
        if (!(nr > 0) && !(ns > 0)) return 0;
        java.util.Random rnd = new java.util.Random(SEED);
        double sum2 = 0;
        int n = 0;
        for (int k = 0; k < REALISATIONS; k++) {
            double[] ry = noisy(r.signal(), nr, rnd), sy = noisy(s.signal(), ns, rnd);
            try {
                double d = optimum(r.name(), r.energy(), ry, s.name(), s.energy(), sy, p).delta() - delta;
                sum2 += d * d;
                n++;
            } catch (EdgeworksException e) {
                // a realisation that cannot be aligned (its noisy normalisation refused) adds nothing
            }
        }
        return n < REALISATIONS / 2 ? Double.NaN : Math.sqrt(sum2 / n);
    }

    private static double[] noisy(double[] y, double sigma, java.util.Random rnd) {
        double[] out = y.clone();
        if (sigma > 0) for (int i = 0; i < out.length; i++) out[i] += sigma * rnd.nextGaussian();
        return out;
    }

    /**
     * The delta (|delta| <= maxShift, 0.1 eV steps) maximising the normalised cross-correlation
     * sum dr(E) ds(E + delta) / sqrt(sum dr^2 sum ds^2) over the whole overlap, both derivatives
     * linearly interpolated onto a 0.1 eV grid spanning the reference, for shifts whose overlap
     * covers at least half of the SHORTER spectrum's range (half of the reference's refused a short
     * sample scan against a long reference, e.g. Mn2O3x's 450 eV against Mn3O4's 1330 eV, although
     * the reverse order aligned: new-user finding s4); NaN when none does.
     * Finds offsets far beyond the local objective's basin (shared case align-large-offset).
     */
    static double coarseDelta(double[] er, double[] dr, double[] es, double[] ds, double maxShift) {
        double h = 0.1, origin = er[0];
        int m = (int) Math.floor((er[er.length - 1] - origin) / h) + 1;
        double[] ru = new double[m];
        for (int i = 0; i < m; i++) ru[i] = linear(er, dr, origin + i * h);
        // the sample's derivative on the same 0.1 eV lattice: index j is energy origin + j h
        int jlo = (int) Math.ceil((es[0] - origin) / h - 1e-9), jhi = (int) Math.floor((es[es.length - 1] - origin) / h + 1e-9);
        if (jhi < jlo) return Double.NaN;
        double[] su = new double[jhi - jlo + 1];
        for (int j = jlo; j <= jhi; j++) su[j - jlo] = linear(es, ds, origin + j * h);
        int lags = (int) Math.floor(maxShift / h + 1e-9), need = Math.min(m, su.length) / 2;
        double best = Double.NaN, bestC = Double.NEGATIVE_INFINITY;
        for (int k = -lags; k <= lags; k++) {
            int from = Math.max(0, jlo - k), to = Math.min(m - 1, jhi - k);
            if (to - from + 1 < need) continue;
            double srs = 0, srr = 0, sss = 0;
            for (int i = from; i <= to; i++) {
                double sv = su[i + k - jlo];
                srs += ru[i] * sv; srr += ru[i] * ru[i]; sss += sv * sv;
            }
            if (!(srr > 0) || !(sss > 0)) continue;
            double c = srs / Math.sqrt(srr * sss);
            if (c > bestC) { bestC = c; best = k * h; }
        }
        return best;
    }

    private static double linear(double[] x, double[] y, double v) {
        int i = LarchIndex.indexOf(x, v);
        if (i >= x.length - 1) return y[x.length - 1];
        double t = (v - x[i]) / (x[i + 1] - x[i]);
        return y[i] + t * (y[i + 1] - y[i]);
    }
}
