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
import org.edgeworks.xas.kernel.CubicSpline;
import org.edgeworks.xas.kernel.LarchIndex;
import org.edgeworks.xas.kernel.LinearCombination;
import org.edgeworks.xas.kernel.Normalizer;

/**
 * Linear-combination fitting (docs/science.md#xas-lcf) of normalised spectra: sample ~ sum w_i
 * ref_i(E - delta_i) over a window, optional non-negative and sum-to-one weights and bounded
 * shifts; R-factor = sum(data - fit)^2 / sum data^2 (Larch's), reduced chi-square, weights with
 * standard errors, average valence; combinatorial mode ranks every subset by R-factor.
 * Version 1.1: the weights' stderr adds the edge-step errors of the sample's and the references'
 * normalisations (first-order propagation; the fit's alone is stderrFit, as 1.0 and Larch give it).
 */
public final class LcfProcessor extends BaseProcessor<LcfProcessor.Input, LcfProcessor.Params, LcfProcessor.LcfResult> {
    public static final String ID = "org.edgeworks.xas.lcf";
    /**
     * R-factor above which a fit is called poor (a warning note naming the sample): a sample on the
     * references' energy scale fits to R of order 1e-3..1e-2; R > 0.05 usually means an uncalibrated or
     * misaligned energy axis, or a missing reference (docs/science.md#xas-lcf).
     */
    public static final double POOR_FIT_R_FACTOR = 0.05;

    /**
     * Normalised sample and references; valences (same order as references) may be null.
     * sampleStepError and referenceStepErrors (same order as references; the list or an entry may
     * be null: not known) are the relative standard errors sigma(edge step) / edge step of the
     * normalisation each spectrum went through ({@link NormalizeProcessor.Normalized#edgeStepStderr}):
     * they are propagated into the weights' stderr (docs/science.md#xas-lcf). An input given
     * already normalised has none: its weights' stderr then lacks that part, said in a warning note.
     */
    public record Input(Spectrum sample, List<Spectrum> references, List<Double> valences, Double sampleStepError,
                        List<Double> referenceStepErrors) {
        /** Normalisation errors not known (a warning note says so when the fit is made). */
        public Input(Spectrum sample, List<Spectrum> references, List<Double> valences) {
            this(sample, references, valences, null, null);
        }
    }

    /**
     * The relative standard error of the scale a normalised spectrum was divided by: sigma(edge
     * step) / edge step for the edge-step normalisation, null when not known (another
     * normalisation kind, or a fit without degrees of freedom left).
     */
    public static Double stepError(NormalizeProcessor.Normalized n) {
        if (n.normalization() != Normalization.EDGE_STEP || !Double.isFinite(n.edgeStepStderr()) || !(n.edgeStep() > 0)) return null;
        return n.edgeStepStderr() / n.edgeStep();
    }

