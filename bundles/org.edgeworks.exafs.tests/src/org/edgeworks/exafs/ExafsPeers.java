package org.edgeworks.exafs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.edgeworks.core.processing.Parameters;

import org.edgeworks.testsupport.SharedData;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Larch 0.9.58 EXAFS peer results in ../shared/data/peers/exafs (made by run_exafs_peers.py; see
 * the data README) and the mu(E) they were computed from (peers/arrays/ID.csv: energy_eV, mu).
 */
final class ExafsPeers {
    private ExafsPeers() {}

    static final String[] IDS = {"cu_foil_13id", "cu_foil_10k", "balder_Cu_foil_23068", "ni_foil", "balder_Fe_foil_23147",
        "balder_Ti_foil_23360", "zn_ZnSe", "fe_FeO", "mn_MnO_good_100", "mn_MnO2_pyrolusite"};

    static Path root() {
        return SharedData.dir();
    }

    static Path exafs(String file) { return root().resolve("peers/exafs").resolve(file); }

    static JsonNode json(String file) {
        try {
            return Parameters.json().readTree(exafs(file).toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Numeric CSV with one header line: columns. */
    static double[][] csv(Path f) {
        try {
            List<String> lines = Files.readAllLines(f);
            int nc = lines.get(0).split(",").length;
            List<double[]> rows = new ArrayList<>();
            for (String l : lines.subList(1, lines.size())) {
                if (l.isBlank()) continue;
                String[] w = l.split(",");
                double[] r = new double[nc];
                for (int i = 0; i < nc; i++) r[i] = Double.parseDouble(w[i]);
                rows.add(r);
            }
            double[][] out = new double[nc][rows.size()];
            for (int j = 0; j < rows.size(); j++) for (int i = 0; i < nc; i++) out[i][j] = rows.get(j)[i];
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** energy (eV) and mu of a spectrum id, as the peers used it. */
    static double[][] mu(String id) {
        double[][] c = csv(root().resolve("peers/arrays/" + id + ".csv"));
        return new double[][] {c[0], c[1]};
    }

    static Chi chi(String id) {
        double[][] c = csv(exafs(id + ".chi.csv"));
        return new Chi(id, c[0], c[1], null);
    }
}
