package org.edgeworks.nexus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.zip.DataFormatException;

import io.jhdf.api.Dataset;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.api.dataset.ContiguousDataset;
import io.jhdf.dataset.CompactDataset;
import io.jhdf.exceptions.HdfException;
import io.jhdf.AbstractNode;
import io.jhdf.object.message.FilterPipelineMessage;

/**
 * Reads a strided hyperslab (start, positive step, count per dimension) of a numeric dataset
 * straight into a row-major double[], touching only the chunks (or, for contiguous data, the
 * byte ranges) that hold selected elements, and decoding independent chunks in parallel.
 *
 * <p>Why not jHDF's {@code Dataset.getData(offset, shape)}: it decodes chunk by chunk on one
 * thread through a growing inflate stream, builds a Java multi-dimensional array of the widened
 * type, and reads contiguous datasets whole; a 256x1024 frame took 1-23 ms against h5py's
 * 0.03-2 ms (docs/architecture.md#hdf5). Here jHDF still parses the headers and the chunk index and hands
 * over the stored chunk bytes ({@link ChunkedDataset#getRawChunkBuffer}); decoding and placing
 * are ours. Contiguous data is read with positional reads from the file channel.
 */
final class HyperslabReader {
    /** Decoded bytes below which parallel decoding costs more than it saves. */
    private static final long PARALLEL_THRESHOLD_BYTES = 1 << 20;
    /** Size of one read of contiguous data: small enough to spread over cores, large enough to stream. */
    private static final int CONTIGUOUS_PIECE_BYTES = 1 << 20;

    private static final ThreadLocal<ChunkFilters.Scratch> SCRATCH = ThreadLocal.withInitial(ChunkFilters.Scratch::new);

    /** Where the elements of one chunk come from: its decoded bytes and how to index them. */
    private record Decoded(byte[] bytes, long baseElement, long[] strides) {}

    /** One storage unit (real or virtual chunk) to decode, and how to find its elements. */
    private interface Source {
        int[] chunkDims();
        /** Decodes the chunk at {@code origin} for the selected index ranges; null if it was never written. */
        Decoded decode(long[] origin, long[] firstSelected, long[] lastSelected) throws IOException, DataFormatException;
    }

    private HyperslabReader() {}

    /**
     * Where decoded elements go: a fresh double[] (the January road), a caller's double[] or a
     * typed slice. Runs of selected elements arrive with their output index; elements of chunks
     * that were never written arrive as {@link #fill} runs, so a caller's buffer that already holds
     * older values is overwritten everywhere (a fresh array could skip them; a reused one cannot).
     */
    interface Sink {
        /** {@code n} elements from byte {@code from} of {@code src}, every {@code stride}-th, to output index {@code at}. */
        void put(ElementCodec codec, byte[] src, int from, int stride, int at, int n);
        /** {@code n} fill values at output index {@code at}. */
        void fill(int at, int n);
    }

    /** Decodes into {@code out[base..]} as doubles, unwritten elements as {@code fill}. */
    static Sink doubles(double[] out, int base, double fill) {
        return new Sink() {
            @Override public void put(ElementCodec codec, byte[] src, int from, int stride, int at, int n) {
                codec.decode(src, from, stride, out, base + at, n);
            }
            @Override public void fill(int at, int n) { Arrays.fill(out, base + at, base + at + n, fill); }
        };
    }

    /** Copies into a typed slice as stored, unwritten elements as {@code fill}. */
    static Sink stored(TypedSlice out, double fill) {
        return new Sink() {
            @Override public void put(ElementCodec codec, byte[] src, int from, int stride, int at, int n) {
                codec.copyStored(src, from, stride, out, at, n);
            }
            @Override public void fill(int at, int n) { ElementCodec.fillStored(out, at, n, fill); }
        };
    }

