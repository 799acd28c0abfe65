package org.edgeworks.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.ChannelRole;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.detector.DetectorRegistry;
import org.edgeworks.detector.nxxas.NxxasDetector;
import org.edgeworks.testsupport.Python;
import org.edgeworks.testsupport.XanesEdges;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A raw NXxas file with two entries, generated with h5py after the NeXus NXxas application
 * definition (entry/definition = "NXxas", instrument/monochromator (NXmonochromator) energy,
 * instrument/incoming_beam and absorbed_beam (NXdetector) data, monitor (NXmonitor), data
 * (NXdata) linking energy and absorbed_beam), as Diamond's B18 writes them: both entries are
 * scans, each with the constructed numbers (E = 8900 + 2 i eV, written in keV; mu = ln(I0/It)).
 */
class NxxasLayoutTest {
    static final String GENERATOR = String.join("\n",
        "import sys, h5py, numpy as np",
        "i = np.arange(200.0)",
        "with h5py.File(sys.argv[1], 'w') as f:",
        "    for k, shift in ((1, 0.0), (2, 5.0)):",
        "        e = f.create_group('entry%d' % k); e.attrs['NX_class'] = 'NXentry'",
        "        e['definition'] = 'NXxas'; e['title'] = 'Cu foil scan %d' % k; e['start_time'] = '2024-01-01T00:00:00'",
        "        ins = e.create_group('instrument'); ins.attrs['NX_class'] = 'NXinstrument'",
        "        src = ins.create_group('source'); src.attrs['NX_class'] = 'NXsource'; src['type'] = 'Synchrotron X-ray Source'",
        "        mono = ins.create_group('monochromator'); mono.attrs['NX_class'] = 'NXmonochromator'",
        "        energy = (8900 + 2 * i) / 1000.0",
        "        mono['energy'] = energy; mono['energy'].attrs['units'] = 'keV'",
        "        mu = 0.1 + (1.0 + 0.1 * k) * (0.5 + np.arctan((8900 + 2 * i - 8979 - shift) / 2) / np.pi)",
        "        i0 = 2e5 + 100 * np.cos(i)",
        "        for name, v in (('incoming_beam', i0), ('absorbed_beam', i0 * np.exp(-mu))):",
        "            d = ins.create_group(name); d.attrs['NX_class'] = 'NXdetector'; d['data'] = v",
        "        mon = e.create_group('monitor'); mon.attrs['NX_class'] = 'NXmonitor'; mon['data'] = i0",
        "        s = e.create_group('sample'); s.attrs['NX_class'] = 'NXsample'; s['name'] = 'Cu foil'",
        "        nd = e.create_group('data'); nd.attrs['NX_class'] = 'NXdata'; nd.attrs['signal'] = 'absorbed_beam'; nd.attrs['axes'] = 'energy'",
        "        nd['energy'] = h5py.SoftLink('/entry%d/instrument/monochromator/energy' % k)",
        "        nd['absorbed_beam'] = h5py.SoftLink('/entry%d/instrument/absorbed_beam/data' % k)");

    @Test
    void everyNxxasEntryIsAScan(@TempDir Path dir) throws Exception {
        Path f = Python.generate(dir.resolve("b18_two_scans.nxs"), GENERATOR);
        DetectorRegistry reg = Shared.assertScans(f, NxxasDetector.ID, List.of("entry1", "entry2"));
        assertEquals("Cu foil scan 2", reg.scans(f).get(1).label());
        for (int k = 1; k <= 2; k++) {
            double height = 1.0 + 0.1 * k, centre = 8979 + (k == 1 ? 0 : 5);
            Shared.assertConstructedTransmission(reg.read(f, "entry" + k), i -> 8900 + 2 * i, 1e-9,
                e -> 0.1 + height * XanesEdges.arctanStep(e, centre, 2), 200);
        }
        EdgeworksException ex = assertThrows(EdgeworksException.class, () -> reg.read(f));
        assertTrue(ex.getMessage().startsWith(f + ": holds 2 scans (entry1, entry2)"), ex.getMessage());
    }
}
