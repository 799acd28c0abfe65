package org.edgeworks.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.io.AtomicFiles;
import org.edgeworks.core.io.Csv;
import org.edgeworks.core.io.JsonOut;
import org.edgeworks.plot.LinePlot;
import org.edgeworks.plot.PngPlots;

import com.fasterxml.jackson.core.JsonProcessingException;

import picocli.CommandLine.Option;

/**
 * The output folder ({@code --out DIR}, {@code --overwrite}) and the writers every command that
 * writes files shares (a picocli mixin of the xas and rixs subcommands): JSON ({@link JsonOut},
 * snake_case keys), CSV ({@link Csv}: empty cells for missing values, never NaN text), plain text,
 * line and panel PNG ({@link PngPlots}). Every file is written atomically ({@link AtomicFiles}),
 * refused if it exists unless {@code --overwrite}, and its path printed on {@link #log}. The notes
 * a JSON output records that warn ("warning: ...") or say how the data were changed ("note: ...":
 * energies sorted, repeated points averaged, a reversed range taken in order) are printed on
 * {@link #err} too, one line each, once: nothing reaches a file that the terminal did not show.
 * {@code cli.rixs.RixsOutput} adds the map and bar plots of the rixs commands.
 */
public class CommandOutput {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    protected Path out;

    @Option(names = "--overwrite", description = "Replace existing outputs.")
    protected boolean overwrite;

    /** Where the paths written are printed (the command's stdout); null: not printed. */
    public PrintWriter log;

    /** Where warnings go (the command's stderr). */
    public PrintWriter err = new PrintWriter(System.err, true);

    /** The lines already printed by {@link #warn} (each once). */
    private final java.util.Set<String> shown = new java.util.HashSet<>();

    /** How a note's subject is shown (a spectrum's name as the file the user typed); as it is by default. */
    private java.util.function.UnaryOperator<String> subjects = java.util.function.UnaryOperator.identity();

    public CommandOutput() {}

    /** Writes into {@code dir}, replacing earlier outputs (the demo), printing each path on {@code log}. */
    public CommandOutput(Path dir, PrintWriter log) {
        this.out = dir;
        this.overwrite = true;
        this.log = log;
    }

    /** Prints to the command's own streams (paths written on its stdout, warnings on its stderr). */
    public void printTo(picocli.CommandLine command) {
        log = command.getOut();
        err = command.getErr();
    }

    /** The output folder. */
    public Path dir() { return out; }

    /** Whether existing outputs are replaced. */
    public boolean overwrite() { return overwrite; }

    /** The path of an output file in the folder. */
    public Path file(String name) { return out.resolve(name); }

    /** Prints a path written. */
    public void printed(Path p) {
        if (log == null) return;
        log.println(p);
        log.flush();
    }

    /**
     * Prints the notes that are warnings ("warning: FILE: ...", as "edgeworks: warning: ...") or
     * say how the data were changed ("note: FILE: ...", as they are), one line each on {@link #err},
     * each line once; other notes stay in the files.
     */
    public void warn(List<String> notes) {
        for (String n : notes) {
            String line = n.startsWith("warning: ") ? "edgeworks: warning: " + subjects.apply(n.substring(9))
                : n.startsWith("note: ") ? "note: " + subjects.apply(n.substring(6)) : null;
            if (line != null && shown.add(line)) err.println(Terminal.tidy(line));
        }
        err.flush();
    }

    /** Shows a note's leading subject ("NAME: ...") through {@code typed} (e.g. the spectrum's name as the file typed). */
    public void subjects(java.util.function.UnaryOperator<String> typed) {
        this.subjects = typed;
    }

    /** Every "notes" list of strings in a JSON value (provenance notes, at any depth), in order. */
    static List<String> notesIn(Object value) {
        List<String> out = new java.util.ArrayList<>();
        if (value instanceof java.util.Map<?, ?> m) {
            for (var e : m.entrySet()) {
                if ("notes".equals(e.getKey()) && e.getValue() instanceof java.util.Collection<?> c) {
                    for (Object o : c) if (o instanceof String t) out.add(t);
                } else out.addAll(notesIn(e.getValue()));
            }
        } else if (value instanceof java.util.Collection<?> c) {
            for (Object o : c) out.addAll(notesIn(o));
        }
        return out;
    }

    /** NAME as JSON ({@link JsonOut}), with a final newline. */
    public void json(String name, Object value) throws EdgeworksException {
        Path p = file(name);
        try {
            AtomicFiles.writeString(p, overwrite, JsonOut.write(value) + "\n");
        } catch (JsonProcessingException e) {
            throw new EdgeworksException(p, null, "cannot write JSON: " + e.getOriginalMessage());
        }
        printed(p);
        warn(notesIn(value));
    }

    /** CSV with a header; columns of equal length, {@link Csv#DIGITS} significant digits, empty cells for missing values. */
    public void csv(String name, List<String> header, List<double[]> columns) throws EdgeworksException {
        csv(name, header, columns, Csv.DIGITS);
    }

    /** CSV with a header and {@code digits} significant digits ({@link Csv#table}); a null column is all empty cells. */
    public void csv(String name, List<String> header, List<double[]> columns, int digits) throws EdgeworksException {
        text(name, Csv.table(header, columns, digits));
    }

    /** A text file as it is. */
    public void text(String name, String content) throws EdgeworksException {
        Path p = file(name);
        AtomicFiles.writeString(p, overwrite, content);
        printed(p);
    }

    /** A line plot as PNG. */
    public void png(String name, LinePlot plot) throws EdgeworksException {
        Path p = file(name);
        PngPlots.linePlot(p, overwrite, plot);
        printed(p);
    }

    /** Line plots side by side in one PNG. */
    public void panels(String name, List<LinePlot> plots) throws EdgeworksException {
        Path p = file(name);
        PngPlots.panels(p, overwrite, plots);
        printed(p);
    }
}
