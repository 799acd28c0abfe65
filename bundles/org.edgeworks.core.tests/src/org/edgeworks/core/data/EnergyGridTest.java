package org.edgeworks.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.edgeworks.core.EdgeworksException;
import org.junit.jupiter.api.Test;

class EnergyGridTest {

    @Test
    void descendingAxisIsReversedAndNoted() throws Exception {
        var c = EnergyGrid.clean("s", new double[] {3, 2, 1}, new double[] {30, 20, 10});
        assertArrayEquals(new double[] {1, 2, 3}, c.energy());
        assertArrayEquals(new double[] {10, 20, 30}, c.column(0));
        assertTrue(c.notes().get(0).contains("descending"));
    }

    @Test
    void duplicatesAreAveragedAndNaNsMasked() throws Exception {
        var c = EnergyGrid.clean("s", new double[] {1, 2, 2, 3, Double.NaN}, new double[] {1, 4, 6, Double.NaN, 9});
        assertArrayEquals(new double[] {1, 2}, c.energy());
        assertArrayEquals(new double[] {1, 5}, c.column(0));
        assertEquals(2, c.notes().size());
    }

    @Test
    void mismatchedLengthsNameTheSubject() {
        EdgeworksException e = assertThrows(EdgeworksException.class,
            () -> EnergyGrid.clean("scan.dat", new double[] {1, 2}, new double[] {1}));
        assertTrue(e.getMessage().startsWith("scan.dat: "), e.getMessage());
    }

    @Test
    void kevAxisIsHeldInEv() {
        Axis a = Axis.of("energy", Unit.KEV, new double[] {6.539});
        assertEquals(Unit.EV, a.unit());
        assertEquals(6539.0, a.get(0), 1e-9);
    }
}
