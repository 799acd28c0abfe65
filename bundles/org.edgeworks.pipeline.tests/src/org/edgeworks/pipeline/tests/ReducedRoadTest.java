package org.edgeworks.pipeline.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.RixsMap;
import org.edgeworks.core.detector.DetectorRegistry;
import org.edgeworks.core.processing.Clock;
import org.edgeworks.core.processing.Provenance;
import org.edgeworks.pipeline.rixs.RixsFiles;
import org.edgeworks.rixs.EmissionSpectra;
import org.edgeworks.testsupport.Python;
import org.edgeworks.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reduced RIXS emission spectra and maps take the road every input takes (issue 17): the rixsccd
 * detector recognises the file and gives a Scan, the emissionSpectra / rixsMap adapters make the
 * processors' input ({@code RixsFiles.readSpectra/readMap}, used by rixs build, ipfy, cut, pfy,
 * quantify, diff and the demo). Expected values are h5py's reading of the same files.
 */
class ReducedRoadTest {

    /**
     * h5py's values, one line each: the NXdata's excitation and emission axes, the NXmonitor's data and
     * the signal's rows (repr: exact doubles).
     */
    static List<double[]> h5py(Path file) {
        String out = Python.run(String.join("\n", "import sys, h5py, numpy as np",
            "f = h5py.File(sys.argv[1], 'r')",
            "groups = []",
            "f.visititems(lambda n, o: groups.append(o) if isinstance(o, h5py.Group) else None)",
            "def cls(g): v = g.attrs.get('NX_class', b''); return v.decode() if isinstance(v, bytes) else v",
            "g = [g for g in groups if cls(g) == 'NXdata'][0]",
            "m = [g for g in groups if cls(g) == 'NXmonitor'][0]",
            "rows = [g['excitation_energy'][()], g['emission_energy'][()], m['data'][()]]",
            "sig = g.attrs['signal']",
            "rows += list(g[sig.decode() if isinstance(sig, bytes) else sig][()])",
            "for r in rows: print(' '.join(repr(float(v)) for v in np.asarray(r, dtype=float).ravel()))"),
            file.toString());
        List<double[]> rows = new ArrayList<>();
        for (String line : out.split("\n", -1)) {
            if (line.isBlank()) continue;
            rows.add(Arrays.stream(line.trim().split(" ")).mapToDouble(Double::parseDouble).toArray());
        }
        return rows;
    }

    @Test
    void theSddSampleIsReadThroughTheDetectorWithH5pysValues() throws Exception {
        Path f = SharedData.samples().resolve("rixs/synthetic_MnL_sdd.nxs");
        assertEquals("org.edgeworks.detector.rixsccd", DetectorRegistry.load().read(f).detectorId());
        List<String> notes = new ArrayList<>();
        EmissionSpectra s = RixsFiles.readSpectra(f, notes);
        assertEquals(List.of(), notes, "the sample declares eV");
        assertEquals("synthetic_MnL_sdd", s.name());
        List<double[]> want = h5py(f);
        assertArrayEquals(want.get(0), s.excitation());
        assertArrayEquals(want.get(1), s.emission());
        assertArrayEquals(want.get(2), s.i0());
        assertEquals(351, s.counts().length);
        for (int i = 0; i < s.counts().length; i++) assertArrayEquals(want.get(3 + i), s.counts()[i], "row " + i);
        assertNull(s.countTime());
    }

    /** A map as h5py writes one: intensity + intensity_errors, excitation in eV, emission in keV, or no units at all. */
    static Path map(Path dir, String name, String excitationUnits, String emissionUnits) {
        return Python.generate(dir.resolve(name), String.join("\n", "import sys, h5py, numpy as np",
            "with h5py.File(sys.argv[1], 'w') as f:",
            "    e = f.create_group('entry'); e.attrs['NX_class'] = 'NXentry'",
            "    d = e.create_group('map'); d.attrs['NX_class'] = 'NXdata'",
            "    d.attrs['signal'] = 'intensity'; d.attrs['axes'] = ['excitation_energy', 'emission_energy']",
            "    i, j = np.mgrid[0:3, 0:5]",
            "    d['intensity'] = 1.5 * i + 0.25 * j",
            "    d['intensity_errors'] = 0.1 + 0.01 * (i + j)",
            "    x = d.create_dataset('excitation_energy', data=[0.529, 0.530, 0.531] if sys.argv[2] != 'eV' else [529.0, 530.0, 531.0])",
            "    m = d.create_dataset('emission_energy', data=0.515 + 0.001 * np.arange(5))",
            "    if sys.argv[2]: x.attrs['units'] = sys.argv[2]",
            "    if sys.argv[3]: m.attrs['units'] = sys.argv[3]"), excitationUnits, emissionUnits);
    }

