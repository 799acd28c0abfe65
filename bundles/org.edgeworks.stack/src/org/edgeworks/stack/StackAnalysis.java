package org.edgeworks.stack;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.processing.Param;
import org.edgeworks.core.processing.Parameters;
import org.edgeworks.xas.LcfProcessor;
import org.edgeworks.xas.NormalizeProcessor;
import org.edgeworks.xas.kernel.LarchIndex;
import org.edgeworks.xas.kernel.LinearCombination;
import org.edgeworks.xas.kernel.Normalizer;

/**
 * Per-pixel XANES analysis of an energy x y x x image stack, streamed a band of image rows at a
 * time (memory: one band of the stack, one of the flat field if any, plus the output maps).
 * Every pixel goes through the single-spectrum code: mu as {@code xas normalize --mode} makes it
 * (transmission ln(I0/I), fluorescence I/I0), normalisation by
 * {@link NormalizeProcessor#normalizeInto} (Larch pre_edge, same parameters), LCF of the
 * normalised spectrum by {@link LcfProcessor#window} and {@link LinearCombination#fit} (same
 * window rule, constraints and standard errors as {@code xas lcf}).
 *
 * <p>Maps (rows x columns, row-major; NaN where there is no value): {@code e0} (eV, the grid point
 * Larch moves E0 to; error: local grid step / sqrt(12), the spread of a value rounded to the grid),
 * {@code edge_step} (error: {@link Normalizer#edgeStepStderr}, as {@code xas normalize} and
 * {@code xas lcf} have it), {@code mask} (1 where normalisation succeeded and edge_step >=
 * threshold; default threshold: 10% of the median edge step, reported), {@code peak_energy}
 * (grid point of the largest normalised value in [E0 + peakFrom, E0 + peakTo]; error as e0),
 * per reference {@code weight_NAME} and {@code r_factor}. weight_NAME's error is the LCF standard error with
 * the pixel's and the reference's relative edge-step errors propagated ({@link LcfProcessor#weightStderr}, as
 * {@code xas lcf}'s stderr); {@code weight_NAME_errors_fit}: the fit's alone (Larch's stderr, {@code xas lcf}'s
 * stderr_fit; a map of its own, no PNG). Outside the mask every map except edge_step is NaN.
 *
 * <p>Bands are independent ({@link #band}) and joined in row order ({@link #join}), so a cluster
 * (Spark) computing bands as tasks gives the same numbers, bit for bit, as one machine.
 */
public final class StackAnalysis {
    public static final String ID = "org.edgeworks.stack.analysis";
    public static final String VERSION = "1.1";
    /** Suffix of the maps of the weights' fit-only errors (weight_NAME_errors_fit). */
    public static final String FIT_ONLY = "_errors_fit";
    /** Band budget when the band height is chosen automatically: about 16 MB of doubles. */
    static final long BAND_ELEMENTS = 2L << 20;
    /** Counted like a failure (per band, joined), but the pixel is analysed: a remark, not a refusal. */
    static final String NOTE = "note ";

    public enum MuKind {
        /** The stack holds mu (or an optical density) already. */
        MU,
        /** mu = ln(I0 / I). */
        TRANSMISSION,
        /** mu = I / I0. */
        FLUORESCENCE;

        @com.fasterxml.jackson.annotation.JsonValue
        public String label() { return name().toLowerCase(java.util.Locale.ROOT); }

        /** By label (mu, transmission, fluorescence); the road parameter records are read by. */
        @com.fasterxml.jackson.annotation.JsonCreator
        public static MuKind of(String s) {
            for (MuKind k : values()) if (k.label().equals(s)) return k;
            throw new IllegalArgumentException("mode: '" + s + "' is not one of mu, transmission, fluorescence");
        }

        public static MuKind parse(String s) throws EdgeworksException {
            try {
                return of(s);
            } catch (IllegalArgumentException e) {
                throw EdgeworksException.of("--mode", e.getMessage().substring("mode: ".length()));
            }
        }
    }

