package org.edgeworks.cli.xas;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeworks.cli.Terminal;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.core.processing.SourceRef;
import org.edgeworks.plot.LinePlot;
import org.edgeworks.plot.Series;
import org.edgeworks.xas.LcfProcessor;
import org.edgeworks.xas.NormalizeProcessor;
import org.edgeworks.pipeline.xas.XasInput;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code xas lcf SAMPLE... --ref NAME=FILE ...}: per sample NAME.lcf.json, NAME.lcf.csv, NAME.lcf.png;
 * and the series table over all samples (one row per sample: fractions, stderr, stderr_fit, sum, R): lcf.json, lcf.csv, lcf.png.
 */
@Command(name = "lcf", mixinStandardHelpOptions = true, description = {"Linear-combination fit of a sample by references.",
    "The channel options (--energy, --mu, --mode, --i0, --it, --if) read the samples; the references are read by the auto rule"
        + " (their MU column, I0 with It/If, or their only column) unless --ref-energy/--ref-mu/--ref-mode/--ref-i0/--ref-it/--ref-if choose.",
    "A fit with R-factor above " + LcfProcessor.POOR_FIT_R_FACTOR + " is a poor fit: a warning line names the sample (and a note in its JSON);"
        + " calibrate/align its energy to the references' first (e.g. an uncalibrated scan 15 eV off).",
    "stderr: the fit's error and the edge-step errors of the sample's and each reference's normalisation, propagated;"
        + " stderr_fit: the fit's alone (what Larch lincombo_fit reports). Inputs given normalised (--input norm) carry no"
        + " edge-step error: a warning line says their stderr lacks it."})
public final class LcfCommand extends XasSubcommand {
    @Parameters(arity = "1..*", paramLabel = "SAMPLE", description = "The spectra to fit with the same references (one table row each).") List<Path> samplesIn;
    @Option(names = "--ref", required = true, paramLabel = "NAME=FILE", description = "A reference (repeat; each NAME once).") List<String> refArgs;
    private Map<String, Path> refs;
    @Option(names = "--valence", paramLabel = "NAME=V", description = "Formal valence of a reference, for the average valence (repeat; each NAME once).") List<String> valenceArgs;
    private Map<String, Double> valences;
    @Mixin LcfOptions fit;
    @Mixin ReferenceOptions refOptions;
    @Option(names = "--name", paramLabel = "NAME", defaultValue = "lcf", description = "Series table base name (default lcf).") String tableName;

    @Override
    void execute() throws EdgeworksException {
        var p = fit.params(); // options first: a bad value is refused before any file is read
        refs = NamedFiles.parse(refArgs, "--ref");
        valences = NamedFiles.numbers(valenceArgs, "--valence");
        List<Spectrum> rs = new ArrayList<>();
        List<Double> refErrors = new ArrayList<>();
        List<SourceRef> refSources = new ArrayList<>();
        List<Double> vals = new ArrayList<>();
        XasInputOptions refReader = refOptions.reader(in);
        for (var e : refs.entrySet()) {
            XasInput.Loaded r = refOptions.load(refReader, e.getValue(), e.getKey());
            Normed rn = Normed.of(refReader, r);
            rs.add(rn.spectrum());
            refErrors.add(rn.stepError());
            refSources.add(r.source());
            vals.add(valences.get(e.getKey()));
        }
        for (String k : valences.keySet()) if (!refs.containsKey(k)) throw EdgeworksException.of("--valence", k + " is not a --ref name");
        List<LcfProcessor.LcfResult> all = new ArrayList<>();
        for (Path sample : samplesIn) {
            XasInput.Loaded s = in.load(sample);
            List<SourceRef> sources = new ArrayList<>(List.of(s.source()));
            sources.addAll(refSources);
            Normed sn = Normed.of(in, s);
            var res = new LcfProcessor().apply(new LcfProcessor.Input(sn.spectrum(), rs, vals.contains(null) ? null : vals, sn.stepError(), refErrors), p);
            warn(res.provenance().notes());
            all.add(res.value());
            one(s, res, sources);
        }
        series(all);
    }

