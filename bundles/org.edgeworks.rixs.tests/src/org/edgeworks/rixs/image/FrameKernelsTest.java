package org.edgeworks.rixs.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.edgeworks.rixs.SyntheticRixs;
import org.junit.jupiter.api.Test;

/** Cosmic-ray removal on SYNTHETIC frames whose expected counts are known. */
class FrameKernelsTest {

    static double sigma(double expected) { return Math.sqrt(9 + Math.max(expected - 100, 0)); }

    @Test
    void neighbourMedianRemovesEverySpikeAndKeepsTheSignal() {
        SyntheticRixs.Spec s = SyntheticRixs.Spec.of("charged", 101);
        int left = 0, falsePositives = 0, removed = 0, pixels = 0;
        for (int p = 0; p < s.points(); p++) {
            double[] raw = SyntheticRixs.rawFrame(s, p), exp = SyntheticRixs.expectedFrame(s, p), f = raw.clone();
            removed += FrameKernels.removeSpikesAgainstNeighbours(f, s.rows(), s.columns(), 8, 1);
            for (int i = 0; i < f.length; i++) {
                pixels++;
                if (Math.abs(f[i] - exp[i]) > 8 * sigma(exp[i])) left++;
                if (f[i] != raw[i] && raw[i] - exp[i] < 6 * sigma(exp[i])) falsePositives++;
            }
        }
        System.out.printf("cosmic rays: %d pixels replaced, %d spikes left, %d ordinary pixels touched of %d%n", removed, left,
            falsePositives, pixels);
        assertEquals(0, left, "spike pixels left");
        assertTrue(falsePositives <= pixels / 10000, "ordinary pixels replaced: " + falsePositives);
        assertTrue(removed >= s.points() * s.cosmicsPerFrame(), "at least one pixel per injected track");
    }

    @Test
    void repeatMedianRemovesSpikesOfOneRepeat() {
        SyntheticRixs.Spec s = SyntheticRixs.Spec.of("charged", 5);
        double[] exp = SyntheticRixs.expectedFrame(s, 20);
        double[][] reps = new double[3][];
        for (int k = 0; k < 3; k++) reps[k] = exp.clone();
        reps[1][1000] += 3000;
        reps[2][2000] += 800;
        int n = FrameKernels.removeSpikesAgainstRepeats(reps, s.rows(), s.columns(), 8, 1);
        assertEquals(2, n);
        assertEquals(exp[1000], reps[1][1000], 0);
        assertEquals(exp[2000], reps[2][2000], 0);
    }
}