    /**
     * @param normalize   the single-spectrum normalisation parameters (xas normalize)
     * @param mu          how mu is made from the images
     * @param stepThreshold mask threshold on the edge step (mu units); null: 10% of the median
     * @param peakFrom    peak search window start, eV relative to each pixel's E0
     * @param peakTo      peak search window end, eV relative to E0
     * @param lcf         LCF parameters (xas lcf); used when references are given
     * @param bandRows    image rows per band; 0 = about 16 MB of stack per band
     */
    public record Params(
        @Param(label = "normalisation", description = "as xas normalize") NormalizeProcessor.Params normalize,
        @Param(label = "mode", description = "mu: the images hold mu | transmission: ln(I0/I) | fluorescence: I/I0") MuKind mu,
        @Param(label = "mask threshold", unit = "mu", description = "edge step at least this; default: 10% of the median edge step (reported)") Double stepThreshold,
        @Param(label = "peak window start", unit = "eV rel. E0", description = "peak search window, relative to each pixel's E0") double peakFrom,
        @Param(label = "peak window end", unit = "eV rel. E0") double peakTo,
        @Param(label = "LCF", description = "as xas lcf; used when references are given") LcfProcessor.Params lcf,
        @Param(label = "band rows", min = 0, runSetting = true, description = "image rows read at a time; 0 = about 16 MB of stack") int bandRows) {
        public static Params defaults() {
            return new Params(NormalizeProcessor.Params.defaults(), MuKind.MU, null, 0, 30, LcfProcessor.Params.defaults(), 0);
        }
    }

    /**
     * A normalised reference spectrum on its cleaned grid (ascending energies, eV). stepError: the relative
     * standard error sigma(edge step) / edge step of the normalisation it went through
     * ({@link LcfProcessor#stepError}), propagated into the weight maps' errors; null when not known (given
     * normalised: a note says the errors lack it).
     */
    public record Reference(String name, double[] energy, double[] norm, Double stepError) implements Serializable {
        /** Edge-step error not known. */
        public Reference(String name, double[] energy, double[] norm) { this(name, energy, norm, null); }
    }

    /** The maps of a band of rows [row0, row0 + count); values[m] is count x columns. */
    public record Band(int row0, int count, double[][] values, byte[] ok, TreeMap<String, Integer> failures,
                       TreeMap<String, String> examples) implements Serializable {}

    /**
     * The whole result. maps and errors are keyed by map name (errors only for maps that have them); references:
     * the normalised references the LCF maps were fitted with (empty without LCF), kept in the result file so a
     * pixel can be re-analysed from it ({@link #pixel}).
     */
    public record Result(String label, String dataPath, int rows, int columns, double[] energy, Map<String, double[]> maps,
                         Map<String, double[]> errors, byte[] mask, double threshold, boolean thresholdAutomatic, int pixels,
                         int masked, Map<String, Integer> failures, List<String> notes, Map<String, Object> used,
                         List<Reference> references) {}

    /**
     * One pixel analysed as the maps analyse it (the same per-pixel code, so its values are the maps' values
     * before the mask): mu on the ascending energies, the normalisation's pre-edge line, post-edge curve and
     * normalised spectrum, and, with references, the LCF window's energies, normalised data, fit and each
     * reference's contribution (weight x reference; null when shifts were fitted: the contributions then sit at
     * shifted energies). values: every map's value and error (names as {@link Setup#names()}); problem: why the
     * pixel has no values (null when it has).
     */
    public record Pixel(int row, int column, double[] energy, double[] mu, double[] pre, double[] post, double[] norm,
                        Map<String, Double> values, String problem, double[] fitEnergy, double[] fitData, double[] fit,
                        Map<String, double[]> components) {}

    /** The setting-up every band shares: checked parameters, sorted energies, reference names. */
    public record Setup(String label, String dataPath, int rows, int columns, double[] energyFrames, int[] order, double[] energy,
                        Params params, List<Reference> references, Flux flux, int bandRows, List<String> readNotes) {
        int maps() { return 6 + 3 * references.size() + 1; }

        List<String> names() {
            List<String> n = new ArrayList<>(List.of("e0", "e0_errors", "edge_step", "edge_step_errors", "peak_energy", "peak_energy_errors"));
            for (Reference r : references) { n.add("weight_" + r.name()); n.add("weight_" + r.name() + "_errors"); }
            n.add("r_factor");
            // the fit-only errors (Larch's, without the edge-step errors) after the others: maps of their own
            for (Reference r : references) n.add("weight_" + r.name() + FIT_ONLY);
            return n;
        }

        /** Bands as {row0, count}, in row order. */
        public List<int[]> bands() {
            List<int[]> out = new ArrayList<>();
            for (int r = 0; r < rows; r += bandRows) out.add(new int[] {r, Math.min(bandRows, rows - r)});
            return out;
        }
    }

