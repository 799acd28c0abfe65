package org.edgeworks.cli.rixs;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.processing.Result;
import org.edgeworks.plot.Colormap;
import org.edgeworks.core.data.RixsMap;
import org.edgeworks.core.processing.SourceRef;
import org.edgeworks.rixs.BuildMap;
import org.edgeworks.rixs.EmissionSpectra;
import org.edgeworks.rixs.MapFromSpectra;
import org.edgeworks.pipeline.rixs.RixsFiles;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rixs build RAW... --out DIR}: NAME.map.nxs, NAME.map.png, NAME.calibration.json per input. */
@Command(name = "build", mixinStandardHelpOptions = true,
    description = {"Build an mRIXS map from each raw scan (NeXus stack, multi-page TIFF or folder of TIFF frames with a table), "
        + "or from reduced emission spectra (NXdata points x channels with excitation and emission axes and an NXmonitor I0).",
        "Writes DIR/NAME.map.nxs (NXdata + intensity_errors + NXprocess), DIR/NAME.map.png and (image stacks) DIR/NAME.calibration.json."})
public final class RixsBuild extends RixsSubcommand {
    @Parameters(arity = "1..*", paramLabel = "RAW", description = "Raw scans.")
    List<Path> raws;

    @Option(names = "--table", paramLabel = "FILE", description = "TIFF input: excitation_eV, I0 [, count_time] per frame (default NAME.csv next to it).")
    Path table;

    @Option(names = "--excitation-energies", split = ",", paramLabel = "E1,E2,...", description = "TIFF input without a table: excitation energy of each frame (eV).")
    double[] energies;

    @Option(names = "--i0", split = ",", paramLabel = "I1,I2,...", description = "TIFF input without a table: I0 of each frame (default 1).")
    double[] i0;

    @Option(names = "--repeats", defaultValue = "1", description = "Consecutive frames per excitation point (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--dark-level", description = "Constant dark level when the scan has no dark frames (default 0).")
    double darkLevel;

    @Option(names = "--cosmic-threshold", description = "Spike threshold in sigma, 0 = off (default 8).")
    Double cosmicThreshold;

    @Option(names = "--curvature-degree", description = "0 none, 1 slope, 2 curvature (default 2).")
    Integer curvatureDegree;

    @Option(names = "--max-shift", description = "Largest line shift across rows in pixels (default 0: the whole detector width; a shift at a given bound is a warning).")
    Integer maxShift;

    @Option(names = "--calibration-degree", description = "Pixel-to-eV polynomial degree, 1 or 2 (default 1).")
    Integer calibrationDegree;

    @Option(names = "--calibration", split = ",", paramLabel = "C0,C1[,C2]", description = "Given pixel-to-eV coefficients E = C0 + C1 p + C2 p^2 instead of the elastic-line fit.")
    double[] calibration;

    @Option(names = "--energy-decreases-with-pixel", description = "The dispersive axis runs from high to low energy.")
    boolean decreasing;

    @Option(names = "--emission-step", description = "Emission step of the map in eV (default 0: one pixel at the detector centre for image stacks, the median channel spacing for reduced spectra).")
    Double emissionStep;

    @Option(names = "--threads", description = "Worker threads (default all processors).")
    Integer threads;

    @Override
    void execute() throws Exception {
        for (Path raw : raws) build(raw, output, parameters(), table, energies, i0, repeats);
    }

    BuildMap.Parameters parameters() {
        BuildMap.Parameters d = BuildMap.Parameters.defaults();
        return new BuildMap.Parameters(darkLevel, cosmicThreshold != null ? cosmicThreshold : d.cosmicThreshold(), d.gain(),
            curvatureDegree != null ? curvatureDegree : d.curvatureDegree(), d.curvatureRowBin(), d.curvatureFrames(),
            maxShift != null ? maxShift : d.curvatureMaxShift(), null,
            calibrationDegree != null ? calibrationDegree : d.calibrationDegree(), calibration, !decreasing, d.elasticThreshold(),
            d.elasticHalfWidth(), emissionStep != null ? emissionStep : 0, threads != null ? threads : 0, 0);
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
            BuildMap.MapBuild b = res.value();
            out.map(name + ".map.nxs", b.map().withName(name), List.of(res.provenance().withSource(r.source())), r.source());
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
        EmissionSpectra s = RixsFiles.readSpectra(raw);
        if (s.i0() == null)
            throw new EdgeworksException(raw, null, "neither an image stack nor reduced spectra with an NXmonitor I0 (already a map?)");
        Result<RixsMap> res = new MapFromSpectra().apply(s, new MapFromSpectra.Parameters(emissionStep));
        String name = RixsFiles.baseName(raw);
        SourceRef source = new SourceRef(raw.toAbsolutePath().toString(), null, org.edgeworks.core.io.Checksums.sha256(raw));
        out.map(name + ".map.nxs", res.value().withName(name), List.of(res.provenance().withSource(source)), source);
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
