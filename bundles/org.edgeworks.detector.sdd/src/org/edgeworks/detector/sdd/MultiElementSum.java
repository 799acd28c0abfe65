package org.edgeworks.detector.sdd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.processing.Param;
import org.edgeworks.core.processing.Processor;
import org.edgeworks.core.processing.Provenance;
import org.edgeworks.core.processing.Result;

/**
 * The fluorescence of a multi-element detector (SDD or Ge array, N elements): each element's ROI
 * counts are dead-time corrected, then summed over the elements that are kept.
 *
 * <p>Dead time per element, whichever the element carries: a correction factor ({@code DTFactor},
 * as Epics/XDI step scans write it), {@code ICR/OCR} (input over output count rate), or
 * {@code real/live} time. corrected_k = counts_k x factor_k. sigma of the sum from counting
 * statistics: sqrt(sum_k factor_k^2 counts_k) (Poisson counts, the factor taken as exact).
 * Same arithmetic as the GSECARS/Epics step-scan "Sum_" columns (checked on
 * shared/data/xanes/fe_k/fexanes_a.001: Sum_Fe_Ka = sum of Fe_Ka_mcaN x DTFactor_mcaN).
 *
 * <p>Elements are excluded by name, and (automaticOutliers) when an element's spectrum deviates
 * in shape: each corrected spectrum is divided by its own mean, D_k = rms over points of its
 * difference from the point-wise median of all elements; an element with D_k > threshold x
 * median(D) is excluded and the reason noted. Needs at least 3 elements (else noted, none excluded).
 * A dead element (all zero) or a non-finite factor is always a note or an error, never a silent sum.
 */
public final class MultiElementSum implements Processor<MultiElementSum.Elements, MultiElementSum.Params, MultiElementSum.Summed> {
    public static final String ID = "org.edgeworks.sdd.multiElement";

    /**
     * One element: ROI counts (per point) and at most one kind of dead-time information.
     *
     * @param name     channel name ("Fe_Ka_mca3")
     * @param counts   ROI counts per point
     * @param factor   dead-time factor per point (>= 1), or null
     * @param icr      input count rate, with ocr, or null
     * @param ocr      output count rate, or null
     * @param live     live time, with real, or null
     * @param real     real time, or null
     */
    public record Element(String name, double[] counts, double[] factor, double[] icr, double[] ocr, double[] live, double[] real) {
        public static Element uncorrected(String name, double[] counts) { return new Element(name, counts, null, null, null, null, null); }
        public static Element withFactor(String name, double[] counts, double[] f) { return new Element(name, counts, f, null, null, null, null); }
        public static Element withRates(String name, double[] counts, double[] icr, double[] ocr) { return new Element(name, counts, null, icr, ocr, null, null); }
        public static Element withTimes(String name, double[] counts, double[] live, double[] real) { return new Element(name, counts, null, null, null, live, real); }

        String correction() {
            return factor != null ? "DT factor" : icr != null ? "ICR/OCR" : live != null ? "real/live" : "none";
        }
    }

    /** The elements of one scan. */
    public record Elements(String name, List<Element> elements) {}

    public record Params(
        @Param(label = "exclude", description = "element channel names left out of the sum") List<String> exclude,
        @Param(label = "automatic outlier test", description = "exclude elements whose normalised spectrum deviates (noted)") boolean automaticOutliers,
        @Param(label = "outlier threshold", min = 1, description = "exclude when D_k > threshold x median(D); default 3") double threshold) {
        public static Params defaults() { return new Params(List.of(), true, 3.0); }
    }

    /**
     * @param sum       dead-time corrected sum over the kept elements, per point
     * @param sigma     its standard error from counting statistics
     * @param used      names of the elements summed
     * @param excluded  name -> why it was left out
     * @param deviation name -> D_k of the outlier test (empty when not run)
     */
    public record Summed(String name, double[] sum, double[] sigma, List<String> used, Map<String, String> excluded,
                         Map<String, Double> deviation) {}

    @Override public String id() { return ID; }
    @Override public String version() { return "1.0"; }
    @Override public String label() { return "Multi-element fluorescence sum (per-element dead time, outlier test)"; }
    @Override public Class<Elements> inputType() { return Elements.class; }
    @Override public Class<Params> parameterType() { return Params.class; }
    @Override public Params defaults() { return Params.defaults(); }

