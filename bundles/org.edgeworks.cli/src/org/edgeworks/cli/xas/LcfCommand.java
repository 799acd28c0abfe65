package org.edgeworks.cli.xas;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.core.processing.SourceRef;
import org.edgeworks.plot.LinePlot;
import org.edgeworks.plot.Series;
import org.edgeworks.xas.LcfProcessor;
import org.edgeworks.pipeline.xas.XasInput;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code xas lcf SAMPLE --ref NAME=FILE ...}: NAME.lcf.json, NAME.lcf.csv, NAME.lcf.png. */
@Command(name = "lcf", mixinStandardHelpOptions = true, description = "Linear-combination fit of a sample by references.")
public final class LcfCommand extends XasSubcommand {
    @Parameters(index = "0", paramLabel = "SAMPLE", description = "The spectrum to fit.") Path sample;
    @Mixin LcfOptions fit;
    @Option(names = "--ref", required = true, paramLabel = "NAME=FILE", description = "A reference (repeat).") Map<String, Path> refs = new LinkedHashMap<>();
    @Option(names = "--valence", paramLabel = "NAME=V", description = "Formal valence of a reference, for the average valence (repeat).") Map<String, Double> valences = new LinkedHashMap<>();

    @Override
    void execute() throws EdgeworksException {
        XasInput.Loaded s = in.load(sample);
        List<Spectrum> rs = new ArrayList<>();
        List<SourceRef> sources = new ArrayList<>(List.of(s.source()));
        List<Double> vals = new ArrayList<>();
        for (var e : refs.entrySet()) {
            XasInput.Loaded r = in.load(e.getValue(), e.getKey());
            rs.add(in.norm(r));
            sources.add(r.source());
            vals.add(valences.get(e.getKey()));
        }
        for (String k : valences.keySet()) if (!refs.containsKey(k)) throw EdgeworksException.of("--valence", k + " is not a --ref name");
        var p = fit.params();
        var res = new LcfProcessor().apply(new LcfProcessor.Input(in.norm(s), rs, vals.contains(null) ? null : vals), p);
        LcfProcessor.LcfResult v = res.value();
        String name = s.spectrum().name();
        Map<String, Object> json = new LinkedHashMap<>();
        Map<String, Double> w = new LinkedHashMap<>(), se = new LinkedHashMap<>(), sh = new LinkedHashMap<>(), shse = new LinkedHashMap<>();
        for (var c : v.components()) { w.put(c.name(), c.weight()); se.put(c.name(), c.stderr()); sh.put(c.name(), c.shift()); shse.put(c.name(), c.shiftStderr()); }
        json.put("sample", name);
        json.put("weights", w);
        json.put("stderr", se);
        json.put("r_factor", v.rFactor());
        json.put("reduced_chi2", v.reducedChi2());
        json.put("chi2", v.chi2());
        json.put("shifts", sh);
        json.put("shift_stderr", shse);
        json.put("average_valence", v.averageValence());
        json.put("average_valence_stderr", v.averageValenceStderr());
        json.put("emin", v.emin());
        json.put("emax", v.emax());
        json.put("points", v.points());
        if (v.ranking() != null) {
            List<Map<String, Object>> rank = new ArrayList<>();
            for (var rk : v.ranking()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("references", rk.references());
                m.put("weights", rk.weights());
                m.put("stderr", rk.stderr());
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
}
