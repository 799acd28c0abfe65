package org.edgeworks.cli.xas;

import java.nio.file.Path;
import java.util.Locale;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.pipeline.xas.XasInput;
import org.edgeworks.xas.NormalizeProcessor;

import picocli.CommandLine.Option;

/**
 * The channel-selection options of the xas subcommands (a picocli mixin); the selection itself is
 * {@link XasInput}'s, shared with the workbench.
 */
final class XasInputOptions {
    @Option(names = "--energy", paramLabel = "COL", description = "Energy column (label or zero-based index); default: the energy channel, else the first column. "
        + "Any COL may be a sum of columns, e.g. 3+4.")
    String energy;

    @Option(names = "--mu", paramLabel = "COL", description = "Column holding mu (or norm with --input norm).")
    String mu;

    @Option(names = "--mode", paramLabel = "MODE", description = "Make mu from raw channels: transmission | fluorescence | yield.")
    String mode;

    @Option(names = "--i0", paramLabel = "COL", description = "Incident-flux column.")
    String i0;

    @Option(names = "--it", paramLabel = "COL", description = "Transmitted-flux column (transmission).")
    String it;

    @Option(names = "--if", paramLabel = "COL", description = "Fluorescence or electron-yield column.")
    String ifl;

    @Option(names = "--icr", paramLabel = "COL", description = "SDD input count rate (dead-time correction with --ocr).")
    String icr;

    @Option(names = "--ocr", paramLabel = "COL", description = "SDD output count rate.")
    String ocr;

    @Option(names = "--input", paramLabel = "KIND", defaultValue = "mu", description = "mu (default) or norm: the inputs are already normalised (reference libraries), nothing is normalised twice.")
    String input;

    /** Where scans come from: the detector registry (tests put in-memory scans here). */
    static ScanLoader loader = path -> org.edgeworks.core.detector.DetectorRegistry.load().read(path);

    @FunctionalInterface
    interface ScanLoader {
        Scan read(Path file) throws EdgeworksException;
    }

    boolean normalizedInput() throws EdgeworksException {
        String k = input == null ? "mu" : input.toLowerCase(Locale.ROOT);
        if (!k.equals("mu") && !k.equals("norm")) throw new EdgeworksException((String) null, null, "--input: '" + input + "' is not mu or norm");
        return k.equals("norm");
    }

    XasInput.Loaded load(Path file) throws EdgeworksException {
        return load(file, null);
    }

    XasInput.Loaded load(Path file, String name) throws EdgeworksException {
        return XasInput.load(loader.read(file), file, name, new XasInput.Selection(energy, mu, mode, i0, it, ifl, icr, ocr));
    }

    /** The spectrum normalised with Larch's defaults, or as it is with --input norm. */
    Spectrum norm(XasInput.Loaded l) throws EdgeworksException {
        if (normalizedInput()) return l.spectrum();
        return new NormalizeProcessor().apply(l.spectrum(), NormalizeProcessor.Params.defaults()).value().normSpectrum();
    }
}
