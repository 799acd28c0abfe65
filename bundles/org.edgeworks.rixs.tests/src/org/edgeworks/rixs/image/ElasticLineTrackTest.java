package org.edgeworks.rixs.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The elastic-line search on scans with many noise peaks per frame (the case whose all-pairs search
 * once ran for minutes): the line that moves with the excitation energy is found from the
 * construction, whatever the strong fixed emission lines and the noise peaks.
 */
class ElasticLineTrackTest {
    @Test
    void nearestDistanceBisectsSortedCandidates() {
        int[] c = {3, 10, 20};
        assertEquals(1.5, ElasticLine.nearestDistance(c, 11.5), 0);
        assertEquals(7.0, ElasticLine.nearestDistance(c, -4), 0);
        assertEquals(5.0, ElasticLine.nearestDistance(c, 25), 0);
        assertEquals(0.0, ElasticLine.nearestDistance(c, 10), 0);
        assertEquals(Double.POSITIVE_INFINITY, ElasticLine.nearestDistance(new int[0], 4), 0);
    }

    @Test
    void theMovingLineIsFoundAmongNoisePeaksInEveryFrame() {
        int frames = 150, width = 2048;
        double slope = 12.5, p0 = 300; // pixels per eV, pixel of the first frame's elastic line
        Random rnd = new Random(20261129);
        double[] excitation = new double[frames];
        double[][] spectra = new double[frames][width];
        for (int k = 0; k < frames; k++) {
            excitation[k] = 525.0 + 0.08 * k;
            double elastic = p0 + slope * (excitation[k] - excitation[0]);
            for (int x = 0; x < width; x++) {
                double v = 1.0 * gauss(x, elastic, 2.0)         // the elastic line, weaker than
                    + 3.0 * gauss(x, 900, 6.0) + 2.0 * gauss(x, 1400, 5.0); // two emission lines that stay put
                spectra[k][x] = v;
            }
            for (int j = 0; j < 40; j++) { // narrow noise peaks above the threshold, anywhere but on the line itself
                int at = 5 + rnd.nextInt(width - 10);
                if (Math.abs(at - elastic) < 8) continue;
                spectra[k][at] += 0.6 + 0.4 * rnd.nextDouble();
            }
        }
        ElasticLine.Track t = ElasticLine.track(spectra, excitation, 0.1, 3);
        assertEquals(slope, t.slope(), 0.05, "pixels per eV of the constructed line");
        int found = 0;
        for (int k = 0; k < frames; k++) {
            if (Double.isNaN(t.pixel()[k])) continue;
            found++;
            assertEquals(p0 + slope * (excitation[k] - excitation[0]), t.pixel()[k], 0.5, "frame " + k);
        }
        assertEquals(frames, found, 5, "frames where the line was found");
    }

    private static double gauss(double x, double c, double s) {
        double d = (x - c) / s;
        return Math.exp(-0.5 * d * d);
    }
}
