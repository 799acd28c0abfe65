package org.edgeworks.detector.nxxas;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.edgeworks.core.data.ChannelRole;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.detector.DetectorRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;

class NxxasDetectorTest {
    static final double[] KEV = {6.530, 6.535, 6.540, 6.545};
    static final double[] I0 = {100, 101, 102, 103}, IT = {50, 40, 30, 29}, IF = {1, 2, 5, 4};

    /** An NXxas file as the application definition describes it (energy in keV). */
    static Path nxxas(Path dir, boolean withIncoming) {
        Path f = dir.resolve(withIncoming ? "nxxas.nxs" : "monitor.nxs");
        try (WritableHdfFile h = HdfFile.write(f)) {
            WritableGroup e = h.putGroup("entry");
            e.putAttribute("NX_class", "NXentry");
            e.putDataset("definition", "NXxas");
            WritableGroup inst = e.putGroup("instrument");
            inst.putAttribute("NX_class", "NXinstrument");
            WritableGroup mono = inst.putGroup("monochromator");
            mono.putAttribute("NX_class", "NXmonochromator");
            mono.putDataset("energy", KEV).putAttribute("units", "keV");
            if (withIncoming) detector(inst, "incoming_beam", I0);
            detector(inst, "absorbed_beam", IT);
            detector(inst, "fluorescence", IF);
            if (!withIncoming) {
                WritableGroup mon = e.putGroup("monitor");
                mon.putAttribute("NX_class", "NXmonitor");
                mon.putDataset("data", I0);
            }
        }
        return f;
    }

    private static void detector(WritableGroup inst, String name, double[] v) {
        WritableGroup d = inst.putGroup(name);
        d.putAttribute("NX_class", "NXdetector");
        d.putDataset("data", v);
    }

    @Test
    void nxxasCountersGetTheirRolesAndKevBecomesEv(@TempDir Path tmp) throws Exception {
        Path f = nxxas(tmp, true);
        DetectorRegistry reg = DetectorRegistry.load();
        assertEquals(NxxasDetector.ID, reg.select(f).detector().id());
        Scan s = reg.read(f);
        assertArrayEquals(new double[] {6530, 6535, 6540, 6545}, s.require(ChannelRole.ENERGY).readDoubles("t"), 1e-9);
        assertArrayEquals(I0, s.require(ChannelRole.I0).readDoubles("t"));
        assertArrayEquals(IT, s.require(ChannelRole.IT).readDoubles("t"));
        assertArrayEquals(IF, s.require(ChannelRole.IF).readDoubles("t"));
        assertEquals("NXxas", s.metadata().get("definition"));
    }

    @Test
    void monitorServesAsI0WhenThereIsNoIncomingBeam(@TempDir Path tmp) throws Exception {
        Scan s = new NxxasDetector().read(nxxas(tmp, false));
        assertArrayEquals(I0, s.require(ChannelRole.I0).readDoubles("t"));
        assertEquals("monitor_monitor", s.require(ChannelRole.I0).name());
    }

    @Test
    void filesWithoutTheLayoutAreNotClaimed() throws Exception {
        Path data = Path.of(System.getProperty("edgeworks.shared.data", "/work/shared/data"), "nexus");
        for (String n : new String[] {"20230318.h5", "538039.nxs", "p45-1168.nxs"}) {
            Path f = data.resolve(n);
            assertEquals(0, new NxxasDetector().recognise(f, org.edgeworks.core.detector.FileProbe.of(f)), n);
            assertNotEquals(NxxasDetector.ID, DetectorRegistry.load().entries().stream()
                .filter(e -> e.detector().recognise(f, probe(f)) > 0).map(e -> e.detector().id()).findFirst().orElse(""), n);
        }
        assertTrue(true);
    }

    private static org.edgeworks.core.detector.FileProbe probe(Path f) {
        try {
            return org.edgeworks.core.detector.FileProbe.of(f);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
