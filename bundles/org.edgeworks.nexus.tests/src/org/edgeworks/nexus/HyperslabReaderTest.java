package org.edgeworks.nexus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DatasetUtils;
import org.eclipse.january.dataset.DoubleDataset;
import org.eclipse.january.dataset.IDataset;
import org.eclipse.january.dataset.ILazyDataset;
import org.eclipse.january.dataset.Slice;
import org.eclipse.january.dataset.SliceND;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast reader against values the generator wrote by formula (make_flavours.py, pattern()):
 * every numeric type, every layout and filter pipeline, ranks 1-3, the V3 (earliest) and V4
 * (latest) chunk indexes, with slices that cross chunk edges, end in partial edge chunks, step
 * and reverse.
 */
class HyperslabReaderTest {
    private static final int[] SMALL = {5, 37, 23};

    /** The generator's formula: v = (37 * linear index) % 251, then per type. */
    static double expected(String kind, long linear) {
        long v = (37 * linear) % 251;
        return switch (kind) {
            case "u1" -> v;
            case "i1" -> v - 125;
            case "u2" -> v * 200 + v % 7;
            case "i2" -> (v - 125) * 200;
            case "u4" -> v * 16777259L;
            case "i4" -> (v - 125) * 16777259L;
            case "u8" -> (double) (v << 40);
            case "i8" -> (double) ((v - 125) << 40);
            case "f4" -> (float) ((v - 125) / 8.0);
            case "f8" -> (v - 125) / 3.0;
            default -> throw new IllegalArgumentException(kind);
        };
    }

    static DoubleDataset expectedAll(String kind, int... shape) {
        int n = 1;
        for (int s : shape) n *= s;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = expected(kind, i);
        return DatasetFactory.createFromObject(DoubleDataset.class, v, shape);
    }

    /** Slices that start and end inside chunks, cover only edge chunks, stride across chunks, reverse. */
    static final List<Slice[]> SLICES = List.of(
        new Slice[] {new Slice(), new Slice(), new Slice()},
        new Slice[] {new Slice(1, 4), new Slice(15, 33), new Slice(9, 21)},
        new Slice[] {new Slice(4, 5), new Slice(32, 37), new Slice(20, 23)},
        new Slice[] {new Slice(0, 5, 2), new Slice(1, 37, 3), new Slice(0, 23, 5)},
        new Slice[] {new Slice(0, 5, 3), new Slice(36, 37), new Slice(0, 23, 22)},
        new Slice[] {new Slice(2, 3), new Slice(), new Slice(7, 8)},
        new Slice[] {new Slice(), new Slice(10, 11), new Slice(3, 4)},
        new Slice[] {new Slice(null, null, -1), new Slice(30, 2, -7), new Slice(null, null, -2)});

