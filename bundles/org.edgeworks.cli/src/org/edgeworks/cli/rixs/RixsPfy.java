package org.edgeworks.cli.rixs;

import java.nio.file.Path;
import java.util.List;

import org.edgeworks.cli.RecordOptions;
import org.edgeworks.core.data.RixsMap;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.plot.LinePlot;
import org.edgeworks.plot.Series;
import org.edgeworks.rixs.PartialYield;
import org.edgeworks.rixs.TotalYield;
import org.edgeworks.pipeline.rixs.RixsFiles;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code rixs pfy MAP --window A:B --out DIR}: DIR/NAME.pfy.csv (excitation_eV, pfy, tfy) + PNG. */
@Command(name = "pfy", mixinStandardHelpOptions = true, modelTransformer = RecordOptions.Transformer.class,
    description = "PFY over an emission window (and TFY) from a map: DIR/NAME.pfy.csv (excitation_eV, pfy, tfy) + DIR/NAME.pfy.png.")
public final class RixsPfy extends RixsSubcommand implements RecordOptions.Holder {
    @Parameters(index = "0", paramLabel = "MAP") Path mapFile;

    final RecordOptions<PartialYield.Parameters> options = new RecordOptions<>(PartialYield.Parameters.class, PartialYield.Parameters.defaults())
        .range("--window", "from", "to").require("--window");

    @Override public List<RecordOptions<?>> recordOptions() { return List.of(options); }

    @Override
    void execute() throws Exception {
        PartialYield.Parameters w = options.build(null);
        String window = options.text("--window");
        RixsMap m = output.readMap(mapFile);
        String name = RixsFiles.baseName(mapFile);
        Spectrum pfy = new PartialYield().apply(m, w).value();
        Spectrum tfy = new TotalYield().apply(m, TotalYield.Parameters.defaults()).value();
        output.csv(name + ".pfy.csv", List.of("excitation_eV", "pfy", "pfy_err", "tfy", "tfy_err"),
            java.util.Arrays.asList(pfy.energies(), pfy.signal(), pfy.uncertainty(), tfy.signal(), tfy.uncertainty()), RixsOutput.DIGITS);
        output.png(name + ".pfy.png", LinePlot.of("PFY " + window + " eV and TFY of " + name, "Excitation energy (eV)",
            "Yield", List.of(Series.of("PFY " + window + " eV", pfy.energies(), pfy.signal()),
                Series.of("TFY", tfy.energies(), tfy.signal()))));
    }
}
