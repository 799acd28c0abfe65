package org.edgeworks.detector.ascii;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.io.AtomicFiles;

/**
 * Writes XDI 1.0 (the XAFS Data Interchange format, github.com/XraySpectroscopy/XAS-Data-Interchange,
 * specification 1.0): version line, {@code # Family.key: value} fields with {@code Column.N}
 * naming every column (name then unit), the {@code # ///} user-comment block, the {@code #---}
 * separator, the column label line, then the data. Written atomically; numbers with 10
 * significant digits; a missing value is refused (XDI has no empty cells).
 */
public final class XdiWriter {
    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]*\\.[A-Za-z0-9_]+");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private XdiWriter() {}

    /**
     * @param target   output file
     * @param program  "Name/version" added to the version line (XDI's application field)
     * @param fields   "Family.key" -> value (Element.symbol, Element.edge, Mono.d_spacing, ...); Column.N are added here
     * @param labels   column names (letters, digits, _; the first is the abscissa, e.g. "energy")
     * @param units    unit per column ("eV", or "" for none)
     * @param columns  columns[c][row], all of one length
     * @param comments user comment lines (free text)
     */
    public static void write(Path target, boolean overwrite, String program, Map<String, String> fields, List<String> labels,
                             List<String> units, double[][] columns, List<String> comments) throws EdgeworksException {
        if (labels.size() != columns.length || units.size() != columns.length)
            throw new EdgeworksException(target, null, labels.size() + " labels, " + units.size() + " units for " + columns.length + " columns");
        int n = columns.length == 0 ? 0 : columns[0].length;
        for (int c = 0; c < columns.length; c++) {
            if (!LABEL.matcher(labels.get(c)).matches())
                throw new EdgeworksException(target, "Column." + (c + 1), "label '" + labels.get(c) + "' is not an XDI word (letters, digits, _)");
            if (columns[c].length != n) throw new EdgeworksException(target, "Column." + (c + 1), columns[c].length + " values, column 1 has " + n);
            for (int i = 0; i < n; i++)
                if (!Double.isFinite(columns[c][i]))
                    throw new EdgeworksException(target, "Column." + (c + 1) + " row " + (i + 1), "value " + columns[c][i] + ": XDI holds finite numbers only");
        }
        for (String k : fields.keySet())
            if (!KEY.matcher(k).matches()) throw new EdgeworksException(target, k, "not an XDI field name (Family.key)");
        StringBuilder sb = new StringBuilder();
        sb.append("# XDI/1.0 ").append(program.replace(' ', '_')).append('\n');
        for (int c = 0; c < columns.length; c++) {
            sb.append("# Column.").append(c + 1).append(": ").append(labels.get(c));
            if (!units.get(c).isBlank()) sb.append(' ').append(units.get(c));
            sb.append('\n');
        }
        for (var f : fields.entrySet())
            if (!f.getKey().toLowerCase(Locale.ROOT).startsWith("column."))
                sb.append("# ").append(f.getKey()).append(": ").append(f.getValue().replace('\n', ' ')).append('\n');
        sb.append("# ///\n");
        for (String c : comments) sb.append("# ").append(c.replace('\n', ' ')).append('\n');
        sb.append("#----\n# ").append(String.join(" ", labels)).append('\n');
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < columns.length; c++) {
                if (c > 0) sb.append(' ');
                sb.append(String.format(Locale.ROOT, "%.10g", columns[c][i]));
            }
            sb.append('\n');
        }
        String text = sb.toString();
        AtomicFiles.write(target, overwrite, tmp -> {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write(text);
            }
        });
    }
}
