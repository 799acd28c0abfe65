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
import org.hipparchus.stat.regression.SimpleRegression;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Edge-shift valence (SCIENCE.md section 5): the edge energy of references of known formal
 * valence gives a least-squares line E = intercept + slope * valence (Hipparchus
 * SimpleRegression); a sample's valence is (E - intercept)/slope, its uncertainty from the line's
 * covariance and the references' scatter about it (needs 3 or more references).
 */
public final class ValenceProcessor implements Processor<ValenceProcessor.Input, ValenceProcessor.Params, ValenceProcessor.Valence> {
    public static final String ID = "org.edgeworks.xas.valence";

    /** References with their formal valences, and samples; all as mu (or norm, see Params). */
    public record Input(List<Spectrum> references, List<Double> valences, List<Spectrum> samples) {}

    /** Which energy stands for the edge. */
    public enum EdgeEnergy implements XasEnum {
        /** Larch's e0: maximum of dmu/dE, on the grid. */
        E0("e0"),
        /** Energy where the normalised spectrum reaches 0.5 (within E0-15..E0+25 eV, interpolated). */
        HALF_HEIGHT("half-height");

        private final String label;

        EdgeEnergy(String label) { this.label = label; }

        @JsonValue @Override public String label() { return label; }

        @JsonCreator public static EdgeEnergy parse(String s) { return XasEnum.parse(EdgeEnergy.class, s, "edge"); }
    }

    public record Params(
        @Param(label = "edge energy", description = "e0 (max dmu/dE, default) | half-height (norm = 0.5)") EdgeEnergy edge,
        @Param(label = "inputs are normalised", description = "false (default): normalise with Larch's defaults first") boolean normalized) {
        public static Params defaults() { return new Params(EdgeEnergy.E0, false); }
    }

    public record Row(String name, boolean reference, Double formalValence, double e0, double edgeStep, double edgeEnergy,
                      double valence, Double valenceStderr) {}

    public record Valence(double slope, double intercept, double slopeStderr, double interceptStderr, double rms, EdgeEnergy edge,
                          List<Row> rows) {}

    @Override public String id() { return ID; }
    @Override public String version() { return "1.0"; }
    @Override public String label() { return "Edge-shift valence"; }
    @Override public Class<Input> inputType() { return Input.class; }
    @Override public Class<Params> parameterType() { return Params.class; }
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
            rows.add(row(refs.get(i).name(), true, in.valences().get(i), refEdge[i], slope, icpt, mse, sxx, xbar, nref));
        for (Spectrum s : in.samples() == null ? List.<Spectrum>of() : in.samples())
            rows.add(row(s.name(), false, null, edge(s, how, p.normalized(), notes), slope, icpt, mse, sxx, xbar, nref));
        if (nref < 3) notes.add("valence uncertainty needs 3 or more references: not given");
        Map<String, Object> used = new LinkedHashMap<>();
        used.put("edge", how.label());
        used.put("normalized_inputs", p.normalized());
        used.put("slope_eV_per_valence", slope);
        used.put("intercept_eV", icpt);
        return new Result<>(new Valence(slope, icpt, nref > 2 ? reg.getSlopeStdErr() : 0, nref > 2 ? reg.getInterceptStdErr() : 0, rms, how, rows),
            Provenance.of(ID, version(), used, notes));
    }

    private static Row row(String name, boolean ref, Double formal, double[] edge, double b, double a, double mse, double sxx,
                           double xbar, int nref) {
        double v = (edge[2] - a) / b;
        Double err = null;
        if (nref > 2 && Double.isFinite(mse)) {
            // inverse prediction: var(E_new) = mse; var of the line at v = mse (1/n + (v - xbar)^2 / sxx)
            double var = mse * (1 + 1.0 / nref + (v - xbar) * (v - xbar) / sxx);
            err = Math.sqrt(var) / Math.abs(b);
        }
        return new Row(name, ref, formal, edge[0], edge[1], edge[2], v, err);
    }

    /** [e0, edge step, edge energy] of one spectrum. */
    static double[] edge(Spectrum s, EdgeEnergy how, boolean normalized, List<String> notes) throws EdgeworksException {
        Grid g = Grid.of(s, 7);
        for (String note : g.notes()) notes.add(g.name() + ": " + note);
        double[] e = g.energy();
        if (normalized) {
            int i0 = org.edgeworks.xas.kernel.Normalizer.findE0Index(e, g.signal(), e.length, new double[e.length]);
            if (i0 < 0) throw EdgeworksException.of(g.name(), "e0: no edge found");
            double eh = how == EdgeEnergy.E0 ? e[i0] : NormalizeProcessor.halfStepEnergy(e, g.signal(), e.length, e[i0]);
            if (!Double.isFinite(eh)) throw EdgeworksException.of(g.name(), "edge: norm never reaches 0.5 near E0");
            return new double[] {e[i0], 1.0, eh};
        }
        NormalizeProcessor.Normalized n = NormalizeProcessor.normalize(g.name(), e, g.signal(), NormalizeProcessor.Params.defaults());
        double eh = how == EdgeEnergy.E0 ? n.e0() : NormalizeProcessor.halfStepEnergy(e, n.norm(), e.length, n.e0());
        if (!Double.isFinite(eh)) throw EdgeworksException.of(g.name(), "edge: norm never reaches 0.5 near E0");
        return new double[] {n.e0(), n.edgeStep(), eh};
    }
}