    private StackAnalysis() {}

    /** Checks everything that does not depend on a pixel; refuses with one line. */
    public static Setup setup(StackSource s, Flux flux, Params p, List<Reference> references) throws EdgeworksException {
        NormalizeProcessor.check(s.label(), p.normalize());
        double[] frames = s.energy();
        if (frames.length < 7) throw new EdgeworksException(s.label(), s.dataPath(), "has " + frames.length + " energies (at least 7 needed)");
        for (int i = 0; i < frames.length; i++)
            if (!Double.isFinite(frames[i])) throw new EdgeworksException(s.label(), s.dataPath(), "energy of frame " + i + " is not finite");
        int[] order = IntStream.range(0, frames.length).boxed().sorted((a, b) -> Double.compare(frames[a], frames[b]))
            .mapToInt(Integer::intValue).toArray();
        double[] e = new double[frames.length];
        for (int i = 0; i < e.length; i++) e[i] = frames[order[i]];
        for (int i = 1; i < e.length; i++)
            if (e[i] == e[i - 1]) throw new EdgeworksException(s.label(), s.dataPath(), "frames " + order[i - 1] + " and " + order[i] + " are both at " + e[i] + " eV");
        if (p.mu() != MuKind.MU && flux.isNone())
            throw EdgeworksException.of("--mode", p.mu().label() + " needs the incident flux (a flat field or I0)");
        // raw counts read as mu give an E0 map of the wrong edge shape and exit 0: refuse instead (issue 14's rule,
        // nothing raw is ever taken for mu)
        if (p.mu() == MuKind.MU && !flux.isNone())
            throw EdgeworksException.of("--mode", "mu (the default) takes the images as mu, so the given flux would be ignored: "
                + "give --mode transmission or --mode fluorescence");
        if (p.mu() == MuKind.MU && s.integerCounts())
            throw new EdgeworksException(s.label(), s.dataPath(), "holds integer detector counts, not mu: give --mode transmission "
                + "or --mode fluorescence with the incident flux (--flat)");
        flux.check(s);
        if (!(p.peakTo() > p.peakFrom())) throw EdgeworksException.of("--peak-window", "end " + p.peakTo() + " eV is not above its start " + p.peakFrom() + " eV");
        if (p.stepThreshold() != null && !(p.stepThreshold() >= 0)) throw EdgeworksException.of("--step-threshold", "must be a number >= 0, not " + p.stepThreshold());
        List<Reference> refs = references == null ? List.of() : List.copyOf(references);
        if (!refs.isEmpty()) {
            LcfProcessor.Params lp = p.lcf();
            if (lp.combinations() > 0) throw EdgeworksException.of("--combinations", "not available for stacks (maps are of the full reference set)");
            List<String> names = refs.stream().map(Reference::name).toList();
            for (int j = 0; j < names.size(); j++)
                if (names.indexOf(names.get(j)) != j) throw EdgeworksException.of("--ref", "name " + names.get(j) + " given twice");
            if (lp.emin() != null && lp.emax() != null) {
                if (!(lp.emax() > lp.emin())) throw EdgeworksException.of("--emax", "window end " + lp.emax() + " is not above its start " + lp.emin());
                // the fixed window is built once here so a bad reference or window is refused before any pixel
                window(s.label(), e, lp.emin(), lp.emax(), refs, lp);
            }
        }
        int band = p.bandRows() > 0 ? p.bandRows() : (int) Math.max(1, Math.min(s.rows(), BAND_ELEMENTS / ((long) e.length * s.columns())));
        return new Setup(s.label(), s.dataPath(), s.rows(), s.columns(), frames, order, e, p, refs, flux, band, List.copyOf(s.notes()));
    }

