package org.edgeworks.detector.nxxas;

import static org.edgeworks.testsupport.SyntheticNexus.group;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.edgeworks.core.data.ChannelRole;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.detector.DetectorRegistry;
import org.edgeworks.testsupport.SharedData;
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
            WritableGroup e = group(h, "entry", "NXentry");
            e.putDataset("definition", "NXxas");
            WritableGroup inst = group(e, "instrument", "NXinstrument");
            group(inst, "monochromator", "NXmonochromator").putDataset("energy", KEV).putAttribute("units", "keV");
            if (withIncoming) group(inst, "incoming_beam", "NXdetector").putDataset("data", I0);
            group(inst, "absorbed_beam", "NXdetector").putDataset("data", IT);
            group(inst, "fluorescence", "NXdetector").putDataset("data", IF);
            if (!withIncoming) group(e, "monitor", "NXmonitor").putDataset("data", I0);
        }
        return f;
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

    /** Other NeXus layouts of the shared data are not NXxas: the detector gives them score 0. */
    @Test
    void filesWithoutTheLayoutAreNotClaimed() throws Exception {
        Path data = SharedData.path("nexus");
        for (String n : new String[] {"20230318.h5", "538039.nxs", "p45-1168.nxs"}) {
            Path f = data.resolve(n);
            assertEquals(0, new NxxasDetector().recognise(f, org.edgeworks.core.detector.FileProbe.of(f)), n);
        }
    }
}