    public record Params(
        @Param(label = "window start", unit = "eV", description = "default: sample E0 - 20 eV (E0 = max dmu/dE)") Double emin,
        @Param(label = "window end", unit = "eV", description = "default: sample E0 + 30 eV") Double emax,
        @Param(label = "non-negative weights", description = "weights bounded at 0 (Larch lincombo_fit does not bound them)") boolean nonNegative,
        @Param(label = "weights sum to one") boolean sumToOne,
        @Param(label = "fit energy shifts", description = "one shift per reference, bounded by the shift bound") boolean shifts,
        @Param(label = "shift bound", unit = "eV", min = 0, enableIf = "shifts", description = "|shift| <= bound") double shiftBound,
        @Param(label = "combinations", min = 0, description = "rank every subset of up to K references; 0 = off") int combinations,
        @Param(label = "smallest subset", min = 1, enableIf = "combinations", expert = true, description = "smallest subset in the combinatorial mode") int minComponents,
        @Param(label = "extrapolate references", description = "allow references that do not cover the window plus the shift bound (noted); otherwise refused") boolean extrapolate,
        @Param(label = "rank", enableIf = "combinations", description = "combinatorial ranking: r_factor | chi2 (reduced chi-square)") Rank rank)
        implements org.edgeworks.core.processing.Parameters.Related {

        /** A window given by both ends runs upwards: a usage error naming both (it was a data error naming "emax:", new-user finding s4-5). */
        @Override
        public String conflict() {
            return emin == null || emax == null || emax > emin ? null : "{emax}: " + emax + " eV is not above {emin} " + emin + " eV";
        }

        /** The parameters before extrapolate and rank (refuse extrapolation, rank by R-factor). */
        public Params(Double emin, Double emax, boolean nonNegative, boolean sumToOne, boolean shifts, double shiftBound,
                      int combinations, int minComponents) {
            this(emin, emax, nonNegative, sumToOne, shifts, shiftBound, combinations, minComponents, false, Rank.R_FACTOR);
        }

        public static Params defaults() { return new Params(null, null, true, false, false, 1.0, 0, 1); }

        public Params ranked(Rank r, boolean allowExtrapolation) {
            return new Params(emin, emax, nonNegative, sumToOne, shifts, shiftBound, combinations, minComponents, allowExtrapolation, r);
        }

        public Params window(double lo, double hi) {
            return new Params(lo, hi, nonNegative, sumToOne, shifts, shiftBound, combinations, minComponents, extrapolate, rank);
        }

        /** Larch 0.9.58 lincombo_fit defaults: sum to one, unbounded weights, no shifts. */
        public static Params larch(double lo, double hi) { return new Params(lo, hi, false, true, false, 1.0, 0, 1); }

        public Params withCombinations(int k, int min) {
            return new Params(emin, emax, nonNegative, sumToOne, shifts, shiftBound, k, min, extrapolate, rank);
        }
    }

    /** How the combinatorial mode ranks subsets. */
    public enum Rank implements XasEnum {
        /** Larch's R-factor sum(data - fit)^2 / sum data^2. */
        R_FACTOR("r_factor"),
        /** Reduced chi-square chi2 / (points - varied parameters): penalises extra references. */
        CHI2("chi2");

        private final String label;

        Rank(String label) { this.label = label; }

        @com.fasterxml.jackson.annotation.JsonValue @Override public String label() { return label; }

        @com.fasterxml.jackson.annotation.JsonCreator public static Rank parse(String s) { return XasEnum.parse(Rank.class, s, "rank"); }
    }

    /**
     * One reference's part of the fit. stderr: the weight's total standard error, the fit's
     * (stderrFit: sqrt(diag(cov) * reduced chi2), what Larch lincombo_fit reports) and the edge-step
     * errors of the normalisations propagated to first order (docs/science.md#xas-lcf); likewise
     * shiftStderr and shiftStderrFit. shiftAtBound: the fitted shift ended at +-shiftBound (a warning
     * note names the reference).
     */
    public record Component(String name, double weight, double stderr, double shift, double shiftStderr, boolean shiftAtBound,
                            double stderrFit, double shiftStderrFit) {}

    /** A subset of the combinatorial mode: stderr total, stderrFit the fit's alone (as {@link Component}). */
    public record Ranked(List<String> references, Map<String, Double> weights, Map<String, Double> stderr,
                         double rFactor, double reducedChi2, Map<String, Double> stderrFit) {}