    private static LinearCombination window(String label, double[] e, double lo, double hi, List<Reference> refs, LcfProcessor.Params lp)
            throws EdgeworksException {
        if (hi < e[0] || lo > e[e.length - 1])
            throw EdgeworksException.of(label, "emin: window [" + lo + ", " + hi + "] eV is outside the data (" + e[0] + " to " + e[e.length - 1] + " eV)");
        int from = LarchIndex.indexOf(e, lo), to = LarchIndex.indexOf(e, hi) + 1;
        int nparams = refs.size() * (lp.shifts() ? 2 : 1);
        if (to - from <= nparams)
            throw EdgeworksException.of(label, "emin: only " + (to - from) + " points in the window [" + lo + ", " + hi + "] eV for " + nparams + " parameters");
        LcfProcessor.coverage(label, Arrays.copyOfRange(e, from, to), refs.stream().map(Reference::energy).toList(),
            refs.stream().map(Reference::name).toList(), lp, new ArrayList<>()); // with extrapolate, recorded in the parameters
        return LcfProcessor.window(label, e, lo, hi, new double[to - from], refs.stream().map(Reference::energy).toList(),
            refs.stream().map(Reference::norm).toList(), refs.stream().map(Reference::name).toList(), lp).withScaleSensitivity();
    }

    /** The whole stack on this machine: bands in row order, each band's pixels over the cores. */
    public static Result run(StackSource s, Flux flux, Params p, List<Reference> references) throws EdgeworksException {
        Setup setup = setup(s, flux, p, references);
        List<Band> bands = new ArrayList<>();
        for (int[] b : setup.bands()) bands.add(band(setup, s, flux, b[0], b[1]));
        return join(setup, bands);
    }

    /** One band of rows: reads it (and the flat field's), analyses every pixel. */
    public static Band band(Setup setup, StackSource s, Flux flux, int row0, int count) throws EdgeworksException {
        double[] block = s.read(row0, count);
        double[] flat = flux.band(row0, count);
        int cols = setup.columns(), m = setup.maps();
        double[][] values = new double[m][count * cols];
        byte[] ok = new byte[count * cols];
        ThreadLocal<Worker> workers = ThreadLocal.withInitial(() -> new Worker(setup));
        List<Worker> all = java.util.Collections.synchronizedList(new ArrayList<>());
        IntStream.range(0, count).parallel().forEach(r -> {
            Worker w = workers.get();
            if (!w.registered) { w.registered = true; all.add(w); }
            for (int c = 0; c < cols; c++) w.pixel(block, flat, row0, r, count, c, values, ok);
        });
        TreeMap<String, Integer> failures = new TreeMap<>();
        TreeMap<String, String> examples = new TreeMap<>();
        for (Worker w : all) {
            w.failures.forEach((k, v) -> failures.merge(k, v, Integer::sum));
            // the example of the earliest failing pixel, whichever thread met it
            w.examples.forEach((k, v) -> examples.merge(k, v, (a, b) -> a.compareTo(b) <= 0 ? a : b));
        }
        return new Band(row0, count, values, ok, failures, examples);
    }