    /** The series table: one row per sample with each reference's fraction and stderr, R-factor and reduced chi-square. */
    private void series(List<LcfProcessor.LcfResult> all) throws EdgeworksException {
        List<String> names = new ArrayList<>(refs.keySet());
        StringBuilder csv = new StringBuilder("sample");
        for (String n : names) csv.append(',').append(n).append(',').append(n).append("_stderr");
        csv.append(",r_factor,reduced_chi2,average_valence,average_valence_stderr");
        // added after the columns of earlier versions, which readers take by position
        for (String n : names) csv.append(',').append(n).append("_stderr_fit");
        csv.append(",sum,sum_stderr,sum_stderr_fit\n");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (var v : all) {
            Map<String, Object> row = new LinkedHashMap<>();
            Map<String, Double> w = new LinkedHashMap<>(), se = new LinkedHashMap<>(), seFit = new LinkedHashMap<>();
            csv.append(v.sample().replace(',', ' '));
            for (String n : names) {
                var c = component(v, n);
                w.put(n, c == null ? null : c.weight());
                se.put(n, c == null ? null : c.stderr());
                seFit.put(n, c == null ? null : c.stderrFit());
                csv.append(',').append(c == null ? "" : XasOutput.num(c.weight())).append(',').append(c == null ? "" : XasOutput.num(c.stderr()));
            }
            csv.append(',').append(XasOutput.num(v.rFactor())).append(',').append(XasOutput.num(v.reducedChi2())).append(',')
                .append(v.averageValence() == null ? "" : XasOutput.num(v.averageValence())).append(',')
                .append(v.averageValenceStderr() == null ? "" : XasOutput.num(v.averageValenceStderr()));
            for (String n : names) csv.append(',').append(component(v, n) == null ? "" : XasOutput.num(component(v, n).stderrFit()));
            csv.append(',').append(XasOutput.num(v.sum())).append(',').append(XasOutput.num(v.sumStderr())).append(',')
                .append(XasOutput.num(v.sumStderrFit())).append('\n');
            fit(row, v.sample(), w, se, seFit, v);
            row.put("average_valence", v.averageValence());
            row.put("average_valence_stderr", v.averageValenceStderr());
            rows.add(row);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("references", names);
        json.put("rank", all.get(0).rank().label());
        json.put("rows", rows);
        out.json(tableName + ".json", json);
        out.text(tableName + ".csv", csv.toString());
        // the results on the terminal too: each row's numbers, with sigma where the row has it
        for (Map<String, Object> row : rows) out.log.println(terminalLine(row));
        double[] index = new double[all.size()];
        for (int i = 0; i < index.length; i++) index[i] = i + 1;
        List<Series> series = new ArrayList<>();
        for (String n : names) {
            double[] f = new double[all.size()];
            for (int i = 0; i < f.length; i++) {
                var c = component(all.get(i), n);
                f[i] = c == null ? Double.NaN : c.weight();
            }
            if (java.util.Arrays.stream(f).anyMatch(Double::isFinite)) series.add(XasOutput.line(n, index, f));
        }
        out.png(tableName + ".png", new LinePlot("LCF fractions per sample", "sample (order given)", "fraction", series, List.of()));
    }

    private static LcfProcessor.Component component(LcfProcessor.LcfResult v, String name) {
        return v.components().stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
    }

    /**
     * A row on the terminal: {@link Terminal#summary} of it (fractions +- stderr, the total; sum +- sum_stderr;
     * R...), then the fit's stderr alone, named ("stderr_fit: A 0.0017, B 0.0021, sum 0.0027").
     */
    static String terminalLine(Map<String, Object> row) {
        Map<String, Object> shown = new LinkedHashMap<>(row);
        Object fit = shown.remove("stderr_fit"), sumFit = shown.remove("sum_stderr_fit");
        List<String> parts = new ArrayList<>();
        if (fit instanceof Map<?, ?> m) m.forEach((k, x) -> { if (x instanceof Number n) parts.add(k + " " + Terminal.sig(n.doubleValue(), 2)); });
        if (sumFit instanceof Number n) parts.add("sum " + Terminal.sig(n.doubleValue(), 2));
        return Terminal.summary(String.valueOf(row.get("sample")), shown) + (parts.isEmpty() ? "" : "; stderr_fit: " + String.join(", ", parts));
    }

    private void one(XasInput.Loaded s, org.edgeworks.core.processing.Result<LcfProcessor.LcfResult> res, List<SourceRef> sources) throws EdgeworksException {
        LcfProcessor.LcfResult v = res.value();
        String name = s.spectrum().name();
        Map<String, Object> json = new LinkedHashMap<>();
        Map<String, Double> w = new LinkedHashMap<>(), se = new LinkedHashMap<>(), seFit = new LinkedHashMap<>(), sh = new LinkedHashMap<>(),
            shse = new LinkedHashMap<>(), shseFit = new LinkedHashMap<>();
        Map<String, Boolean> atBound = new LinkedHashMap<>();
        for (var c : v.components()) {
            w.put(c.name(), c.weight()); se.put(c.name(), c.stderr()); seFit.put(c.name(), c.stderrFit());
            sh.put(c.name(), c.shift()); shse.put(c.name(), c.shiftStderr()); shseFit.put(c.name(), c.shiftStderrFit());
            atBound.put(c.name(), c.shiftAtBound());
        }
        fit(json, name, w, se, seFit, v);
        json.put("chi2", v.chi2());
        json.put("shifts", sh);
        json.put("shift_stderr", shse);
        json.put("shift_stderr_fit", shseFit);
        json.put("shift_at_bound", atBound);
        json.put("rank", v.rank().label());
        json.put("average_valence", v.averageValence());
        json.put("average_valence_stderr", v.averageValenceStderr());
        json.put("emin", v.emin());
        json.put("emax", v.emax());
        json.put("points", v.points());
        Map<String, Object> steps = new LinkedHashMap<>();
        steps.put("sample", v.sampleStepError());
        steps.put("references", v.referenceStepErrors());
        json.put("edge_step_rel_stderr", steps);
        if (v.ranking() != null) {
            List<Map<String, Object>> rank = new ArrayList<>();
            for (var rk : v.ranking()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("references", rk.references());
                m.put("weights", rk.weights());
                m.put("stderr", rk.stderr());
                m.put("stderr_fit", rk.stderrFit());
                m.put("r_factor", rk.rFactor());
                m.put("reduced_chi2", rk.reducedChi2());
                rank.add(m);
            }
            json.put("ranking", rank);
        }
        json.put("provenance", XasOutput.provenance(res.provenance(), sources, s.notes()));
        out.json(name + ".lcf.json", json);
        double[] resid = new double[v.points()];
        for (int i = 0; i < resid.length; i++) resid[i] = v.data()[i] - v.fit()[i];
        out.csv(name + ".lcf.csv", List.of("energy", "data", "fit", "residual"), List.of(v.energy(), v.data(), v.fit(), resid));
        List<Series> series = new ArrayList<>(List.of(XasOutput.line("data", v.energy(), v.data()), XasOutput.line("fit", v.energy(), v.fit()),
            XasOutput.dashed("residual", v.energy(), resid)));
        out.png(name + ".lcf.png", new LinePlot(name + ": LCF, R = " + String.format(java.util.Locale.ROOT, "%.3g", v.rFactor()),
            "Energy (eV)", "normalised", series, List.of()));
    }

    /**
     * The keys a sample's JSON and its series row share, in this order: sample, weights, stderr
     * (total: the fit's and the normalisations' edge-step errors), stderr_fit (the fit's alone, as
     * Larch lincombo_fit reports it), sum, sum_stderr, sum_stderr_fit, r_factor, reduced_chi2.
     */
    private static void fit(Map<String, Object> m, String sample, Map<String, Double> weights, Map<String, Double> stderr,
                            Map<String, Double> stderrFit, LcfProcessor.LcfResult v) {
        m.put("sample", sample);
        m.put("weights", weights);
        m.put("stderr", stderr);
        m.put("stderr_fit", stderrFit);
        m.put("sum", v.sum());
        m.put("sum_stderr", v.sumStderr());
        m.put("sum_stderr_fit", v.sumStderrFit());
        m.put("r_factor", v.rFactor());
        m.put("reduced_chi2", v.reducedChi2());
    }

    /** What the fit takes of one input: its normalised spectrum and relative edge-step error (null with --input norm: not known). */
    private record Normed(Spectrum spectrum, Double stepError) {
        static Normed of(XasInputOptions reader, XasInput.Loaded l) throws EdgeworksException {
            NormalizeProcessor.Normalized n = reader.normalized(l);
            return n == null ? new Normed(l.spectrum(), null) : new Normed(n.normSpectrum(), LcfProcessor.stepError(n));
        }
    }
}
