package org.edgeworks.xas;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Axis;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.core.processing.Param;
import org.edgeworks.core.processing.BaseProcessor;
import org.edgeworks.core.processing.Result;

/**
 * Deglitching: residual of each point against the running median of its neighbours (applied twice:
 * to the data, then to the residual, so smooth curvature is not a residual); a point is a
 * glitch when |residual| exceeds k times the robust noise, the MAD of the residuals (scaled by
 * 1.4826 to a Gaussian sigma) over the same window, never below the MAD of the whole
 * spectrum (so a white line's curvature is not mistaken for a glitch). Flagged points are
 * reported and removed only on request.
 */
public final class DeglitchProcessor extends BaseProcessor<Spectrum, DeglitchProcessor.Params, DeglitchProcessor.Deglitched> {
    public static final String ID = "org.edgeworks.xas.deglitch";

    public record Params(
        @Param(label = "median window", min = 3, description = "points in the running median (odd)") int window,
        @Param(label = "threshold", unit = "MAD", min = 0, description = "k: flag |residual| > k * MAD") double k,
        @Param(label = "remove", description = "drop the flagged points from the output (otherwise only flag)") boolean remove) {
        public static Params defaults() { return new Params(7, 5.0, false); }
    }

    public record Deglitched(String name, int[] flagged, double[] flaggedEnergies, double[] residual, double[] median,
                             double noise, Spectrum spectrum) {}

    public DeglitchProcessor() { super(ID, "1.0", "Deglitch (running median + k*MAD)", Spectrum.class, Params.class); }

    @Override public Params defaults() { return Params.defaults(); }

    @Override
    public Result<Deglitched> apply(Spectrum in, Params p) throws EdgeworksException {
        if (p == null) p = Params.defaults();
        String name = in.name();
        if (p.window() < 3) throw EdgeworksException.of(name, "window: at least 3 points");
        if (!(p.k() > 0)) throw EdgeworksException.of(name, "k: must be positive");
        int w = p.window() | 1;
        Grid g = Grid.of(in, w + 1);
        double[] e = g.energy(), y = g.signal();
        int n = e.length, h = w / 2;
        double[] med = new double[n], res = new double[n], buf = new double[4 * w + 1];
        double[] first = new double[n];
        for (int i = 0; i < n; i++) first[i] = y[i] - neighbourMedian(y, i, h, buf);
        // a second running median of the residuals: the smooth bump a white line leaves in the
        // first residual follows the median, an isolated glitch does not
        for (int i = 0; i < n; i++) {
            res[i] = first[i] - neighbourMedian(first, i, h, buf);
            med[i] = y[i] - res[i];
        }
        double[] abs = new double[n];
        for (int i = 0; i < n; i++) abs[i] = Math.abs(res[i]);
        double global = 1.4826 * median(abs, 0, n, new double[n]);
        List<Integer> flagged = new ArrayList<>();
        int lh = h; // the local noise over the median window itself: a sharp white line raises it, a one- or two-point glitch does not
        for (int i = 0; i < n; i++) {
            int a = Math.max(0, i - lh), b = Math.min(n, i + lh + 1);
            double local = 1.4826 * median(abs, a, b, buf);
            double noise = Math.max(local, global);
            if (noise > 0 && abs[i] > p.k() * noise) flagged.add(i);
        }
        int[] idx = flagged.stream().mapToInt(Integer::intValue).toArray();
        double[] fe = new double[idx.length];
        for (int q = 0; q < idx.length; q++) fe[q] = e[idx[q]];
        Spectrum out;
        List<String> notes = new ArrayList<>(g.notes());
        if (p.remove() && idx.length > 0) {
            boolean[] drop = new boolean[n];
            for (int i : idx) drop[i] = true;
            int m = n - idx.length;
            double[] e2 = new double[m], y2 = new double[m], u = g.uncertainty(), u2 = u == null ? null : new double[m];
            for (int i = 0, j = 0; i < n; i++) if (!drop[i]) { e2[j] = e[i]; y2[j] = y[i]; if (u != null) u2[j] = u[i]; j++; }
            out = new Spectrum(name, Axis.energy(e2), y2, u2, in.channel()); // the input sigma of the kept points
            notes.add("removed " + idx.length + " glitch point(s) at " + Arrays.toString(fe) + " eV");
        } else {
            out = new Spectrum(name, Axis.energy(e), y, g.uncertainty(), in.channel());
            if (idx.length > 0) notes.add("flagged " + idx.length + " glitch point(s) at " + Arrays.toString(fe) + " eV (not removed)");
        }
        Map<String, Object> used = new LinkedHashMap<>();
        used.put("window", w);
        used.put("k", p.k());
        used.put("remove", p.remove());
        used.put("noise_mad_sigma", global);
        return result(new Deglitched(name, idx, fe, res, med, global, out), used, notes);
    }

    /**
     * Median of the window around i without point i itself: with i included, a point that is its
     * window's median has residual exactly 0, which biases the MAD low and flags plain noise.
     */
    static double neighbourMedian(double[] v, int i, int h, double[] buf) {
        int n = v.length, a = Math.max(0, i - h), b = Math.min(n, i + h + 1), m = 0;
        for (int j = a; j < b; j++) if (j != i) buf[m++] = v[j];
        Arrays.sort(buf, 0, m);
        return (m & 1) == 1 ? buf[m / 2] : 0.5 * (buf[m / 2 - 1] + buf[m / 2]);
    }

    static double median(double[] v, int from, int to, double[] buf) {
        int m = to - from;
        System.arraycopy(v, from, buf, 0, m);
        Arrays.sort(buf, 0, m);
        return (m & 1) == 1 ? buf[m / 2] : 0.5 * (buf[m / 2 - 1] + buf[m / 2]);
    }
}
