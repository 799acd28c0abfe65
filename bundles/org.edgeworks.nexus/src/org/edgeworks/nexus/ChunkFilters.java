package org.edgeworks.nexus;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import io.jhdf.filter.BitShuffleFilter;
import io.jhdf.filter.Filter;
import io.jhdf.filter.LzfFilter;
import io.jhdf.object.message.FilterPipelineMessage;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;

/**
 * Decodes a stored chunk through its filter pipeline, every stage bounded by the chunk's decoded
 * size: deflate (1), byte shuffle (2), Fletcher-32 (3, verified and stripped), N-bit (5),
 * scale-offset (6), LZ4 (32004) here; LZF (32000) and bitshuffle (32008) through jHDF's
 * maintained decoders after their declared sizes are checked. Any other filter (Blosc, Zstd,
 * SZ...) makes this one dataset unreadable with a one-line reason, never the file.
 *
 * <p>Why by hand: jHDF 0.13.0 (the newest on Maven Central) has no N-bit and no scale-offset
 * decoder, and its pipeline inflates through a growing stream and copies each stage. N-bit and
 * scale-offset follow the HDF5 library's H5Znbit.c / H5Zscaleoffset.c (HDF5 1.10 user guide,
 * "Using the N-bit filter" / "Using the Scale-offset filter"); their values are checked against
 * h5py on files the build writes (generator/make_flavours.py, filters.h5).
 */
final class ChunkFilters {
    static final int DEFLATE = 1;
    static final int SHUFFLE = 2;
    static final int FLETCHER32 = 3;
    static final int SZIP = 4;
    static final int NBIT = 5;
    static final int SCALEOFFSET = 6;
    static final int LZF = 32000;
    static final int BLOSC = 32001;
    static final int LZ4 = 32004;
    static final int BITSHUFFLE = 32008;
    static final int ZSTD = 32015;

    /** Native LZ4 when it loads, else the pure-Java one; the safe decoder never writes past its bounds. */
    private static final LZ4SafeDecompressor LZ4_DECODER = LZ4Factory.fastestInstance().safeDecompressor();
    private static final Filter LZF_DECODER = new LzfFilter();
    private static final Filter BITSHUFFLE_DECODER = new BitShuffleFilter();

    private record Stage(int id, String name, int[] data) {}

    private final Stage[] decodeOrder;

    private ChunkFilters(Stage[] decodeOrder) {
        this.decodeOrder = decodeOrder;
    }

    /** The decoder for a pipeline (decoding runs the pipeline backwards). */
    static ChunkFilters of(List<FilterPipelineMessage.FilterInfo> pipeline) {
        Stage[] order = new Stage[pipeline.size()];
        for (int i = 0; i < order.length; i++) {
            FilterPipelineMessage.FilterInfo f = pipeline.get(pipeline.size() - 1 - i);
            int[] data = f.getData();
            order[i] = new Stage(f.getId(), f.getName(), data == null ? new int[0] : data.clone());
        }
        return new ChunkFilters(order);
    }

    /** The filter that has no decoder here, or null when every stage can be decoded. */
    String unsupported() {
        for (Stage s : decodeOrder) {
            switch (s.id) {
                case DEFLATE, SHUFFLE, FLETCHER32, NBIT, SCALEOFFSET, LZF, LZ4, BITSHUFFLE -> { }
                default -> {
                    return "HDF5 filter " + describe(s) + " has no decoder in Edgeworks (decoders: deflate, shuffle,"
                        + " fletcher32, nbit, scaleoffset, lzf, lz4, bitshuffle)";
                }
            }
        }
        return null;
    }

    private static String describe(Stage s) {
        String known = switch (s.id) {
            case SZIP -> "szip";
            case BLOSC -> "blosc";
            case ZSTD -> "zstd";
            default -> s.name == null || s.name.isBlank() ? "?" : s.name;
        };
        return "'" + known + "' (id " + s.id + ")";
    }

