package org.edgeworks.cli.rixs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.edgeworks.cli.RecordOptions;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.plot.LinePlot;
import org.edgeworks.plot.Series;
import org.edgeworks.rixs.EmissionSpectra;
import org.edgeworks.rixs.InversePartialYield;
import org.edgeworks.xas.NormalizeProcessor;
import org.edgeworks.cli.xas.NormalizeOptions;
import org.edgeworks.pipeline.rixs.RixsFiles;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code rixs ipfy SCAN --window 490:550 [--pfy-window A:B] --out DIR}: DIR/NAME.ipfy.csv
 * (energy, ipfy, ipfy_err, pfy, pfy_err, tfy, tfy_err, norm; an _err column is one standard deviation, empty when not known) and DIR/NAME.ipfy.png (iPFY, PFY, TFY side by side). norm is
 * iPFY edge-step normalised by the code path of {@code xas normalize}: the same generated options
 * ({@link NormalizeOptions}: {@code --e0}, {@code --pre1} .. {@code --norm2}, {@code --nnorm}, ...), the same
 * defaults and {@link NormalizeProcessor}, so it is on the scale of references normalised by
 * {@code xas normalize} (or by {@code xas lcf} itself) with the same options. The CSV feeds {@code xas lcf}.
 */
@Command(name = "ipfy", mixinStandardHelpOptions = true, modelTransformer = RecordOptions.Transformer.class,
    description = {"iPFY = I0 / PFY over a non-resonant emission window, with PFY and TFY.",
        "SCAN: NeXus NXdata points x channels (@axes excitation, emission in eV) with an NXmonitor I0, or a map (.map.nxs).",
        "Writes DIR/NAME.ipfy.csv (energy, ipfy, ipfy_err, pfy, pfy_err, tfy, tfy_err, norm; an _err column is one standard deviation, empty when not known) and DIR/NAME.ipfy.png.",
        "norm: iPFY edge-step normalised exactly as 'xas normalize' does with the same options (--e0, --pre1 .. --norm2, ...; same defaults):"
            + " for 'xas lcf --input norm' normalise the references with 'xas normalize' and the same options, or let 'xas lcf FILE.ipfy.csv --mu norm' normalise both."
            + " When the normalisation cannot be made (e.g. too short a pre-edge), norm is left empty and a warning line says why."})
public final class RixsIpfy extends RixsSubcommand implements RecordOptions.Holder {
    @Parameters(index = "0", paramLabel = "SCAN") Path scan;

    /** --window (required), --pfy-window and --near-zero-fraction from the record. */
    final RecordOptions<InversePartialYield.Parameters> options = new RecordOptions<>(InversePartialYield.Parameters.class,
        InversePartialYield.Parameters.defaults()).range("--window", "windowFrom", "windowTo").require("--window").range("--pfy-window", "pfyFrom", "pfyTo");

    @Override public List<RecordOptions<?>> recordOptions() { return List.of(options); }

    /** The normalisation options of {@code xas normalize} (--e0 ... --normalization), generated from NormalizeProcessor.Params. */
    @Mixin NormalizeOptions normalize;

    @Override
    void execute() throws Exception {
        InversePartialYield.Parameters p = options.build(null);
        NormalizeProcessor.Params np = normalize.params();
        EmissionSpectra s = output.readSpectra(scan);
        write(s, RixsFiles.baseName(scan), p, options.text("--window"), options.text("--pfy-window"), np, output);
    }

    /** {@code window} and {@code pfyWindow}: the windows as the user wrote them (plot titles). */
    static void write(EmissionSpectra s, String name, InversePartialYield.Parameters p, String window, String pfyWindow,
                      NormalizeProcessor.Params np, RixsOutput out) throws EdgeworksException {
        InversePartialYield.Yields y = new InversePartialYield().apply(s, p).value();
        Spectrum ip = y.ipfy();
        double[] norm;
        try {
            norm = new NormalizeProcessor().apply(ip, np).value().norm();
        } catch (EdgeworksException e) {
            // the yields stand without it (e.g. a short pre-edge): norm stays empty, said in one line
            norm = null;
            out.warn(List.of("warning: " + name + ".ipfy.csv: norm column left empty: " + e.getMessage()));
        }
        out.csv(name + ".ipfy.csv", List.of("energy", "ipfy", "ipfy_err", "pfy", "pfy_err", "tfy", "tfy_err", "norm"),
            java.util.Arrays.asList(ip.energies(), ip.signal(), ip.uncertainty(), y.pfy() == null ? null : y.pfy().signal(),
                y.pfy() == null ? null : y.pfy().uncertainty(), y.tfy().signal(), y.tfy().uncertainty(), norm), RixsOutput.DIGITS);
        List<LinePlot> panels = new ArrayList<>();
        panels.add(LinePlot.of("iPFY = I0 / PFY " + window + " eV", "Excitation energy (eV)", "iPFY", List.of(Series.of("iPFY", ip.energies(), ip.signal()))));
        if (y.pfy() != null)
            panels.add(LinePlot.of("PFY " + pfyWindow + " eV", "Excitation energy (eV)", "PFY / I0", List.of(Series.of("PFY", ip.energies(), y.pfy().signal()))));
        panels.add(LinePlot.of("TFY", "Excitation energy (eV)", "TFY / I0", List.of(Series.of("TFY", ip.energies(), y.tfy().signal()))));
        out.panels(name + ".ipfy.png", panels);
    }
}
