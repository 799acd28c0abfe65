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
import org.edgeworks.xas.MergeProcessor;
import org.edgeworks.pipeline.xas.XasInput;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code xas merge FILE...}: NAME.merge.csv (energy, mean, stderr), .json, .png. Options
 * {@code --step}, {@code --cubic} generated from {@link MergeProcessor.Params} ({@link RecordOptions}).
 */
@Command(name = "merge", mixinStandardHelpOptions = true, modelTransformer = RecordOptions.Transformer.class,
    description = "Merge repeated scans onto a common grid with per-point standard error.")
public final class MergeCommand extends XasSubcommand implements RecordOptions.Holder {
    @Parameters(arity = "2..*", paramLabel = "FILE", description = "Repeated scans of one sample.") List<Path> files;
    @Option(names = "--name", paramLabel = "NAME", defaultValue = "merged", description = "Output base name (default merged).") String name;

    final RecordOptions<MergeProcessor.Params> options = new RecordOptions<>(MergeProcessor.Params.class, MergeProcessor.Params.defaults());

    @Override public List<RecordOptions<?>> recordOptions() { return List.of(options); }

    @Override
    void execute() throws EdgeworksException {
        MergeProcessor.Params p = options.build(null);
        List<Spectrum> ss = new ArrayList<>();
        List<SourceRef> src = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (XasInput.Loaded l : in.loadAll(files, out.log)) {
            ss.add(l.spectrum());
            src.add(l.source());
            notes.addAll(l.notes());
        }
        var r = new MergeProcessor().apply(new MergeProcessor.Input(name, ss), p);
        var v = r.value();
        out.csv(name + ".merge.csv", List.of("energy", "mean", "stderr"), List.of(v.energy(), v.mean(), v.stderr()));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name);
        json.put("scans", v.count());
        json.put("points", v.energy().length);
        double mse = 0;
        for (double s : v.stderr()) mse += s * s;
        json.put("rms_stderr", Math.sqrt(mse / v.stderr().length));
        json.put("provenance", XasOutput.provenance(r.provenance(), src, notes));
        out.json(name + ".merge.json", json);
        List<Series> series = new ArrayList<>();
        for (Spectrum s : ss) series.add(XasOutput.dashed(s.name(), s.energies(), s.signal()));
        series.add(XasOutput.line("merged", v.energy(), v.mean()));
        out.png(name + ".merge.png", new LinePlot(name + ": " + v.count() + " scans merged", "Energy (eV)", "signal", series, List.of()));
    }
}
