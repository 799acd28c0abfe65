package org.edgeworks.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.edgeworks.core.EdgeworksException;

/**
 * A small numeric table beside image frames: one row per frame or excitation point, columns
 * separated by commas, semicolons or white space; '#' comments, blank lines and a header line
 * (the first line that is not all numbers) are skipped. Written by hand because it is this one
 * convention (a frame table, not a general CSV dialect) and must refuse in one line naming the
 * file and the line.
 */
public final class ColumnTable {
    private ColumnTable() {}

    /**
     * The table's first {@code min(maxColumns, fewest columns of any row)} columns.
     *
     * @param minColumns fewer columns in a row is refused, with {@code need} as the reason
     * @return columns[c][row]
     */
    public static double[][] read(Path t, int minColumns, int maxColumns, String need) throws EdgeworksException {
        List<double[]> rows = new ArrayList<>();
        try {
            int line = 0;
            for (String l : Files.readAllLines(t)) {
                line++;
                String s = l.strip();
                if (s.isEmpty() || s.startsWith("#")) continue;
                String[] parts = s.split("[,;\\s]+");
                double[] v = new double[parts.length];
                try {
                    for (int i = 0; i < parts.length; i++) v[i] = Double.parseDouble(parts[i]);
                } catch (NumberFormatException e) {
                    if (rows.isEmpty()) continue; // a header line
                    throw new EdgeworksException(t, "line " + line, "not a number: " + s);
                }
                if (v.length < minColumns) throw new EdgeworksException(t, "line " + line, need);
                rows.add(v);
            }
        } catch (IOException e) {
            throw EdgeworksException.unreadable(t, e);
        }
        if (rows.isEmpty()) throw new EdgeworksException(t, null, "no rows");
        int nc = Math.min(maxColumns, rows.stream().mapToInt(r -> r.length).min().orElse(minColumns));
        double[][] cols = new double[nc][rows.size()];
        for (int i = 0; i < rows.size(); i++) for (int c = 0; c < nc; c++) cols[c][i] = rows.get(i)[c];
        return cols;
    }
}
