package org.edgeworks.xas;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.core.processing.Param;
import org.edgeworks.core.processing.Processor;
import org.edgeworks.core.processing.Provenance;
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
 * Alignment by derivative least squares (SCIENCE.md section 4): the delta minimising
 * sum over the reference grid points in [E0ref+emin, E0ref+emax] of
 * (d norm_sample/dE (E + delta) - d norm_ref/dE (E))^2, derivatives as numpy.gradient on each
 * spectrum's own grid (Larch's dmude), the sample's derivative interpolated by the not-a-knot cubic
 * spline. A 0.05 eV scan over +-maxShift brackets the minimum, Hipparchus' Brent optimiser
 * refines it. The result's shift is what is added to the sample's energies: -delta.
 */
public final class AlignProcessor implements Processor<AlignProcessor.Input, AlignProcessor.Params, AlignProcessor.Alignment> {
    public static final String ID = "org.edgeworks.xas.align";

    /** Both as mu (normalised here with Larch's defaults) or both already normalised. */
    public record Input(Spectrum reference, Spectrum sample) {}

    public record Params(
        @Param(label = "window start", unit = "eV rel. reference E0", description = "default -20 eV") double emin,
        @Param(label = "window end", unit = "eV rel. reference E0", description = "default +40 eV") double emax,
        @Param(label = "largest shift", unit = "eV", min = 0, description = "default 10 eV") double maxShift,
        @Param(label = "inputs are normalised", description = "false (default): normalise both with Larch's defaults first") boolean normalized) {
        public static Params defaults() { return new Params(-20, 40, 10, false); }
    }

    public record Alignment(String reference, String sample, double shift, double referenceE0, double residual, int points,
                            Spectrum alignedSample) {}

    @Override public String id() { return ID; }
    @Override public String version() { return "1.0"; }
    @Override public String label() { return "Align to a reference (derivative least squares)"; }
    @Override public Class<Input> inputType() { return Input.class; }
    @Override public Class<Params> parameterType() { return Params.class; }
    @Override public Params defaults() { return Params.defaults(); }

    @Override
    public Result<Alignment> apply(Input in, Params p) throws EdgeworksException {
        if (p == null) p = Params.defaults();
        Grid r = Grid.of(in.reference(), 7), s = Grid.of(in.sample(), 7);
        double[] rn = r.signal(), sn = s.signal();
        NormalizeProcessor.Normalized rnorm = NormalizeProcessor.normalize(r.name(), r.energy(), r.signal(), NormalizeProcessor.Params.defaults());
        double e0 = rnorm.e0();
        if (!p.normalized()) {
            rn = rnorm.norm();
            sn = NormalizeProcessor.normalize(s.name(), s.energy(), s.signal(), NormalizeProcessor.Params.defaults()).norm();
        }
        double[] dr = Gradient.of(r.energy(), rn), ds = Gradient.of(s.energy(), sn);
        CubicSpline sd = CubicSpline.of(s.energy(), ds);
        double[] er = r.energy();
        int from = LarchIndex.indexOf(er, e0 + p.emin()), to = LarchIndex.indexOf(er, e0 + p.emax()) + 1;
        if (to - from < 5) throw EdgeworksException.of(r.name(), "emin: fewer than 5 reference points in the alignment window");
        double[] x = java.util.Arrays.copyOfRange(er, from, to), target = java.util.Arrays.copyOfRange(dr, from, to);
        double[] work = new double[x.length];
        java.util.function.DoubleUnaryOperator cost = d -> {
            sd.values(x, 0, x.length, d, work);
            double c = 0;
            for (int i = 0; i < x.length; i++) { double t = work[i] - target[i]; c += t * t; }
            return c;
        };
        double step = 0.05, best = 0, bestCost = Double.POSITIVE_INFINITY;
        int nsteps = (int) Math.round(p.maxShift() / step);
        for (int k = -nsteps; k <= nsteps; k++) {
            double d = k * step, c = cost.applyAsDouble(d);
            if (c < bestCost) { bestCost = c; best = d; }
        }
        double lo = Math.max(-p.maxShift(), best - step), hi = Math.min(p.maxShift(), best + step);
        UnivariatePointValuePair opt = new BrentOptimizer(1e-12, 1e-9).optimize(new MaxEval(500),
            new UnivariateObjectiveFunction(cost::applyAsDouble), GoalType.MINIMIZE, new SearchInterval(lo, hi, best));
        double delta = opt.getPoint();
        List<String> notes = new ArrayList<>(s.notes());
        if (Math.abs(delta) >= p.maxShift() - 1e-6) notes.add("shift is at the bound " + p.maxShift() + " eV");
        double shift = -delta;
        Spectrum aligned = CalibrateProcessor.shifted(in.sample(), shift);
        Map<String, Object> used = new LinkedHashMap<>();
        used.put("reference_e0", e0);
        used.put("emin", p.emin());
        used.put("emax", p.emax());
        used.put("max_shift", p.maxShift());
        used.put("normalized_inputs", p.normalized());
        used.put("shift", shift);
        return new Result<>(new Alignment(r.name(), s.name(), shift, e0, Math.sqrt(opt.getValue() / x.length), x.length, aligned),
            Provenance.of(ID, version(), used, notes));
    }
}
