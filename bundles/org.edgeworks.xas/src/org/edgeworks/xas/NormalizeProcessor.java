package org.edgeworks.xas;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.core.processing.Param;
import org.edgeworks.core.processing.Parameters;
import org.edgeworks.core.processing.BaseProcessor;
import org.edgeworks.core.processing.Result;
import org.edgeworks.xas.kernel.Gradient;
import org.edgeworks.xas.kernel.Normalizer;

/**
 * XANES normalisation in the Athena/Larch convention (docs/science.md#xas-normalize), numerically the same
 * as Larch 0.9.58 {@code pre_edge} when given the same E0 and ranges. The provenance records the
 * E0 and ranges actually used, as Larch's pre_edge_details does.
 */
public final class NormalizeProcessor extends BaseProcessor<Spectrum, NormalizeProcessor.Params, NormalizeProcessor.Normalized> {
    public static final String ID = "org.edgeworks.xas.normalize";

    /**
     * Normalisation settings; null means "choose as Larch's pre_edge does".
     */
    public record Params(
        @Param(label = "E0 method", description = "derivative | grid (both Larch's grid point here) | half-step | second-derivative | smoothed-derivative | fixed") E0Method e0Method,
        @Param(label = "E0", unit = "eV", description = "edge energy for e0Method=fixed (moved to the nearest grid point, as Larch does)") Double e0,
        @Param(label = "pre-edge start", unit = "eV rel. E0", description = "default: 2nd point rounded to 5 eV (Larch)") Double pre1,
        @Param(label = "pre-edge end", unit = "eV rel. E0", description = "default: pre1/3 rounded to 5 eV (Larch)") Double pre2,
        @Param(label = "post-edge start", unit = "eV rel. E0", description = "default: min(150, norm2/3) rounded to 5 eV (Larch)") Double norm1,
        @Param(label = "post-edge end", unit = "eV rel. E0", description = "default: last point rounded to 5 eV (Larch)") Double norm2,
        @Param(label = "post-edge degree", min = 0, max = 3, description = "default: 2 if norm2-norm1 >= 350 eV, 1 if >= 50, else 0 (Larch)") Integer nnorm,
        @Param(label = "Victoreen exponent", min = 0, max = 4, description = "pre-edge line fitted to mu*E^nvict (Larch nvict)") int nvict,
        @Param(label = "edge step", description = "fixed edge step; default: post(E0) - pre(E0)") Double step,
        @Param(label = "normalisation", description = "edge-step | area | min-max | none") Normalization normalization)
        implements Parameters.Related {

        /**
         * A fixed E0 needs its value, a finite energy; an E0 value given with another method would be
         * ignored, so it is refused rather than dropped silently (Larch's pre_edge uses a given e0; here
         * the method says so: {@code e0Method} fixed, or left out, which means fixed when e0 is given).
         */
        @Override
        public String conflict() {
            if (e0 != null && e0Method != null && e0Method != E0Method.FIXED)
                return "{e0}: a given E0 is used only with {e0Method}=fixed, not " + e0Method.label()
                    + " (give {e0Method}=fixed, or leave {e0} out)";
            if (method(this) != E0Method.FIXED) return null;
            if (e0 == null) return "{e0}: a value is needed with {e0Method}=fixed";
            return Double.isFinite(e0) ? null : "{e0}: must be a finite energy in eV with {e0Method}=fixed, not " + e0;
        }

        /** Larch pre_edge defaults: derivative E0, automatic ranges, nvict 0, edge-step normalisation. */
        public static Params defaults() {
            return new Params(E0Method.DERIVATIVE, null, null, null, null, null, null, 0, null, Normalization.EDGE_STEP);
        }

        public Params withE0(double value) {
            return new Params(E0Method.FIXED, value, pre1, pre2, norm1, norm2, nnorm, nvict, step, normalization);
        }

        public Params withRanges(double p1, double p2, double n1, double n2, int nn) {
            return new Params(e0Method, e0, p1, p2, n1, n2, nn, nvict, step, normalization);
        }
    }

