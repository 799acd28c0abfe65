package org.edgeworks.xas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.edgeworks.core.data.Axis;
import org.edgeworks.core.data.Spectrum;
import org.junit.jupiter.api.Test;

/**
 * Deglitch and calibrate move or drop points but never change a value: the input sigma of every
 * point they keep comes out unchanged beside it (construction: an arctan edge with a known sigma per
 * point and one glitch).
 */
class SigmaKeptTest {

    static final int N = 101, GLITCH = 40;

    static double sigma(int i) { return 0.001 * (1 + i % 5); }

    static Spectrum edge(String name, boolean glitch) {
        double[] e = new double[N], y = new double[N], s = new double[N];
        for (int i = 0; i < N; i++) {
            e[i] = 7000 + i;
            y[i] = 0.5 + Math.atan((e[i] - 7050) / 2) / Math.PI + (glitch && i == GLITCH ? 0.5 : 0);
            s[i] = sigma(i);
        }
        return new Spectrum(name, Axis.energy(e), y, s, "mu");
    }

    @Test
    void deglitchKeepsTheSigmaOfTheKeptPoints() throws Exception {
        Spectrum in = edge("g", true);
        for (boolean remove : new boolean[] {false, true}) {
            var d = new DeglitchProcessor().apply(in, new DeglitchProcessor.Params(7, 5, remove)).value();
            assertArrayEquals(new int[] {GLITCH}, d.flagged());
            Spectrum out = d.spectrum();
            assertEquals(remove ? N - 1 : N, out.size());
            for (int k = 0; k < out.size(); k++) {
                int i = (int) Math.round(out.energies()[k] - 7000);
                assertEquals(sigma(i), out.uncertainty()[k], 0, "sigma at " + out.energies()[k] + " eV");
            }
        }
    }

    @Test
    void calibrateKeepsTheSigmaOfReferenceAndSamples() throws Exception {
        var c = new CalibrateProcessor().apply(new CalibrateProcessor.Input(edge("ref", false), List.of(edge("sample", false))),
            new CalibrateProcessor.Params(7052.5, E0Method.DERIVATIVE)).value();
        assertEquals(2.5, c.shift(), 0.05);
        for (Spectrum s : List.of(c.calibratedReference(), c.calibratedSamples().get(0))) {
            assertEquals(N, s.size());
            for (int i = 0; i < N; i++) {
                assertEquals(7000 + i + c.shift(), s.energies()[i], 1e-9);
                assertEquals(sigma(i), s.uncertainty()[i], 0, s.name() + " sigma at point " + i);
            }
        }
    }
}
