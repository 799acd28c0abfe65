package org.edgeworks.detector.ascii;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.edgeworks.core.EdgeworksException;

/**
 * A text table as the XAS world writes them: XDI 1.0 (fields, Column.N labels and units) and
 * the many plain column formats (Athena/Larch '#' headers, SPEC '#L', CLS '# column N:',
 * MRCAT dashed headers, XDAC, tab-separated with a label row). Written by hand because no
 * maintained Java library reads these; the rules are the ones Larch's read_ascii follows:
 * the data block is the last run of numeric rows, labels come from the header just above it.
 *
 * @param labels  column labels (unique; "col0", "col1"... when the file names none)
 * @param units   units per column ("" when unknown)
 * @param columns values, columns[c][row]
 * @param header  header fields (XDI "Family.key" fields, or "line.N" for free header lines)
 * @param format  "XDI" or "columns"
 */
public record ColumnFile(List<String> labels, List<String> units, double[][] columns, Map<String, String> header,
                         String format) {

    private static final Pattern XDI_FIELD = Pattern.compile("^#\\s*([A-Za-z0-9_]+(?:\\.[A-Za-z0-9_]+)+)\\s*:\\s*(.*)$");
    private static final Pattern XDI_COLUMN = Pattern.compile("^column\\.(\\d+)$", Pattern.CASE_INSENSITIVE);
    /** "# Key: value" without the XDI Family.key namespace. */
    private static final Pattern XDI_LOOSE_FIELD = Pattern.compile("^#\\s*([A-Za-z][A-Za-z0-9_ ]{0,40})\\s*:\\s*(.*)$");
    /** Epics scan files: "; P1 = {Energy} --> PV" names the short column tokens. */
    private static final Pattern EPICS_COLUMN = Pattern.compile("^[#;]\\s*([PD]\\d+)\\s*=\\s*\\{([^}]*)\\}.*$");
    private static final Pattern CLS_COLUMN = Pattern.compile("^#\\s*column\\s+(\\d+)\\s*:\\s*(.*)$", Pattern.CASE_INSENSITIVE);
    /** Largest text file read (hostile or mistaken inputs): 512 MB. */
    static final long MAX_BYTES = 512L * 1024 * 1024;

    public int rows() { return columns.length == 0 ? 0 : columns[0].length; }

    public static ColumnFile read(Path file) throws EdgeworksException {
        return parse(file, lines(file));
    }

    /** The lines of a text file (ISO 8859-1), refusing files above {@link #MAX_BYTES}. */
    static List<String> lines(Path file) throws EdgeworksException {
        try {
            if (Files.size(file) > MAX_BYTES) throw new EdgeworksException(file, null, "larger than " + MAX_BYTES + " bytes; not a column file");
            return new java.util.ArrayList<>(Files.readAllLines(file, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw EdgeworksException.unreadable(file, e);
        }
    }

    static ColumnFile parse(Path file, List<String> lines) throws EdgeworksException {
        boolean xdi = !lines.isEmpty() && lines.get(0).trim().matches("^#\\s*XDI/\\d+\\.\\d+.*");
        // 1. find the data block: the last maximal run of numeric rows with >= 2 columns; blank
        //    lines inside it are skipped (XDAC files have one mid-scan), as Larch's reader does
        double[][] parsed = new double[lines.size()][];
        for (int i = 0; i < lines.size(); i++) parsed[i] = numbers(lines.get(i));
        int end = lines.size() - 1;
        while (end >= 0 && (parsed[end] == null || parsed[end].length < 2)) {
            if (parsed[end] == null && !lines.get(end).isBlank() && !lines.get(end).trim().startsWith("#"))
                throw new EdgeworksException(file, "line " + (end + 1), "text after the data block: '" + abbreviate(lines.get(end)) + "'");
            end--;
        }
        if (end < 0) throw new EdgeworksException(file, null, "no numeric data rows with two or more columns");
        int start = end;
        for (int i = end - 1; i >= 0; i--) {
            if (lines.get(i).isBlank()) continue;
            if (parsed[i] == null || parsed[i].length < 2) break;
            start = i;
        }
        List<Integer> dataRows = new ArrayList<>();
        for (int i = start; i <= end; i++) if (parsed[i] != null) dataRows.add(i);
        // rows with a different count inside the block are a ragged file, not a header
        int ncols = mostCommonWidth(parsed, dataRows);
        for (int i : dataRows) {
            if (parsed[i].length != ncols)
                throw new EdgeworksException(file, "line " + (i + 1), "has " + parsed[i].length + " columns, expected " + ncols + " (ragged data)");
        }
        int nrows = dataRows.size();
        double[][] cols = new double[ncols][nrows];
        for (int r = 0; r < nrows; r++) for (int c = 0; c < ncols; c++) cols[c][r] = parsed[dataRows.get(r)][c];
        List<String> header = lines.subList(0, start);
        Map<String, String> fields = new LinkedHashMap<>();
        String[] labels = new String[ncols];
        String[] units = new String[ncols];
        Arrays.fill(units, "");
        if (xdi) readXdiHeader(file, header, fields, labels, units);
        else readPlainHeader(header, fields, labels);
        fillAndUniquify(labels);
        return new ColumnFile(List.of(labels), List.of(units), cols, Collections.unmodifiableMap(fields), xdi ? "XDI" : "columns");
    }

    private static void readXdiHeader(Path file, List<String> header, Map<String, String> fields, String[] labels, String[] units)
            throws EdgeworksException {
        boolean inFields = true;
        String lastComment = null;
        for (int i = 1; i < header.size(); i++) {
            String line = header.get(i).trim();
            if (line.isEmpty()) continue;
            if (!line.startsWith("#"))
                throw new EdgeworksException(file, "line " + (i + 1), "XDI header line does not start with '#': '" + abbreviate(line) + "'");
            String body = line.substring(1).trim();
            if (body.startsWith("///")) { inFields = false; continue; }
            if (body.startsWith("---")) { inFields = false; continue; }
            if (inFields) {
                Matcher m = XDI_FIELD.matcher(line);
                Matcher loose = XDI_LOOSE_FIELD.matcher(line);
                if (!m.matches() && loose.matches()) {
                    // beamline writers use un-namespaced keys ("# Samples: ..."): keep them, marked
                    fields.put("nonstandard." + loose.group(1).trim(), loose.group(2).trim());
                    continue;
                }
                if (!m.matches())
                    throw new EdgeworksException(file, "line " + (i + 1), "malformed XDI header field (expected '# Family.key: value'): '"
                        + abbreviate(line) + "'");
                String key = m.group(1);
                String value = m.group(2).trim();
                fields.put(key, value);
                Matcher cm = XDI_COLUMN.matcher(key);
                if (cm.matches()) {
                    int idx;
                    try {
                        idx = Integer.parseInt(cm.group(1)) - 1;
                    } catch (NumberFormatException tooLong) { // found by fuzzing: Column.311111... overflows int
                        idx = -1;
                    }
                    if (idx < 0 || idx >= labels.length)
                        throw new EdgeworksException(file, "line " + (i + 1), key + " names a column the data does not have ("
                            + labels.length + " columns)");
                    String[] parts = value.split("\\s+");
                    labels[idx] = parts[0];
                    if (parts.length > 1) units[idx] = parts[1];
                }
            } else if (!body.isEmpty()) {
                lastComment = body;
            }
        }
        if (lastComment != null) {
            String[] t = lastComment.split("\\s+");
            if (t.length == labels.length) for (int c = 0; c < t.length; c++) if (labels[c] == null) labels[c] = t[c];
        }
    }

    private static void readPlainHeader(List<String> header, Map<String, String> fields, String[] labels) {
        int n = labels.length;
        String spec = null;
        Map<Integer, String> cls = new LinkedHashMap<>();
        String lastCandidate = null;
        Map<String, String> epics = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String raw = header.get(i);
            String line = raw.trim();
            if (line.isEmpty()) continue;
            fields.put("line." + (i + 1), line);
            if (line.startsWith("#L ") || line.startsWith("#L\t")) spec = line.substring(2).trim();
            Matcher cm = CLS_COLUMN.matcher(line);
            if (cm.matches()) cls.put(Integer.parseInt(cm.group(1)), cm.group(2).trim());
            Matcher em = EPICS_COLUMN.matcher(line);
            if (em.matches()) epics.put(em.group(1), em.group(2).trim().replace(' ', '_'));
            String body = line.replaceFirst("^[#;%!\\s]+", "").trim();
            if (body.matches("^[-=*_\\s]*$")) continue;
            String[] t = tokens(body);
            if (t.length == n && numbers(body) == null) lastCandidate = body;
        }
        String[] chosen = null;
        if (spec != null) {
            String[] t = spec.split("\\s{2,}|\\t");
            if (t.length != n) t = spec.split("\\s+");
            if (t.length == n) chosen = t;
        }
        if (chosen == null && cls.size() >= n) {
            int base = cls.containsKey(0) ? 0 : 1;
            chosen = new String[n];
            for (int c = 0; c < n; c++) {
                String v = cls.get(c + base);
                chosen[c] = v == null ? null : v.split("\\s+")[0];
            }
        }
        if (chosen == null && lastCandidate != null) chosen = tokens(lastCandidate);
        if (chosen != null) for (int c = 0; c < chosen.length; c++) chosen[c] = epics.getOrDefault(chosen[c], chosen[c]);
        if (chosen != null) for (int c = 0; c < n; c++) labels[c] = chosen[c];
    }

    private static void fillAndUniquify(String[] labels) {
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int c = 0; c < labels.length; c++) {
            String l = labels[c] == null || labels[c].isBlank() ? "col" + c : labels[c].trim();
            int k = seen.merge(l.toLowerCase(Locale.ROOT), 1, Integer::sum);
            labels[c] = k == 1 ? l : l + "_" + k;
        }
    }

    private static int mostCommonWidth(double[][] parsed, List<Integer> rows) {
        Map<Integer, Integer> counts = new LinkedHashMap<>();
        for (int i : rows) counts.merge(parsed[i].length, 1, Integer::sum);
        return Collections.max(counts.entrySet(), Map.Entry.comparingByValue()).getKey();
    }

    private static String[] tokens(String s) {
        String t = s.trim();
        // limit -1: trailing empty cells are cells too (a missing value in the last column)
        if (t.contains("\t")) return t.split(" *\\t *", -1);
        if (t.contains(",")) return t.split("\\s*,\\s*", -1);
        return t.split("\\s+");
    }

    /**
     * The numbers of a row, or null when any token is not a number (comments, labels). An empty
     * cell between separators (comma or tab) is a missing value, NaN, as CSV writers (Edgeworks,
     * pandas, spreadsheets) leave it; a row needs at least one number.
     */
    public static double[] numbers(String line) {
        String t = line.trim();
        if (t.isEmpty() || t.startsWith("#")) return null;
        String[] parts = tokens(t);
        double[] out = new double[parts.length];
        boolean any = false;
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.isEmpty()) {
                out[i] = Double.NaN;
                continue;
            }
            any = true;
            char c = p.charAt(0);
            if (!(Character.isDigit(c) || c == '-' || c == '+' || c == '.' || p.equalsIgnoreCase("nan") || p.equalsIgnoreCase("inf")
                || p.equalsIgnoreCase("-inf") || p.equalsIgnoreCase("infinity"))) return null;
            Double special = special(p);
            if (special != null) {
                out[i] = special;
                continue;
            }
            try {
                out[i] = Double.parseDouble(p.replace('D', 'E').replace('d', 'e'));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return any ? out : null;
    }

    /**
     * nan/inf as numpy, Larch and C printf write them (Double.parseDouble only knows "NaN" and
     * "Infinity"): without this a row with one missing value ended the data block.
     */
    private static Double special(String token) {
        String t = token.toLowerCase(Locale.ROOT);
        boolean negative = t.startsWith("-");
        if (negative || t.startsWith("+")) t = t.substring(1);
        return switch (t) {
            case "nan" -> Double.NaN;
            case "inf", "infinity" -> negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            default -> null;
        };
    }

    private static String abbreviate(String s) {
        String t = s.strip();
        return t.length() > 60 ? t.substring(0, 57) + "..." : t;
    }
}
