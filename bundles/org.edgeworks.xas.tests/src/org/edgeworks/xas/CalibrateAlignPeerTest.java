package org.edgeworks.xas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.edgeworks.core.data.Spectrum;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Calibration and alignment shifts on real data against Larch-based peer numbers
 * (resources/peers/larch_calibrate_align.py and its committed output): within 0.01 eV, the
 * precision Athena's own regression tests hold. Cases: Mn3O4 raw scans 201/202 (sample and
 * reference channels), NSLS Mn foil, Fe foil 060/061, MAX IV Balder Cu/Fe/Cr/Ti foils.
 */
class CalibrateAlignPeerTest {
    static final JsonNode PEER = PeerData.resource("larch_calibrate_align.json");

    static Spectrum mu(String key) {
        double[][] em = PeerData.mu(new PeerData.Spec(key, PEER.get("spectra").get(key)));
        return Spectrum.of(key, em[0], em[1]);
    }

    @Test
    void calibrationShifts() throws Exception {
        int n = 0;
        for (JsonNode c : PEER.get("calibrations")) {
            String key = c.get("spectrum").asText();
            Spectrum sample = mu(key).withName(key + "-sample");
            var res = new CalibrateProcessor().apply(new CalibrateProcessor.Input(mu(key), List.of(sample)),
                new CalibrateProcessor.Params(c.get("tabulated_e0").asDouble(), E0Method.GRID)).value();
            // the default, between grid points: within one grid step of Larch's grid point
            var sub = new CalibrateProcessor().apply(new CalibrateProcessor.Input(mu(key), List.of(sample)),
                CalibrateProcessor.Params.of(c.get("tabulated_e0").asDouble())).value();
            double[] e = mu(key).energies();
            int i = org.edgeworks.xas.kernel.LarchIndex.indexNearest(e, res.measuredE0());
            double gridStep = Math.max(e[i + 1] - e[i], e[i] - e[i - 1]);
            assertEquals(res.measuredE0(), sub.measuredE0(), gridStep + 1e-9, key + " sub-grid E0 near the grid point");
            assertTrue(sub.shiftStderr() >= 0 && sub.shiftStderr() < gridStep, key + " shift stderr " + sub.shiftStderr());
            assertEquals(c.get("shift").asDouble(), res.shift(), 0.01, key + " calibration shift");
            assertEquals(c.get("measured_e0").asDouble(), res.measuredE0(), 1e-9, key + " measured E0 (the same grid point)");
            assertEquals(sample.energies()[0] + res.shift(), res.calibratedSamples().get(0).energies()[0], 1e-9, "sample moved too");
            n++;
        }
        assertEquals(17, n);
    }

    @Test
    void alignmentShifts() throws Exception {
        int n = 0;
        for (JsonNode a : PEER.get("alignments")) {
            String r = a.get("reference").asText(), s = a.get("sample").asText();
            var res = new AlignProcessor().apply(new AlignProcessor.Input(mu(r), mu(s)), AlignProcessor.Params.defaults()).value();
            assertEquals(a.get("shift").asDouble(), res.shift(), 0.01, r + " <- " + s + " alignment shift");
            // the same objective, spline and optimum: in practice equal to 1e-9 eV
            assertEquals(a.get("shift").asDouble(), res.shift(), 1e-6, r + " <- " + s + " alignment shift, same algorithm");
            assertEquals(a.get("points").asInt(), res.points(), r + " window points");
            n++;
        }
        assertEquals(11, n);
    }

    @Test
    void alignmentRecoversAKnownShiftOnRealData() throws Exception {
        Spectrum ref = mu("fe_060");
        Spectrum moved = CalibrateProcessor.shifted(ref, -1.7).withName("fe_060 shifted");
        var res = new AlignProcessor().apply(new AlignProcessor.Input(ref, moved), AlignProcessor.Params.defaults()).value();
        assertEquals(1.7, res.shift(), 0.01, "shift undoing -1.7 eV");
        assertTrue(res.residual() < 1e-3, "residual " + res.residual());
    }
}