    @Override
    public Result<Summed> apply(Elements in, Params p) throws EdgeworksException {
        String name = in.name();
        if (in.elements().isEmpty()) throw EdgeworksException.of(name, "no fluorescence elements to sum");
        int n = in.elements().get(0).counts().length;
        List<String> notes = new ArrayList<>();
        Map<String, double[]> corrected = new LinkedHashMap<>();
        Map<String, double[]> factors = new LinkedHashMap<>();
        Map<String, String> excluded = new LinkedHashMap<>();
        for (Element e : in.elements()) {
            if (e.counts().length != n)
                throw EdgeworksException.of(name, e.name() + ": " + e.counts().length + " points, the first element has " + n);
            double[] f = factor(name, e, n);
            double[] c = new double[n];
            for (int i = 0; i < n; i++) c[i] = e.counts()[i] * f[i];
            if (p.exclude() != null && p.exclude().contains(e.name())) {
                excluded.put(e.name(), "excluded by name");
                continue;
            }
            boolean dead = true;
            for (double v : e.counts()) if (v != 0) { dead = false; break; }
            if (dead) {
                excluded.put(e.name(), "dead element (all counts zero)");
                continue;
            }
            corrected.put(e.name(), c);
            factors.put(e.name(), f);
        }
        if (p.exclude() != null)
            for (String x : p.exclude())
                if (in.elements().stream().noneMatch(e -> e.name().equals(x)))
                    throw EdgeworksException.of(name, "exclude: no element '" + x + "' (elements: "
                        + String.join(", ", in.elements().stream().map(Element::name).toList()) + ")");
        Map<String, Double> deviation = new LinkedHashMap<>();
        if (p.automaticOutliers()) {
            if (corrected.size() < 3) notes.add("outlier test not run: " + corrected.size() + " element(s) kept, it needs 3 or more");
            else outliers(corrected, p.threshold(), deviation, excluded, notes);
        }
        if (corrected.isEmpty()) throw EdgeworksException.of(name, "every element was excluded (" + excluded + ")");
        double[] sum = new double[n], var = new double[n];
        for (var e : corrected.entrySet()) {
            double[] c = e.getValue(), f = factors.get(e.getKey());
            for (int i = 0; i < n; i++) {
                sum[i] += c[i];
                var[i] += f[i] * c[i]; // f^2 x counts = f x corrected
            }
        }
        double[] sigma = new double[n];
        for (int i = 0; i < n; i++) sigma[i] = Math.sqrt(Math.max(var[i], 0));
        excluded.forEach((k, why) -> notes.add("element " + k + " not summed: " + why));
        Map<String, String> corrections = new LinkedHashMap<>();
        for (Element e : in.elements()) corrections.put(e.name(), e.correction());
        notes.add("summed " + corrected.size() + " of " + in.elements().size() + " elements, dead time per element: " + corrections.values().stream().distinct().toList());
        Map<String, Object> used = new LinkedHashMap<>();
        used.put("elements", List.copyOf(corrected.keySet()));
        used.put("excluded", excluded);
        used.put("dead_time", corrections);
        used.put("automatic_outliers", p.automaticOutliers());
        used.put("outlier_threshold", p.threshold());
        used.put("deviation", deviation);
        return new Result<>(new Summed(name, sum, sigma, List.copyOf(corrected.keySet()), excluded, deviation),
            Provenance.of(ID, version(), used, notes));
    }

    private static double[] factor(String name, Element e, int n) throws EdgeworksException {
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            double v;
            if (e.factor() != null) v = e.factor()[i];
            else if (e.icr() != null && e.ocr() != null) {
                if (e.ocr()[i] == 0) {
                    if (e.icr()[i] != 0 || e.counts()[i] != 0)
                        throw EdgeworksException.of(name, e.name() + " point " + i + ": OCR is 0 with ICR " + e.icr()[i] + ": dead time cannot be corrected");
                    v = 1;
                } else v = e.icr()[i] / e.ocr()[i];
            } else if (e.live() != null && e.real() != null) {
                if (e.live()[i] <= 0) throw EdgeworksException.of(name, e.name() + " point " + i + ": live time " + e.live()[i] + " is not positive");
                v = e.real()[i] / e.live()[i];
            } else v = 1;
            if (!Double.isFinite(v) || v < 0)
                throw EdgeworksException.of(name, e.name() + " point " + i + ": dead-time factor " + v + " is not a finite positive number");
            f[i] = v;
        }
        if ((e.icr() == null) != (e.ocr() == null)) throw EdgeworksException.of(name, e.name() + ": ICR and OCR come together");
        if ((e.live() == null) != (e.real() == null)) throw EdgeworksException.of(name, e.name() + ": live and real time come together");
        return f;
    }

    private static void outliers(Map<String, double[]> corrected, double threshold, Map<String, Double> deviation,
                                 Map<String, String> excluded, List<String> notes) {
        List<String> names = new ArrayList<>(corrected.keySet());
        int n = corrected.values().iterator().next().length;
        Map<String, double[]> shape = new LinkedHashMap<>();
        for (String k : names) {
            double[] c = corrected.get(k);
            double mean = Arrays.stream(c).average().orElse(0);
            double[] s = new double[n];
            for (int i = 0; i < n; i++) s[i] = mean == 0 ? 0 : c[i] / mean;
            shape.put(k, s);
        }
        double[] median = new double[n];
        double[] col = new double[names.size()];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < names.size(); k++) col[k] = shape.get(names.get(k))[i];
            median[i] = median(col);
        }
        double[] d = new double[names.size()];
        for (int k = 0; k < names.size(); k++) {
            double[] s = shape.get(names.get(k));
            double ss = 0;
            for (int i = 0; i < n; i++) ss += (s[i] - median[i]) * (s[i] - median[i]);
            d[k] = Math.sqrt(ss / n);
            deviation.put(names.get(k), d[k]);
        }
        double medD = median(d.clone());
        for (int k = 0; k < names.size(); k++) {
            if (d[k] > threshold * medD && d[k] > 0) {
                String why = String.format(java.util.Locale.ROOT, "outlier: its normalised spectrum deviates from the elements' median by %.3g "
                    + "(rms), > %.3g x the median deviation %.3g", d[k], threshold, medD);
                excluded.put(names.get(k), why);
                corrected.remove(names.get(k));
            }
        }
        if (excluded.values().stream().noneMatch(w -> w.startsWith("outlier")))
            notes.add(String.format(java.util.Locale.ROOT, "outlier test: no element deviates by more than %.3g x the median deviation %.3g", threshold, medD));
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : 0.5 * (s[m - 1] + s[m]);
    }
}