    /**
     * The normalised spectrum with the choices made (Larch's pre_edge_details): pre-edge line
     * (pre_slope, pre_offset for E^1, E^0 of mu*E^nvict) and post-edge polynomial coefficients in
     * powers of E (norm_c0..). edgeStepStderr: the edge step's standard error from the pre-edge and
     * post-edge fits ({@link Normalizer#edgeStepStderr}; 0 for a given step, NaN when a fit has no
     * degree of freedom left); it is what the LCF fractions carry of the normalisation
     * ({@link LcfProcessor#stepError}).
     */
    public record Normalized(String name, double[] energy, double[] mu, double[] pre, double[] post, double[] norm,
                             double[] flat, double e0, double edgeStep, double edgeStepStderr, double pre1, double pre2, double norm1,
                             double norm2, int nnorm, int nvict, double preSlope, double preOffset, double[] normCoefficients,
                             E0Method e0Method, Normalization normalization, List<String> notes) {
        public Spectrum normSpectrum() { return new Spectrum(name, org.edgeworks.core.data.Axis.energy(energy), norm, null, "norm"); }
        public Spectrum flatSpectrum() { return new Spectrum(name, org.edgeworks.core.data.Axis.energy(energy), flat, null, "flat"); }
    }

    public NormalizeProcessor() { super(ID, "1.0", "XANES normalisation (pre-edge line, post-edge polynomial)", Spectrum.class, Params.class); }

    @Override public Params defaults() { return Params.defaults(); }

    @Override
    public Result<Normalized> apply(Spectrum input, Params p) throws EdgeworksException {
        Grid g = Grid.of(input, 7);
        Normalized out = normalize(g.name(), g.energy(), g.signal(), p == null ? Params.defaults() : p);
        Map<String, Object> used = used(out);
        List<String> notes = new ArrayList<>(g.notes());
        notes.addAll(out.notes());
        return result(out, used, notes);
    }

    /** The parameters a result actually used (for provenance and the CLI JSON). */
    public static Map<String, Object> used(Normalized out) {
        Map<String, Object> used = new LinkedHashMap<>();
        used.put("e0", out.e0());
        used.put("e0_method", out.e0Method().label());
        used.put("edge_step", out.edgeStep());
        used.put("edge_step_stderr", Double.isFinite(out.edgeStepStderr()) ? out.edgeStepStderr() : null);
        used.put("pre1", out.pre1());
        used.put("pre2", out.pre2());
        used.put("norm1", out.norm1());
        used.put("norm2", out.norm2());
        used.put("nnorm", out.nnorm());
        used.put("nvict", out.nvict());
        used.put("pre_slope", out.preSlope());
        used.put("pre_offset", out.preOffset());
        used.put("norm_coefficients", out.normCoefficients());
        used.put("normalization", out.normalization().label());
        return used;
    }

    /**
     * One work space per thread: what depends only on the grid (the polynomial fits' designs) is
     * kept while the grid stays the same (the kernel compares the grid's content on every run), so
     * a series of spectra on one grid does not rebuild it per spectrum (23 % of a single
     * normalisation's CPU, BENCHMARKS.md quiet rerun); the same bits as a fresh work space
     * (KernelCacheTest). Results are copied out of it before it is used again.
     */
    private static final ThreadLocal<Normalizer> WORK = ThreadLocal.withInitial(Normalizer::new);

    /** Normalises an already clean (ascending, unique, finite) grid. */
    public static Normalized normalize(String name, double[] e, double[] mu, Params p) throws EdgeworksException {
        check(name, p);
        Normalizer k = WORK.get();
        Normalizer.Outcome o;
        try {
            o = normalizeInto(k, e, mu, p);
        } catch (Normalizer.Refused r) {
            throw EdgeworksException.of(name, r.problem());
        }
        int n = e.length;
        E0Method method = method(p);
        Normalization kind = p.normalization() == null ? Normalization.EDGE_STEP : p.normalization();
        double[] raw = k.preCoefficients();
        List<String> notes = new ArrayList<>();
        if (o.e0Note() != null) notes.add("warning: " + name + ": " + o.e0Note());
        notes.addAll(reversedRanges(name, p, o));
        return new Normalized(name, e.clone(), mu.clone(), java.util.Arrays.copyOf(k.pre(), n), java.util.Arrays.copyOf(k.post(), n),
            java.util.Arrays.copyOf(k.norm(), n), java.util.Arrays.copyOf(k.flat(), n), o.e0(), o.edgeStep(), k.edgeStepStderr(e, mu, o), o.pre1(), o.pre2(),
            o.norm1(), o.norm2(), o.nnorm(), p.nvict(), raw[1], raw[0], k.postCoefficients(), method, kind, notes);
    }

