package org.edgeworks.nexus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.january.dataset.DatasetUtils;
import org.eclipse.january.dataset.DoubleDataset;
import org.eclipse.january.dataset.SliceND;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Scan;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every standard HDF5 filter and datatype the build writes with h5py (generator/make_flavours.py,
 * filters.h5) reads as h5py reads it: the expected values are h5py's own reads
 * (filters_h5py.tsv), except bitshuffle, which h5py cannot read on Debian (no plugin): its values
 * are the generator's input, known by construction.
 */
class FiltersAndTypesTest {

    /** h5py's values by dataset path (no leading slash), and enum labels under "path@labels". */
    static Map<String, String[]> expected() throws IOException {
        Map<String, String[]> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Flavours.file("filters_h5py.tsv"))) {
            int tab = line.indexOf('\t');
            out.put(line.substring(0, tab), line.substring(tab + 1).split(" "));
        }
        return out;
    }

    /** Values stored in 32 bits or fewer (float32, half, N-bit float) agree to their precision; others to double rounding. */
    private static double tolerance(String key, double v) {
        boolean narrow = key.contains("f4") || key.contains("half") || key.endsWith("/mu");
        return (narrow ? 1e-6 : 1e-13) * Math.max(1.0, Math.abs(v));
    }

    @TestFactory
    Stream<DynamicTest> everyDatasetReadsAsH5pyReadsIt() throws IOException {
        Path file = Flavours.file("filters.h5");
        return expected().entrySet().stream().filter(e -> !e.getKey().contains("@")).map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            double[] want = new double[e.getValue().length];
            for (int i = 0; i < want.length; i++) want[i] = Double.parseDouble(e.getValue()[i]);
            try (NexusFile nx = NexusFile.open(file)) {
                double[] got = nx.readDoubles("/" + e.getKey());
                assertEquals(want.length, got.length, e.getKey() + ": length");
                for (int i = 0; i < want.length; i++)
                    assertEquals(want[i], got[i], tolerance(e.getKey(), want[i]), e.getKey() + "[" + i + "]");
                // a strided lazy slice reads the same elements (only the chunks it needs)
                int n = want.length;
                if (nx.shape("/" + e.getKey()).length == 1 && n > 20) {
                    DoubleDataset slice = DatasetUtils.cast(DoubleDataset.class,
                        nx.lazyDataset("/" + e.getKey()).getSlice(new SliceND(new int[] {n}, new int[] {7}, new int[] {n - 3}, new int[] {11})));
                    for (int k = 0, i = 7; i < n - 3; k++, i += 11)
                        assertEquals(want[i], slice.getData()[k], tolerance(e.getKey(), want[i]), e.getKey() + " slice [" + i + "]");
                }
            }
        }));
    }

    @Test
    void scaleOffsetOnTwoDimensionsWithGzipBehind() throws Exception {
        try (NexusFile nx = NexusFile.open(Flavours.file("filters.h5"))) {
            assertArrayEquals(new int[] {10, 40}, nx.shape("/filters/scaleoffset_gzip_2d"));
        }
    }

    @Test
    void enumsReadAsTheirIntegersWithTheirLabels() throws Exception {
        Map<String, String[]> want = expected();
        try (NexusFile nx = NexusFile.open(Flavours.file("filters.h5"))) {
            for (String key : new String[] {"types/enum_u1", "types/enum_i2_chunked"}) {
                Map<Long, String> labels = nx.enumLabels("/" + key);
                String[] pairs = want.get(key + "@labels");
                assertEquals(pairs.length, labels.size(), key);
                for (String p : pairs) {
                    String[] kv = p.split("=", 2);
                    assertEquals(kv[1], labels.get(Long.parseLong(kv[0])), key + " label of " + kv[0]);
                }
            }
            NexusNode shutter = find(nx.tree(), "/types/enum_u1");
            assertTrue(shutter.type().startsWith("enum uint8") && shutter.type().contains("7=fault"), shutter.type());
        }
    }

    @Test
    void compoundMembersAreChildDatasetsOfTheCompound() throws Exception {
        try (NexusFile nx = NexusFile.open(Flavours.file("filters.h5"))) {
            NexusNode c = find(nx.tree(), "/types/compound");
            assertTrue(c.type().startsWith("compound {energy: float64, mu: float32, flag: int8"), c.type());
            assertEquals(java.util.List.of("energy", "mu", "flag", "counts"), c.children().stream().map(NexusNode::name).toList(),
                "numeric members only (the string member is left out)");
            EdgeworksException whole = assertThrows(EdgeworksException.class, () -> nx.readDoubles("/types/compound"));
            assertTrue(whole.getMessage().contains("/types/compound/MEMBER") && whole.getMessage().contains("energy, mu, flag, counts"),
                whole.getMessage());
            EdgeworksException label = assertThrows(EdgeworksException.class, () -> nx.readDoubles("/types/compound/label"));
            assertTrue(label.getMessage().startsWith(Flavours.file("filters.h5") + ": /types/compound/label: "), label.getMessage());
        }
    }

    @Test
    void aDatasetWithoutDecoderDisablesOnlyItself() throws Exception {
        Path file = Flavours.file("filters.h5");
        try (NexusFile nx = NexusFile.open(file)) {
            NexusNode blosc = find(nx.tree(), "/filters/blosc_unsupported");
            assertEquals("int32", blosc.type());
            EdgeworksException e = assertThrows(EdgeworksException.class, () -> nx.readDoubles("/filters/blosc_unsupported"));
            assertTrue(e.getMessage().startsWith(file + ": /filters/blosc_unsupported: "), e.getMessage());
            assertTrue(e.getMessage().contains("'blosc' (id 32001)"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
            assertEquals(300, nx.readDoubles("/filters/lzf").length, "the group beside it stays readable");
        }
        Scan scan = new NexusDefaultPlotDetector().read(file);
        assertEquals(300, scan.channels().size() >= 2 ? scan.require(org.edgeworks.core.data.ChannelRole.ENERGY).readDoubles(file.toString()).length : 0);
    }

    @Test
    void unwrittenStorageReadsAsTheFillValue() throws Exception {
        try (NexusFile nx = NexusFile.open(Flavours.file("filters.h5"))) {
            double[] chunked = nx.readDoubles("/types/fill_chunked");
            for (int i = 64; i < chunked.length; i++) assertEquals(-1.5, chunked[i], 0.0, "fill_chunked[" + i + "]");
            for (double v : nx.readDoubles("/types/fill_contiguous_unwritten")) assertEquals(42.0, v, 0.0);
            double[] sparse = nx.readDoubles("/types/fill_2d_sparse");
            assertEquals(9.0, sparse[0], 0.0);
            assertEquals(5.0, sparse[3 * 70 + 40], 0.0);
        }
    }

    @Test
    void committedTypesAndCustomLayoutsAreDescribed() throws Exception {
        try (NexusFile nx = NexusFile.open(Flavours.file("filters.h5"))) {
            NexusNode root = nx.tree();
            assertEquals("float64", find(root, "/types/committed_f8").type());
            assertEquals("float16 (custom layout)", find(root, "/types/f2_half").type());
            assertEquals("int12 in 32 bits at bit 4", find(root, "/filters/nbit_i4_p12_o4").type());
        }
    }

    static NexusNode find(NexusNode node, String path) {
        if (strip(node.path()).equals(path)) return node;
        for (NexusNode c : node.children()) {
            String p = strip(c.path());
            if (path.equals(p) || path.startsWith(p + "/")) return find(c, path);
        }
        throw new AssertionError("no node " + path);
    }

    private static String strip(String p) {
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
