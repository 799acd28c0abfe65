package org.edgeworks.xas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.edgeworks.core.data.Spectrum;
import org.junit.jupiter.api.Test;

/**
 * Silent extrapolation made loud (new-user trial, KMnO4 against Mn2+/3+/4+ references): a sample whose
 * edge lies beyond the references' edges by more than its own stderr carries a warning note naming it;
 * a sample inside the range carries none. LCF: a fit with R-factor above 0.05 (a sample 15 eV off every
 * reference) carries a poor-fit warning naming it; an exact mixture (R = 0 by construction) none.
 * Spectra are synthetic arctan steps with edges where they are put.
 */
class ValenceExtrapolationTest {
    /** mu = 0.1 + 0.5 + atan(E - e0)/pi (unit step of width ~1 eV at e0), 0.5 eV grid from e0 - 150 to e0 + 400. */
    static Spectrum step(String name, double gridCentre, double e0) {
        int n = 1101;
        double[] e = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = gridCentre - 150 + 0.5 * i;
            y[i] = 0.6 + Math.atan(e[i] - e0) / Math.PI;
        }
        return Spectrum.of(name, e, y);
    }

    static List<String> warnings(List<String> notes, String name) {
        return notes.stream().filter(s -> s.startsWith("warning: " + name + ": ")).toList();
    }

    @Test
    void aSampleBeyondTheReferencesEdgesIsFlaggedOneInsideIsNot() throws Exception {
        List<Spectrum> refs = List.of(step("Mn2", 6550, 6545), step("Mn3", 6550, 6549), step("Mn4", 6550, 6553));
        // edges at 6545, 6549, 6553 eV (valence 2, 3, 4): "Mn7" at 6565 eV is 12 eV above, "Mn35" at 6551 eV inside, "Mn1" at 6538 eV below
        var r = new ValenceProcessor().apply(new ValenceProcessor.Input(refs, List.of(2.0, 3.0, 4.0),
                List.of(step("Mn7", 6550, 6565), step("Mn35", 6550, 6551), step("Mn1", 6550, 6538))),
            new ValenceProcessor.Params(ValenceProcessor.EdgeEnergy.HALF_HEIGHT, false));
        List<String> notes = r.provenance().notes();
        List<String> high = warnings(notes, "Mn7");
        assertEquals(1, high.size(), notes.toString());
        assertTrue(high.get(0).contains("lies outside the references' range [6545.") && high.get(0).contains("valence extrapolated"), high.get(0));
        assertTrue(high.get(0).matches(".*edge 656[45]\\.\\d\\d eV .*"), high.get(0));
        assertEquals(1, warnings(notes, "Mn1").stream().filter(s -> s.contains("outside the references' range")).count(), notes.toString());
        assertTrue(warnings(notes, "Mn35").isEmpty(), notes.toString());
        // the valence itself is still the line's (by construction 4 eV per valence from 6537 eV: 7 at 6565, 3.5 at 6551)
        assertEquals(7.0, r.value().rows().get(3).valence(), 0.1);
        assertEquals(3.5, r.value().rows().get(4).valence(), 0.1);
    }

    @Test
    void aFitWithRFactorAboveTheThresholdIsAPoorFitWarning() throws Exception {
        Spectrum a = step("A", 6550, 6545), b = step("B", 6550, 6553);
        // uncalibrated: the sample's edge is 15 eV above the higher reference
        Spectrum raw = step("raw", 6550, 6568);
        var bad = new LcfProcessor().apply(new LcfProcessor.Input(raw, List.of(a, b), null), LcfProcessor.Params.defaults());
        assertTrue(bad.value().rFactor() > LcfProcessor.POOR_FIT_R_FACTOR, "R " + bad.value().rFactor());
        List<String> w = warnings(bad.provenance().notes(), "raw");
        assertEquals(1, w.stream().filter(s -> s.contains("poor fit: R-factor") && s.contains("> 0.05") && s.contains("calibrate/align")).count(),
            bad.provenance().notes().toString());
        // an exact 30/70 mixture of the references fits to R = 0: no warning
        double[] e = a.energies(), y = new double[e.length];
        for (int i = 0; i < e.length; i++) y[i] = 0.3 * a.signal()[i] + 0.7 * b.signal()[i];
        var good = new LcfProcessor().apply(new LcfProcessor.Input(Spectrum.of("mix", e, y), List.of(a, b), null), LcfProcessor.Params.defaults());
        assertEquals(0.3, good.value().components().get(0).weight(), 1e-6);
        assertTrue(good.value().rFactor() < 1e-8, "R " + good.value().rFactor());
        assertTrue(good.provenance().notes().stream().noneMatch(s -> s.contains("poor fit")), good.provenance().notes().toString());
    }
}