    /** Pixel (row, column) of the stack through the per-pixel analysis of the maps, with its curves. */
    public static Pixel pixel(Setup setup, StackSource s, Flux flux, int row, int column) throws EdgeworksException {
        if (row < 0 || row >= setup.rows() || column < 0 || column >= setup.columns())
            throw EdgeworksException.of(setup.label(), "pixel (y=" + row + ", x=" + column + ") is outside the " + setup.rows() + " x "
                + setup.columns() + " images");
        double[] block = s.read(row, 1);
        double[] flat = flux.band(row, 1);
        int cols = setup.columns(), m = setup.maps(), n = setup.energy().length;
        double[][] values = new double[m][cols];
        byte[] ok = new byte[cols];
        Worker w = new Worker(setup);
        w.pixel(block, flat, row, 0, 1, column, values, ok);
        Map<String, Double> v = new LinkedHashMap<>();
        List<String> names = setup.names();
        for (int k = 0; k < m; k++) v.put(names.get(k), values[k][column]);
        String problem = w.examples.values().stream().filter(x -> !x.contains(NOTE)).findFirst().orElse(null);
        if (ok[column] == 0) {
            return new Pixel(row, column, setup.energy().clone(), w.mu.clone(), null, null, null, v,
                problem == null ? "no values" : problem, null, null, null, null);
        }
        double[] fitE = null, fitData = null, fitCurve = null;
        Map<String, double[]> components = null;
        if (w.lastFit != null) {
            fitE = w.lastWindow.energy().clone();
            fitData = w.lastWindow.target().clone();
            fitCurve = w.lastFit.fit().clone();
            if (!setup.params().lcf().shifts()) {
                components = new LinkedHashMap<>();
                for (int j = 0; j < setup.references().size(); j++) {
                    double[] col = w.lastWindow.column(j), c = new double[col.length];
                    for (int i = 0; i < c.length; i++) c[i] = w.lastFit.weights()[j] * col[i];
                    components.put(setup.references().get(j).name(), c);
                }
            }
        }
        return new Pixel(row, column, setup.energy().clone(), w.mu.clone(), Arrays.copyOf(w.k.pre(), n), Arrays.copyOf(w.k.post(), n),
            Arrays.copyOf(w.k.norm(), n), v, problem, fitE, fitData, fitCurve, components);
    }

    /** Joins the bands (any order given; used in row order), decides the mask, writes NaN outside it. */
    public static Result join(Setup setup, List<Band> bands) {
        int rows = setup.rows(), cols = setup.columns(), m = setup.maps(), n = rows * cols;
        List<Band> sorted = new ArrayList<>(bands);
        sorted.sort((a, b) -> Integer.compare(a.row0(), b.row0()));
        double[][] full = new double[m][n];
        byte[] ok = new byte[n];
        TreeMap<String, Integer> failures = new TreeMap<>();
        TreeMap<String, String> examples = new TreeMap<>();
        for (Band b : sorted) {
            int at = b.row0() * cols, len = b.count() * cols;
            for (int k = 0; k < m; k++) System.arraycopy(b.values()[k], 0, full[k], at, len);
            System.arraycopy(b.ok(), 0, ok, at, len);
            b.failures().forEach((k, v) -> failures.merge(k, v, Integer::sum));
            b.examples().forEach(examples::putIfAbsent);
        }
        double[] step = full[2];
        Double given = setup.params().stepThreshold();
        double threshold;
        if (given != null) {
            threshold = given;
        } else {
            double[] good = IntStream.range(0, n).filter(i -> ok[i] != 0).mapToDouble(i -> step[i]).sorted().toArray();
            threshold = good.length == 0 ? Double.NaN : 0.1 * (good.length % 2 == 1 ? good[good.length / 2]
                : 0.5 * (good[good.length / 2 - 1] + good[good.length / 2]));
        }
        byte[] mask = new byte[n];
        int masked = 0;
        for (int i = 0; i < n; i++) {
            mask[i] = (byte) (ok[i] != 0 && step[i] >= threshold ? 1 : 0);
            if (mask[i] == 0) {
                masked++;
                for (int k = 0; k < m; k++) if (k != 2 && k != 3) full[k][i] = Double.NaN;
            }
        }
        List<String> names = setup.names();
        Map<String, double[]> maps = new LinkedHashMap<>(), errors = new LinkedHashMap<>();
        for (int k = 0; k < m; k++) {
            String name = names.get(k);
            if (name.endsWith("_errors")) errors.put(name.substring(0, name.length() - "_errors".length()), full[k]);
            else maps.put(name, full[k]);
        }
        List<String> notes = new ArrayList<>(setup.readNotes()); // what the reader noted (e.g. energies without a unit)
        notes.add("mask: " + (n - masked) + " of " + n + " pixels with edge_step >= " + threshold
            + (given == null ? " (10% of the median edge step of the normalised pixels)" : " (given)"));
        for (var f : failures.entrySet())
            notes.add(f.getKey().startsWith(NOTE) ? f.getValue() + " pixels noted, e.g. " + examples.get(f.getKey()).replace(NOTE, "")
                : f.getValue() + " pixels failed at " + f.getKey() + ", e.g. " + examples.get(f.getKey()));
        Map<String, Object> used = new LinkedHashMap<>();
        Params p = setup.params();
        used.put("normalize", Parameters.toMap(p.normalize()));
        used.put("mode", p.mu().label());
        used.put("flux", setup.flux().label());
        used.put("step_threshold", threshold);
        used.put("step_threshold_automatic", given == null);
        used.put("peak_from", p.peakFrom());
        used.put("peak_to", p.peakTo());
        if (!setup.references().isEmpty()) {
            used.put("lcf", Parameters.toMap(p.lcf()));
            used.put("references", setup.references().stream().map(Reference::name).toList());
            Map<String, Double> steps = new LinkedHashMap<>();
            for (Reference ref : setup.references()) steps.put(ref.name(), ref.stepError());
            Map<String, Object> rel = new LinkedHashMap<>();
            rel.put("sample", "per pixel: edge_step_errors / edge_step");
            rel.put("references", steps);
            used.put("edge_step_rel_stderr", rel);
            List<String> unknown = setup.references().stream().filter(ref -> ref.stepError() == null).map(Reference::name).toList();
            if (!unknown.isEmpty())
                notes.add("warning: edge-step error not known for " + String.join(", ", unknown)
                    + " (given normalised): the weight maps' errors lack their normalisation error");
        }
        return new Result(setup.label(), setup.dataPath(), rows, cols, setup.energy().clone(), maps, errors, mask, threshold, given == null,
            n, masked, failures, notes, used, setup.references());
    }

