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
 * A BLISS file generated with h5py after the public layout (BLISS "Nexus writer" documentation:
 * root NXentry "N.M", title, measurement/ NXcollection whose counters are links into
 * instrument/&lt;device&gt;/data): three scans, an energy scan in keV with @units, a time scan
 * without energy, an energy scan in keV without @units. Expected numbers are the construction:
 * E = 7000 + i eV, mu = ln(I0/It) = 0.2 + 1.5 (0.5 + atan((E - 7112)/3)/pi).
 */
class BlissTest {
    static final String GENERATOR = String.join("\n",
        "import sys, h5py, numpy as np",
        "i = np.arange(300.0)",
        "e_kev = 7.0 + 0.001 * i",
        "mu = 0.2 + 1.5 * (0.5 + np.arctan((1000 * e_kev - 7112) / 3) / np.pi)",
        "i0 = 1e5 * (1 + 0.01 * np.sin(i))",
        "it = i0 * np.exp(-mu)",
        "with h5py.File(sys.argv[1], 'w') as f:",
        "    f.attrs['NX_class'] = 'NXroot'; f.attrs['creator'] = 'Bliss'",
        "    def scan(name, title, counters, units):",
        "        e = f.create_group(name); e.attrs['NX_class'] = 'NXentry'",
        "        e['title'] = title; e['start_time'] = '2024-05-01T10:00:00'",
        "        ins = e.create_group('instrument'); ins.attrs['NX_class'] = 'NXinstrument'",
        "        m = e.create_group('measurement'); m.attrs['NX_class'] = 'NXcollection'",
        "        for k, v in counters.items():",
        "            g = ins.create_group(k); g.attrs['NX_class'] = 'NXdetector'",
        "            g['data'] = v",
        "            if k in units: g['data'].attrs['units'] = units[k]",
        "            m[k] = h5py.SoftLink('/%s/instrument/%s/data' % (name, k))",
        "        pos = ins.create_group('positioners'); pos.attrs['NX_class'] = 'NXcollection'; pos['sy'] = 1.5",
        "    scan('1.1', 'ascan energy 7 7.299 299 0.1', {'energy': e_kev, 'I0': i0, 'It': it, 'mca_det0': np.ones((300, 16))}, {'energy': 'keV'})",
        "    scan('2.1', 'timescan 0.1', {'elapsed_time': 0.1 * i[:50], 'I0': i0[:50]}, {})",
        "    scan('3.1', 'ascan energy 7 7.299 299 0.1', {'energy': e_kev, 'I0': i0, 'It': it}, {})");

    @Test
    void everyEntryIsAScanWithTheConstructedNumbers(@TempDir Path dir) throws Exception {
        Path f = Python.generate(dir.resolve("sample_0001.h5"), GENERATOR);
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
        EdgeworksException ex = assertThrows(EdgeworksException.class, () -> reg.read(f));
        assertTrue(ex.getMessage().startsWith(f + ": holds 3 scans (1.1, 2.1, 3.1)"), ex.getMessage());
        assertThrows(EdgeworksException.class, () -> reg.read(f, "4.1"));
    }
}
