package org.edgeworks.cli.xas;

import java.nio.file.Path;
import java.util.List;

import org.edgeworks.cli.RecordOptions;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.pipeline.xas.XasInput;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * How the references of {@code xas lcf}, and the reference of {@code xas calibrate} and
 * {@code xas align}, are read (a picocli mixin; the --ref-... channel options are generated from
 * {@link XasInput.Selection}, as the samples' are). For calibrate and align the reference is
 * usually measured with the sample and read with the sample's options unless --ref-... options
 * choose ({@link #like}). For lcf: The channel options
 * (--energy/--mu/--mode/--i0/--it/--if) describe the samples; a reference library is usually
 * another kind of file (a raw beamline scan fitted against two-column mu or norm references), so the
 * references are read by the one auto rule of {@link XasInput#autoMode} unless these --ref-...
 * options choose their channels. --ref-input defaults to --input (both already normalised, or both not);
 * already normalised references are read from their {@code norm} column when they have one (the
 * NAME.norm.csv that {@code xas normalize} writes holds the raw mu too, which the auto rule would take).
 */
@Command(modelTransformer = RecordOptions.Transformer.class)
final class ReferenceOptions implements RecordOptions.Holder {
    /** --ref-energy --ref-mu --ref-mode --ref-i0 --ref-it --ref-if: the sample's channel options ({@link XasInput.Selection}) for the references. */
    final RecordOptions<XasInput.Selection> channels = XasInputOptions.labelled(new RecordOptions<>(XasInput.Selection.class, XasInput.Selection.auto())
        .rename("energy", "--ref-energy").rename("mu", "--ref-mu").rename("mode", "--ref-mode").rename("i0", "--ref-i0").rename("it", "--ref-it")
        .rename("ifl", "--ref-if").exclude("icr", "ocr"));

    @Override public List<RecordOptions<?>> recordOptions() { return List.of(channels); }

    @Option(names = "--ref-input", paramLabel = "KIND", description = "mu or norm: the references are already normalised (norm) or not; default as --input.")
    String input;

    /** A one-scan file with a column named norm. */
    private static boolean hasNormColumn(Path file) throws EdgeworksException {
        return XasInputOptions.loader.scans(file).isEmpty() && XasInputOptions.loader.read(file).channel("norm").isPresent();
    }

    /** True when any --ref-... channel option is given (then the auto rule does not decide alone). */
    boolean chosen() {
        for (String c : List.of("energy", "mu", "mode", "i0", "it", "ifl")) if (channels.given(c)) return true;
        return false;
    }

    /** A reader of references: these options, --ref-input (else the samples' --input), the samples' --scan/--group for multi-scan reference files. */
    XasInputOptions reader(XasInputOptions samples) throws EdgeworksException {
        XasInputOptions r = new XasInputOptions();
        r.preset = channels.build(null);
        r.input = input != null ? input : samples.input;
        r.scans = samples.scans;
        r.groups = samples.groups;
        return r;
    }

    /**
     * The reference's channels for calibrate and align: each --ref-... option given, else the
     * sample's. Choosing the reference's mu (--ref-mu) drops the sample's --mode/--i0/--it/--if for
     * it, and choosing how its mu is made (--ref-mode/--ref-i0/--ref-it/--ref-if) drops the sample's
     * --mu, so a reference is never read by a mix of both ways.
     */
    XasInput.Selection like(XasInput.Selection sample) throws EdgeworksException {
        XasInput.Selection r = channels.build(null);
        boolean mu = channels.given("mu"), made = false;
        for (String c : List.of("mode", "i0", "it", "ifl")) made |= channels.given(c);
        boolean inherit = !mu && !made;
        return new XasInput.Selection(channels.given("energy") ? r.energy() : sample.energy(),
            mu ? r.mu() : inherit ? sample.mu() : null,
            pick("mode", r.mode(), sample.mode(), mu), pick("i0", r.i0(), sample.i0(), mu), pick("it", r.it(), sample.it(), mu),
            pick("ifl", r.ifl(), sample.ifl(), mu), sample.icr(), sample.ocr());
    }

    private String pick(String component, String reference, String sample, boolean referenceMu) {
        return channels.given(component) ? reference : referenceMu ? null : sample;
    }

    /** A reader of the one reference of calibrate/align: {@link #like} the samples' options, --ref-input (else --input), their --scan/--group. */
    XasInputOptions readerLike(XasInputOptions samples) throws EdgeworksException {
        XasInputOptions r = reader(samples);
        r.preset = like(samples.selection());
        r.dt = samples.dt;
        r.exclude = samples.exclude;
        r.outliers = samples.outliers;
        return r;
    }

    /**
     * The one reference of calibrate/align, read {@link #readerLike} the samples; its names join the
     * samples' (so an error or note about it names the file as typed).
     */
    XasInput.Loaded loadReference(XasInputOptions samples, Path file) throws EdgeworksException {
        XasInputOptions r = readerLike(samples);
        try {
            return r.load(file);
        } finally {
            r.asTyped.forEach(samples.asTyped::putIfAbsent);
        }
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
                XasInput.Selection c = norm.preset;
                norm.preset = new XasInput.Selection(c.energy(), "norm", c.mode(), c.i0(), c.it(), c.ifl(), c.icr(), c.ocr());
                return norm.load(file, name);
            }
            return reader.load(file, name);
        } catch (EdgeworksException e) {
            if (EdgeworksException.NO_SUCH_FILE.equals(e.problem())) throw e; // the one missing-file line, as for a sample
            // the reader's refusals name the sample options ("give --mu COL or --mode"): for a reference they are the --ref- ones
            String problem = e.problem().replaceAll("(?<![\\w-])--(energy|mu|mode|i0|it|if)\\b", "--ref-$1");
            String hint = chosen() ? "" : " (the sample's channel options do not apply to references)";
            throw new EdgeworksException(file.toString(), e.pathInFile(), "reference " + name + ": " + problem + hint, e);
        }
    }
}