    /**
     * Reads the selection of the values {@code codec} picks from each element (a number, an
     * enum's integer, one compound member) as doubles, or returns null when this dataset's layout
     * is not one the fast path reads (contiguous data in another file): the caller then uses
     * jHDF's reader. Elements of chunks that were never written, and of contiguous data never
     * allocated, read as {@code fill} (the dataset's fill value, as HDF5 defines).
     *
     * @throws DataFormatException a chunk that cannot be decoded (corrupt, or a filter without decoder)
     */
    static double[] read(Dataset d, ElementCodec codec, double fill, FileChannel channel, long userBlock, AtomicLong bytesRead,
                         long[] start, int[] step, int[] count) throws IOException, DataFormatException {
        long total = 1;
        for (int c : count) total *= c;
        double[] out = new double[Math.toIntExact(total)];
        return read(d, codec, channel, userBlock, bytesRead, start, step, count, doubles(out, 0, fill)) ? out : null;
    }

    /**
     * Reads the selection into {@code sink} (output indices row-major over {@code count}), or
     * returns false, having written nothing, when this dataset's layout is not one the fast path
     * reads (contiguous data in another file).
     *
     * @throws DataFormatException a chunk that cannot be decoded (corrupt, or a filter without decoder)
     */
    static boolean read(Dataset d, ElementCodec codec, FileChannel channel, long userBlock, AtomicLong bytesRead,
                        long[] start, int[] step, int[] count, Sink sink) throws IOException, DataFormatException {
        int[] dims = d.isScalar() ? new int[] {1} : d.getDimensions();
        if (dims.length == 0 || dims.length != count.length) return false;
        Source source;
        if (d instanceof ChunkedDataset chunked) {
            source = chunkedSource(chunked, codec);
        } else if (d instanceof ContiguousDataset contiguous && channel != null) {
            source = contiguous.getDataAddress() == UNDEFINED_ADDRESS ? unwritten(dims)
                : contiguousSource(contiguous, dims, codec, channel, userBlock, bytesRead, start, step, count);
        } else if (d instanceof CompactDataset compact) {
            source = compactSource(compact, dims, codec);
        } else {
            return false;
        }
        long total = 1;
        for (int c : count) total *= c;
        if (total == 0) return true;
        fill(source, dims, codec, start, step, count, total, sink);
        return true;
    }

    /** HDF5's "undefined address": storage never allocated. */
    private static final long UNDEFINED_ADDRESS = -1L;

    private static Source unwritten(int[] dims) {
        return new Source() {
            @Override public int[] chunkDims() { return dims; }
            @Override public Decoded decode(long[] origin, long[] first, long[] last) { return null; }
        };
    }

    private static Source chunkedSource(ChunkedDataset d, ElementCodec codec) throws DataFormatException {
        int[] chunkDims = d.getChunkDimensions();
        long chunkElements = 1;
        for (int c : chunkDims) {
            if (c <= 0) throw new DataFormatException("chunk dimension " + c);
            chunkElements *= c;
            if (chunkElements > Limits.MAX_CHUNK_BYTES) break;
        }
        if (chunkElements * codec.size > Limits.MAX_CHUNK_BYTES)
            throw new DataFormatException("declares chunks of " + java.util.Arrays.toString(chunkDims) + " elements, above the chunk budget of "
                + Limits.MAX_CHUNK_BYTES + " bytes");
        int chunkBytes = (int) (chunkElements * codec.size);
        long[] strides = rowMajorStrides(chunkDims);
        // the pipeline from the header message itself: jHDF's getFilters() refuses pipelines with filters it lacks
        List<FilterPipelineMessage.FilterInfo> pipeline = d instanceof AbstractNode node && node.getHeader().hasMessageOfType(FilterPipelineMessage.class)
            ? node.getHeader().getMessageOfType(FilterPipelineMessage.class).getFilters() : List.of();
        ChunkFilters filters = ChunkFilters.of(pipeline);
        String unsupported = filters.unsupported();
        if (unsupported != null) throw new DataFormatException(unsupported);
        return new Source() {
            @Override public int[] chunkDims() { return chunkDims; }

            @Override public Decoded decode(long[] origin, long[] first, long[] last) throws DataFormatException {
                int[] offset = new int[origin.length];
                long base = 0;
                for (int i = 0; i < offset.length; i++) {
                    offset[i] = Math.toIntExact(origin[i]);
                    base += origin[i] * strides[i];
                }
                ByteBuffer stored = storedChunk(d, offset);
                if (stored == null || !stored.hasRemaining()) return null; // indexes list unwritten chunks with size 0
                byte[] bytes = filters.decode(stored, chunkBytes, codec.size, SCRATCH.get());
                return new Decoded(bytes, base, strides);
            }
        };
    }

