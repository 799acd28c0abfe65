package org.edgeworks.pipeline.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.ChannelRole;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.detector.DetectorRegistry;
import org.edgeworks.pipeline.rixs.RixsFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TIFF frames take the road every input takes (issue 17): a detector bundle recognises the file or
 * the folder and gives a Scan (IMAGE_STACK, with ENERGY/I0/COUNT_TIME from the frame table beside
 * it), the raw-stack adapter makes the map builder's input. Expected values are the table's.
 */
class TiffRoadTest {
    static final Path TIFF = Shared.DATA.resolve("rixs/mrixs_qerlin/Sample1VL_200F_frames_1-200.tif");

    @Test
    void aTiffWithItsTableIsAScanWithEnergiesAndI0(@TempDir Path tmp) throws Exception {
        Path tif = Files.copy(TIFF, tmp.resolve("frame.tif"));
        Files.writeString(tmp.resolve("frame.csv"), "# excitation_eV, I0, count_time_s\n530.5, 2.5, 10\n");
        Scan s = DetectorRegistry.load().read(tif);
        assertEquals("org.edgeworks.detector.rixstiff", s.detectorId());
        assertEquals(3, s.require(ChannelRole.IMAGE_STACK).rank());
        assertArrayEquals(new double[] {530.5}, s.require(ChannelRole.ENERGY).readDoubles("t"));
        assertArrayEquals(new double[] {2.5}, s.require(ChannelRole.I0).readDoubles("t"));
        assertArrayEquals(new double[] {10}, s.require(ChannelRole.COUNT_TIME).readDoubles("t"));
        try (RixsFiles.Raw raw = RixsFiles.openRaw(tif, null, 1)) {
            assertEquals("frame", raw.stack().name());
            assertArrayEquals(new double[] {530.5}, raw.stack().excitation());
            assertArrayEquals(new double[] {2.5}, raw.stack().i0());
            assertEquals(s.require(ChannelRole.IMAGE_STACK).shape()[1], raw.stack().frames().getShape()[1]);
        }
    }

    @Test
    void aFolderOfFramesIsOneScanOfAllItsPages(@TempDir Path tmp) throws Exception {
        Path folder = Files.createDirectory(tmp.resolve("frames"));
        Files.copy(TIFF, folder.resolve("f_001.tif"));
        Files.copy(TIFF, folder.resolve("f_002.tif"));
        Files.writeString(tmp.resolve("frames.txt"), "530 1\n531 1\n");
        int pages = DetectorRegistry.load().read(TIFF).require(ChannelRole.IMAGE_STACK).shape()[0];
        Scan s = DetectorRegistry.load().read(folder);
        assertEquals("org.edgeworks.detector.rixstiff", s.detectorId());
        assertEquals(2 * pages, s.require(ChannelRole.IMAGE_STACK).shape()[0]);
        try (RixsFiles.Raw raw = RixsFiles.openRaw(folder, null, 1)) {
            assertArrayEquals(new double[] {530, 531}, raw.stack().excitation());
        }
    }

    @Test
    void framesWithoutEnergiesAreRefusedInOneLineNamingTheFile(@TempDir Path tmp) throws Exception {
        Path tif = Files.copy(TIFF, tmp.resolve("alone.tif"));
        EdgeworksException e = assertThrows(EdgeworksException.class, () -> RixsFiles.openRaw(tif, null, 1));
        assertTrue(e.getMessage().startsWith(tif.toString()) && e.getMessage().contains("--excitation-energies") && !e.getMessage().contains("\n"),
            e.getMessage());
        // energies given directly: I0 defaults to 1 per point
        try (RixsFiles.Raw raw = RixsFiles.openRaw(tif, null, new double[] {529}, null, 1)) {
            assertArrayEquals(new double[] {529}, raw.stack().excitation());
            assertArrayEquals(new double[] {1}, raw.stack().i0());
        }
    }
}
