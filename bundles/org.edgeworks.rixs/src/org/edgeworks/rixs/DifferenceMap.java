package org.edgeworks.rixs;

import java.util.List;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.RixsMap;
import org.edgeworks.core.processing.Param;
import org.edgeworks.core.processing.Result;

/**
 * Difference map A - B after normalising both to the integral of one region ("total" = the
 * rectangle both maps cover; a region a map does not cover is an error naming the map); B is
 * interpolated (bilinearly) onto A's axes, and the result covers the part of A's axes that B
 * covers too. With both maps' errors the difference carries sigma: each map's cell, its region
 * integral (the normalisation) and their covariance, to first order (independent cells).
 */
public final class DifferenceMap extends RixsProcessor<DifferenceMap.MapPair, DifferenceMap.Parameters, DifferenceMap.Difference> {
    public static final String ID = "org.edgeworks.rixs.difference";

    public record MapPair(RixsMap a, RixsMap b) {}

    public record Parameters(
        @Param(label = "Normalisation region", description = "'total' or 'exFrom:exTo,emFrom:emTo' (eV)") String region) {
        /** The whole map: the simplest common region, no feature chosen for the user. */
        public static Parameters defaults() { return new Parameters("total"); }
    }

    /** A/scaleA - B/scaleB on the common grid, with the two scales (region integrals). */
    public record Difference(RixsMap difference, double scaleA, double scaleB) {}

    public DifferenceMap() { super(ID, "Difference map (normalised to a common region)", MapPair.class, Parameters.class); }

    @Override public Parameters defaults() { return Parameters.defaults(); }

    @Override
    public Result<Difference> apply(MapPair pair, Parameters p) throws EdgeworksException {
        RixsMap a = pair.a(), b = pair.b();
        Region region = Region.parse(a.name(), p.region()).orCommon(List.of(a, b));
        double[] ia = region.integralWithError(a.name(), a), ib = region.integralWithError(b.name(), b);
        double sa = ia[0], sb = ib[0];
        if (!(Math.abs(sa) > 0)) throw EdgeworksException.of(a.name(), "normalisation region " + region + " integrates to zero");
        if (!(Math.abs(sb) > 0)) throw EdgeworksException.of(b.name(), "normalisation region " + region + " integrates to zero");
        double[] exA = a.excitation().values(), emA = a.emission().values();
        double[] exB = b.excitation().values(), emB = b.emission().values();
        int[] ri = MapMath.indicesIn(a.name() + " - " + b.name(), "common excitation", exA, exB[0], exB[exB.length - 1]);
        int[] ci = MapMath.indicesIn(a.name() + " - " + b.name(), "common emission", emA, emB[0], emB[emB.length - 1]);
        int nr = ri[1] - ri[0] + 1, nc = ci[1] - ci[0] + 1;
        double[] da = a.data(), db = b.data(), out = new double[nr * nc];
        double[] ea = a.errors(), eb = b.errors(), err = ea != null && eb != null ? new double[nr * nc] : null;
        // first-order propagation of D = a_k / Sa - b~_k / Sb with Sa = sum_j w_j a_j (the region integral, weights w),
        // b~_k = sum_j c_kj b_j (bilinear weights c), independent cells:
        // var D = s_k^2/Sa^2 - 2 a_k w_k s_k^2/Sa^3 + a_k^2 var(Sa)/Sa^4
        //       + sum_j c_kj^2 s_j^2/Sb^2 - 2 b~_k sum_j c_kj w_j s_j^2/Sb^3 + b~_k^2 var(Sb)/Sb^4
        double[] vb = null, wvb = null, wa = null;
        if (err != null) {
            wa = region.cellWeights(a.name(), a);
            double[] wb = region.cellWeights(b.name(), b);
            vb = new double[eb.length];
            wvb = new double[eb.length];
            for (int k = 0; k < vb.length; k++) { vb[k] = eb[k] * eb[k]; wvb[k] = wb[k] * vb[k]; }
        }
        for (int i = 0; i < nr; i++) {
            double x = exA[ri[0] + i];
            for (int j = 0; j < nc; j++) {
                double y = emA[ci[0] + j];
                int ka = (ri[0] + i) * emA.length + ci[0] + j;
                double bk = bilinear(exB, emB, db, x, y, false);
                out[i * nc + j] = da[ka] / sa - bk / sb;
                if (err != null) {
                    double va = ea[ka] * ea[ka];
                    double var = va / (sa * sa) - 2 * da[ka] * wa[ka] * va / (sa * sa * sa) + Math.pow(da[ka] * ia[1] / (sa * sa), 2)
                        + bilinear(exB, emB, vb, x, y, true) / (sb * sb) - 2 * bk * bilinear(exB, emB, wvb, x, y, false) / (sb * sb * sb)
                        + Math.pow(bk * ib[1] / (sb * sb), 2);
                    err[i * nc + j] = Math.sqrt(Math.max(var, 0));
                }
            }
        }
        RixsMap diff = RixsMap.of(a.name() + " - " + b.name(), java.util.Arrays.copyOfRange(exA, ri[0], ri[1] + 1),
            java.util.Arrays.copyOfRange(emA, ci[0], ci[1] + 1), out, err);
        List<String> notes = new java.util.ArrayList<>(List.of("both maps divided by their integral over " + region
            + " (A: " + MapMath.fmt(sa) + ", B: " + MapMath.fmt(sb) + "); B interpolated onto A's axes"));
        for (RixsMap m : List.of(a, b)) {
            String masked = region.maskNote(m.name(), m);
            if (!masked.isEmpty()) notes.add(masked);
        }
        return result(new Difference(diff, sa, sb), p, notes);
    }

    /** Bilinear interpolation; with {@code squaredWeights} the variance of it for independent cells of variance {@code d}. */
    static double bilinear(double[] x, double[] y, double[] d, double u, double v, boolean squaredWeights) {
        int i = bracket(x, u), j = bracket(y, v);
        int i1 = Math.min(i + 1, x.length - 1), j1 = Math.min(j + 1, y.length - 1);
        double t = i1 == i ? 0 : Math.min(1, Math.max(0, (u - x[i]) / (x[i1] - x[i])));
        double s = j1 == j ? 0 : Math.min(1, Math.max(0, (v - y[j]) / (y[j1] - y[j])));
        int n = y.length;
        if (squaredWeights)
            return (1 - t) * (1 - t) * ((1 - s) * (1 - s) * d[i * n + j] + s * s * d[i * n + j1])
                + t * t * ((1 - s) * (1 - s) * d[i1 * n + j] + s * s * d[i1 * n + j1]);
        return (1 - t) * ((1 - s) * d[i * n + j] + s * d[i * n + j1]) + t * ((1 - s) * d[i1 * n + j] + s * d[i1 * n + j1]);
    }

    private static int bracket(double[] a, double u) {
        int lo = 0, hi = a.length - 1;
        if (u <= a[0]) return 0;
        if (u >= a[hi]) return hi;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= u) lo = mid; else hi = mid;
        }
        return lo;
    }
}