    /**
     * The fit: with combinations, the best-ranked subset; otherwise all references. averageValence is
     * sum(w v)/sum(w), null when a valence is missing; its stderr is from the total covariance.
     * sum: the sum of the weights (1 under sum-to-one, stderr 0), sumStderr total, sumStderrFit the
     * fit's alone. sampleStepError and referenceStepErrors: the relative edge-step errors propagated
     * (null: not known, not propagated).
     */
    public record LcfResult(String sample, double emin, double emax, int points, List<Component> components,
                            double rFactor, double chi2, double reducedChi2, int nvary, Double averageValence,
                            Double averageValenceStderr, double[] energy, double[] data, double[] fit, List<Ranked> ranking, Rank rank,
                            double sum, double sumStderr, double sumStderrFit, Double sampleStepError, Map<String, Double> referenceStepErrors) {
        public Map<String, Double> weights() {
            Map<String, Double> m = new LinkedHashMap<>();
            for (Component c : components) m.put(c.name(), c.weight());
            return m;
        }
    }

    public LcfProcessor() { super(ID, "1.1", "Linear-combination fit", Input.class, Params.class); }

    @Override public Params defaults() { return Params.defaults(); }

    @Override
    public Result<LcfResult> apply(Input in, Params p) throws EdgeworksException {
        if (p == null) p = Params.defaults();
        String name = in.sample().name();
        if (in.references() == null || in.references().isEmpty()) throw EdgeworksException.of(name, "references: none given");
        if (in.valences() != null && in.valences().size() != in.references().size())
            throw EdgeworksException.of(name, "valences: " + in.valences().size() + " for " + in.references().size() + " references");
        Grid s = Grid.of(in.sample(), 4);
        Rank rank = p.rank() == null ? Rank.R_FACTOR : p.rank();
        List<String> notes = new ArrayList<>(s.notes());
        List<Grid> refGrids = references(name, in, notes);
        List<String> names = refGrids.stream().map(Grid::name).toList();
        double[] range = range(name, s, p);
        double lo = range[0], hi = range[1];
        double[] e = s.energy(), y = s.signal();
        // Larch groups2matrix: slice(index_of(xmin), index_of(xmax) + 1)
        int from = LarchIndex.indexOf(e, lo), to = LarchIndex.indexOf(e, hi) + 1;
        int npts = to - from;
        int k = refGrids.size();
        int nparams = (p.combinations() > 0 ? Math.min(p.combinations(), k) : k) * (p.shifts() ? 2 : 1);
        if (npts <= nparams) throw EdgeworksException.of(name, "emin: only " + npts + " points in the window [" + lo + ", " + hi + "] eV for " + nparams + " parameters");
        double[] yw = java.util.Arrays.copyOfRange(y, from, to);
        coverage(name, java.util.Arrays.copyOfRange(e, from, to), refGrids.stream().map(Grid::energy).toList(), names, p, notes);
        LinearCombination lc = window(name, e, lo, hi, yw, refGrids.stream().map(Grid::energy).toList(),
            refGrids.stream().map(Grid::signal).toList(), names, p).withScaleSensitivity();
        double[] scaleErrors = scaleErrors(name, in, names, notes);
        List<Ranked> ranking = p.combinations() > 0 ? new ArrayList<>() : null;
        LinearCombination.Fit best = fit(name, lc, names, p, rank, ranking, notes, scaleErrors);
        notes.addAll(best.notes());
        if (!(best.rFactor() <= POOR_FIT_R_FACTOR))
            notes.add("warning: " + name + ": poor fit: R-factor " + String.format(java.util.Locale.ROOT, "%.3g", best.rFactor())
                + " > " + POOR_FIT_R_FACTOR + ": weights not meaningful; calibrate/align the sample's energy to the references' (xas calibrate, xas align) or add the missing reference");
        Totals total = Totals.of(best, scaleErrors);
        List<Component> comps = components(name, best, names, p, notes, total);
        Double[] valence = valence(best, in.valences(), total.weights());
        int m = best.subset().length;
        double sum = 0, varSum = 0, varSumFit = 0;
        for (int u = 0; u < m; u++) {
            sum += best.weights()[u];
            for (int v = 0; v < m; v++) { varSum += total.weights()[u][v]; varSumFit += best.weightCovariance()[u][v]; }
        }
        Map<String, Double> refErrors = new LinkedHashMap<>();
        for (int r = 0; r < names.size(); r++) refErrors.put(names.get(r), known(in.referenceStepErrors(), r));
        LcfResult res = new LcfResult(name, lo, hi, npts, comps, best.rFactor(), best.chi2(), best.reducedChi2(), best.nvary(),
            valence[0], valence[1], lc.energy(), yw, best.fit(), ranking, rank, sum, Math.sqrt(Math.max(0, varSum)),
            Math.sqrt(Math.max(0, varSumFit)), in.sampleStepError(), refErrors);
        Map<String, Object> used = new LinkedHashMap<>(Parameters.toMap(p));
        used.put("emin", lo);
        used.put("emax", hi);
        used.put("points", npts);
        used.put("rank", rank.label());
        used.put("interpolation", "not-a-knot cubic spline of each reference onto the sample grid (Larch lincombo_fit)");
        Map<String, Object> steps = new LinkedHashMap<>();
        steps.put("sample", in.sampleStepError());
        steps.put("references", refErrors);
        used.put("edge_step_rel_stderr", steps);
        return result(res, used, notes);
    }

