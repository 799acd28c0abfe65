package org.edgeworks.exafs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.edgeworks.core.processing.Parameters;
import org.edgeworks.exafs.FeffitProcessor.Fit;
import org.edgeworks.exafs.FeffitProcessor.Params;
import org.edgeworks.exafs.FeffitProcessor.PathResult;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Synthetic chi(k) made by Larch's ff2chi from the Cu FEFF paths 1 and 2 with known parameters
 * (resources/synthetic/make_synthetic.py, truth.json; the generator is Larch, not this code).
 * Without noise the fit returns the truth; with Gaussian noise (sigma 0.002, fixed seed) every
 * parameter lies within 2 standard errors of the truth (printed in units of its stderr).
 */
class FeffitSyntheticTest {
    static Path resource(String name) {
        for (String b : new String[] {"resources/synthetic/", "bundles/org.edgeworks.exafs.tests/resources/synthetic/",
                "../org.edgeworks.exafs.tests/resources/synthetic/"}) {
            Path f = Path.of(b, name);
            if (Files.isRegularFile(f)) return f;
        }
        throw new IllegalStateException("resource not found: " + name);
    }

    static Fit fit(String csv) throws Exception {
        double[][] c = ExafsPeers.csv(resource(csv));
        Path feff = ExafsPeers.exafs("feff/cu");
        List<FeffPath> paths = List.of(FeffPath.read(feff.resolve("feff0001.dat")), FeffPath.read(feff.resolve("feff0002.dat")));
        Params p = new Params(3, 14, new double[] {2}, 1, Window.HANNING, 1.4, 3.8, FeffitProcessor.Space.R, null);
        return new FeffitProcessor().apply(new FeffitProcessor.Input(new Chi(csv, c[0], c[1], null), paths), p).value();
    }

    static JsonNode truth() throws Exception { return Parameters.json().readTree(resource("truth.json").toFile()); }

    @Test
    void noiseFreeGivesTheTruth() throws Exception {
        JsonNode t = truth();
        Fit f = fit("cu_two_paths.chi.csv");
        assertEquals(t.get("s02").asDouble(), f.variables().get("amp").value(), 1e-3, "s02");
        assertEquals(t.get("e0").asDouble(), f.variables().get("del_e0").value(), 0.02, "e0");
        for (int i = 0; i < 2; i++) {
            PathResult p = f.paths().get(i);
            assertEquals(t.get("paths").get(i).get("delr").asDouble(), p.delr().value(), 2e-4, "delr " + i);
            assertEquals(t.get("paths").get(i).get("sigma2").asDouble(), p.sigma2().value(), 2e-5, "sigma2 " + i);
        }
        assertTrue(f.rFactor() < 1e-5, "R-factor " + f.rFactor());
    }

    @Test
    void noisyRecoveredWithinStandardErrors() throws Exception {
        JsonNode t = truth();
        Fit f = fit("cu_two_paths_noisy.chi.csv");
        check("s02", t.get("s02").asDouble(), f.variables().get("amp"));
        check("e0", t.get("e0").asDouble(), f.variables().get("del_e0"));
        for (int i = 0; i < 2; i++) {
            check("delr" + (i + 1), t.get("paths").get(i).get("delr").asDouble(), f.paths().get(i).delr());
            check("sigma2_" + (i + 1), t.get("paths").get(i).get("sigma2").asDouble(), f.paths().get(i).sigma2());
        }
    }

    static void check(String what, double truth, FeffitProcessor.Value v) {
        double z = (v.value() - truth) / v.stderr();
        System.out.printf("SYNTH %s truth %.5g fit %.5g +- %.3g (%.2f stderr)%n", what, truth, v.value(), v.stderr(), z);
        assertTrue(v.stderr() > 0 && Math.abs(z) < 2, what + ": " + v.value() + " +- " + v.stderr() + " vs truth " + truth);
    }
}
