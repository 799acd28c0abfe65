package org.edgeworks.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The set-up XasBenchmark and ExafsBenchmark share: the shared data folder, numeric columns of a
 * text file (read as peers/xasload.py reads them), and the 408-point Cu foil
 * {@code xanes/cu_k/cu_metal_rt.xdi} (energy, mu) with {@code n} copies of its mu, each with its
 * own 1e-6 perturbation so that no copy is the same spectrum (the peers perturb alike).
 * Data: ../shared/data (system property edgeworks.shared.data, default /work/shared/data).
 */
final class CuFoil {
    final double[] energy;
    final double[] mu;
    /** {@code n} perturbed copies of {@link #mu}. */
    final double[][] copies;

    private CuFoil(double[] energy, double[] mu, double[][] copies) {
        this.energy = energy;
        this.mu = mu;
        this.copies = copies;
    }

    static Path data() {
        return Path.of(System.getProperty("edgeworks.shared.data", "/work/shared/data"));
    }

    /** The Cu foil and {@code n} perturbed copies of its mu. */
    static CuFoil load(int n) throws IOException {
        double[][] cu = columns(data().resolve("xanes/cu_k/cu_metal_rt.xdi"), 0, 3);
        double[][] copies = new double[n][];
        for (int k = 0; k < n; k++) {
            double[] m = cu[1].clone();
            for (int i = 0; i < m.length; i++) m[i] += 1e-6 * Math.sin(0.37 * k + 1.3 * i); // each spectrum its own
            copies[k] = m;
        }
        return new CuFoil(cu[0], cu[1], copies);
    }

    /** Numeric rows of a text file (every token a number), as peers/xasload.py reads them. */
    static double[][] columns(Path file, int... cols) throws IOException {
        List<double[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
            String s = line.strip();
            if (s.isEmpty() || "#;%!".indexOf(s.charAt(0)) >= 0) continue;
            String[] t = s.replace(',', ' ').trim().split("\\s+");
            try {
                double[] v = new double[cols.length];
                for (int c = 0; c < cols.length; c++) v[c] = Double.parseDouble(t[cols[c]]);
                rows.add(v);
            } catch (RuntimeException e) {
                // header line
            }
        }
        double[][] out = new double[cols.length][rows.size()];
        for (int i = 0; i < rows.size(); i++) for (int c = 0; c < cols.length; c++) out[c][i] = rows.get(i)[c];
        return out;
    }
}