    /** The stored bytes of a chunk, or null for a chunk that was never written (reads as the fill value). */
    private static ByteBuffer storedChunk(ChunkedDataset d, int[] offset) {
        try {
            return d.getRawChunkBuffer(offset);
        } catch (HdfException e) {
            if (isMissingChunk(e)) return null;
            throw e;
        }
    }

    /** jHDF's words for a chunk absent from the index, or listed at HDF5's undefined address (-1): never written. */
    private static boolean isMissingChunk(HdfException e) {
        String m = e.getMessage();
        return m != null && (m.startsWith("No chunk with offset") || m.contains("at address -1"));
    }

    /**
     * Contiguous data as virtual chunks: the trailing dimensions the selection covers whole,
     * plus a slab of the dimension before them sized to about {@link #CONTIGUOUS_PIECE_BYTES}.
     * Each virtual chunk is one byte range of the file, of which only the span from its first to
     * its last selected element is read.
     */
    private static Source contiguousSource(ContiguousDataset d, int[] dims, ElementCodec codec, FileChannel channel,
                                           long userBlock, AtomicLong bytesRead, long[] start, int[] step, int[] count) {
        int rank = dims.length;
        int k = rank - 1;
        while (k > 0 && start[k] == 0 && step[k] == 1 && count[k] == dims[k]) k--;
        long inner = 1;
        for (int i = k + 1; i < rank; i++) inner *= dims[i];
        int[] chunkDims = new int[rank];
        for (int i = 0; i < rank; i++) chunkDims[i] = i < k ? 1 : dims[i];
        long slab = Math.max(1, CONTIGUOUS_PIECE_BYTES / (inner * codec.size));
        chunkDims[k] = (int) Math.min(dims[k], slab);
        long[] strides = rowMajorStrides(dims);
        long dataStart = d.getDataAddress() + userBlock;
        int size = codec.size;
        return new Source() {
            @Override public int[] chunkDims() { return chunkDims; }

            @Override public Decoded decode(long[] origin, long[] first, long[] last) throws IOException {
                long from = 0;
                long to = 0;
                for (int i = 0; i < rank; i++) {
                    from += first[i] * strides[i];
                    to += last[i] * strides[i];
                }
                int length = Math.toIntExact((to - from + 1) * size);
                byte[] bytes = SCRATCH.get().other(null, length);
                ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, length);
                long position = dataStart + from * size;
                while (buffer.hasRemaining()) {
                    int n = channel.read(buffer, position + buffer.position());
                    if (n < 0) throw new IOException("file ends inside the dataset's data");
                }
                bytesRead.addAndGet(length);
                return new Decoded(bytes, from, strides);
            }
        };
    }

    /** Compact data lives in the object header, already read: one chunk covering the dataset. */
    private static Source compactSource(CompactDataset d, int[] dims, ElementCodec codec) {
        long[] strides = rowMajorStrides(dims);
        return new Source() {
            @Override public int[] chunkDims() { return dims; }

            @Override public Decoded decode(long[] origin, long[] first, long[] last) throws DataFormatException {
                ByteBuffer data = d.getDataBuffer();
                long need = codec.size;
                for (int n : dims) need *= n;
                if (data.remaining() < need) throw new DataFormatException("compact data holds " + data.remaining() + " bytes, expected " + need);
                byte[] bytes = new byte[data.remaining()];
                data.duplicate().get(bytes);
                return new Decoded(bytes, 0, strides);
            }
        };
    }

    /** The chunks holding selected elements along one dimension, each with its range of selection indices. */
    private record Span(long chunkIndex, int firstIndex, int endIndex) {}

    private static void fill(Source source, int[] dims, ElementCodec codec, long[] start, int[] step, int[] count, long total, Sink out) {
        int rank = dims.length;
        int[] chunkDims = source.chunkDims();
        List<List<Span>> perDim = new ArrayList<>(rank);
        long tasks = 1;
        for (int i = 0; i < rank; i++) {
            List<Span> spans = new ArrayList<>();
            int j = 0;
            while (j < count[i]) {
                long chunk = (start[i] + (long) j * step[i]) / chunkDims[i];
                long chunkEnd = (chunk + 1) * chunkDims[i]; // first element of the next chunk
                int end = (int) Math.min(count[i], (chunkEnd - start[i] + step[i] - 1) / step[i]);
                spans.add(new Span(chunk, j, end));
                j = end;
            }
            perDim.add(spans);
            tasks *= spans.size();
        }
        long[] outStrides = new long[rank];
        long s = 1;
        for (int i = rank - 1; i >= 0; i--) { outStrides[i] = s; s *= count[i]; }
        long decodedBytes = total * codec.size;
        int taskCount = Math.toIntExact(tasks);
        IntStream ids = IntStream.range(0, taskCount);
        if (taskCount > 1 && decodedBytes >= PARALLEL_THRESHOLD_BYTES) ids = ids.parallel();
        ids.forEach(t -> {
            Span[] task = new Span[rank];
            int rest = t;
            for (int i = rank - 1; i >= 0; i--) {
                List<Span> spans = perDim.get(i);
                task[i] = spans.get(rest % spans.size());
                rest /= spans.size();
            }
            try {
                copyChunk(source, chunkDims, codec, start, step, task, outStrides, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (DataFormatException e) {
                throw new HdfException("corrupt chunk: " + e.getMessage(), e);
            }
        });
    }

    private static void copyChunk(Source source, int[] chunkDims, ElementCodec codec, long[] start, int[] step, Span[] task,
                                  long[] outStrides, Sink out) throws IOException, DataFormatException {
        int rank = task.length;
        long[] origin = new long[rank];
        long[] first = new long[rank];
        long[] last = new long[rank];
        for (int i = 0; i < rank; i++) {
            origin[i] = task[i].chunkIndex() * chunkDims[i];
            first[i] = start[i] + (long) task[i].firstIndex() * step[i];
            last[i] = start[i] + (long) (task[i].endIndex() - 1) * step[i];
        }
        Decoded chunk = source.decode(origin, first, last);
        long[] strides = chunk == null ? outStrides : chunk.strides();
        int lastDim = rank - 1;
        int runLength = task[lastDim].endIndex() - task[lastDim].firstIndex();
        int runStride = Math.toIntExact(step[lastDim] * strides[lastDim]);
        // odometer over the selection indices of every dimension but the fastest
        int[] j = new int[rank];
        for (int i = 0; i < rank; i++) j[i] = task[i].firstIndex();
        while (true) {
            long src = chunk == null ? 0 : -chunk.baseElement();
            long dst = 0;
            for (int i = 0; i < rank; i++) {
                src += (start[i] + (long) j[i] * step[i]) * strides[i];
                dst += j[i] * outStrides[i];
            }
            if (chunk == null) out.fill(Math.toIntExact(dst), runLength); // never written: the fill value
            else out.put(codec, chunk.bytes(), Math.toIntExact(src * codec.size), runStride, Math.toIntExact(dst), runLength);
            int i = lastDim - 1;
            while (i >= 0 && ++j[i] == task[i].endIndex()) {
                j[i] = task[i].firstIndex();
                i--;
            }
            if (i < 0) break;
        }
    }

    private static long[] rowMajorStrides(int[] dims) {
        long[] strides = new long[dims.length];
        long s = 1;
        for (int i = dims.length - 1; i >= 0; i--) { strides[i] = s; s *= dims[i]; }
        return strides;
    }
}
