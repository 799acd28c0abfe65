package org.edgeworks.xas;

import java.util.LinkedHashMap;
import java.util.Map;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.core.processing.Param;
import org.edgeworks.core.processing.Parameters;
import org.edgeworks.core.processing.BaseProcessor;
import org.edgeworks.core.processing.Result;
import org.edgeworks.xas.kernel.LarchIndex;
import org.edgeworks.xas.kernel.Normalizer;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Soft X-ray L2,3 edges (docs/science.md#xas-ledge): pre-edge line, then the two-step background
 * h [r (1/2 + atan((E - E_L3)/w)/pi) + (1 - r)(1/2 + atan((E - E_L2)/w)/pi)] with branching ratio r
 * (statistical 2/3) and width w; the pre-edge line and h are one linear least-squares fit over the
 * pre- and post-edge ranges (closed form). Normalised to the post-edge level (h) or to the L3 maximum
 * of mu - pre; the result records which.
 */
public final class LEdgeProcessor extends BaseProcessor<Spectrum, LEdgeProcessor.Params, LEdgeProcessor.LEdge> {
    public static final String ID = "org.edgeworks.xas.ledge";

    public enum Scale implements XasEnum {
        POST_EDGE, L3_MAX;

        @JsonCreator public static Scale parse(String s) { return XasEnum.parse(Scale.class, s, "scale"); }
    }

    public record Params(
        @Param(label = "L3 energy", unit = "eV", description = "default: max dmu/dE (Larch find_e0)") Double eL3,
        @Param(label = "L2 energy", unit = "eV", description = "default: L3 + spin-orbit splitting") Double eL2,
        @Param(label = "spin-orbit splitting", unit = "eV", description = "L2 - L3 when eL2 is not given, e.g. Mn 11, Fe 13, Ru 128; required then") Double splitting,
        @Param(label = "branching ratio", min = 0, max = 1, description = "L3 share of the step (2/3: statistical)") double branching,
        @Param(label = "step width", unit = "eV", min = 0, description = "arctan width w") double width,
        @Param(label = "pre-edge start", unit = "eV rel. L3") double pre1,
        @Param(label = "pre-edge end", unit = "eV rel. L3") double pre2,
        @Param(label = "post-edge start", unit = "eV rel. L2") double post1,
        @Param(label = "post-edge end", unit = "eV rel. L2", description = "clipped to the data") double post2,
        @Param(label = "scale", description = "post-edge | l3-max") Scale scale,
        @Param(label = "L3 only", description = "one arctan step at L3 (the L2 edge beyond the data, e.g. Ru L2 128 eV above L3); post-edge range then rel. L3") boolean l3Only)
        implements Parameters.Related {

        /** L2 above L3 when both are given; the spin-orbit splitting positive. */
        @Override
        public String conflict() {
            if (l3Only) return null;
            if (eL2 != null && eL3 != null && !(eL2 > eL3)) return "{eL2}: " + eL2 + " eV is not above {eL3} " + eL3 + " eV";
            if (eL2 == null && splitting != null && !(splitting > 0)) return "{splitting}: " + splitting + " eV is not positive (L2 lies above L3)";
            return null;
        }

        /** The two-step background (l3Only false). */
        public Params(Double eL3, Double eL2, Double splitting, double branching, double width, double pre1, double pre2,
                      double post1, double post2, Scale scale) {
            this(eL3, eL2, splitting, branching, width, pre1, pre2, post1, post2, scale, false);
        }

        public static Params defaults() { return new Params(null, null, null, 2.0 / 3.0, 1.0, -15, -5, 10, 30, Scale.POST_EDGE); }

        public static Params of(double l3, double l2) { return new Params(l3, l2, null, 2.0 / 3.0, 1.0, -15, -5, 10, 30, Scale.POST_EDGE); }

        /** One step at L3 only; post-edge range post1..post2 eV above L3. */
        public static Params l3Only(Double l3, double post1, double post2) {
            return new Params(l3, null, null, 1.0, 1.0, -15, -5, post1, post2, Scale.POST_EDGE, true);
        }

        public Params scaled(Scale s) { return new Params(eL3, eL2, splitting, branching, width, pre1, pre2, post1, post2, s, l3Only); }
    }

    /**
     * norm = (mu - pre)/scale, background = two-step/scale, whiteLines = norm - background;
     * stepHeight h, L3 and L2 step heights in mu units.
     */
    public record LEdge(String name, double[] energy, double[] mu, double[] pre, double[] norm, double[] background,
                        double[] whiteLines, double eL3, double eL2, double stepHeight, double l3Step, double l2Step,
                        double scaleValue, Scale scale) {}

    public LEdgeProcessor() { super(ID, "1.0", "L2,3-edge two-step background", Spectrum.class, Params.class); }

    @Override public Params defaults() { return Params.defaults(); }

    @Override
    public Result<LEdge> apply(Spectrum in, Params p) throws EdgeworksException {
        if (p == null) p = Params.defaults();
        Grid g = Grid.of(in, 7);
        String name = g.name();
        double[] e = g.energy(), mu = g.signal();
        int n = e.length;
        double l3;
        if (p.eL3() != null) l3 = p.eL3();
        else {
            int i = Normalizer.findE0Index(e, mu, n, new double[n]);
            if (i < 0) throw EdgeworksException.of(name, "eL3: no edge found; give eL3");
            l3 = e[i];
        }
        double l2;
        if (p.l3Only()) l2 = l3; // no L2 step: the post-edge range is relative to L3
        else if (p.eL2() != null) l2 = p.eL2();
        else if (p.splitting() != null) l2 = l3 + p.splitting();
        else throw EdgeworksException.of(name, "eL2: give the L2 energy or the spin-orbit splitting (or l3Only)");
        String conflict = p.conflict();
        if (conflict != null) throw new Parameters.Conflict(name, conflict);
        if (!p.l3Only() && !(l2 > l3)) throw EdgeworksException.of(name, "eL2: " + l2 + " eV is not above L3 " + l3 + " eV");
        if (!(p.width() > 0)) throw EdgeworksException.of(name, "width: must be positive");
        if (p.branching() < 0 || p.branching() > 1) throw EdgeworksException.of(name, "branching: must be within 0..1");
        int a = LarchIndex.indexOf(e, l3 + p.pre1()), b = LarchIndex.indexNearest(e, l3 + p.pre2());
        if (b - a < 2) throw EdgeworksException.of(name, "pre1: fewer than 2 points in the pre-edge range");
        double r = p.l3Only() ? 1.0 : p.branching(), w = p.width();
        double[] pre = new double[n], sub = new double[n], step = new double[n];
        for (int i = 0; i < n; i++)
            step[i] = r * (0.5 + Math.atan((e[i] - l3) / w) / Math.PI) + (1 - r) * (0.5 + Math.atan((e[i] - l2) / w) / Math.PI);
        int c = LarchIndex.indexOf(e, l2 + p.post1());
        if (e[c] < l2 + p.post1()) c++;
        int d = LarchIndex.indexOf(e, Math.min(l2 + p.post2(), e[n - 1])) + 1;
        if (d - c < 2) throw EdgeworksException.of(name, "post1: fewer than 2 points in the post-edge range [" + p.post1() + ", " + p.post2()
            + "] eV above " + (p.l3Only() ? "L3" : "L2") + " (data end at " + e[n - 1] + " eV)");
        // line a + b (E - L3) and step height h fitted together over the pre- and post-edge ranges:
        // the arctan tails reach into the pre-edge range, so a line fitted there alone is biased
        double[][] m = new double[3][3];
        double[] rhs = new double[3];
        for (int[] range : new int[][] {{a, b}, {c, d}}) {
            for (int i = range[0]; i < range[1]; i++) {
                double[] f = {1, e[i] - l3, step[i]};
                for (int u = 0; u < 3; u++) {
                    rhs[u] += f[u] * mu[i];
                    for (int v = 0; v < 3; v++) m[u][v] += f[u] * f[v];
                }
            }
        }
        double[] coef;
        try {
            coef = new org.hipparchus.linear.QRDecomposition(new org.hipparchus.linear.Array2DRowRealMatrix(m), 1e-14).getSolver()
                .solve(new org.hipparchus.linear.ArrayRealVector(rhs)).toArray();
        } catch (org.hipparchus.exception.MathIllegalArgumentException ex) {
            throw EdgeworksException.of(name, "pre1: the pre-edge line and step are singular over the given ranges");
        }
        for (int i = 0; i < n; i++) {
            pre[i] = coef[0] + coef[1] * (e[i] - l3);
            sub[i] = mu[i] - pre[i];
        }
        double h = coef[2];
        if (!(Math.abs(h) > 0) || !Double.isFinite(h)) throw EdgeworksException.of(name, "edge_step: the L-edge step is zero");
        Scale sc = p.scale() == null ? Scale.POST_EDGE : p.scale();
        double scale = h;
        if (sc == Scale.L3_MAX) {
            scale = Double.NEGATIVE_INFINITY;
            double top = p.l3Only() ? l3 + p.post1() : 0.5 * (l3 + l2);
            for (int i = 0; i < n; i++) if (e[i] >= l3 - 5 && e[i] <= top) scale = Math.max(scale, sub[i]);
            if (!(scale > 0)) throw EdgeworksException.of(name, "scale: no positive L3 maximum between L3-5 eV and the L3/L2 midpoint");
        }
        double[] norm = new double[n], bg = new double[n], wl = new double[n];
        for (int i = 0; i < n; i++) { norm[i] = sub[i] / scale; bg[i] = h * step[i] / scale; wl[i] = norm[i] - bg[i]; }
        Map<String, Object> used = new LinkedHashMap<>();
        used.put("eL3", l3);
        if (!p.l3Only()) used.put("eL2", l2);
        used.put("l3_only", p.l3Only());
        used.put("branching", r);
        used.put("width", w);
        used.put("pre1", p.pre1());
        used.put("pre2", p.pre2());
        used.put("post1", p.post1());
        used.put("post2", e[d - 1] - l2);
        used.put("step_height", h);
        used.put("scale", sc.label());
        used.put("scale_value", scale);
        return result(new LEdge(name, e, mu, pre, norm, bg, wl, l3, l2, h, r * h, (1 - r) * h, scale, sc),
            used, g.notes());
    }
}
