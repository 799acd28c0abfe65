package org.edgeworks.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The one keV/eV decision: a declared unit wins; undeclared values all in (0, 100) are keV, said in a note. */
class EnergyUnitsTest {

    @Test
    void declaredUnitsWinWithoutANote() {
        EnergyUnits.Decision d = EnergyUnits.decide("mono", Unit.KEV, new double[] {6539, 6540});
        assertEquals(Unit.KEV, d.unit());
        assertNull(d.note());
        assertEquals(Unit.EV, EnergyUnits.decide("mono", Unit.EV, new double[] {6.5}).unit());
    }

    @Test
    void undeclaredBelowOneHundredIsKevAndSaidSo() {
        EnergyUnits.Decision d = EnergyUnits.decide("E", Unit.NONE, new double[] {6.530, Double.NaN, 6.545});
        assertEquals(Unit.KEV, d.unit());
        assertTrue(d.note().contains("'E'") && d.note().contains("keV"), d.note());
        EnergyUnits.Decision ev = EnergyUnits.decide("E", Unit.NONE, new double[] {99.9, 100.0});
        assertEquals(Unit.EV, ev.unit());
        assertTrue(ev.note().contains("eV"), ev.note());
        // a non-energy declared unit (counts) is no declaration; nothing positive: eV
        assertEquals(Unit.EV, EnergyUnits.decide("E", Unit.COUNTS, new double[] {0, 0}).unit());
    }
}
