package org.edgeworks.cli.rixs;

import java.nio.file.Path;
import java.util.List;

import org.edgeworks.cli.RecordOptions;
import org.edgeworks.core.data.RixsMap;
import org.edgeworks.core.processing.Result;
import org.edgeworks.plot.Colormap;
import org.edgeworks.rixs.DifferenceMap;
import org.edgeworks.pipeline.rixs.RixsFiles;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code rixs diff MAP_A MAP_B --normalise-region ... --out DIR}: DIR/A-minus-B.diff.nxs and .png. */
@Command(name = "diff", mixinStandardHelpOptions = true, modelTransformer = RecordOptions.Transformer.class,
    description = "Difference map A - B after dividing each by its integral over a common region: DIR/A-minus-B.diff.nxs + .diff.png.")
public final class RixsDiff extends RixsSubcommand implements RecordOptions.Holder {
    @Parameters(index = "0", paramLabel = "MAP_A") Path a;
    @Parameters(index = "1", paramLabel = "MAP_B") Path b;

    final RecordOptions<DifferenceMap.Parameters> options = new RecordOptions<>(DifferenceMap.Parameters.class, DifferenceMap.Parameters.defaults())
        .rename("region", "--normalise-region").paramLabel("region", "REGION");

    @Override public List<RecordOptions<?>> recordOptions() { return List.of(options); }

    @Override
    void execute() throws Exception {
        DifferenceMap.Parameters p = options.build(null);
        RixsMap ma = output.readMap(a), mb = output.readMap(b);
        String name = RixsFiles.baseName(a) + "-minus-" + RixsFiles.baseName(b);
        Result<DifferenceMap.Difference> r = new DifferenceMap().apply(new DifferenceMap.MapPair(ma, mb), p);
        output.map(name + ".diff.nxs", r.value().difference(), List.of(r.provenance()), null);
        output.mapPng(name + ".diff.png", r.value().difference(), name + " (normalised to " + p.region() + ")", Colormap.JET);
    }
}
