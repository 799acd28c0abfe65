package org.edgeworks.detector.sardana;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.edgeworks.core.data.ChannelRole;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.detector.DetectorRegistry;
import org.edgeworks.testsupport.SharedData;
import org.junit.jupiter.api.Test;

/** Numbers checked against h5py on the same files (I0 = ch1 + ch2, It = ch3 + ch4). */
class BalderDetectorTest {
    static final Path NEXUS = SharedData.path("nexus");

    @Test
    void balder2023HasEnergyAndIonChamberSums() throws Exception {
        Path f = NEXUS.resolve("20230318.h5");
        assertEquals(BalderDetector.ID, DetectorRegistry.load().select(f).detector().id());
        // two scan entries: listed, each read by name, never one of them silently
        assertEquals(java.util.List.of("entry24212", "entry24213"), DetectorRegistry.load().scans(f).stream().map(x -> x.id()).toList());
        var ex = org.junit.jupiter.api.Assertions.assertThrows(org.edgeworks.core.EdgeworksException.class, () -> DetectorRegistry.load().read(f));
        org.junit.jupiter.api.Assertions.assertTrue(ex.getMessage().startsWith(f + ": holds 2 scans (entry24212, entry24213)"), ex.getMessage());
        Scan s = DetectorRegistry.load().read(f, "entry24212");
        double[] e = s.require(ChannelRole.ENERGY).readDoubles("t");
        assertEquals(601, e.length);
        assertEquals(16065.0, e[0], 1e-9);
        assertEquals(16065.2, e[1], 1e-9);
        double[] i0 = s.require(ChannelRole.I0).readDoubles("t"), it = s.require(ChannelRole.IT).readDoubles("t");
        assertEquals(2.01280176e-06 + 2.01818344e-06, i0[0], 1e-14);
        assertEquals(3.04144858e-06 + 2.93655576e-06, it[0], 1e-14);
        // transmission mu = ln(I0/It) from h5py: -0.39407598 at the first point, 1.83392773 at the last
        assertEquals(-0.39407598, Math.log(i0[0] / it[0]), 1e-7);
        assertEquals(1.83392773, Math.log(i0[600] / it[600]), 1e-7);
        assertEquals("/entry24212", s.entryPath());
        assertEquals("entry24212, entry24213", s.metadata().get("entries"));
    }

    @Test
    void balder2024ReadsElectrometersThroughExternalLinks() throws Exception {
        Path f = NEXUS.resolve("20240213s.h5");
        // two scan entries (29270, 29271): the values below are entry29270's
        assertEquals(java.util.List.of("entry29270", "entry29271"), DetectorRegistry.load().scans(f).stream().map(x -> x.id()).toList());
        Scan s = DetectorRegistry.load().read(f, "entry29270");
        assertEquals(8, s.all(ChannelRole.OTHER).size());
        assertEquals(501, s.require(ChannelRole.ENERGY).shape()[0]);
        assertEquals(1.59980045e-05 + 1.60421019e-05, s.require(ChannelRole.I0).readDoubles("t")[0], 1e-13);
        assertEquals(1.75529017e-06 + 3.18454523e-06, s.require(ChannelRole.IT).readDoubles("t")[0], 1e-13);
    }
}
