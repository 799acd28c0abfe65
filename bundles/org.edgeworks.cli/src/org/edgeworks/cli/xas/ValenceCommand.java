package org.edgeworks.cli.xas;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeworks.cli.RecordOptions;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.core.processing.SourceRef;
import org.edgeworks.plot.LinePlot;
import org.edgeworks.plot.Series;
import org.edgeworks.xas.ValenceProcessor;
import org.edgeworks.pipeline.xas.XasInput;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code xas valence SAMPLES... --ref V=FILE ...}: one table of E0, edge step and valence per
 * spectrum. {@code --edge} generated from {@link ValenceProcessor.Params} ({@link RecordOptions});
 * {@code normalized} follows {@code --input}.
 */
@Command(name = "valence", mixinStandardHelpOptions = true, modelTransformer = RecordOptions.Transformer.class,
    description = "Edge-shift valence of samples from references of known valence.")
public final class ValenceCommand extends XasSubcommand implements RecordOptions.Holder {
    @Parameters(arity = "0..*", paramLabel = "SAMPLE", description = "Samples whose valence is wanted.") List<Path> samples = new ArrayList<>();
    @Option(names = "--ref", required = true, paramLabel = "VALENCE=FILE", description = "A reference with its formal valence, e.g. 2=MnO.xdi (repeat).") List<String> refs;

    final RecordOptions<ValenceProcessor.Params> options =
        new RecordOptions<>(ValenceProcessor.Params.class, ValenceProcessor.Params.defaults()).exclude("normalized");

    @Override public List<RecordOptions<?>> recordOptions() { return List.of(options); }
    @Option(names = "--name", paramLabel = "NAME", defaultValue = "valence", description = "Output base name (default valence).") String name;

    @Override
    void execute() throws EdgeworksException {
        List<Spectrum> rs = new ArrayList<>(), ss = new ArrayList<>();
        List<Double> vals = new ArrayList<>();
        List<SourceRef> sources = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String r : refs) {
            int eq = r.indexOf('=');
            if (eq <= 0) throw EdgeworksException.of("--ref", "'" + r + "' is not VALENCE=FILE");
            double v;
            try {
                v = Double.parseDouble(r.substring(0, eq));
            } catch (NumberFormatException e) {
                throw EdgeworksException.of("--ref", "'" + r.substring(0, eq) + "' is not a valence number");
            }
            XasInput.Loaded l = in.load(Path.of(r.substring(eq + 1)));
            rs.add(l.spectrum());
            vals.add(v);
            sources.add(l.source());
            notes.addAll(l.notes());
        }
        for (Path p : samples) {
            XasInput.Loaded l = in.load(p);
            ss.add(l.spectrum());
            sources.add(l.source());
            notes.addAll(l.notes());
        }
        var res = new ValenceProcessor().apply(new ValenceProcessor.Input(rs, vals, ss),
            options.build(null, java.util.Map.of("normalized", String.valueOf(in.normalizedInput()))));
        warn(res.provenance().notes());
        var v = res.value();
        StringBuilder csv = new StringBuilder("name,reference,formal_valence,e0,edge_step,edge_energy,edge_energy_stderr,valence,valence_stderr\n");
        for (var row : v.rows())
            csv.append(row.name()).append(',').append(row.reference()).append(',').append(row.formalValence() == null ? "" : XasOutput.num(row.formalValence()))
                .append(',').append(XasOutput.num(row.e0())).append(',').append(XasOutput.num(row.edgeStep())).append(',')
                .append(XasOutput.num(row.edgeEnergy())).append(',').append(XasOutput.num(row.edgeEnergyStderr())).append(',').append(XasOutput.num(row.valence())).append(',')
                .append(row.valenceStderr() == null ? "" : XasOutput.num(row.valenceStderr())).append('\n');
        out.text(name + ".csv", csv.toString());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("edge", v.edge().label());
        json.put("slope_eV_per_valence", v.slope());
        json.put("intercept_eV", v.intercept());
        json.put("slope_stderr", v.slopeStderr());
        json.put("intercept_stderr", v.interceptStderr());
        json.put("rms_eV", v.rms());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (var row : v.rows()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", row.name());
            m.put("reference", row.reference());
            m.put("formal_valence", row.formalValence());
            m.put("e0", row.e0());
            m.put("edge_step", row.edgeStep());
            m.put("edge_energy", row.edgeEnergy());
            m.put("edge_energy_stderr", row.edgeEnergyStderr());
            m.put("valence", row.valence());
            m.put("valence_stderr", row.valenceStderr());
            rows.add(m);
        }
        json.put("rows", rows);
        json.put("provenance", XasOutput.provenance(res.provenance(), sources, notes));
        out.json(name + ".json", json);
        double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
        List<double[]> refPts = new ArrayList<>(), samPts = new ArrayList<>();
        for (var row : v.rows()) {
            (row.reference() ? refPts : samPts).add(new double[] {row.reference() ? row.formalValence() : row.valence(), row.edgeEnergy()});
            lo = Math.min(lo, row.valence());
            hi = Math.max(hi, row.valence());
        }
        List<Series> series = new ArrayList<>();
        series.add(XasOutput.line("line", new double[] {lo, hi}, new double[] {v.intercept() + v.slope() * lo, v.intercept() + v.slope() * hi}));
        for (double[] pt : refPts) series.add(XasOutput.dashed("reference", cross(pt[0], 0.05), cross2(pt[1])));
        for (double[] pt : samPts) series.add(XasOutput.line("sample", cross(pt[0], 0.05), cross2(pt[1])));
        out.png(name + ".png", new LinePlot("Edge energy vs valence", "formal valence", "edge energy (eV)", series, List.of()));
    }

    private static double[] cross(double x, double d) { return new double[] {x - d, x + d}; }

    private static double[] cross2(double y) { return new double[] {y, y}; }
}
