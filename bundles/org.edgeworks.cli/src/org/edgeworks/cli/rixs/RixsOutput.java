package org.edgeworks.cli.rixs;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.edgeworks.cli.CommandOutput;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.RixsMap;
import org.edgeworks.plot.BarPlot;
import org.edgeworks.plot.Colormap;
import org.edgeworks.plot.MapPlot;
import org.edgeworks.plot.PngPlots;
import org.edgeworks.plot.Scaling;
import org.edgeworks.pipeline.rixs.RixsFiles;

/**
 * The output mixin of the rixs subcommands: {@link CommandOutput}'s folder and writers, plus the
 * map and bar plots, the map files and the range parsers of the rixs options.
 */
public final class RixsOutput extends CommandOutput {
    /** The rixs tables' CSV precision (significant digits), as they were before the one CSV writer. */
    static final int DIGITS = 9;

    public RixsOutput() {
        log = new PrintWriter(System.out, true);
    }

    /** For the demo: writes into {@code dir}, replacing earlier outputs. */
    public RixsOutput(Path dir, PrintWriter log) {
        super(dir, log);
    }

    /**
     * A map file read through the detectors ({@link RixsFiles#readMap(Path, List)}); what the detector
     * noted (an energy axis without a unit, decided by the one rule, EnergyUnits) is printed as a warning.
     */
    RixsMap readMap(Path file) throws EdgeworksException {
        List<String> notes = new java.util.ArrayList<>();
        RixsMap m = RixsFiles.readMap(file, notes);
        noted(notes);
        return m;
    }

    /** Reduced emission spectra (or a map) read through the detectors, notes printed as for {@link #readMap}. */
    org.edgeworks.rixs.EmissionSpectra readSpectra(Path file) throws EdgeworksException {
        List<String> notes = new java.util.ArrayList<>();
        org.edgeworks.rixs.EmissionSpectra s = RixsFiles.readSpectra(file, notes);
        noted(notes);
        return s;
    }

    /** What a reader noted, one warning line each ("edgeworks: warning: FILE: ..."). */
    void noted(List<String> notes) {
        warn(notes.stream().map(n -> "warning: " + n).toList());
    }

    void mapPng(String name, RixsMap m, String title, Colormap colormap) throws EdgeworksException {
        Path p = file(name);
        boolean loss = m.emission().name().contains("loss");
        PngPlots.mapPlot(p, overwrite, new MapPlot(title, loss ? "Energy loss (eV)" : "Emission energy (eV)", "Excitation energy (eV)",
            m.emission().values(), m.excitation().values(), m.data(), colormap, Scaling.percentile(0.5, 99.5)));
        printed(p);
    }

    void barPng(String name, BarPlot plot) throws EdgeworksException {
        Path p = file(name);
        PngPlots.barPlot(p, overwrite, plot);
        printed(p);
    }

    void map(String name, RixsMap m, List<org.edgeworks.core.processing.Provenance> steps,
             org.edgeworks.core.processing.SourceRef source) throws EdgeworksException {
        Path p = file(name);
        RixsFiles.writeMap(p, overwrite, m, steps, source);
        printed(p);
    }

    /** Parses "A:B" (eV). */
    static double[] range(String option, String text) throws EdgeworksException {
        String[] ab = text == null ? new String[0] : text.split(":");
        try {
            if (ab.length != 2) throw new NumberFormatException();
            double a = Double.parseDouble(ab[0].trim()), b = Double.parseDouble(ab[1].trim());
            if (!(a != b) || !Double.isFinite(a) || !Double.isFinite(b)) throw new NumberFormatException();
            return new double[] {Math.min(a, b), Math.max(a, b)};
        } catch (NumberFormatException e) {
            throw EdgeworksException.of(option, "'" + text + "' is not a range A:B in eV");
        }
    }

    /** Parses "a,b" into two numbers. */
    static double[] pair(String option, String text) throws EdgeworksException {
        String[] ab = text == null ? new String[0] : text.split(",");
        try {
            if (ab.length != 2) throw new NumberFormatException();
            return new double[] {Double.parseDouble(ab[0].trim()), Double.parseDouble(ab[1].trim())};
        } catch (NumberFormatException e) {
            throw EdgeworksException.of(option, "'" + text + "' must be two numbers a,b");
        }
    }

    static String fmt(double v) { return String.format(Locale.ROOT, "%.4g", v); }

    /**
     * An energy in a column name, exactly as given and always with its decimal point (527 -> "527.0",
     * 640.25 -> "640.25"): never rounded (%.4g made 640.25 "640.3") and never read as another number.
     */
    static String energy(double ev) {
        String t = java.math.BigDecimal.valueOf(ev).toPlainString();
        return t.contains(".") ? t : t + ".0";
    }
}
