package org.edgeworks.cli.rixs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeworks.cli.Terminal;
import org.edgeworks.cli.RecordOptions;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.RixsMap;
import org.edgeworks.core.processing.Result;
import org.edgeworks.plot.BarPlot;
import org.edgeworks.plot.LinePlot;
import org.edgeworks.plot.Series;
import org.edgeworks.rixs.QuantifyFeature;
import org.edgeworks.rixs.QuantifySeries;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code rixs quantify MAP... [--method spfy|model2d|box] [--feature EX,EM] ... --out DIR}: the feature
 * intensity of every map (org.edgeworks.rixs.quantify; methods and their defaults in QuantifyFeature),
 * normalised to a reference region; maps given as pristine, charged, discharged (more cycles as
 * charged/discharged pairs) also give reversibility and retention per cycle, each with sigma.
 */
@Command(name = "quantify", mixinStandardHelpOptions = true, modelTransformer = RecordOptions.Transformer.class,
    description = {"Feature intensity with its sigma: spfy (default; sPFY at the feature emission, peak fitted on a smooth background), "
        + "model2d (2-D peak + polynomial) or box (box minus a plane fitted on a frame beyond a gap); normalised to a reference region.",
        "Maps in the order pristine, charged, discharged [, charged, discharged ...] also give reversibility = (I_charged - I_discharged) / "
        + "(I_charged - I_pristine) and retention = I_charged(cycle n) / I_charged(cycle 1).",
        "Writes DIR/quantification.json {rows:[{map, method, feature_intensity, uncertainty, normalised_intensity, normalised_intensity_err, ...}], "
        + "cycles:[{cycle, charged, discharged, reversibility, reversibility_err, retention, retention_err}]}, quantification.csv, "
        + "quantification.png (bars with +-sigma) and, for spfy, quantification.spfy.png (each sPFY with its fit).",
        "--box gives the box half widths for box and the fit region's half widths for model2d."})
public final class RixsQuantify extends RixsSubcommand implements RecordOptions.Holder {
    @Parameters(arity = "1..*", paramLabel = "MAP") List<Path> maps;

    /**
     * From the record: --method, --feature EX,EM, --window (sPFY half width), --fit-window A:B,
     * --neighbour (repeatable), --box DEX,DEM, --gap, --frame FEX,FEM, --reference, --feature-width,
     * --background-degree; for model2d, --box gives the fit region's half widths instead.
     */
    final RecordOptions<QuantifyFeature.Parameters> options = new RecordOptions<>(QuantifyFeature.Parameters.class, QuantifyFeature.Parameters.defaults())
        .paramLabel("method", "METHOD").join("--feature", ",", "EX,EM", "excitation", "emission").rename("windowHalfWidth", "--window")
        .range("--fit-window", "fitFrom", "fitTo").rename("neighbourPeaks", "--neighbour").distinct("neighbourPeaks").join("--box", ",", "DEX,DEM", "halfExcitation", "halfEmission")
        .join("--frame", ",", "FEX,FEM", "frameExcitation", "frameEmission").exclude("regionExcitation", "regionEmission").paramLabel("reference", "REGION");

    @Override public List<RecordOptions<?>> recordOptions() { return List.of(options); }

    @Override
    void execute() throws Exception {
        QuantifyFeature.Parameters q = parameters(); // before any file is read
        List<RixsMap> ms = new ArrayList<>();
        for (Path p : maps) ms.add(output.readMap(p).withName(p.getFileName().toString()));
        write(ms, q, output);
    }

    QuantifyFeature.Parameters parameters() throws EdgeworksException {
        QuantifyFeature.Parameters p = options.build(null);
        if (!QuantifyFeature.MODEL2D.equalsIgnoreCase(p.method()) || !options.given("halfExcitation")) return p;
        QuantifyFeature.Parameters d = QuantifyFeature.Parameters.defaults();
        return options.build(null, Map.of(), Map.of("regionExcitation", Double.toString(p.halfExcitation()), "regionEmission",
            Double.toString(p.halfEmission()), "halfExcitation", Double.toString(d.halfExcitation()), "halfEmission", Double.toString(d.halfEmission())));
    }

