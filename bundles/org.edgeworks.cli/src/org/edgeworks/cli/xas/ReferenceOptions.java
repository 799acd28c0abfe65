package org.edgeworks.cli.xas;

import java.nio.file.Path;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.pipeline.xas.XasInput;

import picocli.CommandLine.Option;

/**
 * How the references of {@code xas lcf} are read (a picocli mixin). The channel options
 * (--energy/--mu/--mode/--i0/--it/--if) describe the samples; a reference library is usually
 * another kind of file (a raw beamline scan fitted against two-column mu or norm references), so the
 * references are read by the one auto rule of {@link XasInput#autoMode} unless these --ref-...
 * options choose their channels. --ref-input defaults to --input (both already normalised, or both not);
 * already normalised references are read from their {@code norm} column when they have one (the
 * NAME.norm.csv that {@code xas normalize} writes holds the raw mu too, which the auto rule would take).
 */
final class ReferenceOptions {
    @Option(names = "--ref-energy", paramLabel = "COL", description = "Energy column of the references (default: their energy channel; the sample's --energy does not apply to them).")
    String energy;

    @Option(names = "--ref-mu", paramLabel = "COL", description = "Column holding the references' mu (or norm); default by the auto rule.")
    String mu;

    @Option(names = "--ref-mode", paramLabel = "MODE", description = "Make the references' mu from raw channels: transmission | fluorescence | yield.")
    String mode;

    @Option(names = "--ref-i0", paramLabel = "COL", description = "Incident-flux column of the references.")
    String i0;

    @Option(names = "--ref-it", paramLabel = "COL", description = "Transmitted-flux column of the references.")
    String it;

    @Option(names = "--ref-if", paramLabel = "COL", description = "Fluorescence or electron-yield column of the references.")
    String ifl;

    @Option(names = "--ref-input", paramLabel = "KIND", description = "mu or norm: the references are already normalised (norm) or not; default as --input.")
    String input;

    /** A one-scan file with a column named norm. */
    private static boolean hasNormColumn(Path file) throws EdgeworksException {
        return XasInputOptions.loader.scans(file).isEmpty() && XasInputOptions.loader.read(file).channel("norm").isPresent();
    }

    /** True when any --ref-... channel option is given (then the auto rule does not decide alone). */
    boolean chosen() {
        return energy != null || mu != null || mode != null || i0 != null || it != null || ifl != null;
    }

    /** A reader of references: these options, --ref-input (else the samples' --input), the samples' --scan/--group for multi-scan reference files. */
    XasInputOptions reader(XasInputOptions samples) {
        XasInputOptions r = new XasInputOptions();
        r.energy = energy;
        r.mu = mu;
        r.mode = mode;
        r.i0 = i0;
        r.it = it;
        r.ifl = ifl;
        r.input = input != null ? input : samples.input;
        r.scans = samples.scans;
        r.groups = samples.groups;
        return r;
    }

    /**
     * One reference; a reference whose channels cannot be resolved is refused in one line naming
     * the file as typed, the reference and the options that choose its channels.
     */
    XasInput.Loaded load(XasInputOptions reader, Path file, String name) throws EdgeworksException {
        try {
            if (!chosen() && reader.normalizedInput() && hasNormColumn(file)) {
                // already normalised references (--input norm): their norm column, e.g. the NAME.norm.csv of xas normalize,
                // whose MU channel is the raw mu the auto rule would take
                XasInputOptions norm = reader(reader);
                norm.mu = "norm";
                return norm.load(file, name);
            }
            return reader.load(file, name);
        } catch (EdgeworksException e) {
            // the reader's refusals name the sample options ("give --mu COL or --mode"): for a reference they are the --ref- ones
            String problem = e.problem().replaceAll("(?<![\\w-])--(energy|mu|mode|i0|it|if)\\b", "--ref-$1");
            String hint = chosen() ? "" : " (the sample's channel options do not apply to references)";
            throw new EdgeworksException(file.toString(), e.pathInFile(), "reference " + name + ": " + problem + hint, e);
        }
    }
}
