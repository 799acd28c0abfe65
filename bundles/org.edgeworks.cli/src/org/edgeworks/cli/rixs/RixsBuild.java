package org.edgeworks.cli.rixs;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeworks.cli.RecordOptions;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.processing.Result;
import org.edgeworks.plot.Colormap;
import org.edgeworks.core.data.RixsMap;
import org.edgeworks.core.processing.SourceRef;
import org.edgeworks.rixs.BuildMap;
import org.edgeworks.rixs.EmissionSpectra;
import org.edgeworks.rixs.MapFromSpectra;
import org.edgeworks.pipeline.ScanToRawStack;
import org.edgeworks.pipeline.rixs.RixsFiles;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rixs build RAW... --out DIR}: NAME.map.nxs, NAME.map.png, NAME.calibration.json per input. */
@Command(name = "build", mixinStandardHelpOptions = true, modelTransformer = RecordOptions.Transformer.class,
    description = {"Build an mRIXS map from each raw scan (NeXus stack, multi-page TIFF or folder of TIFF frames with a table), "
        + "or from reduced emission spectra (NXdata points x channels with excitation and emission axes and an NXmonitor I0).",
        "Writes DIR/NAME.map.nxs (NXdata + intensity_errors + NXprocess), DIR/NAME.map.png and (image stacks) DIR/NAME.calibration.json."})
public final class RixsBuild extends RixsSubcommand implements RecordOptions.Holder {
    @Parameters(arity = "1..*", paramLabel = "RAW", description = "Raw scans.")
    List<Path> raws;

    @Option(names = "--table", paramLabel = "FILE", description = "TIFF input: excitation_eV, I0 [, count_time] per frame (default NAME.csv next to it).")
    Path table;

    @Option(names = "--excitation-energies", split = ",", paramLabel = "E1,E2,...", description = "TIFF input without a table: excitation energy of each frame (eV).")
    double[] energies;

    @Option(names = "--i0", split = ",", paramLabel = "I1,I2,...", description = "TIFF input without a table: I0 of each frame (default 1).")
    double[] i0;

    @Option(names = "--energy-decreases-with-pixel", description = "The dispersive axis runs from high to low energy.")
    boolean decreasing;

    /** --repeats from the raw-stack adapter's record; the reduction options from BuildMap's (--max-shift is curvatureMaxShift). */
    final RecordOptions<ScanToRawStack.Params> stack = new RecordOptions<>(ScanToRawStack.Params.class, ScanToRawStack.Params.defaults());
    final RecordOptions<BuildMap.Parameters> reduction = new RecordOptions<>(BuildMap.Parameters.class, BuildMap.Parameters.defaults())
        .rename("curvatureMaxShift", "--max-shift").exclude("energyIncreasesWithPixel").paramLabel("calibration", "C");

    @Override public List<RecordOptions<?>> recordOptions() { return List.of(stack, reduction); }

    @Override
    void execute() throws Exception {
        BuildMap.Parameters p = parameters();
        int repeats = stack.build(null).repeats();
        for (Path raw : raws) build(raw, output, p, table, energies, i0, repeats);
    }

    BuildMap.Parameters parameters() throws EdgeworksException {
        return reduction.build(null, Map.of("energyIncreasesWithPixel", String.valueOf(!decreasing)));
    }

    /** Builds one scan and writes its three outputs; returns the build (the demo uses it). */
    static BuildMap.MapBuild build(Path raw, RixsOutput out, BuildMap.Parameters p, Path table, int repeats) throws Exception {
        return build(raw, out, p, table, null, null, repeats);
    }

