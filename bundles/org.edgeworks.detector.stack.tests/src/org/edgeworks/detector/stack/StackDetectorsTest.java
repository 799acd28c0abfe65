package org.edgeworks.detector.stack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.eclipse.january.dataset.IDataset;
import org.eclipse.january.dataset.SliceND;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Channel;
import org.edgeworks.core.data.ChannelRole;
import org.edgeworks.core.data.FrameSource;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.detector.DetectorRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;

/**
 * The XANES imaging stack detectors on stacks built here (jHDF, the JDK's TIFF writer): expected
 * values are the construction's, value(e, y, x) = 1000 e + 10 y + x + 0.5.
 */
class StackDetectorsTest {
    static final int E = 5, Y = 4, X = 3;

    static double value(int e, int y, int x) { return 1000 * e + 10 * y + x + 0.5; }

    /** energy 6.5 + 0.01 e in keV (declared or not), a flat image and a second 3-D dataset. */
    static Path nexus(Path dir, String name, String energyUnits) {
        Path f = dir.resolve(name);
        double[][][] data = new double[E][Y][X], other = new double[2][Y][X];
        double[] energy = new double[E];
        double[][] flat = new double[Y][X];
        for (int e = 0; e < E; e++) {
            energy[e] = 6.5 + 0.01 * e;
            for (int y = 0; y < Y; y++) for (int x = 0; x < X; x++) data[e][y][x] = value(e, y, x);
        }
        for (double[] row : flat) java.util.Arrays.fill(row, 7);
        try (WritableHdfFile h = HdfFile.write(f)) {
            h.putAttribute("default", "entry");
            WritableGroup entry = h.putGroup("entry");
            entry.putAttribute("NX_class", "NXentry");
            entry.putAttribute("default", "data");
            WritableGroup d = entry.putGroup("data");
            d.putAttribute("NX_class", "NXdata");
            d.putAttribute("signal", "data");
            d.putAttribute("axes", new String[] {"energy", ".", "."});
            d.putDataset("data", data);
            var en = d.putDataset("energy", energy);
            if (energyUnits != null) en.putAttribute("units", energyUnits);
            WritableGroup inst = entry.putGroup("instrument");
            inst.putAttribute("NX_class", "NXinstrument");
            inst.putDataset("flat", flat);
            inst.putDataset("dark_stack", other);
        }
        return f;
    }

    @Test
    void aNexusStackIsLazyImagesWithEnergiesInEvAndEveryDatasetByPath(@TempDir Path tmp) throws Exception {
        Scan s = DetectorRegistry.load().read(nexus(tmp, "kev.h5", "keV"));
        assertEquals(StackNexusDetector.ID, s.detectorId());
        Channel images = s.require(ChannelRole.IMAGE_STACK);
        assertEquals("/entry/data/data", images.sourcePath());
        assertArrayEquals(new int[] {E, Y, X}, images.shape());
        assertFalse(images.data() instanceof IDataset, "lazy");
        double[] e = s.require(ChannelRole.ENERGY).readDoubles("t");
        for (int k = 0; k < E; k++) assertEquals(6500 + 10 * k, e[k], 1e-9);
        assertNull(s.metadata().get("note.energy"), "declared keV: nothing to say");
        // a band of rows [1, 3) of every frame, decoded into the caller's buffer
        double[] band = new double[E * 2 * X];
        ((FrameSource) images.data()).readRows(1, 2, band);
        for (int k = 0; k < E; k++)
            for (int y = 0; y < 2; y++)
                for (int x = 0; x < X; x++) assertEquals(value(k, 1 + y, x), band[(k * 2 + y) * X + x], 0);
        assertFalse(((FrameSource) images.data()).storedAsIntegers());
        // the other datasets are there by path, for --data / --energy-path / --flat FILE:PATH
        assertEquals(2, s.require("/entry/instrument/flat").rank());
        assertEquals(ChannelRole.OTHER, s.require("/entry/instrument/dark_stack").role());
    }