    /**
     * The relative edge-step errors as the fit propagates them: [0] the sample's, [1 + r]
     * reference r's; a missing one is NaN (it counts 0) and is named in a warning note (the stderr
     * then lacks it). Refuses a list of the wrong length and a negative or non-finite error.
     */
    private static double[] scaleErrors(String name, Input in, List<String> names, List<String> notes) throws EdgeworksException {
        int k = names.size();
        if (in.referenceStepErrors() != null && in.referenceStepErrors().size() != k)
            throw EdgeworksException.of(name, "referenceStepErrors: " + in.referenceStepErrors().size() + " for " + k + " references");
        double[] out = new double[k + 1];
        List<String> unknown = new ArrayList<>();
        for (int r = -1; r < k; r++) {
            Double v = r < 0 ? in.sampleStepError() : known(in.referenceStepErrors(), r);
            String who = r < 0 ? "the sample" : "'" + names.get(r) + "'";
            if (v == null) { unknown.add(who); out[r + 1] = Double.NaN; continue; }
            if (!(v >= 0) || !Double.isFinite(v))
                throw EdgeworksException.of(name, (r < 0 ? "sampleStepError" : "referenceStepErrors") + ": the relative edge-step error of " + who
                    + " is " + v + " (must be finite and >= 0)");
            out[r + 1] = v;
        }
        if (!unknown.isEmpty())
            notes.add("warning: " + name + ": edge-step error not known for " + String.join(", ", unknown)
                + " (given normalised): the weights' stderr lacks their normalisation error (stderr_fit plus the known ones)");
        return out;
    }

    private static Double known(List<Double> list, int r) { return list == null ? null : list.get(r); }

    /**
     * The weights' total stderr of a fit made {@link LinearCombination#withScaleSensitivity with the
     * sensitivities} (indexed like its subset): the fit's covariance with the relative edge-step errors
     * scaleErrors propagated as {@code xas lcf} does ([0] the sample's, [1 + r] reference r's of the window;
     * NaN = not known, counts 0). What image stacks call per pixel: one way to propagate them.
     */
    public static double[] weightStderr(LinearCombination.Fit f, double[] scaleErrors) {
        Totals t = Totals.of(f, scaleErrors);
        double[] out = new double[f.subset().length];
        for (int j = 0; j < out.length; j++) out[j] = t.stderr(j);
        return out;
    }

