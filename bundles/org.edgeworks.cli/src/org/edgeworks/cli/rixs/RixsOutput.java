package org.edgeworks.cli.rixs;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.RixsMap;
import org.edgeworks.core.io.AtomicFiles;
import org.edgeworks.core.io.Csv;
import org.edgeworks.core.io.JsonOut;
import org.edgeworks.plot.BarPlot;
import org.edgeworks.plot.Colormap;
import org.edgeworks.plot.LinePlot;
import org.edgeworks.plot.MapPlot;
import org.edgeworks.plot.PngPlots;
import org.edgeworks.plot.Scaling;
import org.edgeworks.pipeline.rixs.RixsFiles;

import com.fasterxml.jackson.core.JsonProcessingException;

import picocli.CommandLine.Option;

/** --out / --overwrite and the writers of the rixs subcommands; every file goes through AtomicFiles and is printed. */
public final class RixsOutput {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--overwrite", description = "Replace existing outputs.")
    boolean overwrite;

    PrintWriter log = new PrintWriter(System.out, true);

    /** Where warnings go (stderr of the command). */
    PrintWriter err = new PrintWriter(System.err, true);

    /** Notes that start with "warning: " are printed, one line each, as the xas commands do. */
    void warn(List<String> notes) {
        for (String n : notes) if (n.startsWith("warning: ")) err.println("edgeworks: " + n);
        err.flush();
    }

    public RixsOutput() {}

    /** For the demo: writes into {@code dir}, replacing earlier outputs. */
    public RixsOutput(Path dir, PrintWriter log) {
        this.out = dir;
        this.overwrite = true;
        this.log = log;
    }

    Path file(String name) { return out.resolve(name); }

    void done(Path p) { log.println(p); log.flush(); }

    void json(String name, Object value) throws EdgeworksException {
        Path p = file(name);
        try {
            AtomicFiles.writeString(p, overwrite, JsonOut.write(value) + "\n");
        } catch (JsonProcessingException e) {
            throw new EdgeworksException(p, null, "cannot write JSON: " + e.getOriginalMessage());
        }
        done(p);
    }

    /** CSV: a header line, then one line per row; an empty cell stands for "not computed" or a missing (NaN) value, never NaN text. */
    void csv(String name, List<String> header, List<double[]> columns) throws EdgeworksException {
        Path p = file(name);
        AtomicFiles.writeString(p, overwrite, Csv.table(header, columns, 9)); // 9 digits: the rixs tables as before
        done(p);
    }

    void text(String name, String content) throws EdgeworksException {
        Path p = file(name);
        AtomicFiles.writeString(p, overwrite, content);
        done(p);
    }

    void mapPng(String name, RixsMap m, String title, Colormap colormap) throws EdgeworksException {
        Path p = file(name);
        boolean loss = m.emission().name().contains("loss");
        PngPlots.mapPlot(p, overwrite, new MapPlot(title, loss ? "Energy loss (eV)" : "Emission energy (eV)", "Excitation energy (eV)",
            m.emission().values(), m.excitation().values(), m.data(), colormap, Scaling.percentile(0.5, 99.5)));
        done(p);
    }

    void linePng(String name, LinePlot plot) throws EdgeworksException {
        Path p = file(name);
        PngPlots.linePlot(p, overwrite, plot);
        done(p);
    }

    void panelsPng(String name, List<LinePlot> plots) throws EdgeworksException {
        Path p = file(name);
        PngPlots.panels(p, overwrite, plots);
        done(p);
    }

    void barPng(String name, BarPlot plot) throws EdgeworksException {
        Path p = file(name);
        PngPlots.barPlot(p, overwrite, plot);
        done(p);
    }

    void map(String name, RixsMap m, List<org.edgeworks.core.processing.Provenance> steps,
             org.edgeworks.core.processing.SourceRef source) throws EdgeworksException {
        Path p = file(name);
        RixsFiles.writeMap(p, overwrite, m, steps, source);
        done(p);
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
