package org.edgeworks.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The one CSV format: header, numbers to the given significant digits, empty cells for missing values. */
class CsvTest {

    @Test
    void missingValuesAreEmptyCellsNeverNanText() {
        double[] e = {6539.25, 6540.5, 6541.75};
        double[] y = {0.5, Double.NaN, Double.POSITIVE_INFINITY};
        String t = Csv.table(List.of("energy", "norm", "sigma"), Arrays.asList(e, y, null), 10);
        assertEquals("energy,norm,sigma\n"
            + "6539.250000,0.5000000000,\n"
            + "6540.500000,,\n"
            + "6541.750000,,\n", t);
        assertEquals("1.23456789", Csv.cell(1.234567891, 9));
        assertEquals("", Csv.cell(Double.NaN));
        assertEquals("-0.0001000000000", Csv.cell(-1e-4));
    }
}