    /**
     * Per-thread scratch buffers, so the decoders do not allocate a chunk-sized array per chunk.
     * Buffers above {@link #KEEP_LIMIT} are handed out fresh and not kept by the (long-lived) pool threads.
     */
    static final class Scratch {
        static final int KEEP_LIMIT = 64 << 20;
        private byte[] a = new byte[0];
        private byte[] b = new byte[0];

        byte[] other(byte[] current, int size) {
            if (size > KEEP_LIMIT) return new byte[size];
            if (current == a) {
                if (b.length < size) b = new byte[size];
                return b;
            }
            if (a.length < size) a = new byte[size];
            return a;
        }
    }

    /** A decoded stage: bytes [0, length) of {@code bytes}. */
    private record Buf(byte[] bytes, int length) {
        ByteBuffer wrap() { return ByteBuffer.wrap(bytes, 0, length); }
        Buf sized() { return new Buf(bytes, bytes.length); }
    }

    /**
     * Decodes a stored chunk into a buffer holding {@code chunkBytes} decoded bytes (one of the
     * scratch buffers, or the stored array itself when nothing is filtered).
     *
     * @param elementSize size of one stored element in bytes (compound: the whole record)
     */
    byte[] decode(ByteBuffer stored, int chunkBytes, int elementSize, Scratch scratch) throws DataFormatException {
        if (chunkBytes > Limits.MAX_CHUNK_BYTES)
            throw new DataFormatException("chunk of " + chunkBytes + " bytes exceeds the chunk budget of " + Limits.MAX_CHUNK_BYTES);
        // every intermediate form is an encoding of at most one chunk: it cannot be much larger
        int limit = (int) Math.min(Integer.MAX_VALUE - 16, chunkBytes + (long) (chunkBytes >> 3) + 4096);
        Buf current = null;
        for (int k = 0; k < decodeOrder.length; k++) {
            Stage s = decodeOrder[k];
            boolean last = k == decodeOrder.length - 1;
            ByteBuffer in = current == null ? stored.duplicate() : current.wrap();
            byte[] currentBytes = current == null ? null : current.bytes;
            current = switch (s.id) {
                case DEFLATE -> inflate(in, last ? chunkBytes : -1, limit, scratch, currentBytes);
                case SHUFFLE -> unshuffle(in, s.data.length > 0 && s.data[0] > 0 ? s.data[0] : elementSize, scratch, currentBytes);
                case FLETCHER32 -> fletcher32(in, currentBytes);
                case NBIT -> new Buf(BitPacking.nbit(in, s.data, limit), -1).sized();
                case SCALEOFFSET -> new Buf(BitPacking.scaleOffset(in, s.data, limit), -1).sized();
                case LZ4 -> unLz4(in, limit, scratch, currentBytes);
                case LZF -> viaJhdf(LZF_DECODER, in, lzfSize(s, limit), s.data);
                case BITSHUFFLE -> viaJhdf(BITSHUFFLE_DECODER, in, bitshuffleSize(in, s, limit), s.data);
                default -> throw new DataFormatException(unsupported());
            };
        }
        if (current == null) return heapBytes(stored, chunkBytes);
        if (current.length < chunkBytes)
            throw new DataFormatException("filters gave " + current.length + " bytes, expected " + chunkBytes);
        return current.bytes;
    }

    static byte[] heapBytes(ByteBuffer stored, int chunkBytes) throws DataFormatException {
        if (stored.remaining() < chunkBytes)
            throw new DataFormatException("stored chunk has " + stored.remaining() + " bytes, expected " + chunkBytes);
        if (stored.hasArray() && stored.arrayOffset() == 0 && stored.position() == 0) return stored.array();
        byte[] copy = new byte[chunkBytes];
        stored.duplicate().get(copy);
        return copy;
    }

