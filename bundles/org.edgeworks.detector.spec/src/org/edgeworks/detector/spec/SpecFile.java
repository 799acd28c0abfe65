package org.edgeworks.detector.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.detector.Detector.ScanEntry;
import org.edgeworks.detector.ascii.ColumnFile;

/**
 * A SPEC data file (certif.com "SPEC standard data file format"): a file header ({@code #F},
 * {@code #E}, {@code #D}, {@code #C}, {@code #O}), then one block per scan starting at
 * {@code #S number command}, with {@code #L} labels (separated by two spaces, as SPEC writes
 * them: single words otherwise), {@code #N} column count, data rows, and MCA lines ({@code @A},
 * skipped). A {@code #C} line containing "aborted" marks the scan aborted. Scan ids are the
 * {@code #S} numbers; a number that repeats (SPEC restarted) gets ".2", ".3" as silx writes them.
 * Written by hand: no Java library reads SPEC (silx's specfile is C/Python).
 */
public final class SpecFile {
    /** Largest SPEC file read: 512 MB. */
    static final long MAX_BYTES = 512L * 1024 * 1024;

    /**
     * One #S block.
     *
     * @param id       the #S number (".k" appended for a repeated number)
     * @param command  the rest of the #S line ("ascan  Mono Energy 6911.99 8962.94  510 2")
     * @param line     1-based line of the #S
     * @param table    labels and columns (format "SPEC", header = the scan's # lines as "S", "D", "C.1"...)
     * @param aborted  a "#C ... aborted" line follows the data
     */
    public record SpecScan(String id, String command, int line, ColumnFile table, boolean aborted) {
        public int points() { return table.rows(); }

        public ScanEntry entry() {
            int n = points();
            boolean usable = !aborted && n >= 2 && table.labels().size() >= 2;
            String note = aborted ? "aborted after " + n + " points" : n < 2 ? "no data rows" : "";
            return new ScanEntry(id, command, n, usable, note);
        }
    }

    private final Path file;
    private final Map<String, String> header;
    private final List<SpecScan> scans;

    private SpecFile(Path file, Map<String, String> header, List<SpecScan> scans) {
        this.file = file;
        this.header = header;
        this.scans = scans;
    }

    public Path file() { return file; }
    /** The file header lines before the first #S ("F", "E", "D", "C.1", "O0"...). */
    public Map<String, String> header() { return header; }
    public List<SpecScan> scans() { return scans; }

    public SpecScan scan(String id) throws EdgeworksException {
        for (SpecScan s : scans) if (s.id().equals(id)) return s;
        throw new EdgeworksException(file, "#S " + id, "no such scan (scans: " + String.join(", ", scans.stream().map(SpecScan::id).toList()) + ")");
    }

    /** True when a text starts like a SPEC file: a #F or #S line among its first lines. */
    public static boolean looksLikeSpec(String head) {
        for (String l : head.split("\n", 200)) if (l.startsWith("#S ") || l.startsWith("#F ")) return true;
        return false;
    }

    public static SpecFile read(Path file) throws EdgeworksException {
        List<String> lines;
        try {
            if (Files.size(file) > MAX_BYTES) throw new EdgeworksException(file, null, "larger than " + MAX_BYTES + " bytes; not a SPEC file");
            lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw EdgeworksException.unreadable(file, e);
        }
        return parse(file, lines);
    }

