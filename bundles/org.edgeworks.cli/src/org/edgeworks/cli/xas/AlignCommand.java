package org.edgeworks.cli.xas;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeworks.cli.RecordOptions;
import org.edgeworks.cli.Terminal;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.plot.LinePlot;
import org.edgeworks.plot.Series;
import org.edgeworks.xas.AlignProcessor;
import org.edgeworks.pipeline.xas.XasInput;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code xas align REFERENCE SAMPLE...}: align.json, align.csv, NAME.aligned.csv, align.png. Options
 * {@code --emin}, {@code --emax}, {@code --max-shift} generated from {@link AlignProcessor.Params}
 * ({@link RecordOptions}); {@code normalized} follows {@code --input}.
 */
@Command(name = "align", mixinStandardHelpOptions = true, modelTransformer = RecordOptions.Transformer.class,
    description = {"Align samples to a reference by derivative least squares.",
        "The channel options (--energy, --mu, --mode, --i0, --it, --if) read the reference and the samples; --ref-energy/--ref-mu/--ref-mode/"
            + "--ref-i0/--ref-it/--ref-if read the reference otherwise."})
public final class AlignCommand extends XasSubcommand implements RecordOptions.Holder {
    @Parameters(index = "0", paramLabel = "REFERENCE", description = "The reference spectrum (foil, or the scan to align to).") Path reference;
    @Parameters(index = "1..*", arity = "1..*", paramLabel = "SAMPLE", description = "Spectra to align.") List<Path> samples;
    @Option(names = "--name", paramLabel = "NAME", defaultValue = "align", description = "Table base name (default align).") String name;

    final RecordOptions<AlignProcessor.Params> options =
        new RecordOptions<>(AlignProcessor.Params.class, AlignProcessor.Params.defaults()).exclude("normalized");

    @Override public List<RecordOptions<?>> recordOptions() { return List.of(options); }

    /** --ref-energy --ref-mu --ref-mode --ref-i0 --ref-it --ref-if for the reference; default the samples'. */
    @Mixin ReferenceOptions refOptions;

    /** +v +- sigma (sigma null: v alone, 6 significant digits). */
    private static String signed(double v, Double sigma) {
        String s = Terminal.pm(v, sigma == null ? Double.NaN : sigma);
        return v > 0 ? "+" + s : s;
    }

    @Override
    void execute() throws EdgeworksException {
        AlignProcessor.Params params = options.build(null, Map.of("normalized", String.valueOf(in.normalizedInput())));
        XasInput.Loaded ref = refOptions.loadReference(in, reference);
        List<Map<String, Object>> rows = new ArrayList<>();
        StringBuilder csv = new StringBuilder("sample,shift,residual,points,at_bound,shift_stderr\n");
        List<Series> series = new ArrayList<>(List.of(XasOutput.line(ref.spectrum().name(), ref.spectrum().energies(), ref.spectrum().signal())));
        Double e0 = null;
        // every sample is aligned before anything is written: one refusal leaves no partial set of outputs
        List<AlignProcessor.Alignment> done = new ArrayList<>();
        for (Path p : samples) {
            XasInput.Loaded s = in.load(p);
            var r = new AlignProcessor().apply(new AlignProcessor.Input(ref.spectrum(), s.spectrum()),
                params);
            var v = r.value();
            e0 = v.referenceE0();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("sample", v.sample());
            row.put("shift", v.shift());
            row.put("shift_stderr", Double.isFinite(v.shiftStderr()) ? v.shiftStderr() : null);
            row.put("residual", v.residual());
            row.put("points", v.points());
            row.put("at_bound", v.atBound());
            warn(r.provenance().notes());
            row.put("provenance", XasOutput.provenance(r.provenance(), List.of(ref.source(), s.source()), s.notes()));
            rows.add(row);
            csv.append(v.sample()).append(',').append(XasOutput.num(v.shift())).append(',').append(XasOutput.num(v.residual())).append(',').append(v.points()).append(',').append(v.atBound()).append(',').append(XasOutput.num(v.shiftStderr())).append('\n');
            done.add(v);
            series.add(XasOutput.dashed(v.sample() + " aligned", v.alignedSample().energies(), v.alignedSample().signal()));
        }
        for (AlignProcessor.Alignment v : done)
            out.csv(v.sample() + ".aligned.csv", List.of("energy", "signal"), List.of(v.alignedSample().energies(), v.alignedSample().signal()));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("reference", ref.spectrum().name());
        json.put("reference_e0", e0);
        json.put("alignments", rows);
        out.json(name + ".json", json);
        out.text(name + ".csv", csv.toString());
        for (Map<String, Object> row : rows)
            out.log.println(row.get("sample") + ": shift " + signed((Double) row.get("shift"), (Double) row.get("shift_stderr")) + " eV (derivative residual "
                + Terminal.sig((Double) row.get("residual"), 3) + " over " + row.get("points") + " points" + (Boolean.TRUE.equals(row.get("at_bound")) ? ", at the bound --max-shift" : "") + ")");
        out.png(name + ".png", new LinePlot("Aligned to " + ref.spectrum().name(), "Energy (eV)", "signal", series,
            e0 == null ? List.of() : List.of(e0 + params.emin(), e0 + params.emax())));
    }
}