    /** Inflates exactly {@code size} bytes when known (last stage), else up to {@code limit}. */
    private static Buf inflate(ByteBuffer in, int size, int limit, Scratch scratch, byte[] current) throws DataFormatException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(in);
            if (size >= 0) {
                byte[] out = scratch.other(current, size);
                int n = 0;
                while (n < size && !inflater.finished()) {
                    int k = inflater.inflate(out, n, size - n);
                    if (k == 0 && (inflater.needsInput() || inflater.needsDictionary()))
                        throw new DataFormatException("deflate stream ends after " + n + " of " + size + " bytes");
                    n += k;
                }
                if (n != size) throw new DataFormatException("deflate gave " + n + " bytes, expected " + size);
                return new Buf(out, n);
            }
            byte[] out = new byte[Math.min(limit, Math.max(4096, in.remaining() * 4))];
            int n = 0;
            while (!inflater.finished()) {
                if (n == out.length) {
                    if (out.length >= limit) throw new DataFormatException("deflate stream decodes to more than " + limit + " bytes");
                    out = Arrays.copyOf(out, (int) Math.min(limit, out.length * 2L));
                }
                int k = inflater.inflate(out, n, out.length - n);
                if (k == 0 && (inflater.needsInput() || inflater.needsDictionary()))
                    throw new DataFormatException("deflate stream ends after " + n + " bytes");
                n += k;
            }
            return new Buf(out, n);
        } finally {
            inflater.end();
        }
    }

    /** The HDF5 LZ4 plugin framing: total size (8 bytes), block size (4), then per block its size (4) and data. */
    private static Buf unLz4(ByteBuffer stored, int limit, Scratch scratch, byte[] current) throws DataFormatException {
        ByteBuffer in = stored.duplicate().order(ByteOrder.BIG_ENDIAN);
        try {
            long total = in.getLong();
            int blockSize = in.getInt();
            if (total < 0 || total > limit || blockSize <= 0)
                throw new DataFormatException("LZ4 header says " + total + " bytes in blocks of " + blockSize + " (limit " + limit + ")");
            int size = (int) total;
            byte[] out = scratch.other(current, size);
            int n = 0;
            while (n < size) {
                int expected = Math.min(blockSize, size - n);
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
            return new Buf(out, size);
        } catch (LZ4Exception | java.nio.BufferUnderflowException e) {
            throw new DataFormatException("corrupt LZ4 chunk (" + e.getMessage() + ")");
        }
    }

    /** Undoes HDF5's byte shuffle: byte b of every element was stored together in plane b. */
    private static Buf unshuffle(ByteBuffer in, int elementSize, Scratch scratch, byte[] current) {
        int length = in.remaining();
        byte[] src = new byte[0];
        int base;
        if (in.hasArray()) {
            src = in.array();
            base = in.arrayOffset() + in.position();
        } else {
            src = new byte[length];
            in.duplicate().get(src);
            base = 0;
        }
        byte[] out = scratch.other(current, length);
        int elements = length / elementSize;
        if (elementSize <= 1 || elements <= 1) {
            System.arraycopy(src, base, out, 0, length);
            return new Buf(out, length);
        }
        for (int b = 0; b < elementSize; b++) {
            int plane = base + b * elements;
            for (int i = 0, o = b; i < elements; i++, o += elementSize) out[o] = src[plane + i];
        }
        int tail = elements * elementSize; // leftover bytes are stored unshuffled
        System.arraycopy(src, base + tail, out, tail, length - tail);
        return new Buf(out, length);
    }

    /**
     * Checks and strips the Fletcher-32 checksum HDF5 appends (H5_checksum_fletcher32 over 16-bit
     * big-endian words, stored little-endian; files of HDF5 1.6.0-1.6.2 stored it byte-swapped).
     */
    private static Buf fletcher32(ByteBuffer in, byte[] current) throws DataFormatException {
        int length = in.remaining() - 4;
        if (length < 0) throw new DataFormatException("chunk too short for its Fletcher-32 checksum");
        byte[] data;
        int base;
        if (in.hasArray()) {
            data = in.array();
            base = in.arrayOffset() + in.position();
        } else {
            data = new byte[length + 4];
            in.duplicate().get(data);
            base = 0;
        }
        long sum1 = 0;
        long sum2 = 0;
        int words = length / 2;
        int p = base;
        while (words > 0) {
            int t = Math.min(words, 360);
            words -= t;
            for (; t > 0; t--, p += 2) {
                sum1 += ((data[p] & 0xFF) << 8) | (data[p + 1] & 0xFF);
                sum2 += sum1;
            }
            sum1 = (sum1 & 0xFFFF) + (sum1 >>> 16);
            sum2 = (sum2 & 0xFFFF) + (sum2 >>> 16);
        }
        if ((length & 1) != 0) {
            sum1 += (data[p] & 0xFF) << 8;
            sum2 += sum1;
            sum1 = (sum1 & 0xFFFF) + (sum1 >>> 16);
            sum2 = (sum2 & 0xFFFF) + (sum2 >>> 16);
        }
        sum1 = (sum1 & 0xFFFF) + (sum1 >>> 16);
        sum2 = (sum2 & 0xFFFF) + (sum2 >>> 16);
        int fletcher = (int) ((sum2 << 16) | sum1);
        int q = base + length;
        int stored = (data[q] & 0xFF) | (data[q + 1] & 0xFF) << 8 | (data[q + 2] & 0xFF) << 16 | (data[q + 3] & 0xFF) << 24;
        int reversed = ((fletcher >>> 8) & 0xFF) << 24 | (fletcher & 0xFF) << 16 | ((fletcher >>> 24) & 0xFF) << 8 | ((fletcher >>> 16) & 0xFF);
        if (stored != fletcher && stored != reversed)
            throw new DataFormatException(String.format("Fletcher-32 checksum mismatch (stored %08x, computed %08x): corrupt chunk", stored, fletcher));
        if (base == 0) return new Buf(data, length);
        return new Buf(Arrays.copyOfRange(data, base, base + length), length);
    }

    /** LZF's decoded size is its third parameter (the chunk size in bytes). */
    private static int lzfSize(Stage s, int limit) throws DataFormatException {
        if (s.data.length > 2 && (s.data[2] < 0 || s.data[2] > limit))
            throw new DataFormatException("LZF declares " + s.data[2] + " decoded bytes (limit " + limit + ")");
        return limit;
    }

    /** Bitshuffle with LZ4 starts with its decoded size (8 bytes, big-endian): checked before jHDF allocates it. */
    private static int bitshuffleSize(ByteBuffer in, Stage s, int limit) throws DataFormatException {
        boolean compressed = s.data.length > 4 && s.data[4] != 0;
        if (compressed) {
            if (in.remaining() < 12) throw new DataFormatException("bitshuffle chunk shorter than its header");
            long total = in.duplicate().order(ByteOrder.BIG_ENDIAN).getLong();
            if (total < 0 || total > limit) throw new DataFormatException("bitshuffle declares " + total + " decoded bytes (limit " + limit + ")");
        } else if (in.remaining() > limit) {
            throw new DataFormatException("bitshuffle chunk of " + in.remaining() + " bytes exceeds " + limit);
        }
        return limit;
    }

    private static Buf viaJhdf(Filter filter, ByteBuffer in, int limit, int[] data) throws DataFormatException {
        byte[] bytes = new byte[in.remaining()];
        in.duplicate().get(bytes);
        byte[] out;
        try {
            out = filter.decode(bytes, data);
        } catch (RuntimeException e) {
            throw new DataFormatException("corrupt " + filter.getName() + " chunk (" + NexusFile.describe(e) + ")");
        }
        if (out.length > limit) throw new DataFormatException(filter.getName() + " gave " + out.length + " bytes (limit " + limit + ")");
        return new Buf(out, out.length);
    }
}