    private static void assertSlicesMatch(ILazyDataset lazy, DoubleDataset all, String what) throws Exception {
        assertArrayEquals(all.getShape(), lazy.getShape(), what);
        for (Slice[] s : SLICES) {
            Slice[] slices = java.util.Arrays.copyOf(s, all.getRank());
            SliceND slice = new SliceND(all.getShape(), slices);
            IDataset got = lazy.getSlice(slice);
            DoubleDataset want = (DoubleDataset) all.getSlice(slice);
            assertArrayEquals(want.getShape(), got.getShape(), what + " " + slice);
            double[] g = DatasetUtils.cast(DoubleDataset.class, got).clone().getData();
            assertArrayEquals(want.clone().getData(), g, what + " " + slice);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"u1", "i1", "u2", "i2", "u4", "i4", "u8", "i8", "f4", "f8", "u2be", "f8be"})
    void everyNumericTypeAndByteOrder(String name) throws Exception {
        String kind = name.replace("be", "");
        try (NexusFile f = NexusFile.open(Flavours.file("layouts.h5"))) {
            DoubleDataset all = expectedAll(kind, SMALL);
            assertSlicesMatch(f.lazyDataset("/types/" + name), all, name);
            assertArrayEquals(all.getData(), f.readDoubles("/types/" + name), name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"contiguous", "compact", "chunked", "gzip", "shuffle_gzip", "fletcher_gzip", "lz4", "shuffle_lz4"})
    void everyLayoutAndFilterPipeline(String name) throws Exception {
        try (NexusFile f = NexusFile.open(Flavours.file("layouts.h5"))) {
            DoubleDataset all = expectedAll("u2", SMALL);
            assertSlicesMatch(f.lazyDataset("/layouts/" + name), all, name);
            assertArrayEquals(all.getData(), f.readDoubles("/layouts/" + name), name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"shuffle_gzip:u2", "chunked_f4:f4", "contiguous_i4:i4"})
    void earliestFormatChunkIndexes(String spec) throws Exception {
        String[] p = spec.split(":");
        try (NexusFile f = NexusFile.open(Flavours.file("legacy.h5"))) {
            assertSlicesMatch(f.lazyDataset("/" + p[0]), expectedAll(p[1], SMALL), spec);
        }
    }

    @Test
    void chunksNeverWrittenReadAsTheFillValue() throws Exception {
        try (NexusFile f = NexusFile.open(Flavours.file("layouts.h5"))) {
            DoubleDataset all = expectedAll("u2", SMALL);
            all.setSlice(0.0, new SliceND(SMALL, new Slice(2, 5), new Slice(), new Slice()));
            assertSlicesMatch(f.lazyDataset("/layouts/sparse"), all, "sparse");
        }
    }

    @Test
    void ranksOneAndTwoAndScalars() throws Exception {
        try (NexusFile f = NexusFile.open(Flavours.file("layouts.h5"))) {
            assertArrayEquals(expectedAll("f8", 1000).getData(), f.readDoubles("/ranks/r1"));
            assertArrayEquals(expectedAll("i4", 1000).getData(), f.readDoubles("/ranks/r1_contiguous"));
            ILazyDataset r1 = f.lazyDataset("/ranks/r1");
            IDataset mid = r1.getSlice(new Slice(60, 130, 7));
            for (int i = 0; i < mid.getSize(); i++) assertEquals(expected("f8", 60 + 7 * i), mid.getDouble(i));
            for (String name : List.of("r2", "r2_contiguous")) {
                DoubleDataset all = expectedAll("i4", 37, 23);
                assertSlicesMatch(f.lazyDataset("/ranks/" + name), all, name);
            }
            assertArrayEquals(new double[] {2.5}, f.readDoubles("/ranks/scalar"));
        }
    }

    @Test
    void contiguousSlicesReadOnlyTheirBytes() throws Exception {
        try (NexusFile f = NexusFile.open(Flavours.file("layouts.h5"))) {
            ILazyDataset d = f.lazyDataset("/layouts/contiguous");
            long before = f.bytesRead();
            d.getSlice(new SliceND(SMALL, new Slice(2, 3), new Slice(), new Slice()));
            assertEquals(37 * 23 * 2, f.bytesRead() - before, "one frame of uint16");
            before = f.bytesRead();
            d.getSlice(new SliceND(SMALL, new Slice(), new Slice(10, 11), new Slice(3, 4)));
            assertEquals(5 * 2, f.bytesRead() - before, "one pixel through the stack");
        }
    }

    @Test
    void stridedFramesOfAChunkedStackReadOnlyTheirChunks() throws Exception {
        try (NexusFile f = NexusFile.open(Flavours.file("stack_gzip.h5"))) {
            ILazyDataset stack = f.lazyDataset("/entry/instrument/detector/data");
            int[] shape = stack.getShape();
            long before = f.bytesRead();
            IDataset every50th = stack.getSlice(new SliceND(shape, new Slice(0, 200, 50), new Slice(), new Slice()));
            long read = f.bytesRead() - before;
            for (int i = 0; i < 4; i++) assertEquals(50.0 * i, every50th.getDouble(i, 0, 0), "frame id");
            long perFrame = java.nio.file.Files.size(Flavours.file("stack_gzip.h5")) / shape[0];
            assertTrue(read < 4 * (2 * perFrame) + 65536, "read " + read + " bytes for 4 frames of ~" + perFrame);
        }
    }
}
