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
import org.hipparchus.stat.regression.SimpleRegression;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Edge-shift valence (docs/science.md#xas-valence): the edge energy of references of known formal
 * valence gives a least-squares line E = intercept + slope * valence (Hipparchus
 * SimpleRegression); a sample's valence is (E - intercept)/slope, its uncertainty from the line's
 * covariance and the references' scatter about it (needs 3 or more references). A sample whose edge
 * lies beyond the references' lowest/highest edge by more than its own stderr gets a warning note
 * (valence extrapolated).
 */
public final class ValenceProcessor extends BaseProcessor<ValenceProcessor.Input, ValenceProcessor.Params, ValenceProcessor.Valence> {
    public static final String ID = "org.edgeworks.xas.valence";

    /** References with their formal valences, and samples; all as mu (or norm, see Params). */
    public record Input(List<Spectrum> references, List<Double> valences, List<Spectrum> samples) {}

    /** Which energy stands for the edge. */
    public enum EdgeEnergy implements XasEnum {
        /** Maximum of dmu/dE between grid points (the cubic spline's derivative, {@link EdgeFinder}). */
        E0(E0Method.DERIVATIVE),
        /** Energy where the normalised spectrum reaches 0.5 (within E0-15..E0+25 eV, interpolated). */
        HALF_HEIGHT(E0Method.HALF_STEP),
        /** Larch 0.9.58's e0: the grid point of the largest dmu/dE (quantised to the grid). */
        GRID(E0Method.GRID),
        /** Zero of d2mu/dE2 next to the derivative maximum (interpolated). */
        SECOND_DERIVATIVE(E0Method.SECOND_DERIVATIVE),
        /** Maximum of the derivative of the Gaussian-smoothed spectrum. */
        SMOOTHED_DERIVATIVE(E0Method.SMOOTHED_DERIVATIVE);

        private final E0Method method;

        EdgeEnergy(E0Method method) { this.method = method; }

        public E0Method method() { return method; }

        @JsonCreator public static EdgeEnergy parse(String s) { return XasEnum.parse(EdgeEnergy.class, s, "edge"); }
    }

    public record Params(
        @Param(label = "edge energy", description = "e0 (max dmu/dE between grid points) | half-height (norm = 0.5) | grid (Larch's grid-point e0) | second-derivative | smoothed-derivative") EdgeEnergy edge,
        @Param(label = "inputs are normalised", description = "false: normalise with Larch's defaults first") boolean normalized) {
        public static Params defaults() { return new Params(EdgeEnergy.E0, false); }
    }

    /** e0: Larch's grid point; edgeEnergy and its stderr (eV) by the chosen method; valenceStderr includes the edge position's error. */
    public record Row(String name, boolean reference, Double formalValence, double e0, double edgeStep, double edgeEnergy,
                      double valence, Double valenceStderr, double edgeEnergyStderr) {}

    public record Valence(double slope, double intercept, double slopeStderr, double interceptStderr, double rms, EdgeEnergy edge,
                          List<Row> rows) {}

    public ValenceProcessor() { super(ID, "1.0", "Edge-shift valence", Input.class, Params.class); }

    @Override public Params defaults() { return Params.defaults(); }

    @Override
    public Result<Valence> apply(Input in, Params p) throws EdgeworksException {
        if (p == null) p = Params.defaults();
        EdgeEnergy how = p.edge() == null ? EdgeEnergy.E0 : p.edge();
        List<Spectrum> refs = in.references();
        if (refs == null || refs.size() < 2) throw EdgeworksException.of("valence", "references: at least 2 references of known valence are needed");
        if (in.valences() == null || in.valences().size() != refs.size())
            throw EdgeworksException.of("valence", "valences: one formal valence per reference is needed");
        List<String> notes = new ArrayList<>();
        SimpleRegression reg = new SimpleRegression(true);
        double[][] refEdge = new double[refs.size()][];
        for (int i = 0; i < refs.size(); i++) {
            refEdge[i] = edge(refs.get(i), how, p.normalized(), notes);
            reg.addData(in.valences().get(i), refEdge[i][2]);
        }
        double slope = reg.getSlope(), icpt = reg.getIntercept();
        if (!(Math.abs(slope) > 1e-9) || !Double.isFinite(slope))
            throw EdgeworksException.of("valence", "references: the edge energy does not change with valence (slope " + slope + ")");
        int nref = refs.size();
        double mse = nref > 2 ? reg.getMeanSquareError() : Double.NaN;
        double sxx = reg.getXSumSquares(), xbar = 0;
        for (Double v : in.valences()) xbar += v;
        xbar /= nref;
        double rms = 0;
        for (int i = 0; i < nref; i++) { double d = refEdge[i][2] - (icpt + slope * in.valences().get(i)); rms += d * d; }
        rms = Math.sqrt(rms / nref);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < nref; i++)
            rows.add(row(refs.get(i).name(), true, in.valences().get(i), refEdge[i], slope, icpt, mse, sxx, xbar, nref, refEdge, in.valences()));
        double emin = Double.POSITIVE_INFINITY, emax = Double.NEGATIVE_INFINITY;
        for (double[] re : refEdge) { emin = Math.min(emin, re[2]); emax = Math.max(emax, re[2]); }
        for (Spectrum s : in.samples() == null ? List.<Spectrum>of() : in.samples()) {
            double[] se = edge(s, how, p.normalized(), notes);
            // beyond the references' edges by more than the sample edge's own stderr: the line is extrapolated
            if (se[2] < emin - se[3] || se[2] > emax + se[3])
                notes.add(String.format(java.util.Locale.ROOT, "warning: %s: edge %.2f eV lies outside the references' range [%.2f, %.2f] eV: valence extrapolated",
                    s.name(), se[2], emin, emax));
            rows.add(row(s.name(), false, null, se, slope, icpt, mse, sxx, xbar, nref, refEdge, in.valences()));
        }
        if (nref < 3) notes.add("with 2 references the valence uncertainty is the edge positions' errors propagated through their line (no scatter about it is known)");
        Map<String, Object> used = new LinkedHashMap<>();
        used.put("edge", how.label());
        used.put("e0_method", how.method().label());
        used.put("normalized_inputs", p.normalized());
        used.put("slope_eV_per_valence", slope);
        used.put("intercept_eV", icpt);
        return result(new Valence(slope, icpt, nref > 2 ? reg.getSlopeStdErr() : 0, nref > 2 ? reg.getInterceptStdErr() : 0, rms, how, rows),
            used, notes);
    }

    private static Row row(String name, boolean ref, Double formal, double[] edge, double b, double a, double mse, double sxx,
                           double xbar, int nref, double[][] refEdge, List<Double> valences) {
        double v = (edge[2] - a) / b;
        Double err = null;
        if (nref > 2 && Double.isFinite(mse)) {
            // inverse prediction: var(E_new) = mse + the edge position's own variance; var of the line at v = mse (1/n + (v - xbar)^2 / sxx)
            double var = mse * (1 + 1.0 / nref + (v - xbar) * (v - xbar) / sxx) + edge[3] * edge[3];
            err = Math.sqrt(var) / Math.abs(b);
        } else if (nref == 2) {
            // the line through two references: v = v1 + (v2 - v1)(E - E1)/(E2 - E1); the three edge errors propagated
            double e1 = refEdge[0][2], e2 = refEdge[1][2], t = (edge[2] - e1) / (e2 - e1);
            double dv = valences.get(1) - valences.get(0), den = e2 - e1;
            double g = dv / den, g1 = -dv / den * (1 - t), g2 = -dv / den * t;
            double var = g * g * edge[3] * edge[3] + (ref ? 0 : g1 * g1 * refEdge[0][3] * refEdge[0][3] + g2 * g2 * refEdge[1][3] * refEdge[1][3]);
            err = Math.sqrt(var);
        }
        return new Row(name, ref, formal, edge[0], edge[1], edge[2], v, err, edge[3]);
    }

    /** [Larch grid e0, edge step, edge energy, its stderr] of one spectrum. */
    static double[] edge(Spectrum s, EdgeEnergy how, boolean normalized, List<String> notes) throws EdgeworksException {
        Grid g = Grid.of(s, 7);
        for (String note : g.notes()) notes.add(g.name() + ": " + note);
        double[] e = g.energy();
        if (normalized && how == EdgeEnergy.HALF_HEIGHT) {
            // already normalised: norm = 0.5 on the input itself (no error propagated: the input carries none)
            int i0 = org.edgeworks.xas.kernel.Normalizer.findE0Index(e, g.signal(), e.length, new double[e.length]);
            if (i0 < 0) throw EdgeworksException.of(g.name(), "e0: no edge found");
            double eh = NormalizeProcessor.halfStepEnergy(e, g.signal(), e.length, e[i0]);
            if (!Double.isFinite(eh)) throw EdgeworksException.of(g.name(), "edge: norm never reaches 0.5 near E0");
            return new double[] {e[i0], 1.0, eh, 0};
        }
        EdgeFinder.Edge edge = EdgeFinder.find(g.name(), e, g.signal(), how.method());
        notes.addAll(edge.notes());
        double step = 1.0;
        if (!normalized) step = NormalizeProcessor.normalize(g.name(), e, g.signal(), NormalizeProcessor.Params.defaults()).edgeStep();
        return new double[] {edge.gridE0(), step, edge.energy(), edge.stderr()};
    }
}
