package org.edgeworks.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.edgeworks.core.data.ChannelRole;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.detector.DetectorRegistry;
import org.edgeworks.detector.nxxas.NxxasDetector;
import org.edgeworks.testsupport.Python;
import org.edgeworks.testsupport.XanesEdges;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A raw NXxas file with two entries, generated with h5py (generator/make_nxxas_b18.py) after the
 * NeXus NXxas application definition (entry/definition = "NXxas", instrument/monochromator
 * (NXmonochromator) energy, instrument/incoming_beam and absorbed_beam (NXdetector) data, monitor (NXmonitor), data
 * (NXdata) linking energy and absorbed_beam), as Diamond's B18 writes them: both entries are
 * scans, each with the constructed numbers (E = 8900 + 2 i eV, written in keV; mu = ln(I0/It)).
 */
class NxxasLayoutTest {
    @Test
    void everyNxxasEntryIsAScan(@TempDir Path dir) throws Exception {
        Path f = Python.generateWith(Path.of("generator/make_nxxas_b18.py"), dir.resolve("b18_two_scans.nxs"));
        DetectorRegistry reg = Shared.assertScans(f, NxxasDetector.ID, List.of("entry1", "entry2"));
        assertEquals("Cu foil scan 2", reg.scans(f).get(1).label());
        for (int k = 1; k <= 2; k++) {
            double height = 1.0 + 0.1 * k, centre = 8979 + (k == 1 ? 0 : 5);
            Shared.assertConstructedTransmission(reg.read(f, "entry" + k), i -> 8900 + 2 * i, 1e-9,
                e -> 0.1 + height * XanesEdges.arctanStep(e, centre, 2), 200);
        }
    }
}
