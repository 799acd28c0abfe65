package org.edgeworks.rixs.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The curvature search's cross-correlation (four lags per pass) is the definition
 * cc[l] = sum over c of ref[c] p[c + l], each sum in ascending c from 0.0, to the last bit: the
 * expected values are that sum written plainly here, for short and long profiles, lag ranges up
 * to the whole profile and beyond, odd counts of lags and heavy-tailed values (where a different
 * order of additions would round differently).
 */
class CurvatureCorrelationTest {

    @ParameterizedTest
    @CsvSource({"1, 0", "2, 5", "3, 1", "7, 2", "7, 6", "8, 9", "64, 3", "64, 62", "257, 40", "2048, 2046", "2048, 20"})
    void everyLagIsThePlainSumBitForBit(int n, int maxLag) {
        Random rng = new Random(31L * n + maxLag);
        double[] ref = new double[n], p = new double[n];
        for (int c = 0; c < n; c++) {
            ref[c] = rng.nextGaussian() * Math.exp(3 * rng.nextGaussian());
            p[c] = rng.nextGaussian() * Math.exp(3 * rng.nextGaussian());
        }
        double[] cc = Curvature.correlation(ref, p, maxLag);
        assertEquals(2 * maxLag + 1, cc.length);
        for (int l = -maxLag; l <= maxLag; l++) {
            double s = 0;
            for (int c = 0; c < n; c++) if (c + l >= 0 && c + l < n) s += ref[c] * p[c + l];
            assertEquals(Double.doubleToRawLongBits(s), Double.doubleToRawLongBits(cc[l + maxLag]), "n " + n + " lag " + l);
        }
    }
}
