package org.edgeworks.cli.xas;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.pipeline.xas.XasInput;
import org.edgeworks.stack.Flux;
import org.edgeworks.stack.StackAnalysis;
import org.edgeworks.stack.StackOutput;
import org.edgeworks.stack.StackSource;
import org.edgeworks.stack.StackSpec;
import org.edgeworks.xas.LcfProcessor;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code xas stack STACK --out DIR}: per-pixel normalisation, E0, edge-step, mask, peak and (with
 * --ref) LCF maps of an energy x y x x image stack, streamed; DIR/NAME.stack.nxs and one PNG per map.
 */
@Command(name = "stack", mixinStandardHelpOptions = true,
    description = "Per-pixel XANES maps of an image stack (NeXus/HDF5 energy x y x x, or a folder of TIFF images with an energy table): "
        + "E0, edge step, mask, peak energy and, with --ref, LCF weights and R-factor; NAME.stack.nxs + PNG maps.")
public final class StackCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "STACK", description = "NeXus/HDF5 file, or folder of TIFF images.") String stack;
    @Mixin Options options;
    @Mixin NormalizeOptions normalize;
    @Mixin LcfOptions fit;
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.") Path out;
    @Option(names = "--overwrite", description = "Replace existing outputs.") boolean overwrite;
    @Spec CommandSpec spec;

    /** The stack's own options (a picocli mixin, shared with {@code edgeworks spark --stack}). */
    public static final class Options {
        @Option(names = "--data", paramLabel = "PATH", description = "Image dataset (energy, y, x) in the file; default: the NXdata default plot's signal.")
        String data;
        @Option(names = "--energy-path", paramLabel = "PATH", description = "Energies (eV) in the file; default: the default plot's axis of dimension 0.")
        String energyPath;
        @Option(names = "--energies", paramLabel = "FILE", description = "Energy table of a TIFF folder ('FILE ENERGY_EV' per line); default FOLDER/energies.txt.")
        String energies;
        @Option(names = "--mode", paramLabel = "MODE", defaultValue = "mu", description = "mu (default: the images hold mu) | transmission: ln(I0/I) | fluorescence: I/I0.")
        String mode;
        @Option(names = "--flat", paramLabel = "FILE[:PATH]", description = "Incident flux: a NeXus dataset (energy x y x x flat-field stack, y x x flat-field image, "
            + "or one I0 per energy), a TIFF image, or a TIFF folder.")
        String flat;
        @Option(names = "--step-threshold", paramLabel = "MU", description = "Mask: edge step at least this (default: 10%% of the median edge step; reported).")
        Double stepThreshold;
        @Option(names = "--peak-window", paramLabel = "LO:HI", defaultValue = "0:30", description = "Peak search window, eV relative to each pixel's E0 (default 0:30).")
        String peakWindow;
        @Option(names = "--band-rows", paramLabel = "N", defaultValue = "0", description = "Image rows read at a time (default: about 16 MB of stack).")
        int bandRows;
        @Option(names = "--ref", paramLabel = "NAME=FILE", description = "A reference spectrum for LCF maps (repeat; each NAME once).")
        List<String> refs;
        @Option(names = "--input", paramLabel = "KIND", defaultValue = "mu", description = "The references hold mu (default; normalised as xas lcf does) or norm.")
        String input;
    }

    /** Everything a stack analysis needs, from the options: what the command and a Spark job both run. */
    public record Job(StackSpec spec, Flux flux, StackAnalysis.Params params, List<StackAnalysis.Reference> references) {
        public StackAnalysis.Setup setup() throws EdgeworksException {
            try (StackSource s = spec.open()) {
                return StackAnalysis.setup(s, flux, params, references);
            }
        }
    }

    public static Job job(String stack, Options o, NormalizeOptions n, LcfOptions f) throws EdgeworksException {
        StackSpec spec = new StackSpec(stack, o.data, o.energyPath, o.energies);
        StackAnalysis.MuKind kind = StackAnalysis.MuKind.parse(o.mode);
        String[] pw = o.peakWindow.split(":");
        double lo, hi;
        try {
            if (pw.length != 2) throw new NumberFormatException();
            lo = Double.parseDouble(pw[0]);
            hi = Double.parseDouble(pw[1]);
        } catch (NumberFormatException e) {
            throw EdgeworksException.of("--peak-window", "'" + o.peakWindow + "' is not LO:HI in eV");
        }
        StackAnalysis.Params p = new StackAnalysis.Params(n.params(), kind, o.stepThreshold, lo, hi, f.params(), o.bandRows);
        List<StackAnalysis.Reference> refs = new ArrayList<>();
        XasInputOptions reader = new XasInputOptions();
        reader.input = o.input;
        for (var e : NamedFiles.parse(o.refs, "--ref").entrySet()) {
            XasInput.Loaded l = reader.load(e.getValue(), e.getKey());
            Spectrum s = reader.norm(l);
            double[][] clean = LcfProcessor.cleanReference(s);
            refs.add(new StackAnalysis.Reference(e.getKey(), clean[0], clean[1]));
        }
        return new Job(spec, flux(o.flat), p, refs);
    }

    static Flux flux(String flat) throws EdgeworksException {
        return Flux.parse(flat);
    }

    @Override
    public Integer call() throws EdgeworksException {
        PrintWriter log = spec.commandLine().getOut();
        Job job = job(stack, options, normalize, fit);
        StackAnalysis.Setup setup = job.setup();
        List<StackAnalysis.Band> bands = new ArrayList<>();
        try (StackSource s = job.spec().open()) {
            for (int[] b : setup.bands()) bands.add(StackAnalysis.band(setup, s, job.flux(), b[0], b[1]));
        }
        write(StackAnalysis.join(setup, bands), out, overwrite, log);
        return 0;
    }

    /** Writes the result and prints each path written, then the notes (mask threshold, failures). */
    public static void write(StackAnalysis.Result r, Path out, boolean overwrite, PrintWriter log) throws EdgeworksException {
        for (Path p : StackOutput.write(out, StackOutput.name(r.label()), r, version(), overwrite)) log.println(p);
        for (String note : r.notes()) log.println("note: " + note);
        log.flush();
    }

    static String version() {
        String v = StackCommand.class.getPackage() == null ? null : StackCommand.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0" : v;
    }
}