    /**
     * A range whose ends were given (or met the automatic other end) in reverse order is fitted
     * ascending, as Larch's pre_edge does, and said so in a note, never silently: "note: NAME: pre1
     * -30 eV and pre2 -100 eV are in reverse order: the pre-edge line is fitted over [-100, -30] eV
     * rel. E0". {@code o}: the ranges used (ascending).
     */
    static List<String> reversedRanges(String name, Params p, Normalizer.Outcome o) {
        List<String> notes = new ArrayList<>();
        for (String r : reversedRanges(p, o)) notes.add("note: " + name + ": " + r);
        return notes;
    }

    /** The texts of {@link #reversedRanges(String, Params, Normalizer.Outcome)} without "note: NAME: " (an image stack counts them per pixel). */
    public static List<String> reversedRanges(Params p, Normalizer.Outcome o) {
        if (p.pre1() == null && p.pre2() == null && p.norm1() == null && p.norm2() == null) return List.of(); // automatic ranges are in order
        List<String> notes = new ArrayList<>(2);
        Double norm2 = p.norm2() != null && p.norm2() < 0 ? null : p.norm2(); // a negative norm2 counts from the data end (Larch)
        if (reversed(p.pre1(), p.pre2(), o.pre1(), o.pre2()))
            notes.add("pre1 " + fmt(p.pre1() != null ? p.pre1() : o.pre2()) + " eV and pre2 "
                + fmt(p.pre2() != null ? p.pre2() : o.pre1()) + " eV are in reverse order: the pre-edge line is fitted over ["
                + fmt(o.pre1()) + ", " + fmt(o.pre2()) + "] eV rel. E0");
        if (reversed(p.norm1(), norm2, o.norm1(), o.norm2()))
            notes.add("norm1 " + fmt(p.norm1() != null ? p.norm1() : o.norm2()) + " eV and norm2 "
                + fmt(norm2 != null ? norm2 : o.norm1()) + " eV are in reverse order: the post-edge curve is fitted over ["
                + fmt(o.norm1()) + ", " + fmt(o.norm2()) + "] eV rel. E0");
        return notes;
    }

    /** Whether the start {@code from} / end {@code to} given (null: automatic) were swapped into the ascending range [lo, hi] used. */
    private static boolean reversed(Double from, Double to, double lo, double hi) {
        if (from != null && to != null) return from > to;
        if (from != null) return hi == from && lo < from; // the given start became the end
        if (to != null) return lo == to && hi > to;        // the given end became the start
        return false;
    }

