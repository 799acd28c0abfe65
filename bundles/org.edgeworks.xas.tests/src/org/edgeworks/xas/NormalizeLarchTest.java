package org.edgeworks.xas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.edgeworks.core.data.Spectrum;
import org.edgeworks.xas.NormalizeProcessor.Normalized;
import org.edgeworks.xas.NormalizeProcessor.Params;
import org.edgeworks.testsupport.DatasetAsserts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every spectrum of peers/spectra_manifest.json, rebuilt from its raw file, normalised with the E0
 * and ranges Larch used: edge step, norm and flat agree with Larch to 1e-6 (relative to the
 * normalised scale; the peer arrays are written with 8 significant digits). With Larch's
 * automatic choices, E0 and the ranges are Larch's own.
 */
class NormalizeLarchTest {
    static final double TOL = 1e-6;

    static Stream<String> ids() { return PeerData.manifest().stream().map(PeerData.Spec::id); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void sameE0AndRangesAsLarch(String id) throws Exception {
        JsonNode l = PeerData.json("peers/larch_pre_edge.json").get(id);
        double[][] em = PeerData.mu(PeerData.spec(id));
        Map<String, double[]> arr = PeerData.arrays(id);
        assertEquals(l.get("npts").asInt(), em[0].length, "points of the rebuilt mu");
        double[] peerMu = arr.get("mu");
        for (int i = 0; i < peerMu.length; i++)
            assertEquals(peerMu[i], em[1][i], 1e-7 * Math.max(1e-3, Math.abs(peerMu[i])), "mu[" + i + "]");
        Params p = Params.defaults().withE0(l.get("e0").asDouble()).withRanges(l.get("pre1").asDouble(), l.get("pre2").asDouble(),
            l.get("norm1").asDouble(), l.get("norm2").asDouble(), l.get("nnorm").asInt());
        Normalized n = new NormalizeProcessor().apply(Spectrum.of(id, em[0], em[1]), p).value();
        assertEquals(l.get("e0").asDouble(), n.e0(), 0.0, "e0");
        assertEquals(l.get("edge_step").asDouble(), n.edgeStep(), TOL * l.get("edge_step").asDouble(), "edge_step");
        assertEquals(l.get("pre_slope").asDouble(), n.preSlope(), 1e-6 * Math.abs(l.get("pre_slope").asDouble()) + 1e-12, "pre_slope");
        assertClose(arr.get("larch_norm"), n.norm(), "norm");
        assertClose(arr.get("larch_flat"), n.flat(), "flat");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void larchAutomaticChoices(String id) throws Exception {
        JsonNode l = PeerData.json("peers/larch_pre_edge.json").get(id);
        double[][] em = PeerData.mu(PeerData.spec(id));
        Normalized n = new NormalizeProcessor().apply(Spectrum.of(id, em[0], em[1]), Params.defaults()).value();
        double spread = Math.abs(peerDisagreement(id));
        double tolE0 = Math.max(0.1, Double.isFinite(spread) ? spread : 0);
        assertEquals(l.get("e0").asDouble(), n.e0(), tolE0, "automatic E0");
        // Larch's own algorithm: the same grid point and the same ranges
        assertEquals(l.get("e0").asDouble(), n.e0(), 1e-9, "E0 grid point");
        assertEquals(l.get("pre1").asDouble(), n.pre1(), 1e-9, "pre1");
        assertEquals(l.get("pre2").asDouble(), n.pre2(), 1e-9, "pre2");
        assertEquals(l.get("norm1").asDouble(), n.norm1(), 1e-9, "norm1");
        assertEquals(l.get("norm2").asDouble(), n.norm2(), 1e-9, "norm2");
        assertEquals(l.get("nnorm").asInt(), n.nnorm(), "nnorm");
        assertEquals(l.get("edge_step").asDouble(), n.edgeStep(), TOL * l.get("edge_step").asDouble(), "edge_step");
        assertClose(PeerData.arrays(id).get("larch_norm"), n.norm(), "norm");
    }

    static double peerDisagreement(String id) {
        try {
            List<String> lines = java.nio.file.Files.readAllLines(PeerData.root().resolve("peers/peer_disagreement.csv"));
            List<String> head = List.of(lines.get(0).split(","));
            int c = head.indexOf("dE0");
            for (String line : lines) if (line.startsWith(id + ",")) return Double.parseDouble(line.split(",")[c]);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return Double.NaN;
    }

    /** Point by point within TOL * max(1, |larch|). */
    static void assertClose(double[] larch, double[] ours, String what) {
        DatasetAsserts.assertClose(larch, ours, TOL, TOL, what);
    }
}