    /** Per-thread work space: one spectrum, the normaliser, LCF windows met so far. */
    private static final class Worker {
        final Setup s;
        final double[] mu, dmu;
        final Normalizer k = new Normalizer();
        /** The choices of the pixel being done. */
        Normalizer.Outcome o;
        final Map<Long, LinearCombination> windows = new HashMap<>();
        final int[] all;
        /** Relative edge-step errors: [0] the pixel's (set per pixel), [1 + j] reference j's (NaN: not known). */
        final double[] scaleErrors;
        final TreeMap<String, Integer> failures = new TreeMap<>();
        final TreeMap<String, String> examples = new TreeMap<>();
        boolean registered;
        /** The last pixel's LCF window and fit (for {@link StackAnalysis#pixel}). */
        LinearCombination lastWindow;
        LinearCombination.Fit lastFit;

        Worker(Setup s) {
            this.s = s;
            int n = s.energy().length;
            mu = new double[n];
            dmu = new double[n];
            all = IntStream.range(0, s.references().size()).toArray();
            scaleErrors = new double[all.length + 1];
            for (int j = 0; j < all.length; j++) {
                Double r = s.references().get(j).stepError();
                scaleErrors[j + 1] = r == null ? Double.NaN : r;
            }
        }

        void fail(int row, int column, String problem) {
            int colon = problem.indexOf(':');
            String key = colon > 0 ? problem.substring(0, colon) : problem;
            failures.merge(key, 1, Integer::sum);
            String example = String.format(java.util.Locale.ROOT, "pixel (y=%06d, x=%06d): %s", row, column, problem);
            examples.merge(key, example, (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }

        void pixel(double[] block, double[] flat, int row0, int r, int count, int c, double[][] out, byte[] ok) {
            int cols = s.columns(), n = mu.length, row = row0 + r, at = r * cols + c;
            for (int k2 = 0; k2 < out.length; k2++) out[k2][at] = Double.NaN;
            MuKind kind = s.params().mu();
            for (int i = 0; i < n; i++) {
                int f = s.order()[i];
                int idx = (f * count + r) * cols + c;
                double v = block[idx];
                if (kind != MuKind.MU) {
                    double i0 = s.flux().at(f, row, c, cols, flat, idx);
                    v = kind == MuKind.TRANSMISSION ? Math.log(i0 / v) : v / i0;
                }
                if (!Double.isFinite(v)) {
                    fail(row, c, "mu: not finite at " + s.energy()[i] + " eV (counts or flux <= 0, or missing)");
                    return;
                }
                mu[i] = v;
            }
            double[] e = s.energy();
            try {
                o = NormalizeProcessor.normalizeInto(k, e, mu, s.params().normalize());
            } catch (Normalizer.Refused refused) {
                fail(row, c, refused.problem());
                return;
            }
            ok[at] = 1;
            // the single-spectrum command notes an automatic E0 that is not Larch's choice: so do maps (counted, one example)
            if (o.e0Note() != null) fail(row, c, NOTE + o.e0Note());
            // a reversed --pre1/--pre2 or --norm1/--norm2 is fitted in order, as for one spectrum: counted, never silent
            for (String reversed : NormalizeProcessor.reversedRanges(s.params().normalize(), o)) fail(row, c, NOTE + reversed);
            double quant = 1 / Math.sqrt(12);
            out[0][at] = o.e0();
            out[1][at] = spacing(e, o.ie0()) * quant;
            out[2][at] = o.edgeStep();
            out[3][at] = k.edgeStepStderr(e, mu, o); // 0 for a given step
            // peak: the grid point of the largest normalised value in the window
            double lo = o.e0() + s.params().peakFrom(), hi = o.e0() + s.params().peakTo();
            double[] norm = k.norm();
            int best = -1;
            for (int i = 0; i < n; i++) if (e[i] >= lo && e[i] <= hi && (best < 0 || norm[i] > norm[best])) best = i;
            if (best >= 0) {
                out[4][at] = e[best];
                out[5][at] = spacing(e, best) * quant;
            }
            if (!s.references().isEmpty()) lcf(row, c, at, out);
        }

        private void lcf(int row, int c, int at, double[][] out) {
            double[] e = s.energy();
            LcfProcessor.Params lp = s.params().lcf();
            double lo, hi;
            if (lp.emin() == null || lp.emax() == null) {
                int i0 = Normalizer.findE0Index(e, k.norm(), e.length, dmu);
                if (i0 < 0) { fail(row, c, "emin: no edge found for the default LCF window"); return; }
                lo = lp.emin() != null ? lp.emin() : e[i0] - 20;
                hi = lp.emax() != null ? lp.emax() : e[i0] + 30;
            } else {
                lo = lp.emin();
                hi = lp.emax();
            }
            int from = LarchIndex.indexOf(e, lo), to = LarchIndex.indexOf(e, hi) + 1;
            long key = ((long) from << 32) | to;
            LinearCombination lc = windows.get(key);
            if (lc == null) {
                try {
                    lc = window(s.label(), e, lo, hi, s.references(), lp);
                } catch (EdgeworksException ex) {
                    fail(row, c, ex.problem());
                    return;
                }
                windows.put(key, lc);
            }
            lc.retarget(Arrays.copyOfRange(k.norm(), from, to));
            LinearCombination.Fit fit;
            try {
                fit = lc.fit(all, lp.nonNegative(), lp.sumToOne(), lp.shifts(), lp.shiftBound());
            } catch (IllegalStateException ex) {
                fail(row, c, "references: " + ex.getMessage());
                return;
            }
            lastWindow = lc;
            lastFit = fit;
            // the pixel's relative step error (out[2], out[3]: edge_step and its error) and the references' ones
            scaleErrors[0] = out[2][at] > 0 && Double.isFinite(out[3][at]) ? out[3][at] / out[2][at] : Double.NaN;
            double[] total = LcfProcessor.weightStderr(fit, scaleErrors);
            int k = all.length;
            for (int j = 0; j < k; j++) {
                out[6 + 2 * j][at] = fit.weights()[j];
                out[7 + 2 * j][at] = total[j];
                out[7 + 2 * k + j][at] = fit.weightErrors()[j];
            }
            out[6 + 2 * k][at] = fit.rFactor();
        }
    }

    /** The local grid step at point i (mean of the neighbouring intervals). */
    static double spacing(double[] e, int i) {
        int n = e.length;
        if (i <= 0) return e[1] - e[0];
        if (i >= n - 1) return e[n - 1] - e[n - 2];
        return 0.5 * (e[i + 1] - e[i - 1]);
    }
}
