package org.edgeworks.cli.xas;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeworks.cli.RecordOptions;
import org.edgeworks.cli.Terminal;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.core.processing.SourceRef;
import org.edgeworks.plot.LinePlot;
import org.edgeworks.xas.CalibrateProcessor;
import org.edgeworks.pipeline.xas.XasInput;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code xas calibrate REFERENCE --e0 EV [SAMPLE...]}: calibrate.json, NAME.calibrated.csv,
 * calibrate.png. {@code --e0} (required) and {@code --e0-method} generated from
 * {@link CalibrateProcessor.Params} ({@link RecordOptions}).
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true, modelTransformer = RecordOptions.Transformer.class,
    description = {"Calibrate the energy against a reference foil; the same shift moves the samples.",
        "The channel options (--energy, --mu, --mode, --i0, --it, --if) read the reference and the samples; --ref-energy/--ref-mu/--ref-mode/"
            + "--ref-i0/--ref-it/--ref-if read the reference otherwise (e.g. a foil in the IREF column)."})
public final class CalibrateCommand extends XasSubcommand implements RecordOptions.Holder {
    @Parameters(index = "0", paramLabel = "REFERENCE", description = "The reference spectrum (foil, or the scan to align to).") Path reference;
    @Parameters(index = "1..*", arity = "0..*", paramLabel = "SAMPLE", description = "Spectra measured with the reference: moved by the same shift.") List<Path> samples = new ArrayList<>();

    final RecordOptions<CalibrateProcessor.Params> options =
        new RecordOptions<>(CalibrateProcessor.Params.class, CalibrateProcessor.Params.defaults()).rename("referenceE0", "--e0").require("referenceE0");

    @Override public List<RecordOptions<?>> recordOptions() { return List.of(options); }
    /** --ref-energy --ref-mu --ref-mode --ref-i0 --ref-it --ref-if for the reference; default the sample's. */
    @Mixin ReferenceOptions refOptions;
    @Option(names = "--name", paramLabel = "NAME", defaultValue = "calibrate", description = "Output base name (default calibrate).") String name;

    @Override
    void execute() throws EdgeworksException {
        CalibrateProcessor.Params params = options.build(null);
        XasInput.Loaded ref = refOptions.loadReference(in, reference);
        List<Spectrum> ss = new ArrayList<>();
        List<SourceRef> src = new ArrayList<>(List.of(ref.source()));
        for (Path p : samples) {
            XasInput.Loaded l = in.load(p);
            ss.add(l.spectrum());
            src.add(l.source());
        }
        var r = new CalibrateProcessor().apply(new CalibrateProcessor.Input(ref.spectrum(), ss), params);
        var v = r.value();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("reference", v.reference());
        json.put("reference_e0", v.referenceE0());
        json.put("measured_e0", v.measuredE0());
        json.put("shift", v.shift());
        json.put("shift_stderr", v.shiftStderr());
        json.put("samples", ss.stream().map(Spectrum::name).toList());
        json.put("provenance", XasOutput.provenance(r.provenance(), src, ref.notes()));
        out.json(name + ".json", json);
        out.log.println(v.reference() + ": measured E0 " + Terminal.pm(v.measuredE0(), v.shiftStderr()) + " eV, tabulated "
            + Terminal.sig(v.referenceE0(), 8) + " eV: shift " + (v.shift() > 0 ? "+" : "") + Terminal.pm(v.shift(), v.shiftStderr()) + " eV");
        for (Spectrum s : concat(v.calibratedReference(), v.calibratedSamples()))
            out.csv(s.name() + ".calibrated.csv", DeglitchCommand.header(List.of("energy", "signal"), s.uncertainty()),
                DeglitchCommand.columns(List.of(s.energies(), s.signal()), s.uncertainty())); // the input sigma kept
        out.png(name + ".png", new LinePlot(v.reference() + ": calibrated, shift " + String.format(java.util.Locale.ROOT, "%+.3f eV", v.shift()),
            "Energy (eV)", "mu", List.of(XasOutput.dashed("measured", ref.spectrum().energies(), ref.spectrum().signal()),
                XasOutput.line("calibrated", v.calibratedReference().energies(), v.calibratedReference().signal())), List.of(v.referenceE0())));
    }

    private static List<Spectrum> concat(Spectrum a, List<Spectrum> b) {
        List<Spectrum> l = new ArrayList<>(List.of(a));
        l.addAll(b);
        return l;
    }
}
