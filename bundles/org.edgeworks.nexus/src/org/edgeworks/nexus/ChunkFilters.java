package org.edgeworks.nexus;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import io.jhdf.filter.PipelineFilterWithData;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

/**
 * Decodes a stored chunk through the filter pipelines detectors write (deflate, byte shuffle,
 * LZ4, in any order, at most one compressor) straight into a buffer of the known chunk size.
 * jHDF's own pipeline inflates through a growing stream with 4 KB steps and copies each stage;
 * knowing the decoded size lets us inflate once into place. Other pipelines (fletcher32,
 * LZF, bitshuffle, plugins) return null from {@link #of} and are decoded by jHDF.
 */
final class ChunkFilters {
    static final int DEFLATE = 1;
    static final int SHUFFLE = 2;
    static final int LZ4 = 32004;

    /** Native LZ4 when it loads, else the pure-Java one; the safe decoder never writes past its bounds. */
    private static final LZ4SafeDecompressor LZ4_DECODER = LZ4Factory.fastestInstance().safeDecompressor();

    private final int[] decodeOrder;

    private ChunkFilters(int[] decodeOrder) {
        this.decodeOrder = decodeOrder;
    }

    /** The decoder for a pipeline, or null when jHDF must decode it. */
    static ChunkFilters of(List<PipelineFilterWithData> pipeline) {
        int compressors = 0;
        int[] order = new int[pipeline.size()];
        for (int i = 0; i < order.length; i++) {
            int id = pipeline.get(pipeline.size() - 1 - i).getId(); // decoding runs the pipeline backwards
            if (id == DEFLATE || id == LZ4) compressors++;
            else if (id != SHUFFLE) return null;
            order[i] = id;
        }
        return compressors <= 1 ? new ChunkFilters(order) : null;
    }

    /**
     * Per-thread scratch buffers, so the decoders do not allocate a chunk-sized array per chunk.
     * Buffers above {@link #KEEP_LIMIT} are handed out fresh and not kept by the (long-lived) pool threads.
     */
    static final class Scratch {
        static final int KEEP_LIMIT = 64 << 20;
        private byte[] a = new byte[0];
        private byte[] b = new byte[0];

        byte[] first(int size) {
            if (size > KEEP_LIMIT) return new byte[size];
            if (a.length < size) a = new byte[size];
            return a;
        }

        byte[] second(int size) {
            if (size > KEEP_LIMIT) return new byte[size];
            if (b.length < size) b = new byte[size];
            return b;
        }
    }

    /**
     * Decodes a stored chunk into a buffer holding at least {@code chunkBytes} decoded bytes
     * (one of the scratch buffers, or the stored array itself when nothing is filtered).
     */
    byte[] decode(ByteBuffer stored, int chunkBytes, int elementSize, Scratch scratch) throws DataFormatException {
        byte[] current = null;
        for (int id : decodeOrder) {
            byte[] out = current == scratch.a ? scratch.second(chunkBytes) : scratch.first(chunkBytes);
            switch (id) {
                case DEFLATE -> inflate(stored, out, chunkBytes);
                case LZ4 -> unLz4(stored, out, chunkBytes);
                default -> unshuffle(current != null ? current : heapBytes(stored, chunkBytes), out, chunkBytes, elementSize);
            }
            current = out;
        }
        return current != null ? current : heapBytes(stored, chunkBytes);
    }

    private static byte[] heapBytes(ByteBuffer stored, int chunkBytes) throws DataFormatException {
        if (stored.remaining() < chunkBytes)
            throw new DataFormatException("stored chunk has " + stored.remaining() + " bytes, expected " + chunkBytes);
        if (stored.hasArray() && stored.arrayOffset() == 0 && stored.position() == 0) return stored.array();
        byte[] copy = new byte[chunkBytes];
        stored.duplicate().get(copy);
        return copy;
    }

    private static void inflate(ByteBuffer stored, byte[] out, int chunkBytes) throws DataFormatException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(stored.duplicate());
            int n = 0;
            while (n < chunkBytes && !inflater.finished()) {
                int k = inflater.inflate(out, n, chunkBytes - n);
                if (k == 0 && (inflater.needsInput() || inflater.needsDictionary()))
                    throw new DataFormatException("deflate stream ends after " + n + " of " + chunkBytes + " bytes");
                n += k;
            }
            if (n != chunkBytes) throw new DataFormatException("deflate gave " + n + " bytes, expected " + chunkBytes);
        } finally {
            inflater.end();
        }
    }

    /** The HDF5 LZ4 plugin framing: total size (8 bytes), block size (4), then per block its size (4) and data. */
    private static void unLz4(ByteBuffer stored, byte[] out, int chunkBytes) throws DataFormatException {
        ByteBuffer in = stored.duplicate().order(java.nio.ByteOrder.BIG_ENDIAN);
        try {
            long total = in.getLong();
            int blockSize = in.getInt();
            if (total != chunkBytes || blockSize <= 0)
                throw new DataFormatException("LZ4 header says " + total + " bytes in blocks of " + blockSize + ", expected " + chunkBytes);
            int n = 0;
            while (n < chunkBytes) {
                int expected = Math.min(blockSize, chunkBytes - n);
                int compressed = in.getInt();
                if (compressed < 0 || compressed > in.remaining()) throw new DataFormatException("LZ4 block overruns the chunk");
                if (compressed == expected) {
                    in.get(out, n, expected); // stored uncompressed
                } else {
                    int got = LZ4_DECODER.decompress(in, in.position(), compressed, ByteBuffer.wrap(out), n, expected);
                    if (got != expected) throw new DataFormatException("LZ4 block gave " + got + " bytes, expected " + expected);
                    in.position(in.position() + compressed);
                }
                n += expected;
            }
        } catch (LZ4Exception | java.nio.BufferUnderflowException e) {
            throw new DataFormatException("corrupt LZ4 chunk (" + e.getMessage() + ")");
        }
    }

    /** Undoes HDF5's byte shuffle: byte b of every element was stored together in plane b. */
    private static void unshuffle(byte[] in, byte[] out, int chunkBytes, int elementSize) {
        int elements = chunkBytes / elementSize;
        if (elementSize == 1 || elements <= 1) {
            System.arraycopy(in, 0, out, 0, chunkBytes);
            return;
        }
        for (int b = 0; b < elementSize; b++) {
            int plane = b * elements;
            for (int i = 0, o = b; i < elements; i++, o += elementSize) out[o] = in[plane + i];
        }
        int tail = elements * elementSize; // leftover bytes are stored unshuffled
        System.arraycopy(in, tail, out, tail, chunkBytes - tail);
    }
}
