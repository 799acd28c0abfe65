package org.edgeworks.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.ChannelRole;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.detector.Detector;
import org.edgeworks.core.detector.DetectorRegistry;
import org.edgeworks.detector.bliss.BlissDetector;
import org.edgeworks.testsupport.Python;
import org.edgeworks.testsupport.XanesEdges;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A BLISS file generated with h5py (generator/make_bliss.py) after the public layout (BLISS "Nexus
 * writer" documentation: root NXentry "N.M", title, measurement/ NXcollection whose counters are
 * links into instrument/&lt;device&gt;/data): three scans, an energy scan in keV with @units, a
 * time scan without energy, an energy scan in keV without @units. Expected numbers are the construction:
 * E = 7000 + i eV, mu = ln(I0/It) = 0.2 + 1.5 (0.5 + atan((E - 7112)/3)/pi).
 */
class BlissTest {
    @Test
    void everyEntryIsAScanWithTheConstructedNumbers(@TempDir Path dir) throws Exception {
        Path f = Python.generateWith(Path.of("generator/make_bliss.py"), dir.resolve("sample_0001.h5"));
        DetectorRegistry reg = Shared.assertScans(f, BlissDetector.ID, List.of("1.1", "2.1", "3.1"));
        List<Detector.ScanEntry> scans = reg.scans(f);
        assertEquals("ascan energy 7 7.299 299 0.1", scans.get(0).label());
        assertEquals(300, scans.get(0).points());
        assertTrue(scans.get(0).usable());
        assertFalse(scans.get(1).usable(), "a time scan is listed but not an energy scan");
        for (String id : List.of("1.1", "3"))
            Shared.assertConstructedTransmission(reg.read(f, id), i -> 7000 + i, 1e-6, e -> 0.2 + 1.5 * XanesEdges.arctanStep(e, 7112, 3), 300);
        assertEquals(ChannelRole.MCA, reg.read(f, "1.1").require("mca_det0").role());
        assertTrue(reg.read(f, "3.1").metadata().get("note.energy").contains("keV"));
        assertThrows(EdgeworksException.class, () -> reg.read(f, "4.1"));
    }
}