    /**
     * A fit's covariance with the edge-step errors s_k propagated to first order (docs/science.md#xas-lcf):
     * cov_w (noise / reduced chi2) + sum_k s_k^2 g_k g_k' with g_k = d w / d eps_k
     * ({@link LinearCombination.Fit#weightScaleSensitivity}), noise the residual variance of the noise alone
     * ({@link LinearCombination.Fit#noiseReducedChi2}: without the part of the residual the edge-step errors
     * leave, which would otherwise count twice); the shifts' variances likewise. k = 0 is the sample,
     * k = 1 + j the subset's reference j; an error not known (NaN) counts 0 and keeps the fit's variance whole.
     */
    private record Totals(double[][] weights, double[] shiftVariances) {
        static Totals of(LinearCombination.Fit f, double[] scaleErrors) {
            int m = f.subset().length;
            double[] s2 = new double[m + 1];
            boolean allKnown = true;
            for (int k = 0; k <= m; k++) {
                double s = scaleErrors[k == 0 ? 0 : f.subset()[k - 1] + 1];
                allKnown &= !Double.isNaN(s);
                s2[k] = Double.isNaN(s) ? 0 : s * s;
            }
            double[][] w = new double[m][m];
            double[] sv = new double[m];
            double[][] gw = f.weightScaleSensitivity(), gs = f.shiftScaleSensitivity();
            // the fit's covariance with the noise alone: the residual's part the edge-step errors leave (under sum-to-one, the
            // sample's scale) is theirs, propagated here; kept in the fit's part when an edge-step error is not known
            double noise = allKnown && f.reducedChi2() > 0 ? f.noiseReducedChi2() / f.reducedChi2() : 1;
            for (int u = 0; u < m; u++) {
                sv[u] = noise * f.shiftErrors()[u] * f.shiftErrors()[u];
                for (int k = 0; k <= m; k++) sv[u] += s2[k] * gs[u][k] * gs[u][k];
                for (int v = 0; v < m; v++) {
                    double c = noise * f.weightCovariance()[u][v];
                    for (int k = 0; k <= m; k++) c += s2[k] * gw[u][k] * gw[v][k];
                    w[u][v] = c;
                }
            }
            return new Totals(w, sv);
        }

        double stderr(int j) { return Math.sqrt(Math.max(0, weights[j][j])); }

        double shiftStderr(int j) { return Math.sqrt(Math.max(0, shiftVariances[j])); }
    }

