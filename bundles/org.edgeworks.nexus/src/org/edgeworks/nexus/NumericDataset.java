package org.edgeworks.nexus;

import java.util.Arrays;

import org.edgeworks.core.EdgeworksException;

/**
 * A numeric dataset (or one numeric member of a compound dataset) read without allocating what
 * the caller already has: {@link #read} gives a slice in the stored element type
 * ({@link TypedSlice}: a uint16 frame as a {@code short[]}, a quarter of the doubles' bytes), and
 * {@link #readInto} decodes straight into a {@code double[]} the caller owns and reuses (a frame
 * stream, a band of a stack). Both read exactly the selected hyperslab, as
 * {@link NexusFile#lazyDataset} slices do, through the same reader.
 *
 * <p>Why beside the lazy dataset: January's lazy datasets deliver a fresh {@code double[]} per
 * slice. For a contiguous 256 x 1024 uint16 frame the read itself (one positional read, 0.04 ms)
 * was a small part of the 0.3-0.7 ms: the rest was allocating and zeroing 2 MB of doubles and
 * widening into them, where h5py hands back 512 KB of uint16 in 0.03-0.12 ms (BENCHMARKS.md,
 * NeXus/HDF5 reading). Callers that read many slices of one shape keep one buffer; callers that
 * keep a slice keep it in its stored type.
 *
 * <p>Why not jHDF's own buffers: for chunked data the reader already takes jHDF's stored chunk
 * bytes ({@code ChunkedDataset.getRawChunkBuffer}) and decodes them itself. For contiguous data
 * jHDF offers {@code ContiguousDataset.getBuffer()}, a memory map of the whole dataset: each first
 * touch of a 4 KB page is a page fault and a map per read is unmapped only by the garbage
 * collector, so positional reads of the selected byte ranges (counted in
 * {@link NexusFile#bytesRead()}) stay the faster and bounded road.
 *
 * <p>Thread-safe: reads are positional and chunk decoding keeps per-thread scratch.
 * Every failure is an {@link EdgeworksException} naming the file and the path inside it.
 */
public final class NumericDataset {
    private final NexusFile file;
    private final NexusFile.Target target;
    private final int[] shape;
    private final double fill;

    NumericDataset(NexusFile file, NexusFile.Target target, int[] shape, double fill) {
        this.file = file;
        this.target = target;
        this.shape = shape.clone();
        this.fill = fill;
    }

    /** The dataset's dimensions ({@code [1]} for a scalar). */
    public int[] shape() { return shape.clone(); }

    /** The path inside the file. */
    public String path() { return target.path(); }

    /**
     * The hyperslab {@code start} + {@code count} (unit steps) in the stored element type;
     * unsigned types keep their bits ({@link TypedSlice#get} reads them unsigned).
     *
     * @throws EdgeworksException a selection outside the dataset, above the read budget, or unreadable data
     */
    public TypedSlice read(long[] start, int[] count) throws EdgeworksException {
        int n = checked(start, count);
        TypedSlice out = target.codec().newSlice(n, count.clone());
        if (n == 0) return out;
        if (!file.readInto(target, start, NexusFile.ones(count.length), count, HyperslabReader.stored(out, fill))) {
            // layouts only jHDF reads (contiguous data behind an external link): decoded doubles
            double[] values = file.readOther(target, start, count);
            return new TypedSlice.Doubles(values, count.clone());
        }
        return out;
    }

    /**
     * Decodes the hyperslab {@code start} + {@code count} (unit steps) as doubles into
     * {@code into[at .. at + product(count))}, row-major; nothing else of {@code into} is touched,
     * and every element of that range is written (never-written chunks as the fill value).
     *
     * @throws EdgeworksException a selection outside the dataset, above the read budget, a buffer
     *     too small, or unreadable data
     */
    public void readInto(long[] start, int[] count, double[] into, int at) throws EdgeworksException {
        int n = checked(start, count);
        if (at < 0 || into.length - at < n)
            throw new EdgeworksException(file.path(), target.path(), "buffer of " + into.length + " doubles from " + at
                + " cannot hold " + n + " elements");
        if (n == 0) return;
        if (!file.readInto(target, start, NexusFile.ones(count.length), count, HyperslabReader.doubles(into, at, fill))) {
            double[] values = file.readOther(target, start, count);
            System.arraycopy(values, 0, into, at, n);
        }
    }

    /** Checks the selection against the dataset and the read budget; returns its element count. */
    private int checked(long[] start, int[] count) throws EdgeworksException {
        if (start.length != shape.length || count.length != shape.length)
            throw new EdgeworksException(file.path(), target.path(), "selection of rank " + count.length + " for a dataset of rank "
                + shape.length);
        long n = 1;
        for (int i = 0; i < shape.length; i++) {
            if (start[i] < 0 || count[i] < 0 || start[i] + count[i] > shape[i])
                throw new EdgeworksException(file.path(), target.path(), "selection at " + Arrays.toString(start) + " of size "
                    + Arrays.toString(count) + " lies outside the dataset's " + Arrays.toString(shape));
            n *= count[i];
        }
        if (n > Limits.MAX_SLICE_ELEMENTS)
            throw new EdgeworksException(file.path(), target.path(), "slice of " + n + " elements exceeds the read budget of "
                + Limits.MAX_SLICE_ELEMENTS);
        return (int) n;
    }
}
