package org.edgeworks.nexus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.edgeworks.core.EdgeworksException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reader API that allocates nothing the caller has ({@link NumericDataset}): typed slices in
 * the stored element type and reads into the caller's double buffer, against the values the
 * generator wrote by formula (make_flavours.py, {@link HyperslabReaderTest#expected}), for every
 * numeric type and byte order, every layout and filter pipeline, the earliest chunk indexes and
 * never-written chunks, with boxes that start and end inside chunks.
 */
class NumericDatasetTest {
    private static final int[] SMALL = {5, 37, 23};

    /** Unit-step boxes {start..., count...}: whole, inside chunks, edge chunks only, one frame, one pixel column. */
    static final List<long[][]> BOXES = List.of(
        new long[][] {{0, 0, 0}, {5, 37, 23}},
        new long[][] {{1, 15, 9}, {3, 18, 12}},
        new long[][] {{4, 32, 20}, {1, 5, 3}},
        new long[][] {{2, 0, 0}, {1, 37, 23}},
        new long[][] {{0, 10, 3}, {5, 1, 1}});

    /** The stored type each generator type arrives in. */
    static final Map<String, Class<?>> TYPED = Map.of("u1", TypedSlice.Bytes.class, "i1", TypedSlice.Bytes.class,
        "u2", TypedSlice.Shorts.class, "i2", TypedSlice.Shorts.class, "u4", TypedSlice.Ints.class, "i4", TypedSlice.Ints.class,
        "u8", TypedSlice.Longs.class, "i8", TypedSlice.Longs.class, "f4", TypedSlice.Floats.class, "f8", TypedSlice.Doubles.class);

    private static int[] counts(long[][] box) {
        return Arrays.stream(box[1]).mapToInt(c -> (int) c).toArray();
    }

    /** The formula's value of element {@code k} (row-major) of {@code box} in a dataset of {@code dims}. */
    private static double want(String kind, long[][] box, int[] dims, int k, double[] sparseFill) {
        int rank = dims.length;
        long linear = 0;
        long rest = k;
        long[] index = new long[rank];
        for (int i = rank - 1; i >= 0; i--) {
            index[i] = box[0][i] + rest % box[1][i];
            rest /= box[1][i];
        }
        for (int i = 0; i < rank; i++) linear = linear * dims[i] + index[i];
        if (sparseFill != null && index[0] >= 2) return sparseFill[0];
        return HyperslabReaderTest.expected(kind, linear);
    }

    private static void assertReads(NumericDataset d, String kind, String what, double[] sparseFill) throws Exception {
        for (long[][] box : BOXES) {
            int[] count = counts(box);
            int n = Arrays.stream(count).reduce(1, (a, b) -> a * b);
            TypedSlice typed = d.read(box[0], count);
            if (sparseFill == null) assertInstanceOf(TYPED.get(kind), typed, what);
            assertEquals(n, typed.size(), what);
            assertEquals(Arrays.toString(count), Arrays.toString(typed.shape()), what);
            // a caller's buffer holding older values, read at an offset: the range is overwritten, the rest untouched
            double[] into = new double[n + 7];
            Arrays.fill(into, -999.5);
            d.readInto(box[0], count, into, 3);
            double[] fromTyped = new double[n];
            typed.toDoubles(fromTyped, 0);
            for (int k = 0; k < n; k++) {
                double w = want(kind, box, SMALL, k, sparseFill);
                String at = what + " box " + Arrays.deepToString(box) + " element " + k;
                assertEquals(w, typed.get(k), at);
                assertEquals(w, fromTyped[k], at);
                assertEquals(w, into[3 + k], at);
            }
            for (int k : new int[] {0, 1, 2, n + 3, n + 4, n + 5, n + 6}) assertEquals(-999.5, into[k], what + " outside the range");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"u1", "i1", "u2", "i2", "u4", "i4", "u8", "i8", "f4", "f8", "u2be", "f8be"})
    void everyNumericTypeAndByteOrderInItsStoredType(String name) throws Exception {
        try (NexusFile f = NexusFile.open(Flavours.file("layouts.h5"))) {
            assertReads(f.numeric("/types/" + name), name.replace("be", ""), name, null);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"contiguous", "compact", "chunked", "gzip", "shuffle_gzip", "fletcher_gzip", "lz4", "shuffle_lz4"})
    void everyLayoutAndFilterPipeline(String name) throws Exception {
        try (NexusFile f = NexusFile.open(Flavours.file("layouts.h5"))) {
            assertReads(f.numeric("/layouts/" + name), "u2", name, null);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"shuffle_gzip:u2", "chunked_f4:f4", "contiguous_i4:i4"})
    void earliestFormatChunkIndexes(String spec) throws Exception {
        String[] p = spec.split(":");
        try (NexusFile f = NexusFile.open(Flavours.file("legacy.h5"))) {
            assertReads(f.numeric("/" + p[0]), p[1], spec, null);
        }
    }

    @Test
    void chunksNeverWrittenOverwriteTheCallersBufferWithTheFillValue() throws Exception {
        // frames 2-4 of /layouts/sparse were never written: they read as the fill value 0 even into a dirty buffer
        try (NexusFile f = NexusFile.open(Flavours.file("layouts.h5"))) {
            assertReads(f.numeric("/layouts/sparse"), "u2", "sparse", new double[] {0});
        }
    }

    @Test
    void uint16KeepsItsBitsAndReadsUnsigned() throws Exception {
        try (NexusFile f = NexusFile.open(Flavours.file("layouts.h5"))) {
            TypedSlice.Shorts s = (TypedSlice.Shorts) f.numeric("/types/u2").read(new long[] {0, 0, 0}, SMALL);
            assertTrue(s.unsigned());
            boolean above32767 = false;
            for (int k = 0; k < s.size(); k++) {
                double w = HyperslabReaderTest.expected("u2", k);
                assertEquals(w, s.data()[k] & 0xFFFF);
                above32767 |= w > Short.MAX_VALUE;
            }
            assertTrue(above32767, "the formula reaches above 32767, where signed reading would go wrong");
        }
    }

    @Test
    void aContiguousFrameReadsOnlyItsBytes() throws Exception {
        try (NexusFile f = NexusFile.open(Flavours.file("layouts.h5"))) {
            NumericDataset d = f.numeric("/layouts/contiguous");
            double[] buffer = new double[37 * 23];
            long before = f.bytesRead();
            d.readInto(new long[] {2, 0, 0}, new int[] {1, 37, 23}, buffer, 0);
            assertEquals(37 * 23 * 2, f.bytesRead() - before, "one frame of uint16");
            before = f.bytesRead();
            d.read(new long[] {3, 0, 0}, new int[] {1, 37, 23});
            assertEquals(37 * 23 * 2, f.bytesRead() - before, "one frame of uint16, typed");
        }
    }

    @Test
    void badSelectionsAndBuffersAreRefusedNamingTheFileAndPath() throws Exception {
        try (NexusFile f = NexusFile.open(Flavours.file("layouts.h5"))) {
            NumericDataset d = f.numeric("/layouts/gzip");
            EdgeworksException outside = assertThrows(EdgeworksException.class, () -> d.read(new long[] {4, 0, 0}, new int[] {2, 37, 23}));
            assertTrue(outside.getMessage().contains("layouts.h5") && outside.getMessage().contains("/layouts/gzip")
                && outside.getMessage().contains("outside"), outside.getMessage());
            EdgeworksException small = assertThrows(EdgeworksException.class,
                () -> d.readInto(new long[] {0, 0, 0}, new int[] {1, 37, 23}, new double[100], 0));
            assertTrue(small.getMessage().contains("cannot hold"), small.getMessage());
            EdgeworksException rank = assertThrows(EdgeworksException.class, () -> d.read(new long[] {0, 0}, new int[] {1, 37}));
            assertTrue(rank.getMessage().contains("rank"), rank.getMessage());
            assertThrows(EdgeworksException.class, () -> f.numeric("/layouts"));
        }
    }
}
