package org.edgeworks.cli.rixs;

import java.nio.file.Path;
import java.util.List;

import org.edgeworks.core.data.RixsMap;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.plot.LinePlot;
import org.edgeworks.plot.Series;
import org.edgeworks.rixs.PartialYield;
import org.edgeworks.rixs.TotalYield;
import org.edgeworks.pipeline.rixs.RixsFiles;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rixs pfy MAP --window A:B --out DIR}: DIR/NAME.pfy.csv (excitation_eV, pfy, tfy) + PNG. */
@Command(name = "pfy", mixinStandardHelpOptions = true,
    description = "PFY over an emission window (and TFY) from a map: DIR/NAME.pfy.csv (excitation_eV, pfy, tfy) + DIR/NAME.pfy.png.")
public final class RixsPfy extends RixsSubcommand {
    @Parameters(index = "0", paramLabel = "MAP") Path mapFile;

    @Option(names = "--window", required = true, paramLabel = "A:B", description = "Emission window in eV.")
    String window;

    @Override
    void execute() throws Exception {
        double[] w = RixsOutput.range("--window", window);
        RixsMap m = RixsFiles.readMap(mapFile);
        String name = RixsFiles.baseName(mapFile);
        Spectrum pfy = new PartialYield().apply(m, new PartialYield.Parameters(w[0], w[1])).value();
        Spectrum tfy = new TotalYield().apply(m, TotalYield.Parameters.defaults()).value();
        output.csv(name + ".pfy.csv", List.of("excitation_eV", "pfy", "pfy_err", "tfy", "tfy_err"),
            java.util.Arrays.asList(pfy.energies(), pfy.signal(), pfy.uncertainty(), tfy.signal(), tfy.uncertainty()), RixsOutput.DIGITS);
        output.png(name + ".pfy.png", LinePlot.of("PFY " + window + " eV and TFY of " + name, "Excitation energy (eV)",
            "Yield", List.of(Series.of("PFY " + window + " eV", pfy.energies(), pfy.signal()),
                Series.of("TFY", tfy.energies(), tfy.signal()))));
    }
}