    @Test
    void energiesWithoutAUnitAreDecidedByTheOneRuleAndNoted(@TempDir Path tmp) throws Exception {
        Scan s = DetectorRegistry.load().read(nexus(tmp, "bare.h5", null));
        double[] e = s.require(ChannelRole.ENERGY).readDoubles("t");
        assertEquals(6500, e[0], 1e-9);
        assertTrue(s.metadata().get("note.energy").contains("read as keV"), s.metadata().toString());
    }

    static void tiff(Path file, int e) throws Exception {
        BufferedImage img = new BufferedImage(X, Y, BufferedImage.TYPE_USHORT_GRAY);
        WritableRaster r = img.getRaster();
        for (int y = 0; y < Y; y++) for (int x = 0; x < X; x++) r.setSample(x, y, 0, (int) value(e, y, x));
        assertTrue(ImageIO.write(img, "tiff", file.toFile()), "no TIFF writer");
    }

    @Test
    void aTiffFolderIsTheTablesImagesInItsOrder(@TempDir Path tmp) throws Exception {
        Path folder = Files.createDirectory(tmp.resolve("stack"));
        for (int e = 0; e < E; e++) tiff(folder.resolve("img_" + e + ".tif"), e);
        // listed out of name order: the table's order is the stack's
        Files.writeString(folder.resolve("energies.txt"), "# file energy\nimg_3.tif 6530\nimg_0.tif 6500\nimg_1.tif, 6510\nimg_2.tif 6520\nimg_4.tif 6540\n");
        Scan s = DetectorRegistry.load().read(folder);
        assertEquals(StackTiffDetector.ID, s.detectorId());
        assertArrayEquals(new double[] {6530, 6500, 6510, 6520, 6540}, s.require(ChannelRole.ENERGY).readDoubles("t"));
        Channel images = s.require(ChannelRole.IMAGE_STACK);
        assertArrayEquals(new int[] {E, Y, X}, images.shape());
        int[] order = {3, 0, 1, 2, 4};
        double[] band = new double[E * 2 * X];
        ((FrameSource) images.data()).readRows(2, 2, band);
        for (int k = 0; k < E; k++)
            for (int y = 0; y < 2; y++)
                for (int x = 0; x < X; x++) assertEquals((int) value(order[k], 2 + y, x), band[(k * 2 + y) * X + x], 0);
        // January slices with steps read the same pixels
        IDataset d = images.readSlice("t", new SliceND(images.shape(), new int[] {0, 0, 0}, new int[] {E, Y, X}, new int[] {2, 3, 2}));
        assertArrayEquals(new int[] {3, 2, 2}, d.getShape());
        assertEquals((int) value(order[0], 0, 0), d.getDouble(0, 0, 0), 0);
        assertEquals((int) value(order[4], 3, 2), d.getDouble(2, 1, 1), 0);
        assertEquals((int) value(order[2], 3, 0), d.getDouble(1, 1, 0), 0);
        // another table named by the caller (xas stack --energies)
        Path other = Files.writeString(tmp.resolve("two.txt"), "img_4.tif 6540\nimg_0.tif 6500\n");
        Scan two = DetectorRegistry.load().detector(StackTiffDetector.ID).read(folder, other.toString());
        assertArrayEquals(new double[] {6540, 6500}, two.require(ChannelRole.ENERGY).readDoubles("t"));
    }

    @Test
    void aTableNamingAMissingImageIsRefusedInOneLineStartingWithTheTable(@TempDir Path tmp) throws Exception {
        Path folder = Files.createDirectory(tmp.resolve("stack"));
        tiff(folder.resolve("a.tif"), 0);
        Path table = Files.writeString(folder.resolve("energies.txt"), "a.tif 6500\nb.tif 6510\n");
        EdgeworksException e = assertThrows(EdgeworksException.class, () -> DetectorRegistry.load().read(folder));
        assertTrue(e.getMessage().startsWith(table + ": line 2: no such image"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }
}
