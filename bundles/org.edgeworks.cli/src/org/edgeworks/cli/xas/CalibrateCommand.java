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
import org.edgeworks.xas.CalibrateProcessor;
import org.edgeworks.xas.E0Method;
import org.edgeworks.pipeline.xas.XasInput;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code xas calibrate REFERENCE --e0 EV [SAMPLE...]}: calibrate.json, NAME.calibrated.csv, calibrate.png. */
@Command(name = "calibrate", mixinStandardHelpOptions = true, description = "Calibrate the energy against a reference foil; the same shift moves the samples.")
public final class CalibrateCommand extends XasSubcommand {
    @Parameters(index = "0", paramLabel = "REFERENCE", description = "The reference spectrum (foil, or the scan to align to).") Path reference;
    @Parameters(index = "1..*", arity = "0..*", paramLabel = "SAMPLE", description = "Spectra measured with the reference: moved by the same shift.") List<Path> samples = new ArrayList<>();
    @Option(names = "--e0", required = true, paramLabel = "EV", description = "Tabulated edge energy of the reference (Mn 6539.0, Ru 22117).") double e0;
    @Option(names = "--e0-method", paramLabel = "METHOD", defaultValue = "derivative", description = "derivative (default: max dmu/dE between grid points) | grid (Larch's grid point) | half-step | second-derivative | smoothed-derivative") String method;
    @Option(names = "--name", paramLabel = "NAME", defaultValue = "calibrate", description = "Output base name (default calibrate).") String name;

    @Override
    void execute() throws EdgeworksException {
        XasInput.Loaded ref = in.load(reference);
        List<Spectrum> ss = new ArrayList<>();
        List<SourceRef> src = new ArrayList<>(List.of(ref.source()));
        for (Path p : samples) {
            XasInput.Loaded l = in.load(p);
            ss.add(l.spectrum());
            src.add(l.source());
        }
        var r = new CalibrateProcessor().apply(new CalibrateProcessor.Input(ref.spectrum(), ss), new CalibrateProcessor.Params(e0, E0Method.parse(method)));
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
        for (Spectrum s : concat(v.calibratedReference(), v.calibratedSamples()))
            out.csv(s.name() + ".calibrated.csv", List.of("energy", "signal"), List.of(s.energies(), s.signal()));
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
