package org.edgeworks.cli.xas;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.io.AtomicFiles;
import org.edgeworks.core.io.Csv;
import org.edgeworks.core.io.JsonOut;
import org.edgeworks.core.processing.Provenance;
import org.edgeworks.core.processing.SourceRef;
import org.edgeworks.plot.LinePlot;
import org.edgeworks.plot.PngPlots;
import org.edgeworks.plot.Series;

import com.fasterxml.jackson.core.JsonProcessingException;

import picocli.CommandLine.Option;

/** Output folder, overwrite flag and the writers every xas subcommand shares (all through AtomicFiles). */
public final class XasOutput {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--overwrite", description = "Replace existing outputs.")
    boolean overwrite;

    PrintWriter log;

    Path file(String name) { return out.resolve(name); }

    void json(String name, Object value) throws EdgeworksException {
        try {
            String text = JsonOut.write(value);
            Path p = file(name);
            AtomicFiles.writeString(p, overwrite, text + "\n");
            printed(p);
        } catch (JsonProcessingException e) {
            throw new EdgeworksException(file(name), null, "cannot write JSON: " + e.getOriginalMessage());
        }
    }

    /** CSV with a header; columns of equal length ({@link Csv}: empty cells for missing values). */
    void csv(String name, List<String> header, List<double[]> columns) throws EdgeworksException {
        Path p = file(name);
        AtomicFiles.writeString(p, overwrite, Csv.table(header, columns, Csv.DIGITS));
        printed(p);
    }

    void text(String name, String content) throws EdgeworksException {
        Path p = file(name);
        AtomicFiles.writeString(p, overwrite, content);
        printed(p);
    }

    static String num(double v) {
        return Csv.cell(v);
    }

    void png(String name, LinePlot plot) throws EdgeworksException {
        Path p = file(name);
        PngPlots.linePlot(p, overwrite, plot);
        printed(p);
    }

    void panels(String name, List<LinePlot> plots) throws EdgeworksException {
        Path p = file(name);
        PngPlots.panels(p, overwrite, plots);
        printed(p);
    }

    void printed(Path p) {
        if (log != null) log.println(p);
    }

    static Series line(String name, double[] x, double[] y) { return new Series(name, x, y, false); }

    static Series dashed(String name, double[] x, double[] y) { return new Series(name, x, y, true); }

    /** The provenance as a JSON-friendly map, with the source file(s). */
    static Map<String, Object> provenance(Provenance p, List<SourceRef> sources, List<String> extraNotes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("processor", p.processorId());
        m.put("version", p.processorVersion());
        m.put("parameters", p.parameters());
        List<String> notes = new ArrayList<>(extraNotes == null ? List.of() : extraNotes);
        notes.addAll(p.notes());
        m.put("notes", notes);
        m.put("sources", sources);
        m.put("date", p.date());
        return m;
    }
}
