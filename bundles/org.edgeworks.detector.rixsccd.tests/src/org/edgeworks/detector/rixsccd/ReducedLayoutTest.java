package org.edgeworks.detector.rixsccd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.eclipse.january.dataset.IDataset;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.ChannelRole;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.detector.DetectorRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;

/**
 * The reduced layout (emission spectra, maps) read by the rixsccd detector: lazy planes, the
 * NeXus FIELDNAME_errors, energies by the declared unit or, without one, by the one documented
 * rule (EnergyUnits) with a note. Files built here with jHDF; expected values from the construction.
 */
class ReducedLayoutTest {
    static final int POINTS = 4, CHANNELS = 6;

    static double signal(int i, int j) { return 10 * i + j + 0.25; }

    /** excitation 0.529 + 0.001 i (no unit: keV by the rule), emission 0.515 + 0.002 j keV (declared), errors = sqrt(signal). */
    static Path write(Path dir, String name, int errorRows) {
        Path f = dir.resolve(name);
        double[] ex = new double[POINTS], em = new double[CHANNELS], i0 = new double[POINTS];
        double[][] s = new double[POINTS][CHANNELS], e = new double[errorRows][CHANNELS];
        for (int j = 0; j < CHANNELS; j++) em[j] = 0.515 + 0.002 * j;
        for (int i = 0; i < POINTS; i++) {
            ex[i] = 0.529 + 0.001 * i;
            i0[i] = 3 + i;
            for (int j = 0; j < CHANNELS; j++) s[i][j] = signal(i, j);
        }
        for (int i = 0; i < errorRows; i++) for (int j = 0; j < CHANNELS; j++) e[i][j] = Math.sqrt(signal(i, j));
        try (WritableHdfFile h = HdfFile.write(f)) {
            WritableGroup entry = h.putGroup("entry");
            entry.putAttribute("NX_class", "NXentry");
            WritableGroup data = entry.putGroup("sdd");
            data.putAttribute("NX_class", "NXdata");
            data.putAttribute("signal", "counts");
            data.putAttribute("axes", new String[] {"excitation_energy", "emission_energy"});
            data.putDataset("counts", s);
            data.putDataset("counts_errors", e);
            data.putDataset("excitation_energy", ex);
            data.putDataset("emission_energy", em).putAttribute("units", "keV");
            WritableGroup mon = entry.putGroup("i0");
            mon.putAttribute("NX_class", "NXmonitor");
            mon.putDataset("data", i0);
        }
        return f;
    }

    @Test
    void planeAndErrorsStayLazyAndEnergiesAreEvByTheDeclaredUnitOrTheNotedRule(@TempDir Path tmp) throws Exception {
        Path f = write(tmp, "sdd.nxs", POINTS);
        Scan s = DetectorRegistry.load().read(f);
        assertEquals(RixsCcdDetector.ID, s.detectorId());
        double[] ex = s.require(ChannelRole.ENERGY).readDoubles("t"), em = s.require(ChannelRole.EMISSION_AXIS).readDoubles("t");
        for (int i = 0; i < POINTS; i++) assertEquals(529 + i, ex[i], 1e-9);
        for (int j = 0; j < CHANNELS; j++) assertEquals(515 + 2 * j, em[j], 1e-9);
        // the excitation had no unit: decided (all values below 100: keV) and said; the emission declared keV: no note
        assertTrue(s.metadata().get("note.energy").contains("read as keV"), s.metadata().toString());
        assertNull(s.metadata().get("note.emission"));
        // the plane and its errors are lazy datasets (read when the adapter asks), not arrays read up front
        assertFalse(s.require(RixsCcdDetector.SPECTRA).data() instanceof IDataset);
        assertFalse(s.require(RixsCcdDetector.SPECTRA_ERRORS).data() instanceof IDataset);
        double[] plane = s.require(RixsCcdDetector.SPECTRA).readDoubles("t"), err = s.require(RixsCcdDetector.SPECTRA_ERRORS).readDoubles("t");
        for (int i = 0; i < POINTS; i++)
            for (int j = 0; j < CHANNELS; j++) {
                assertEquals(signal(i, j), plane[i * CHANNELS + j], 0);
                assertEquals(Math.sqrt(signal(i, j)), err[i * CHANNELS + j], 0);
            }
        assertArrayEquals(new double[] {3, 4, 5, 6}, s.require(ChannelRole.I0).readDoubles("t"));
    }

    @Test
    void errorsOfAnotherShapeAreRefusedInOneLineStartingWithTheFile(@TempDir Path tmp) {
        Path f = write(tmp, "bad_errors.nxs", POINTS - 1);
        EdgeworksException e = assertThrows(EdgeworksException.class, () -> DetectorRegistry.load().read(f));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("/entry/sdd/counts_errors"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