    /** The references as clean grids (their clean-up noted by name), refusing a name given twice. */
    private static List<Grid> references(String name, Input in, List<String> notes) throws EdgeworksException {
        List<Grid> refGrids = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int j = 0; j < in.references().size(); j++) {
            Grid r = Grid.of(in.references().get(j), 4);
            for (String note : r.notes()) notes.add(r.name() + ": " + note);
            refGrids.add(r);
            names.add(r.name());
            if (names.indexOf(r.name()) != j) throw EdgeworksException.of(name, "references: name " + r.name() + " given twice");
        }
        return refGrids;
    }

    /** The fit window [emin, emax] in eV: given, or E0-20 .. E0+30 about the sample's grid E0 (Larch's find_e0). */
    private static double[] range(String name, Grid s, Params p) throws EdgeworksException {
        double lo, hi;
        if (p.emin() == null || p.emax() == null) {
            int i0 = Normalizer.findE0Index(s.energy(), s.signal(), s.size(), new double[s.size()]);
            if (i0 < 0) throw EdgeworksException.of(name, "emin: no edge found for the default window; give emin and emax");
            lo = p.emin() != null ? p.emin() : s.energy()[i0] - 20;
            hi = p.emax() != null ? p.emax() : s.energy()[i0] + 30;
        } else {
            lo = p.emin();
            hi = p.emax();
        }
        if (!(hi > lo)) throw EdgeworksException.of(name, "emax: window end " + hi + " is not above its start " + lo);
        double[] e = s.energy();
        if (hi < e[0] || lo > e[e.length - 1])
            throw EdgeworksException.of(name, "emin: window [" + lo + ", " + hi + "] eV is outside the data (" + e[0] + " to " + e[e.length - 1] + " eV)");
        return new double[] {lo, hi};
    }

    /**
     * The fit of every reference together, or (combinations > 0) every subset ranked, the best
     * first: {@code ranking} (not null then) receives the ranked subsets (stderr with the edge-step
     * errors {@code scaleErrors} propagated, as {@link Totals}), singular ones are noted.
     */
    private static LinearCombination.Fit fit(String name, LinearCombination lc, List<String> names, Params p, Rank rank, List<Ranked> ranking,
                                             List<String> notes, double[] scaleErrors) throws EdgeworksException {
        int k = names.size();
        try {
            if (p.combinations() <= 0) {
                int[] everything = new int[k];
                for (int j = 0; j < k; j++) everything[j] = j;
                return lc.fit(everything, p.nonNegative(), p.sumToOne(), p.shifts(), p.shiftBound());
            }
            List<String> singular = new ArrayList<>();
            List<LinearCombination.Fit> all = lc.all(p.minComponents(), p.combinations(), p.nonNegative(), p.sumToOne(), p.shifts(), p.shiftBound(),
                rank == Rank.CHI2, singular);
            if (all.isEmpty()) throw EdgeworksException.of(name, "references: every subset is singular");
            for (String sg : singular) {
                StringBuilder refs = new StringBuilder();
                for (String t : sg.substring(1, sg.indexOf(']')).split(",\\s*")) refs.append(refs.length() > 0 ? "+" : "").append(names.get(Integer.parseInt(t.trim())));
                notes.add("warning: " + name + ": subset " + refs + " not ranked: " + sg.substring(sg.indexOf(':') + 2));
            }
            for (LinearCombination.Fit f : all) {
                Map<String, Double> w = new LinkedHashMap<>(), se = new LinkedHashMap<>(), seFit = new LinkedHashMap<>();
                Totals total = Totals.of(f, scaleErrors);
                List<String> refs = new ArrayList<>();
                for (int j = 0; j < f.subset().length; j++) {
                    refs.add(names.get(f.subset()[j]));
                    w.put(names.get(f.subset()[j]), f.weights()[j]);
                    se.put(names.get(f.subset()[j]), total.stderr(j));
                    seFit.put(names.get(f.subset()[j]), f.weightErrors()[j]);
                }
                ranking.add(new Ranked(refs, w, se, f.rFactor(), f.reducedChi2(), seFit));
            }
            notes.add("combinatorial mode: " + all.size() + " subsets of " + Math.max(1, p.minComponents()) + " to " + p.combinations()
                + " references ranked by " + (rank == Rank.CHI2 ? "reduced chi-square (chi2)" : "R-factor (r_factor)") + "; the result is the best");
            return all.get(0);
        } catch (IllegalStateException ex) {
            throw EdgeworksException.of(name, "references: " + ex.getMessage());
        }
    }

    /** The best fit's components (weight, shift, their total and fit-only errors), a shift at its bound noted. */
    private static List<Component> components(String name, LinearCombination.Fit best, List<String> names, Params p, List<String> notes,
                                              Totals total) {
        List<Component> comps = new ArrayList<>();
        for (int j = 0; j < best.subset().length; j++) {
            int r = best.subset()[j];
            comps.add(new Component(names.get(r), best.weights()[j], total.stderr(j), best.shifts()[j], total.shiftStderr(j), best.shiftAtBound()[j],
                best.weightErrors()[j], best.shiftErrors()[j]));
            if (best.shiftAtBound()[j])
                notes.add("warning: " + name + ": shift of reference '" + names.get(r) + "' is at its bound " + best.shifts()[j] + " eV (shift bound " + p.shiftBound() + " eV)");
        }
        return comps;
    }

    /**
     * The weight-averaged valence sum w_j v_j / sum w_j and its standard error by linear
     * propagation of the weight covariance {@code cov} (d avg / d w_j = (v_j - avg) / sum w; the
     * total one: the sample's edge-step error cancels in the ratio); {null, null} without a
     * valence for every component used.
     */
    private static Double[] valence(LinearCombination.Fit best, List<Double> valences, double[][] cov) {
        double sw = 0, swv = 0;
        boolean haveValence = valences != null;
        for (int j = 0; j < best.subset().length && haveValence; j++) {
            Double v = valences.get(best.subset()[j]);
            if (v == null) haveValence = false; else { sw += best.weights()[j]; swv += best.weights()[j] * v; }
        }
        if (!haveValence || !(Math.abs(sw) > 1e-12)) return new Double[] {null, null};
        double avg = swv / sw;
        int m = best.subset().length;
        double[] g = new double[m];
        for (int j = 0; j < m; j++) g[j] = (valences.get(best.subset()[j]) - avg) / sw;
        double var = 0;
        for (int u = 0; u < m; u++) for (int v = 0; v < m; v++) var += g[u] * cov[u][v] * g[v];
        return new Double[] {avg, Math.sqrt(Math.max(0, var))};
    }

    /**
     * The fit of apply over the window [lo, hi] eV of the grid e (target points [index_of(lo),
     * index_of(hi)], as Larch's groups2matrix): references (clean grids,
     * given as energies and normalised values) put on the window through the not-a-knot spline;
     * refuses a reference that is zero over the window. {@code target} is the sample over the
     * window. Stacks build one per window and {@link LinearCombination#retarget}
     * it for each pixel.
     */
    public static LinearCombination window(String name, double[] e, double lo, double hi, double[] target, List<double[]> refEnergies,
                                           List<double[]> refValues, List<String> names, Params p) throws EdgeworksException {
        int k = refEnergies.size();
        double[] x = java.util.Arrays.copyOfRange(e, LarchIndex.indexOf(e, lo), LarchIndex.indexOf(e, hi) + 1);
        double reach = p.shifts() ? p.shiftBound() + 1 : 1;
        CubicSpline[] splines = new CubicSpline[k];
        for (int j = 0; j < k; j++)
            splines[j] = CubicSpline.window(refEnergies.get(j), refValues.get(j), x[0] - reach, x[x.length - 1] + reach, 40);
        for (int j = 0; j < k; j++) {
            // a reference that is zero over the window carries no information: any weight fits it
            boolean allZero = true;
            for (double v : x) allZero &= splines[j].value(v) == 0.0;
            if (allZero)
                throw EdgeworksException.of(name, "references: '" + names.get(j) + "' is zero everywhere in the window [" + lo + ", " + hi + "] eV");
        }
        return new LinearCombination(x, target, splines);
    }

    /**
     * A reference must cover the window x plus the shift bound: beyond its data the spline
     * extrapolates. Refused unless p.extrapolate(), then a warning in notes.
     */
    public static void coverage(String name, double[] x, List<double[]> refEnergies, List<String> names, Params p, List<String> notes)
            throws EdgeworksException {
        double bound = p.shifts() ? p.shiftBound() : 0;
        for (int j = 0; j < refEnergies.size(); j++) {
            double[] re = refEnergies.get(j);
            double need0 = x[0] - bound, need1 = x[x.length - 1] + bound;
            if (re[0] > need0 + 1e-9 || re[re.length - 1] < need1 - 1e-9) {
                String what = "reference '" + names.get(j) + "' covers " + re[0] + " to " + re[re.length - 1] + " eV, not the window plus the shift bound ("
                    + need0 + " to " + need1 + " eV)";
                if (!p.extrapolate()) throw EdgeworksException.of(name, "references: " + what + "; give a narrower window or allow extrapolation (--extrapolate)");
                notes.add("warning: " + name + ": " + what + ": extrapolated (--extrapolate)");
            }
        }
    }

    /** A reference put in order as apply does (EnergyGrid.clean), as {energy, values}. */
    public static double[][] cleanReference(Spectrum reference) throws EdgeworksException {
        Grid r = Grid.of(reference, 4);
        return new double[][] {r.energy(), r.signal()};
    }
}
