package org.edgeworks.nexus;

/**
 * A slice of a numeric dataset in the element type the file stores: a uint16 detector frame
 * arrives as a {@code short[]} (unsigned, so read it with {@link #get} or {@link #toDoubles}),
 * a float32 image as a {@code float[]}. Row-major, {@code shape} the selection's counts.
 *
 * <p>Why not always doubles: a 256 x 1024 uint16 frame is 512 KB as stored and 2 MB as doubles;
 * allocating, zeroing and filling the doubles cost about 0.2 ms of the 0.3 ms the double reader
 * took, against h5py's 0.03-0.12 ms for the same frame (BENCHMARKS.md, NeXus/HDF5 reading).
 * Callers that compute in double convert where they use the values ({@link #toDoubles} into their
 * own buffer), or read straight into it ({@link NumericDataset#readInto}).
 *
 * <p>Types the fast path does not keep as stored (N-bit integers, non-IEEE floats) arrive as
 * {@link Doubles}, decoded.
 */
public sealed interface TypedSlice {
    /** The counts of the selection (row-major). */
    int[] shape();

    /** Number of elements. */
    int size();

    /** Element {@code i} (flat, row-major) as a double: unsigned types read unsigned. */
    double get(int i);

    /** Copies every element, as doubles, into {@code into[at..at + size())}. */
    default void toDoubles(double[] into, int at) {
        int n = size();
        for (int i = 0; i < n; i++) into[at + i] = get(i);
    }

    /** 8-bit integers; {@code unsigned} for uint8. */
    record Bytes(byte[] data, boolean unsigned, int[] shape) implements TypedSlice {
        @Override public int size() { return data.length; }
        @Override public double get(int i) { return unsigned ? data[i] & 0xFF : data[i]; }
    }

    /** 16-bit integers; {@code unsigned} for uint16 (detector frames). */
    record Shorts(short[] data, boolean unsigned, int[] shape) implements TypedSlice {
        @Override public int size() { return data.length; }
        @Override public double get(int i) { return unsigned ? data[i] & 0xFFFF : data[i]; }
        @Override public void toDoubles(double[] into, int at) {
            // one loop per signedness, so the JIT vectorises the widening
            if (unsigned) for (int i = 0; i < data.length; i++) into[at + i] = data[i] & 0xFFFF;
            else for (int i = 0; i < data.length; i++) into[at + i] = data[i];
        }
    }

    /** 32-bit integers; {@code unsigned} for uint32. */
    record Ints(int[] data, boolean unsigned, int[] shape) implements TypedSlice {
        @Override public int size() { return data.length; }
        @Override public double get(int i) { return unsigned ? Integer.toUnsignedLong(data[i]) : data[i]; }
    }

    /** 64-bit integers; {@code unsigned} for uint64 (values above 2^63 read as their unsigned double). */
    record Longs(long[] data, boolean unsigned, int[] shape) implements TypedSlice {
        @Override public int size() { return data.length; }
        @Override public double get(int i) {
            long v = data[i];
            return !unsigned || v >= 0 ? v : ((v >>> 1) | (v & 1)) * 2.0;
        }
    }

    /** IEEE float32. */
    record Floats(float[] data, int[] shape) implements TypedSlice {
        @Override public int size() { return data.length; }
        @Override public double get(int i) { return data[i]; }
        @Override public void toDoubles(double[] into, int at) {
            for (int i = 0; i < data.length; i++) into[at + i] = data[i];
        }
    }

    /** IEEE float64, or values decoded from a layout Java has no type for. */
    record Doubles(double[] data, int[] shape) implements TypedSlice {
        @Override public int size() { return data.length; }
        @Override public double get(int i) { return data[i]; }
        @Override public void toDoubles(double[] into, int at) { System.arraycopy(data, 0, into, at, data.length); }
    }
}