    private static String fmt(double v) {
        return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(8)).stripTrailingZeros().toPlainString();
    }

    /** Refuses parameters no spectrum can be normalised with (one line naming {@code name}). */
    public static void check(String name, Params p) throws EdgeworksException {
        if (p.nnorm() != null && (p.nnorm() < 0 || p.nnorm() > 3)) throw EdgeworksException.of(name, "nnorm: must be 0 to 3, not " + p.nnorm());
        if (p.nvict() < 0 || p.nvict() > 4) throw EdgeworksException.of(name, "nvict: must be 0 to 4, not " + p.nvict());
        String conflict = p.conflict();
        if (conflict != null) throw new Parameters.Conflict(name, conflict);
    }

    private static E0Method method(Params p) {
        return p.e0Method() == null ? (p.e0() != null ? E0Method.FIXED : E0Method.DERIVATIVE) : p.e0Method();
    }

    /**
     * The normalisation of {@link #normalize}, into a reusable work space: for many spectra on one
     * grid (the pixels of an image stack) without allocating arrays per spectrum. {@code p} must
     * have passed {@link #check}; e and mu have the same length n. Returns the choices made (E0,
     * edge step, ranges, the note on an automatic E0); the work space holds pre, post, norm and
     * flat over the first n points, norm and flat following p's normalisation kind.
     *
     * @throws Normalizer.Refused naming the parameter ("parameter: message" by its problem())
     */
    public static Normalizer.Outcome normalizeInto(Normalizer k, double[] e, double[] mu, Params p) throws Normalizer.Refused {
        int n = e.length;
        E0Method method = method(p);
        Normalizer.Settings larch = settings(p);
        Normalizer.Outcome o = k.run(e, mu, n, method == E0Method.FIXED ? larch.withE0(p.e0()) : larch);
        if (method == E0Method.HALF_STEP || method == E0Method.SECOND_DERIVATIVE || method == E0Method.SMOOTHED_DERIVATIVE) {
            double refined = method == E0Method.HALF_STEP ? halfStepEnergy(e, k.norm(), n, o.e0())
                : method == E0Method.SECOND_DERIVATIVE ? secondDerivativeZero(e, mu, n, o.ie0())
                : org.edgeworks.xas.kernel.EdgePosition.smoothedDerivativeMaximum(e, mu, n, o.ie0(), 2 * org.edgeworks.xas.kernel.EdgePosition.localStep(e, n, o.ie0()));
            if (!Double.isFinite(refined)) throw new Normalizer.Refused("e0", "no " + method.label() + " E0 found near " + o.e0() + " eV");
            // the note belongs to the automatic E0 the refinement started from
            o = k.run(e, mu, n, larch.withE0(refined)).withE0Note(o.e0Note());
        }
        Normalization kind = p.normalization() == null ? Normalization.EDGE_STEP : p.normalization();
        if (kind != Normalization.EDGE_STEP) {
            alternative(kind, e, mu, k, o);
            System.arraycopy(k.norm(), 0, k.flat(), 0, n);
        }
        return o;
    }

    /** The kernel's settings from p (every automatic choice Larch's). */
    private static Normalizer.Settings settings(Params p) {
        return new Normalizer.Settings(Double.NaN, p.pre1() != null ? p.pre1() : Double.NaN, p.pre2() != null ? p.pre2() : Double.NaN,
            p.norm1() != null ? p.norm1() : Double.NaN, p.norm2() != null ? p.norm2() : Double.NaN, p.nnorm() != null ? p.nnorm() : -1,
            p.nvict(), p.step() != null ? p.step() : Double.NaN, true);
    }

    /** Energy where norm first reaches 0.5 within [e0-15, e0+25] eV, linearly interpolated. */
    public static double halfStepEnergy(double[] e, double[] norm, int n, double e0) {
        int prev = -1;
        for (int i = 0; i < n; i++) {
            if (e[i] <= e0 - 15 || e[i] >= e0 + 25) continue;
            if (norm[i] >= 0.5) {
                if (prev < 0) return Double.NaN;
                return e[prev] + (0.5 - norm[prev]) * (e[i] - e[prev]) / (norm[i] - norm[prev]);
            }
            prev = i;
        }
        return Double.NaN;
    }

    /** Zero of d2mu/dE2 (numpy.gradient twice, as Larch's d2mude) next to the derivative maximum. */
    public static double secondDerivativeZero(double[] e, double[] mu, int n, int i0) {
        double[] d1 = Gradient.of(e, mu);
        double[] d2 = Gradient.of(e, d1);
        // the crossing from + to - nearest the derivative maximum
        for (int r = 0; r < 10; r++) {
            for (int i : new int[] {i0 - r - 1, i0 + r}) {
                if (i < 0 || i + 1 >= n) continue;
                if (d2[i] > 0 && d2[i + 1] <= 0) return e[i] + d2[i] * (e[i + 1] - e[i]) / (d2[i] - d2[i + 1]);
            }
        }
        return Double.NaN;
    }

    /** norm by the area, min-max or not at all, into k's norm array (o: the edge-step run's choices). */
    private static void alternative(Normalization kind, double[] e, double[] mu, Normalizer k, Normalizer.Outcome o) throws Normalizer.Refused {
        int n = e.length;
        double[] norm = k.norm(), pre = k.pre();
        switch (kind) {
            case NONE -> System.arraycopy(mu, 0, norm, 0, n);
            case MIN_MAX -> {
                double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
                for (double v : mu) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
                if (!(hi > lo)) throw new Normalizer.Refused("normalization", "min-max needs a non-constant mu");
                for (int i = 0; i < n; i++) norm[i] = (mu[i] - lo) / (hi - lo);
            }
            case AREA -> {
                // trapezoid area of mu - pre from E0+pre2 to the end, per eV
                int from = o.preTo() > 0 ? Math.min(o.preTo(), n - 2) : 0;
                double area = 0;
                for (int i = from + 1; i < n; i++)
                    area += 0.5 * ((mu[i] - pre[i]) + (mu[i - 1] - pre[i - 1])) * (e[i] - e[i - 1]);
                double mean = area / (e[n - 1] - e[from]);
                if (!(Math.abs(mean) > 0) || !Double.isFinite(mean)) throw new Normalizer.Refused("normalization", "area is zero");
                for (int i = 0; i < n; i++) norm[i] = (mu[i] - pre[i]) / mean;
            }
            default -> { }
        }
    }

    /** Notes copied from a grid (for processors that normalise inside). */
    static List<String> notes(List<String> a) { return new ArrayList<>(a); }
}
