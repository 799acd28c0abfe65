package org.edgeworks.xas;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.edgeworks.core.processing.Parameters;

import org.edgeworks.testsupport.DatasetAsserts;
import org.edgeworks.testsupport.SharedData;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The shared peer data (../shared/data, system property edgeworks.shared.data): the spectra of
 * peers/spectra_manifest.json rebuilt exactly as peers/xasload.py builds them (numeric rows of
 * the most common length, mu by col / ln_ratio / ratio, non-finite and E <= 0 rows dropped,
 * emin/emax cut, stable sort, repeated energies dropped keeping the first), and the peers' results.
 */
public final class PeerData {
    private PeerData() {}

    public static Path root() {
        return SharedData.dir();
    }

    public static JsonNode json(String relative) {
        try {
            return Parameters.json().readTree(root().resolve(relative).toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + relative + ": " + e.getMessage(), e);
        }
    }

    /** A committed peer result of this test bundle (resources/peers/NAME). */
    public static JsonNode resource(String name) {
        try (InputStream in = PeerData.class.getResourceAsStream("/peers/" + name)) {
            if (in != null) return Parameters.json().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        for (String base : new String[] {"resources/peers/", "bundles/org.edgeworks.xas.tests/resources/peers/",
                "../org.edgeworks.xas.tests/resources/peers/"}) {
            Path f = Path.of(base + name);
            if (Files.isRegularFile(f)) {
                try {
                    return Parameters.json().readTree(f.toFile());
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException("peer resource not found: " + name);
    }

    public record Spec(String id, JsonNode node) {
        public String path() { return node.get("path").asText(); }
        public String element() { return node.get("element").asText(); }
        public Double valence() { return node.has("formal_valence") ? node.get("formal_valence").asDouble() : null; }
    }

    public static List<Spec> manifest() {
        List<Spec> out = new ArrayList<>();
        for (JsonNode s : json("peers/spectra_manifest.json").get("spectra")) out.add(new Spec(s.get("id").asText(), s));
        return out;
    }

    public static Spec spec(String id) {
        for (Spec s : manifest()) if (s.id().equals(id)) return s;
        throw new IllegalArgumentException(id);
    }

    private static final Map<String, double[][]> CACHE = new HashMap<>();

    /** xasload.read_numeric: rows of floats, the most common row length (first seen wins a tie). */
    public static synchronized double[][] numeric(String relative) {
        return CACHE.computeIfAbsent(relative, r -> {
            try {
                List<double[]> rows = new ArrayList<>();
                for (String line : Files.readAllLines(root().resolve(r), StandardCharsets.ISO_8859_1)) {
                    String s = line.strip();
                    if (s.isEmpty() || "#;%!".indexOf(s.charAt(0)) >= 0) continue;
                    String[] toks = s.replace(',', ' ').trim().split("\\s+");
                    double[] v = new double[toks.length];
                    boolean ok = true;
                    for (int i = 0; i < toks.length && ok; i++) {
                        Double d = pyFloat(toks[i]);
                        if (d == null) ok = false; else v[i] = d;
                    }
                    if (ok) rows.add(v);
                }
                Map<Integer, Integer> count = new LinkedHashMap<>();
                for (double[] v : rows) if (v.length > 1) count.merge(v.length, 1, Integer::sum);
                int best = -1, bestN = -1;
                for (var e : count.entrySet()) if (e.getValue() > bestN) { best = e.getKey(); bestN = e.getValue(); }
                final int len = best;
                return rows.stream().filter(v -> v.length == len).toArray(double[][]::new);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static Double pyFloat(String t) {
        String l = t.toLowerCase(Locale.ROOT);
        switch (l.replace("+", "")) {
            case "nan", "-nan": return Double.NaN;
            case "inf", "infinity": return l.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            case "-inf", "-infinity": return Double.NEGATIVE_INFINITY;
            default: break;
        }
        char last = l.isEmpty() ? ' ' : l.charAt(l.length() - 1);
        if (!(Character.isDigit(last) || last == '.')) return null;
        if (l.startsWith("0x")) return null;
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Raw columns of a manifest spectrum (after the numeric reader). */
    public static double[] column(double[][] rows, int c) {
        double[] v = new double[rows.length];
        for (int i = 0; i < rows.length; i++) v[i] = rows[i][c];
        return v;
    }

    /** xasload.spectrum_mu: [energy, mu]. */
    public static double[][] mu(Spec s) {
        double[][] a = numeric(s.path());
        JsonNode m = s.node().get("mu");
        int ec = s.node().get("energy_col").asInt();
        int n = a.length;
        double[] e = column(a, ec), mu = new double[n];
        String type = m.get("type").asText();
        for (int i = 0; i < n; i++) {
            double[] r = a[i];
            switch (type) {
                case "col" -> mu[i] = r[m.get("col").asInt()];
                case "ln_ratio" -> mu[i] = Math.log(sum(r, m.get("num"), null) / sum(r, m.get("den"), null));
                case "ratio" -> mu[i] = sum(r, m.get("num"), m.get("num_weights")) / sum(r, m.get("den"), null);
                default -> throw new IllegalArgumentException(type);
            }
        }
        Double emin = s.node().has("emin") ? s.node().get("emin").asDouble() : null;
        Double emax = s.node().has("emax") ? s.node().get("emax").asDouble() : null;
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean ok = Double.isFinite(e[i]) && Double.isFinite(mu[i]) && e[i] > 0;
            if (emin != null) ok &= e[i] >= emin;
            if (emax != null) ok &= e[i] <= emax;
            if (ok) keep.add(i);
        }
        keep.sort((x, y) -> Double.compare(e[x], e[y])); // stable, as numpy mergesort
        List<double[]> out = new ArrayList<>();
        double last = Double.NEGATIVE_INFINITY;
        for (int i : keep) {
            if (out.isEmpty() || e[i] > last) { out.add(new double[] {e[i], mu[i]}); last = e[i]; }
        }
        double[][] r = new double[2][out.size()];
        for (int i = 0; i < out.size(); i++) { r[0][i] = out.get(i)[0]; r[1][i] = out.get(i)[1]; }
        return r;
    }

    private static double sum(double[] r, JsonNode cols, JsonNode weights) {
        double s = 0;
        for (int k = 0; k < cols.size(); k++) {
            double v = r[cols.get(k).asInt()];
            if (weights != null) v *= r[weights.get(k).asInt()];
            s += v;
        }
        return s;
    }

    /** peers/arrays/ID.csv as columns by header name. */
    public static Map<String, double[]> arrays(String id) {
        try {
            List<String> lines = Files.readAllLines(root().resolve("peers/arrays/" + id + ".csv"));
            String[] head = lines.get(0).split(",");
            double[][] cols = new double[head.length][lines.size() - 1];
            for (int i = 1; i < lines.size(); i++) {
                String[] t = lines.get(i).split(",");
                for (int c = 0; c < head.length; c++) cols[c][i - 1] = pyFloat(t[c].trim());
            }
            Map<String, double[]> m = new LinkedHashMap<>();
            for (int c = 0; c < head.length; c++) m.put(head[c].trim(), cols[c]);
            return m;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static double maxAbs(double[] a, double[] b) {
        return DatasetAsserts.maxAbsDiff(a, b);
    }

    static String fmt(double[] v) { return Arrays.toString(v); }
}