    static BuildMap.MapBuild build(Path raw, RixsOutput out, BuildMap.Parameters p, Path table, double[] energies, double[] i0,
                                   int repeats) throws Exception {
        if (!RixsFiles.isImageStack(raw)) {
            buildFromSpectra(raw, out, p.emissionStep());
            return null;
        }
        try (RixsFiles.Raw r = RixsFiles.openRaw(raw, table, energies, i0, repeats)) {
            Result<BuildMap.MapBuild> res;
            try {
                res = new BuildMap().apply(r.stack(), p);
            } catch (EdgeworksException e) {
                throw e.file() == null || e.file().equals(r.stack().name()) ? e.in(raw.toString(), r.source().pathInFile()) : e;
            }
            String name = RixsFiles.baseName(raw);
            out.warn(res.provenance().notes());
            out.noted(r.notes());
            BuildMap.MapBuild b = res.value();
            org.edgeworks.core.processing.Provenance step = res.provenance().withSource(r.source());
            for (String n : r.notes()) step = step.withNote(n);
            out.map(name + ".map.nxs", b.map().withName(name), List.of(step), r.source());
            out.mapPng(name + ".map.png", b.map(), "mRIXS map " + name, Colormap.JET);
            out.json(name + ".calibration.json", calibrationReport(name, raw, res));
            return b;
        }
    }

    /**
     * Reduced emission spectra (NXdata points x channels, @axes excitation and emission in eV,
     * NXmonitor I0): the same map scale through org.edgeworks.rixs.mapFromSpectra (no image steps,
     * so no calibration report).
     */
    static void buildFromSpectra(Path raw, RixsOutput out, double emissionStep) throws EdgeworksException {
        List<String> notes = new java.util.ArrayList<>();
        EmissionSpectra s = RixsFiles.readSpectra(raw, notes);
        out.noted(notes);
        if (s.i0() == null)
            throw new EdgeworksException(raw, null, "neither an image stack nor reduced spectra with an NXmonitor I0 (already a map?)");
        Result<RixsMap> res = new MapFromSpectra().apply(s, new MapFromSpectra.Parameters(emissionStep));
        String name = RixsFiles.baseName(raw);
        SourceRef source = new SourceRef(raw.toAbsolutePath().toString(), null, org.edgeworks.core.io.Checksums.sha256(raw));
        org.edgeworks.core.processing.Provenance step = res.provenance().withSource(source);
        for (String n : notes) step = step.withNote(n);
        out.map(name + ".map.nxs", res.value().withName(name), List.of(step), source);
        out.mapPng(name + ".map.png", res.value(), "mRIXS map " + name + " (reduced spectra)", Colormap.JET);
    }

    static Map<String, Object> calibrationReport(String name, Path raw, Result<BuildMap.MapBuild> res) {
        BuildMap.MapBuild b = res.value();
        Map<String, Object> curvature = new LinkedHashMap<>();
        curvature.put("model", "shift(u) = sum_k coefficients[k] u^k pixels, u = row - centre_row");
        curvature.put("coefficients", b.curvature().coefficients());
        curvature.put("coefficient_errors", java.util.Arrays.stream(b.curvature().coefficientErrors()).mapToObj(v -> Double.isFinite(v) ? v : null).toList());
        curvature.put("centre_row", b.curvature().centreRow());
        curvature.put("bin_rows", b.curvature().binRows());
        curvature.put("measured_shifts_px", b.curvature().measuredShifts());
        curvature.put("residuals_px", b.curvature().residuals());
        curvature.put("rms_residual_px", b.curvature().rmsResidual());
        Map<String, Object> cal = new LinkedHashMap<>();
        cal.put("model", "E_emission(p) = sum_k coefficients[k] p^k eV, p = straightened dispersive pixel");
        cal.put("degree", b.calibration().degree());
        cal.put("coefficients", b.calibration().coefficients());
        cal.put("excitation_eV", b.calibration().excitation());
        cal.put("elastic_pixel", b.calibration().pixels());
        cal.put("used", b.calibration().used());
        cal.put("residuals_eV", b.calibration().residuals());
        cal.put("rms_residual_eV", b.calibration().rmsResidual());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("map", name);
        m.put("raw", raw.toAbsolutePath().toString());
        m.put("curvature", curvature);
        m.put("calibration", cal);
        m.put("stats", b.stats());
        m.put("parameters", res.provenance().parameters());
        m.put("notes", res.provenance().notes());
        return m;
    }
}
