package org.edgeworks.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.edgeworks.core.data.ChannelRole;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.detector.DetectorRegistry;
import org.edgeworks.detector.athena.AthenaProject;
import org.edgeworks.testsupport.Python;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Projects Edgeworks writes are read back the same by Edgeworks, by the independent parser of
 * shared/data/peers/athena_peers.py and by Larch's read_athena (/usr/bin/python3). The written
 * spectra are synthetic: an arctan edge at 7112 eV and a label with a quote and a space.
 */
class AthenaWriteTest {
    static final String PEERS = Shared.DATA.resolve("peers").toAbsolutePath().toString();

    static double[] grid(int n, double from, double step) {
        double[] e = new double[n];
        for (int i = 0; i < n; i++) e[i] = from + i * step;
        return e;
    }

    static double[] arctan(double[] e, double e0, double height) {
        double[] mu = new double[e.length];
        for (int i = 0; i < e.length; i++) mu[i] = 0.1 - 1e-5 * (e[i] - e0) + height * (0.5 + Math.atan((e[i] - e0) / 2) / Math.PI);
        return mu;
    }

    @Test
    void writtenProjectReadsBackEverywhere(@TempDir Path dir) throws Exception {
        double[] e1 = grid(401, 6950, 1.5), e2 = grid(300, 6990.25, 2.0);
        double[] mu1 = arctan(e1, 7112, 1.7), mu2 = arctan(e2, 7120.5, 0.8);
        List<AthenaProject.Written> groups = List.of(
            new AthenaProject.Written("Fe foil", e1, mu1, 7112.0, -150, -30, 100, 500, 2, Double.NaN, false, "fe.001"),
            new AthenaProject.Written("Bob's oxide", e2, mu2, 7120.5, -100, -40, 80, 400, 1, 0.8, true, ""));
        Path out = dir.resolve("written.prj");
        AthenaProject.write(out, false, "Edgeworks test", groups);

        // Edgeworks
        DetectorRegistry reg = DetectorRegistry.load();
        assertEquals(List.of("Fe foil", "Bob's oxide"), reg.scans(out).stream().map(s -> s.id()).toList());
        Scan s = reg.read(out, "Bob's oxide");
        assertArrayEquals(e2, s.require(ChannelRole.ENERGY).readDoubles("e"), 0);
        assertArrayEquals(mu2, s.require(ChannelRole.MU).readDoubles("mu"), 0);
        assertEquals("1", s.metadata().get("stored.nnorm"));
        assertEquals("0.8", s.metadata().get("stored.step"));
        assertEquals("7120.5", s.metadata().get("stored.e0"));

        // the independent peer parser (numpy only) and Larch's read_athena
        String script = String.join("\n",
            "import sys, json",
            "sys.path.insert(0, sys.argv[1])",
            "from athena_peers import parse_prj, larch_args",
            "h, gs = parse_prj(sys.argv[2])",
            "out = {'peer': [{'label': g['args']['label'], 'x': list(g['x']), 'y': list(g['y']), 'larch': larch_args(g['args'])} for g in gs]}",
            "from larch.io import read_athena",
            "p = read_athena(sys.argv[2])",
            "out['larch'] = [{'label': g.label, 'energy': list(map(float, g.energy)), 'mu': list(map(float, g.mu))} for g in p.groups.values()]",
            "print(json.dumps(out))");
        String json = Python.run(script, PEERS, out.toString());
        JsonNode r = new ObjectMapper().readTree(json);
        double[][] es = {e1, e2}, mus = {mu1, mu2};
        for (int g = 0; g < 2; g++) {
            JsonNode peer = r.get("peer").get(g), larch = r.get("larch").get(g);
            assertEquals(groups.get(g).label(), peer.get("label").asText());
            assertEquals(groups.get(g).label(), larch.get("label").asText());
            assertArrayEquals(es[g], doubles(peer.get("x")), 0, "peer x");
            assertArrayEquals(mus[g], doubles(peer.get("y")), 0, "peer y");
            assertArrayEquals(es[g], doubles(larch.get("energy")), 0, "larch energy");
            assertArrayEquals(mus[g], doubles(larch.get("mu")), 0, "larch mu");
        }
        JsonNode call = r.get("peer").get(1).get("larch");
        assertEquals(7120.5, call.get("e0").asDouble(), 0);
        assertEquals(1, call.get("nnorm").asInt(), "degree 1 written as 2 terms, read back as degree 1");
        assertEquals(0.8, call.get("step").asDouble(), 0);
        assertEquals(2, r.get("peer").get(0).get("larch").get("nnorm").asInt());
        assertTrue(!r.get("peer").get(0).get("larch").has("step"), "a fitted step is not fixed");
    }

    static double[] doubles(JsonNode a) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) v[i] = a.get(i).asDouble();
        return v;
    }
}