    static SpecFile parse(Path file, List<String> lines) throws EdgeworksException {
        Map<String, String> header = new LinkedHashMap<>();
        List<SpecScan> scans = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int i = 0;
        for (; i < lines.size() && !lines.get(i).startsWith("#S"); i++) putHeader(header, lines.get(i));
        while (i < lines.size()) {
            int start = i;
            String s = lines.get(i).substring(2).trim();
            String[] parts = s.split("\\s+", 2);
            String number = parts[0];
            if (number.isEmpty()) throw new EdgeworksException(file, "line " + (i + 1), "#S line without a scan number");
            int k = seen.merge(number, 1, Integer::sum);
            String id = k == 1 ? number : number + "." + k;
            String command = parts.length > 1 ? parts[1].trim() : "";
            Map<String, String> scanHeader = new LinkedHashMap<>();
            scanHeader.put("spec.S", s);
            String labels = null;
            boolean aborted = false;
            List<double[]> rows = new ArrayList<>();
            i++;
            for (; i < lines.size() && !lines.get(i).startsWith("#S"); i++) {
                String l = lines.get(i);
                if (l.isBlank() || l.startsWith("@")) continue;
                if (l.startsWith("#")) {
                    if (l.startsWith("#L")) labels = l.substring(2).trim();
                    if (l.startsWith("#C") && l.toLowerCase(Locale.ROOT).contains("abort")) aborted = true;
                    putHeader(scanHeader, l);
                    continue;
                }
                double[] r = ColumnFile.numbers(l);
                if (r == null) throw new EdgeworksException(file, "#S " + id + " line " + (i + 1), "not a data row: '" + abbreviate(l) + "'");
                if (!rows.isEmpty() && r.length != rows.get(0).length)
                    throw new EdgeworksException(file, "#S " + id + " line " + (i + 1), "has " + r.length + " values, earlier rows " + rows.get(0).length + " (ragged scan)");
                rows.add(r);
            }
            int ncols = rows.isEmpty() ? (labels == null ? 0 : splitLabels(labels, -1).length) : rows.get(0).length;
            String[] names = labels == null ? new String[0] : splitLabels(labels, ncols);
            if (!rows.isEmpty() && labels != null && names.length != ncols)
                throw new EdgeworksException(file, "#S " + id + " #L", names.length + " labels for " + ncols + " data columns");
            String[] full = new String[ncols];
            for (int c = 0; c < ncols; c++) full[c] = c < names.length ? names[c] : "col" + c;
            uniquify(full);
            double[][] cols = new double[ncols][rows.size()];
            for (int r = 0; r < rows.size(); r++) for (int c = 0; c < ncols; c++) cols[c][r] = rows.get(r)[c];
            String[] units = new String[ncols];
            Arrays.fill(units, "");
            Map<String, String> h = new LinkedHashMap<>(header);
            h.putAll(scanHeader);
            scans.add(new SpecScan(id, command, start + 1,
                new ColumnFile(List.of(full), List.of(units), cols, Collections.unmodifiableMap(h), "SPEC"), aborted));
        }
        if (scans.isEmpty()) throw new EdgeworksException(file, null, "no #S scan line: not a SPEC data file");
        return new SpecFile(file, Collections.unmodifiableMap(header), List.copyOf(scans));
    }

    /** SPEC separates labels by two spaces (labels may contain one); single spaces when that does not fit. */
    static String[] splitLabels(String labels, int ncols) {
        String[] two = labels.trim().split("\\s{2,}|\\t");
        if (ncols < 0 || two.length == ncols) return trim(two);
        String[] one = labels.trim().split("\\s+");
        return one.length == ncols ? one : trim(two);
    }

    private static String[] trim(String[] a) {
        for (int i = 0; i < a.length; i++) a[i] = a[i].trim();
        return a;
    }

    private static void uniquify(String[] labels) {
        Map<String, Integer> seen = new HashMap<>();
        for (int c = 0; c < labels.length; c++) {
            int k = seen.merge(labels[c].toLowerCase(Locale.ROOT), 1, Integer::sum);
            if (k > 1) labels[c] = labels[c] + "_" + k;
        }
    }

    private static void putHeader(Map<String, String> h, String line) {
        if (!line.startsWith("#") || line.length() < 2) return;
        String body = line.substring(1);
        String[] kv = body.split("\\s+", 2);
        String key = "spec." + kv[0];
        String value = kv.length > 1 ? kv[1].trim() : "";
        if (h.containsKey(key)) {
            int n = 2;
            while (h.containsKey(key + "." + n)) n++;
            key = key + "." + n;
        }
        h.put(key, value);
    }

    private static String abbreviate(String s) {
        String t = s.strip();
        return t.length() > 60 ? t.substring(0, 57) + "..." : t;
    }
}
