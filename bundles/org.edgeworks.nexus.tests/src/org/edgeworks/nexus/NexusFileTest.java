package org.edgeworks.nexus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.january.dataset.IDataset;
import org.eclipse.january.dataset.ILazyDataset;
import org.eclipse.january.dataset.SliceND;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.io.Checksums;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NexusFileTest {

    @Test
    void superblockV3FileWithDefaultChainFindsItsPlot() throws Exception {
        try (NexusFile f = NexusFile.open(Flavours.file("latest.nxs"))) {
            DefaultPlot p = DefaultPlot.find(f.tree()).orElseThrow();
            assertEquals("/entry/plot/mu", p.signal());
            assertEquals(List.of("/entry/plot/energy"), p.axes());
            double[] e = f.readDoubles("/entry/plot/energy");
            assertEquals(101, e.length);
            assertEquals(6500.0, e[0]);
        }
    }

    @Test
    void swmrFileReadsAllAppendedPoints() throws Exception {
        try (NexusFile f = NexusFile.open(Flavours.file("swmr.h5"))) {
            double[] c = f.readDoubles("/entry/data/counts");
            assertEquals(50, c.length);
            assertEquals(49.0, c[49]);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"stack_gzip.h5", "stack_lz4.h5"})
    void oneFrameOfAChunkedStackReadsAboutOneFrame(String name) throws Exception {
        Path file = Flavours.file(name);
        try (NexusFile f = NexusFile.open(file)) {
            ILazyDataset stack = f.lazyDataset("/entry/instrument/detector/data");
            int[] shape = stack.getShape();
            assertEquals(256, shape[1]);
            assertEquals(1024, shape[2]);
            long before = f.bytesRead();
            IDataset frame = stack.getSlice(new SliceND(shape, new int[] {7, 0, 0}, new int[] {8, 256, 1024}, null));
            long read = f.bytesRead() - before;
            assertArrayEquals(new int[] {1, 256, 1024}, frame.getShape());
            assertEquals(7.0, frame.getDouble(0, 0, 0), "frame id pixel");
            assertTrue(frame.getDouble(0, 10, 507) > 900, "the moving line is in column 500 + 7");
            long fileSize = Files.size(file);
            long perFrame = fileSize / shape[0];
            // one compressed frame plus index nodes, never the stack
            assertTrue(read < 3 * perFrame + 65536, "read " + read + " bytes for one frame of ~" + perFrame + " (file " + fileSize + ")");
        }
    }

    @Test
    void stridedSliceMatchesWholeRead() throws Exception {
        try (NexusFile f = NexusFile.open(Flavours.file("stack_lz4.h5"))) {
            ILazyDataset stack = f.lazyDataset("/entry/instrument/detector/data");
            IDataset strided = stack.getSlice(new SliceND(stack.getShape(), new int[] {2, 0, 0}, new int[] {10, 1, 4}, new int[] {3, 1, 2}));
            assertArrayEquals(new int[] {3, 1, 2}, strided.getShape());
            assertEquals(2.0, strided.getDouble(0, 0, 0));
            assertEquals(5.0, strided.getDouble(1, 0, 0));
            assertEquals(8.0, strided.getDouble(2, 0, 0));
        }
    }

    @Test
    void utf8StringsFixedAndVariable() throws Exception {
        try (NexusFile f = NexusFile.open(Flavours.file("strings.h5"))) {
            assertEquals("Ångström µ-beam", f.attributeStrings("/entry", "fixed_utf8").get(0).trim());
            assertEquals("Na₀.₆Li₀.₂Mn₀.₈O₂ pristine", f.attributeStrings("/entry", "vlen_utf8").get(0));
            assertEquals("O K-edge mRIXS", f.readString("/entry/title").orElseThrow());
            assertEquals("fixed ascii", f.readString("/entry/fixed_title").orElseThrow().trim());
            EdgeworksException e = assertThrows(EdgeworksException.class, () -> f.lazyDataset("/entry/title"));
            assertTrue(e.getMessage().contains("/entry/title: holds strings"), e.getMessage());
        }
    }

    @Test
    void softAndExternalLinksResolveAndDanglingOnesAreMarked() throws Exception {
        try (NexusFile f = NexusFile.open(Flavours.file("links.nxs"))) {
            NexusNode data = DefaultPlot.child(f.tree().children().get(0), "data");
            List<String> dangling = new ArrayList<>();
            for (NexusNode c : data.children()) if (c.dangling()) dangling.add(c.name());
            assertEquals(List.of("dangling_soft", "missing_ext").stream().sorted().toList(), dangling.stream().sorted().toList());
            assertArrayEquals(new int[] {3, 4}, DefaultPlot.child(data, "ext").shape());
            double[] ext = f.readDoubles("/entry/data/ext");
            assertEquals(11.0, ext[11]);
            assertEquals(3.0, f.readDoubles("/entry/data/x")[3]);
            EdgeworksException e = assertThrows(EdgeworksException.class, () -> f.readDoubles("/entry/data/missing_ext"));
            assertTrue(e.getMessage().contains("/entry/data/missing_ext: dangling link"), e.getMessage());
            DefaultPlot p = DefaultPlot.find(f.tree()).orElseThrow();
            assertEquals(List.of("", "/entry/data/x"), p.axes());
        }
    }

    @Test
    void nexusWithoutNxdataHasNoDefaultPlotAndTheDetectorSaysSo() throws Exception {
        Path file = Flavours.file("no_nxdata.nxs");
        try (NexusFile f = NexusFile.open(file)) {
            assertTrue(DefaultPlot.find(f.tree()).isEmpty());
        }
        EdgeworksException e = assertThrows(EdgeworksException.class, () -> new NexusDefaultPlotDetector().read(file));
        assertEquals(file + ": /: no NXdata group with a signal (nothing to plot)", e.getMessage());
    }

    @Test
    void missingPathNamesFileAndPath() throws Exception {
        Path file = Flavours.file("latest.nxs");
        try (NexusFile f = NexusFile.open(file)) {
            EdgeworksException e = assertThrows(EdgeworksException.class, () -> f.readDoubles("/entry/plot/nothing"));
            assertTrue(e.getMessage().startsWith(file + ": /entry/plot/nothing: no such path"), e.getMessage());
        }
    }

    @Test
    void truncatedAndNonHdf5FilesGiveOneLineErrors(@TempDir Path dir) throws Exception {
        Path truncated = dir.resolve("truncated.nxs");
        byte[] whole = Files.readAllBytes(Flavours.file("latest.nxs"));
        Files.write(truncated, java.util.Arrays.copyOf(whole, 700));
        EdgeworksException e = assertThrows(EdgeworksException.class, () -> {
            try (NexusFile f = NexusFile.open(truncated)) {
                f.tree();
                f.readDoubles("/entry/plot/energy");
            }
        });
        assertTrue(e.getMessage().startsWith(truncated.toString()), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        Path text = dir.resolve("text.h5");
        Files.writeString(text, "not an hdf5 file at all");
        EdgeworksException e2 = assertThrows(EdgeworksException.class, () -> NexusFile.open(text));
        assertEquals(text + ": is a text file, not HDF5/NeXus as its name says (no HDF5 signature)", e2.getMessage());
        Path empty = dir.resolve("empty.nxs");
        Files.write(empty, new byte[0]);
        EdgeworksException e3 = assertThrows(EdgeworksException.class, () -> NexusFile.open(empty));
        assertEquals(empty + ": empty file (0 bytes)", e3.getMessage());
    }

    @Test
    void readingNeverModifiesTheRawFile() throws Exception {
        Path file = Flavours.file("stack_lz4.h5");
        String before = Checksums.sha256(file);
        long mtime = Files.getLastModifiedTime(file).toMillis();
        try (NexusFile f = NexusFile.open(file)) {
            f.tree();
            f.lazyDataset("/entry/instrument/detector/data").getSlice(new SliceND(new int[] {20, 256, 1024}, new int[] {0, 0, 0}, new int[] {2, 256, 1024}, null));
        }
        assertEquals(before, Checksums.sha256(file));
        assertEquals(mtime, Files.getLastModifiedTime(file).toMillis());
    }

    @ParameterizedTest
    @ValueSource(strings = {"20230318.h5", "20240213s.h5", "538039.nxs", "p45-1168.nxs", "scan-29270_albaem_2d_01.h5",
        "scan-29270_albaem_2d_02.h5", "scan-29270_pcap.h5", "scan-29271_albaem_2d_01.h5", "scan-29271_albaem_2d_02.h5",
        "scan-29271_pcap.h5"})
    void everyFacilityFileReadsItsTreeFromHeaders(String name) throws Exception {
        Path file = Flavours.SHARED.resolve("nexus").resolve(name);
        try (NexusFile f = NexusFile.open(file)) {
            NexusNode root = f.tree();
            assertFalse(root.children().isEmpty(), name);
            assertTrue(f.bytesRead() <= Files.size(file) + 65536, name);
        }
    }

    @Test
    void balderMasterFileFollowsExternalLinksToDetectorFiles() throws Exception {
        Path file = Flavours.SHARED.resolve("nexus/20240213s.h5");
        try (NexusFile f = NexusFile.open(file)) {
            List<NexusNode> links = new ArrayList<>();
            NexusScans.walk(f.tree(), n -> { if (n.kind() == NexusNode.Kind.EXTERNAL_LINK) links.add(n); });
            assertTrue(links.stream().anyMatch(l -> !l.dangling()), "some external links resolve");
            assertTrue(links.stream().anyMatch(NexusNode::dangling), "the eiger_xes target is absent");
        }
    }
}