    @Test
    void aMapIsReadThroughTheRixsMapAdapterWithItsErrorsInEv(@TempDir Path tmp) throws Exception {
        List<String> notes = new ArrayList<>();
        RixsMap m = RixsFiles.readMap(map(tmp, "declared.map.nxs", "eV", "keV"), notes);
        assertEquals(List.of(), notes);
        assertEquals("declared", m.name());
        assertArrayEquals(new double[] {529, 530, 531}, m.excitation().values(), 1e-9);
        for (int j = 0; j < 5; j++) assertEquals(515 + j, m.emission().values()[j], 1e-9);
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 5; j++) {
                assertEquals(1.5 * i + 0.25 * j, m.data()[i * 5 + j], 1e-15);
                assertEquals(0.1 + 0.01 * (i + j), m.errors()[i * 5 + j], 1e-15);
            }
    }

    @Test
    void energiesWithoutAUnitAreDecidedByTheOneRuleAndSaid(@TempDir Path tmp) throws Exception {
        Path f = map(tmp, "bare.map.nxs", "", "");
        List<String> notes = new ArrayList<>();
        RixsMap m = RixsFiles.readMap(f, notes);
        assertArrayEquals(new double[] {529, 530, 531}, m.excitation().values(), 1e-9);
        assertEquals(515, m.emission().values()[0], 1e-9);
        assertEquals(2, notes.size(), notes.toString());
        for (String n : notes) {
            assertTrue(n.startsWith(f + ": "), n);
            assertTrue(n.contains("read as keV"), n);
        }
    }

    @Test
    void aPlaneWithoutExcitationAndEmissionAxesIsRefusedInOneLine(@TempDir Path tmp) {
        Path f = Python.generate(tmp.resolve("plain.nxs"), String.join("\n", "import sys, h5py, numpy as np",
            "with h5py.File(sys.argv[1], 'w') as f:",
            "    e = f.create_group('entry'); e.attrs['NX_class'] = 'NXentry'",
            "    d = e.create_group('data'); d.attrs['NX_class'] = 'NXdata'",
            "    d.attrs['signal'] = 'z'; d.attrs['axes'] = ['x', 'y']",
            "    d['z'] = np.ones((3, 4)); d['x'] = np.arange(3.0); d['y'] = np.arange(4.0)"));
        for (var read : List.<org.junit.jupiter.api.function.Executable>of(() -> RixsFiles.readMap(f), () -> RixsFiles.readSpectra(f, new ArrayList<>()))) {
            EdgeworksException e = assertThrows(EdgeworksException.class, read);
            assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }

    /** RIXS map files record the date SOURCE_DATE_EPOCH gives, as every other result does (it was always "now"). */
    @Test
    void theMapFilesDateFollowsSourceDateEpoch(@TempDir Path tmp) throws Exception {
        RixsMap m = RixsMap.of("m", new double[] {529, 530}, new double[] {515, 516, 517}, new double[] {1, 2, 3, 4, 5, 6});
        Path out = tmp.resolve("m.map.nxs");
        try (AutoCloseable c = Clock.withEnvironment(name -> name.equals("SOURCE_DATE_EPOCH") ? "86400" : null)) {
            RixsFiles.writeMap(out, false, m, List.of(Provenance.of("p", "1", java.util.Map.of(), List.of())), null);
        }
        // one day after 1970-01-01T00:00:00Z, read by h5py
        assertEquals("1970-01-02T00:00:00Z\n", Python.run(String.join("\n", "import sys, h5py",
            "v = h5py.File(sys.argv[1], 'r')['entry/process/date'][()]",
            "print(v.decode() if isinstance(v, bytes) else v)"), out.toString()));
    }
}