    static QuantifySeries.Table write(List<RixsMap> maps, QuantifyFeature.Parameters p, RixsOutput out) throws EdgeworksException {
        Result<QuantifySeries.Table> r = new QuantifySeries().apply(new QuantifySeries.MapSeries(maps), p);
        out.warn(r.provenance().notes());
        QuantifySeries.Table t = r.value();
        List<Map<String, Object>> rows = new ArrayList<>();
        StringBuilder csv = new StringBuilder("map,method,feature_intensity,feature_intensity_err,normalised_intensity,normalised_intensity_err,"
            + "reference_intensity,background,cycle,reversibility,reversibility_err,retention,retention_err\n");
        List<String> labels = new ArrayList<>();
        double[] values = new double[maps.size()], errors = new double[maps.size()];
        int k = 0;
        for (QuantifyFeature.Quantification q : t.rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("map", q.map());
            row.put("method", q.method());
            row.put("feature_intensity", q.featureIntensity());
            row.put("uncertainty", q.uncertainty());
            row.put("normalised_intensity", q.normalisedIntensity());
            row.put("normalised_intensity_err", q.normalisedIntensityStderr());
            row.put("background", q.background());
            row.put("reference_intensity", q.referenceIntensity());
            row.put("reference_intensity_err", q.referenceIntensityStderr());
            row.put("centre_excitation", q.centreExcitation());
            row.put("centre_emission", q.centreEmission());
            row.put("reduced_chi_square", finite(q.reducedChiSquare()));
            row.put("box_cells", q.boxCells());
            row.put("frame_cells", q.frameCells());
            rows.add(row);
            QuantifySeries.Cycle c = null;
            for (QuantifySeries.Cycle x : t.cycles()) if (x.charged().equals(q.map())) c = x;
            csv.append(String.join(",", q.map(), q.method(), num(q.featureIntensity()), num(q.uncertainty()), num(q.normalisedIntensity()),
                num(q.normalisedIntensityStderr()), num(q.referenceIntensity()), num(q.background()),
                c == null ? "" : Integer.toString(c.cycle()), c == null ? "" : num(c.reversibility()), c == null ? "" : num(c.reversibilityStderr()),
                c == null ? "" : num(c.retention()), c == null ? "" : num(c.retentionStderr()))).append('\n');
            labels.add(q.map().replace(".map.nxs", ""));
            values[k] = q.normalisedIntensity();
            errors[k++] = q.normalisedIntensityStderr();
        }
        List<Map<String, Object>> cycles = new ArrayList<>();
        StringBuilder subtitle = new StringBuilder();
        for (QuantifySeries.Cycle c : t.cycles()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("cycle", c.cycle());
            row.put("charged", c.charged());
            row.put("discharged", c.discharged());
            row.put("reversibility", finite(c.reversibility()));
            row.put("reversibility_err", finite(c.reversibilityStderr()));
            row.put("retention", finite(c.retention()));
            row.put("retention_err", finite(c.retentionStderr()));
            cycles.add(row);
            if (Double.isFinite(c.reversibility()))
                subtitle.append(String.format(java.util.Locale.ROOT, "; cycle %d reversibility %.3f +- %.3f", c.cycle(), c.reversibility(),
                    c.reversibilityStderr()));
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("rows", rows);
        doc.put("cycles", cycles);
        doc.put("parameters", r.provenance().parameters());
        doc.put("processor", r.provenance().processorId());
        doc.put("notes", r.provenance().notes());
        out.json("quantification.json", doc);
        out.text("quantification.csv", csv.toString());
        out.barPng("quantification.png", new BarPlot(p.method() + " " + p.excitation() + " / " + p.emission() + " eV, / " + p.reference()
            + subtitle, "Normalised intensity", labels, values, errors));
        List<LinePlot> fits = new ArrayList<>();
        for (QuantifyFeature.Quantification q : t.rows())
            if (q.profile() != null)
                fits.add(LinePlot.of(q.map() + ": sPFY and fit, area " + RixsOutput.fmt(q.featureIntensity()) + " +- " + RixsOutput.fmt(q.uncertainty()),
                    "Excitation energy (eV)", "sPFY", List.of(Series.of("sPFY", q.profile().energies(), q.profile().signal()),
                        new Series("fit", q.profile().energies(), q.profileFit(), true))));
        if (!fits.isEmpty()) out.panels("quantification.spfy.png", fits);
        out.log.print(table(t, p, true));
        out.log.flush();
        return t;
    }

    /**
     * The table {@code rixs quantify} prints (and the demo writes as quantification.txt): per map the
     * method, feature intensity and sigma, normalised intensity and sigma; then one row per cycle with
     * reversibility and retention and their sigma. An undefined value is left blank. Columns are as
     * wide as their widest cell ({@link Terminal.Table}); {@code rounded}: each value to the digits its
     * sigma supports ({@link Terminal#pm}, the terminal), else 6 significant digits (the file).
     */
    static String table(QuantifySeries.Table t, QuantifyFeature.Parameters p, boolean rounded) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(java.util.Locale.ROOT, "feature %s / %s eV, method %s", RixsOutput.fmt(p.excitation()), RixsOutput.fmt(p.emission()), p.method()));
        if (QuantifyFeature.SPFY.equalsIgnoreCase(p.method()))
            b.append(String.format(java.util.Locale.ROOT, " (sPFY %s +- %s eV, peak fitted over %s-%s eV; quantification.spfy.png)",
                RixsOutput.fmt(p.emission()), RixsOutput.fmt(p.windowHalfWidth()), RixsOutput.fmt(p.fitFrom()), RixsOutput.fmt(p.fitTo())));
        b.append(", normalised to ").append(p.reference()).append('\n');
        Terminal.Table maps = rounded ? new Terminal.Table("map", "method", "intensity +- sigma", "normalised +- sigma")
            : new Terminal.Table("map", "method", "intensity", "+- sigma", "normalised", "+- sigma");
        for (QuantifyFeature.Quantification q : t.rows())
            if (rounded) maps.row(q.map(), q.method(), Terminal.pm(q.featureIntensity(), q.uncertainty()),
                Terminal.pm(q.normalisedIntensity(), q.normalisedIntensityStderr()));
            else maps.row(q.map(), q.method(), cell(q.featureIntensity()), cell(q.uncertainty()), cell(q.normalisedIntensity()),
                cell(q.normalisedIntensityStderr()));
        b.append(maps.render());
        if (!t.cycles().isEmpty()) {
            b.append("reversibility = (I_charged - I_discharged) / (I_charged - I_pristine); retention = I_charged(n) / I_charged(1)\n");
            Terminal.Table cycles = rounded ? new Terminal.Table("cycle", "charged", "discharged", "reversibility +- sigma", "retention +- sigma")
                : new Terminal.Table("cycle", "charged", "discharged", "reversibility", "+- sigma", "retention", "+- sigma");
            for (QuantifySeries.Cycle c : t.cycles()) {
                String discharged = c.discharged() == null ? "" : c.discharged();
                if (rounded) cycles.row(Integer.toString(c.cycle()), c.charged(), discharged, Terminal.pm(c.reversibility(), c.reversibilityStderr()),
                    Terminal.pm(c.retention(), c.retentionStderr()));
                else cycles.row(Integer.toString(c.cycle()), c.charged(), discharged, cell(c.reversibility()), cell(c.reversibilityStderr()),
                    cell(c.retention()), cell(c.retentionStderr()));
            }
            b.append(cycles.render());
        }
        return b.toString();
    }

    /** A table cell: 6 significant digits, blank when not defined. */
    private static String cell(double v) { return Double.isFinite(v) ? String.format(java.util.Locale.ROOT, "%.6g", v) : ""; }

    /** A number for JSON, or null (JSON null, never NaN) when not defined. */
    static Double finite(double v) { return Double.isFinite(v) ? v : null; }

    /** A CSV cell: empty when not defined. */
    static String num(double v) { return Double.isFinite(v) ? String.format(java.util.Locale.ROOT, "%.9g", v) : ""; }
}
