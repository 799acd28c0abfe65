package org.edgeworks.cli.rixs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.RixsMap;
import org.edgeworks.core.processing.Result;
import org.edgeworks.plot.BarPlot;
import org.edgeworks.rixs.QuantifyFeature;
import org.edgeworks.rixs.QuantifySeries;
import org.edgeworks.pipeline.rixs.RixsFiles;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rixs quantify MAP... --feature 531.0,523.7 --box 0.3,0.5 [--reference ...] --out DIR}. */
@Command(name = "quantify", mixinStandardHelpOptions = true,
    description = {"Feature intensity (box minus a background plane fitted on a frame around it), normalised to a reference region.",
        "Writes DIR/quantification.json {rows:[{map, feature_intensity, normalised_intensity, ...}]}, .csv and a bar plot .png."})
public final class RixsQuantify implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "MAP") List<Path> maps;

    @Mixin RixsOutput output;

    @Option(names = "--feature", defaultValue = "531.0,523.7", paramLabel = "EX,EM", description = "Feature centre in eV (default ${DEFAULT-VALUE}).")
    String feature;

    @Option(names = "--box", defaultValue = "0.3,0.5", paramLabel = "DEX,DEM", description = "Box half widths in eV (default ${DEFAULT-VALUE}).")
    String box;

    @Option(names = "--frame", paramLabel = "FEX,FEM", description = "Background frame widths beyond the box in eV (default: the box half widths).")
    String frame;

    @Option(names = "--reference", defaultValue = "total", paramLabel = "REGION",
        description = "'total' or exFrom:exTo,emFrom:emTo in eV (e.g. the 525 eV TM-O feature); default ${DEFAULT-VALUE}.")
    String reference;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        output.log = spec.commandLine().getOut();
        List<RixsMap> ms = new ArrayList<>();
        for (Path p : maps) ms.add(RixsFiles.readMap(p).withName(p.getFileName().toString()));
        write(ms, parameters(feature, box, frame, reference), output);
        return 0;
    }

    static QuantifyFeature.Parameters parameters(String feature, String box, String frame, String reference) throws EdgeworksException {
        double[] f = RixsOutput.pair("--feature", feature), b = RixsOutput.pair("--box", box);
        double[] fr = frame == null ? b : RixsOutput.pair("--frame", frame);
        return new QuantifyFeature.Parameters(f[0], f[1], b[0], b[1], fr[0], fr[1], reference);
    }

    static QuantifySeries.Table write(List<RixsMap> maps, QuantifyFeature.Parameters p, RixsOutput out) throws EdgeworksException {
        Result<QuantifySeries.Table> r = new QuantifySeries().apply(new QuantifySeries.MapSeries(maps), p);
        List<Map<String, Object>> rows = new ArrayList<>();
        StringBuilder csv = new StringBuilder("map,feature_intensity,uncertainty,background,reference_intensity,normalised_intensity\n");
        List<String> labels = new ArrayList<>();
        double[] values = new double[maps.size()];
        int k = 0;
        for (QuantifyFeature.Quantification q : r.value().rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("map", q.map());
            row.put("feature_intensity", q.featureIntensity());
            row.put("normalised_intensity", q.normalisedIntensity());
            row.put("uncertainty", q.uncertainty());
            row.put("background", q.background());
            row.put("reference_intensity", q.referenceIntensity());
            row.put("box_cells", q.boxCells());
            row.put("frame_cells", q.frameCells());
            rows.add(row);
            csv.append(q.map()).append(',').append(q.featureIntensity()).append(',').append(q.uncertainty()).append(',')
                .append(q.background()).append(',').append(q.referenceIntensity()).append(',').append(q.normalisedIntensity()).append('\n');
            labels.add(q.map().replace(".map.nxs", ""));
            values[k++] = q.normalisedIntensity();
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("rows", rows);
        doc.put("parameters", r.provenance().parameters());
        doc.put("processor", r.provenance().processorId());
        doc.put("notes", r.provenance().notes());
        out.json("quantification.json", doc);
        out.text("quantification.csv", csv.toString());
        out.barPng("quantification.png", new BarPlot("Feature " + p.excitation() + " / " + p.emission() + " eV, normalised to "
            + p.reference(), "Normalised intensity", labels, values));
        return r.value();
    }
}
