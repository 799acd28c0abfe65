package org.edgeworks.core.io;

import java.util.List;
import java.util.Locale;

/**
 * The one CSV table format of Edgeworks' outputs (command line, pipeline results): a header line,
 * then one line per row, numbers with {@code digits} significant digits (Locale.ROOT), and an
 * empty cell for a missing value (NaN, an infinity, or a column that was not computed) -- never
 * {@code NaN} text. Written atomically by the caller ({@link AtomicFiles}).
 */
public final class Csv {
    private Csv() {}

    /** Significant digits unless a writer asks otherwise. */
    public static final int DIGITS = 10;

    /** One cell: the number with {@link #DIGITS} significant digits, or empty when not finite. */
    public static String cell(double v) {
        return cell(v, DIGITS);
    }

    /** One cell: the number with {@code digits} significant digits, or empty when not finite. */
    public static String cell(double v, int digits) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + digits + "g", v) : "";
    }

    /**
     * A table: {@code header} then one line per row of {@code columns} (equal lengths; a null
     * column gives empty cells, e.g. a quantity not computed for this input).
     */
    public static String table(List<String> header, List<double[]> columns, int digits) {
        StringBuilder sb = new StringBuilder(String.join(",", header)).append('\n');
        int n = 0;
        for (double[] c : columns) if (c != null) { n = c.length; break; }
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < columns.size(); c++) {
                if (c > 0) sb.append(',');
                double[] col = columns.get(c);
                if (col != null) sb.append(cell(col[i], digits));
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
