package org.edgeworks.detector.rixsccd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.eclipse.january.dataset.IDataset;
import org.eclipse.january.dataset.SliceND;
import org.edgeworks.core.data.Channel;
import org.edgeworks.core.data.ChannelRole;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.detector.DetectorRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RixsCcdDetectorTest {

    @Test
    void rawStackIsLazyWithEnergyPerFrameInEvWhateverTheUnit(@TempDir Path tmp) throws Exception {
        for (boolean kev : new boolean[] {false, true}) {
            Path f = RixsFiles.raw(tmp, kev);
            assertEquals(RixsCcdDetector.ID, DetectorRegistry.load().select(f).detector().id());
            Scan s = DetectorRegistry.load().read(f);
            Channel stack = s.require(ChannelRole.IMAGE_STACK);
            assertArrayEquals(new int[] {RixsFiles.FRAMES, RixsFiles.ROWS, RixsFiles.COLUMNS}, stack.shape());
            double[] e = s.require(ChannelRole.ENERGY).readDoubles("t");
            for (int k = 0; k < RixsFiles.FRAMES; k++) assertEquals(RixsFiles.excitationEv(k), e[k], 1e-9);
            assertArrayEquals(new double[] {2, 2, 2, 2, 2, 2}, s.require(ChannelRole.COUNT_TIME).readDoubles("t"));
            assertEquals(1.5, s.require(ChannelRole.I0).readDoubles("t")[5], 1e-12);
            assertArrayEquals(new int[] {RixsFiles.ROWS, RixsFiles.COLUMNS}, s.require(ChannelRole.DARK).shape());
            // one frame, one row: the elastic peak of frame 3 sits at column 60 (+ tilt)
            IDataset row = stack.readSlice("t", new SliceND(stack.shape(), new int[] {3, 8, 0}, new int[] {4, 9, RixsFiles.COLUMNS}, null));
            int best = 0;
            for (int c = 1; c < RixsFiles.COLUMNS; c++) if (row.getDouble(0, 0, c) > row.getDouble(0, 0, best)) best = c;
            assertEquals(60, best);
        }
    }

    @Test
    void reducedEmissionSpectraGiveExcitationEmissionAndSpectra(@TempDir Path tmp) throws Exception {
        Scan s = DetectorRegistry.load().read(RixsFiles.reduced(tmp));
        assertEquals(RixsCcdDetector.ID, s.detectorId());
        assertArrayEquals(new double[] {529, 530, 531, 532, 533}, s.require(ChannelRole.ENERGY).readDoubles("t"));
        assertEquals(40, s.require(ChannelRole.EMISSION_AXIS).shape()[0]);
        assertArrayEquals(new int[] {5, 40}, s.require("spectra").shape());
        assertEquals(100 + 2 * 10 + 7, s.require("spectra").readDoubles("t")[2 * 40 + 7], 0);
        assertEquals(2, s.require(ChannelRole.I0).readDoubles("t")[0], 0);
    }
}
