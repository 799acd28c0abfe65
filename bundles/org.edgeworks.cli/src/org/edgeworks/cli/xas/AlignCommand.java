package org.edgeworks.cli.xas;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.plot.LinePlot;
import org.edgeworks.plot.Series;
import org.edgeworks.xas.AlignProcessor;
import org.edgeworks.pipeline.xas.XasInput;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code xas align REFERENCE SAMPLE...}: align.json, align.csv, NAME.aligned.csv, align.png. */
@Command(name = "align", mixinStandardHelpOptions = true, description = "Align samples to a reference by derivative least squares.")
public final class AlignCommand extends XasSubcommand {
    @Parameters(index = "0", paramLabel = "REFERENCE", description = "The reference spectrum (foil, or the scan to align to).") Path reference;
    @Parameters(index = "1..*", arity = "1..*", paramLabel = "SAMPLE", description = "Spectra to align.") List<Path> samples;
    @Option(names = "--emin", paramLabel = "EV", defaultValue = "-20", description = "Window start, eV rel. reference E0 (default -20).") double emin;
    @Option(names = "--emax", paramLabel = "EV", defaultValue = "40", description = "Window end, eV rel. reference E0 (default 40).") double emax;
    @Option(names = "--max-shift", paramLabel = "EV", defaultValue = "20", description = "Largest shift (default 20 eV); a shift that reaches it is a warning naming the file.") double maxShift;
    @Option(names = "--name", paramLabel = "NAME", defaultValue = "align", description = "Table base name (default align).") String name;

    @Override
    void execute() throws EdgeworksException {
        XasInput.Loaded ref = in.load(reference);
        List<Map<String, Object>> rows = new ArrayList<>();
        StringBuilder csv = new StringBuilder("sample,shift,residual,points,at_bound\n");
        List<Series> series = new ArrayList<>(List.of(XasOutput.line(ref.spectrum().name(), ref.spectrum().energies(), ref.spectrum().signal())));
        Double e0 = null;
        for (Path p : samples) {
            XasInput.Loaded s = in.load(p);
            var r = new AlignProcessor().apply(new AlignProcessor.Input(ref.spectrum(), s.spectrum()),
                new AlignProcessor.Params(emin, emax, maxShift, in.normalizedInput()));
            var v = r.value();
            e0 = v.referenceE0();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("sample", v.sample());
            row.put("shift", v.shift());
            row.put("residual", v.residual());
            row.put("points", v.points());
            row.put("at_bound", v.atBound());
            warn(r.provenance().notes());
            row.put("provenance", XasOutput.provenance(r.provenance(), List.of(ref.source(), s.source()), s.notes()));
            rows.add(row);
            csv.append(v.sample()).append(',').append(XasOutput.num(v.shift())).append(',').append(XasOutput.num(v.residual())).append(',').append(v.points()).append(',').append(v.atBound()).append('\n');
            out.csv(v.sample() + ".aligned.csv", List.of("energy", "signal"), List.of(v.alignedSample().energies(), v.alignedSample().signal()));
            series.add(XasOutput.dashed(v.sample() + " aligned", v.alignedSample().energies(), v.alignedSample().signal()));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("reference", ref.spectrum().name());
        json.put("reference_e0", e0);
        json.put("alignments", rows);
        out.json(name + ".json", json);
        out.text(name + ".csv", csv.toString());
        out.png(name + ".png", new LinePlot("Aligned to " + ref.spectrum().name(), "Energy (eV)", "signal", series,
            e0 == null ? List.of() : List.of(e0 + emin, e0 + emax)));
    }
}
