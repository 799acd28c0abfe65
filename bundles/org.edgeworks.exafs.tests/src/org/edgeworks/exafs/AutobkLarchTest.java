package org.edgeworks.exafs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.edgeworks.core.data.Spectrum;
import org.edgeworks.exafs.AutobkProcessor.Autobk;
import org.edgeworks.exafs.AutobkProcessor.Params;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * AUTOBK against Larch 0.9.58 on the ten shared spectra (rbkg 1, kweight 2, other Larch
 * defaults; peers/exafs/ID.autobk.json and ID.chi.csv): same knots, chi(k) within 1e-3 with the
 * same e0 and edge step, and Larch's own e0 and edge step when they are not given (then also the
 * first-shell peak of |chi(R)| from our chi within 1e-4 A of Larch's).
 */
class AutobkLarchTest {
    static Stream<String> ids() { return Stream.of(ExafsPeers.IDS); }

    static Params larchCall(JsonNode j) {
        return Params.defaults().withKweight(j.get("kweight").asDouble()).withRbkg(j.get("rbkg").asDouble());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void chiAsLarchWithTheSameE0(String id) throws Exception {
        JsonNode j = ExafsPeers.json(id + ".autobk.json");
        double[][] em = ExafsPeers.mu(id);
        Params p = larchCall(j).withE0(onGrid(em[0], j.get("e0").asDouble()), j.get("edge_step").asDouble());
        Autobk a = new AutobkProcessor().apply(Spectrum.of(id, em[0], em[1]), p).value();
        JsonNode r = j.get("autobk_resolved");
        assertEquals(r.get("nknots").asInt(), a.nknots(), "knots");
        assertEquals(r.get("irbkg").asInt(), a.irbkg(), "irbkg");
        JsonNode kk = r.get("knots_k");
        for (int i = 0; i < kk.size(); i++) assertEquals(kk.get(i).asDouble(), a.knotsK()[i], 1e-5, "knot " + i);
        Chi peer = ExafsPeers.chi(id);
        assertEquals(peer.k().length, a.k().length, "k grid points");
        double worst = 0;
        int at = -1;
        for (int i = 0; i < peer.k().length; i++) {
            assertEquals(peer.k()[i], a.k()[i], 1e-12, "k[" + i + "]");
            double d = Math.abs(peer.chi()[i] - a.chi()[i]);
            if (d > worst) { worst = d; at = i; }
        }
        System.out.printf("AGREE autobk %s max|dchi| %.3g at k=%.2f nfev %d%n", id, worst, at < 0 ? 0 : a.k()[at], a.evaluations());
        assertTrue(worst < 1e-3, id + ": max |chi - Larch| = " + worst + " at k = " + (at < 0 ? 0 : a.k()[at]));
    }

    /**
     * peers/arrays rounds energies to 8 significant digits: Larch's e0 (a grid point of the exact
     * energies) is moved to the rounded grid point within 1e-4 eV, else kept.
     */
    static double onGrid(double[] e, double e0) {
        for (double v : e) if (Math.abs(v - e0) < 1e-4) return v;
        return e0;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void e0AndEdgeStepAsLarchWhenNotGiven(String id) throws Exception {
        JsonNode j = ExafsPeers.json(id + ".autobk.json");
        double[][] em = ExafsPeers.mu(id);
        Autobk a = new AutobkProcessor().apply(Spectrum.of(id, em[0], em[1]), larchCall(j)).value();
        assertEquals(j.get("e0").asDouble(), a.e0(), 1e-4, "e0");
        assertEquals(j.get("edge_step").asDouble(), a.edgeStep(), 1e-6 * j.get("edge_step").asDouble(), "edge step");
        assertEquals(j.get("kmax").asDouble(), a.kmax(), 1e-5, "kmax = end of data");
        // end to end: raw mu -> our autobk -> our xftf gives Larch's first-shell peak
        JsonNode fs = j.get("xftf").get("first_shell");
        var r = FourierTransformProcessor.transform(a.toChi(), new FourierTransformProcessor.Params(3, 12, 1, Window.HANNING, 2, 10, 2048, 0.05));
        double[] pk = FourierTransformLarchTest.peak(r.r(), r.mag(), fs.get("rwindow").get(0).asDouble(), fs.get("rwindow").get(1).asDouble());
        assertEquals(fs.get("r_peak").asDouble(), pk[0], 1e-4, "first-shell R peak, end to end");
        assertEquals(fs.get("chir_mag_peak").asDouble(), pk[1], 1e-4 * pk[1], "first-shell |chi(R)| peak, end to end");
    }
}
