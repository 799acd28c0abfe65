package org.edgeworks.exafs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.edgeworks.core.EdgeworksException;

/**
 * Reads chi(k) from a CSV whose header starts with {@code k,chi} (what {@code xas autobk} writes and
 * Larch users export): k in 1/A, chi unweighted; an optional {@code chi_stderr} column is the
 * 1-sigma uncertainty. Errors: one line with the file as given, the line and the problem.
 */
public final class ChiCsv {
    private ChiCsv() {}

    /** The name of a chi file without .chi.csv / .csv (output names derive from it). */
    public static String stem(Path f) {
        String n = f.getFileName().toString();
        if (n.endsWith(".chi.csv")) return n.substring(0, n.length() - 8);
        if (n.endsWith(".csv")) return n.substring(0, n.length() - 4);
        return n;
    }

    public static Chi read(Path f) throws EdgeworksException {
        List<String> lines = lines(f, StandardCharsets.UTF_8);
        if (lines.isEmpty()) throw new EdgeworksException(f, null, EdgeworksException.EMPTY_FILE); // 0 bytes: worded as every reader
        String[] head = lines.get(0).trim().split("\\s*,\\s*");
        if (head.length < 2 || !head[0].equals("k") || !head[1].equals("chi"))
            throw new EdgeworksException(f, "line 1", "header must start with 'k,chi', found '" + lines.get(0).strip() + "'");
        int se = -1;
        for (int i = 2; i < head.length; i++) if (head[i].equals("chi_stderr")) se = i;
        List<double[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.isEmpty()) continue;
            String[] w = l.split("\\s*,\\s*", -1);
            if (w.length < head.length) throw new EdgeworksException(f, "line " + (i + 1), "expected " + head.length + " columns, found " + w.length);
            try {
                double k = Double.parseDouble(w[0]), c = Double.parseDouble(w[1]);
                double s = se < 0 ? Double.NaN : Double.parseDouble(w[se]);
                if (!Double.isFinite(k) || !Double.isFinite(c)) throw new EdgeworksException(f, "line " + (i + 1), "k and chi must be finite");
                if (se >= 0 && !(s >= 0 && Double.isFinite(s))) throw new EdgeworksException(f, "line " + (i + 1), "chi_stderr must be a finite number >= 0");
                rows.add(new double[] {k, c, s});
            } catch (NumberFormatException e) {
                throw new EdgeworksException(f, "line " + (i + 1), "not a number: '" + l + "'");
            }
        }
        int n = rows.size();
        double[] k = new double[n], chi = new double[n], s = se < 0 ? null : new double[n];
        for (int i = 0; i < n; i++) {
            k[i] = rows.get(i)[0];
            chi[i] = rows.get(i)[1];
            if (s != null) s[i] = rows.get(i)[2];
        }
        try {
            return new Chi(stem(f), k, chi, s).validated();
        } catch (EdgeworksException e) {
            throw new EdgeworksException(f, null, e.problem());
        }
    }

    /** The lines of a text input (chi CSV, FEFF path); an unreadable or missing file is one line naming it. */
    static List<String> lines(Path f, java.nio.charset.Charset charset) throws EdgeworksException {
        try {
            return Files.readAllLines(f, charset);
        } catch (IOException e) {
            throw new EdgeworksException(f, null, Files.exists(f) ? "cannot read: " + e.getMessage() : "no such file");
        }
    }
}
