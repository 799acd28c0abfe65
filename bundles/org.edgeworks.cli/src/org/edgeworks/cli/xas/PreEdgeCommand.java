package org.edgeworks.cli.xas;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeworks.cli.RecordOptions;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.plot.LinePlot;
import org.edgeworks.plot.Series;
import org.edgeworks.xas.PreEdgeProcessor;
import org.edgeworks.xas.PreEdgeSeries;
import org.edgeworks.pipeline.xas.XasInput;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code xas preedge FILE...}: NAME.preedge.json, .csv, .png. The fit options ({@code --e0 --emin
 * --emax --elo --ehi --baseline --peaks --centre --eta --fwhm}) are generated from
 * {@link PreEdgeProcessor.Params} ({@link RecordOptions}).
 */
@Command(name = "preedge", mixinStandardHelpOptions = true, modelTransformer = RecordOptions.Transformer.class,
    description = "Fit pre-edge peaks (baseline + pseudo-Voigt peaks).")
public final class PreEdgeCommand extends XasSubcommand implements RecordOptions.Holder {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Input files (any format a detector bundle reads).") List<Path> files;
    final RecordOptions<PreEdgeProcessor.Params> options =
        new RecordOptions<>(PreEdgeProcessor.Params.class, PreEdgeProcessor.Params.defaults()).rename("centres", "--centre").distinct("centres");

    @Override public List<RecordOptions<?>> recordOptions() { return List.of(options); }

    @Option(names = "--name", paramLabel = "NAME", defaultValue = "preedge", description = "Series table base name (default preedge): NAME.json, NAME.csv, NAME.png, one row per file.") String name;

    @Override
    void execute() throws EdgeworksException {
        PreEdgeProcessor.Params p = options.build(null);
        List<PreEdgeProcessor.PreEdge> fits = new ArrayList<>();
        for (XasInput.Loaded l : in.loadAll(files, out.log)) {
            String name = l.spectrum().name();
            var r = new PreEdgeProcessor().apply(in.norm(l), p);
            var v = r.value();
            fits.add(v);
            warn(r.provenance().notes());
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("name", name);
            json.put("e0", v.e0());
            json.put("baseline", v.baseline().label());
            json.put("peaks", PreEdgeSeries.peaks(PreEdgeSeries.of(List.of(v)).get(0).peaks()));
            json.put("total_area", v.totalArea());
            json.put("total_area_stderr", v.totalAreaStderr());
            json.put("centroid", v.centroid());
            json.put("centroid_stderr", v.centroidStderr());
            json.put("reduced_chi2", v.reducedChi2());
            json.put("r_factor", v.rFactor());
            json.put("provenance", XasOutput.provenance(r.provenance(), List.of(l.source()), l.notes()));
            out.json(name + ".preedge.json", json);
            double[] peaksOnly = new double[v.energy().length];
            for (int i = 0; i < peaksOnly.length; i++) peaksOnly[i] = v.fit()[i] - v.baselineCurve()[i];
            out.csv(name + ".preedge.csv", List.of("energy", "data", "baseline", "fit", "peaks"), List.of(v.energy(), v.data(), v.baselineCurve(), v.fit(), peaksOnly));
            List<Double> marks = new ArrayList<>();
            for (var pk : v.peaks()) marks.add(pk.centre());
            out.png(name + ".preedge.png", new LinePlot(name + ": pre-edge peaks, total area " + String.format(java.util.Locale.ROOT, "%.4g", v.totalArea()),
                "Energy (eV)", "normalised", List.of(XasOutput.line("data", v.energy(), v.data()), XasOutput.line("fit", v.energy(), v.fit()),
                    XasOutput.dashed("baseline", v.energy(), v.baselineCurve())), marks));
        }
        if (fits.isEmpty()) return;
        // the series table: one row per file, shifts relative to the first
        var table = PreEdgeSeries.of(fits);
        Map<String, Object> json = new LinkedHashMap<>(PreEdgeSeries.json(table));
        json.put("reference_row", fits.get(0).name());
        out.json(name + ".json", json);
        out.text(name + ".csv", PreEdgeSeries.csv(table));
        int np = 0;
        for (var row : table) np = Math.max(np, row.peaks().size());
        List<Series> series = new ArrayList<>();
        double[] index = new double[table.size()];
        for (int i = 0; i < index.length; i++) index[i] = i + 1;
        for (int k = 0; k < np; k++) {
            double[] shift = new double[table.size()];
            for (int i = 0; i < shift.length; i++) {
                var cells = table.get(i).peaks();
                shift[i] = k < cells.size() && cells.get(k).shift() != null ? cells.get(k).shift() : Double.NaN;
            }
            if (java.util.Arrays.stream(shift).anyMatch(Double::isFinite)) series.add(XasOutput.line("peak " + (k + 1) + " shift", index, shift));
        }
        out.png(name + ".png", new LinePlot("Peak centre shift relative to " + fits.get(0).name(), "file (order given)", "shift (eV)", series, List.of()));
    }
}
