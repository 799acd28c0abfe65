package org.edgeworks.pipeline.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.edgeworks.pipeline.ResultTable;
import org.junit.jupiter.api.Test;

/**
 * A processor output on an EXAFS axis (chi(R) on r, chi(k) on k) keeps its arrays in the result
 * table (they were dropped when only energy/excitation counted as axes); r wins over k when a
 * record has both (a transform keeps its k window beside chi(R)).
 */
public class ResultTableAxesTest {
    public record ChiRLike(String name, double[] r, double[] mag, double[] k, double[] kwin, double kweight) {}

    public record ChiLike(String name, double[] k, double[] chi) {}

    @Test
    void exafsAxes() {
        ResultTable t = ResultTable.of(new ChiRLike("x", new double[] {0, 0.03, 0.06}, new double[] {1, 2, 3}, new double[] {0, 0.05},
            new double[] {0, 1}, 2));
        assertEquals("r", t.axisName());
        assertArrayEquals(new double[] {1, 2, 3}, t.columns().get("mag"), 0);
        assertTrue(!t.columns().containsKey("kwin"));
        assertEquals(2.0, ((Number) t.scalars().get("kweight")).doubleValue(), 0);
        ResultTable c = ResultTable.of(new ChiLike("y", new double[] {0, 0.05, 0.1}, new double[] {0.1, 0.2, 0.3}));
        assertEquals("k", c.axisName());
        assertTrue(c.hasData());
    }
}
