package org.edgeworks.nexus;

import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;

/**
 * The two HDF5 filters that pack values into fewer bits: N-bit (filter 5) and scale-offset
 * (filter 6). Both store each element's significant bits most significant first in a continuous
 * bit stream. Layouts and parameters (cd_values) as the HDF5 library defines them in H5Znbit.c and
 * H5Zscaleoffset.c (HDF5 1.10 user guide, "Using the N-bit filter", "Using the Scale-offset
 * filter"); written by hand because no Java HDF5 decoder on Maven Central has them (jHDF 0.13.0
 * lacks both). Unlike the C library every read is bounds-checked: a corrupt chunk or parameter
 * list gives a {@link DataFormatException}, never a read past the input or an output larger
 * than {@code limit} bytes.
 *
 * <p>Output bytes are in the dataset's own byte order (the element codec reads them as stored).
 */
final class BitPacking {
    private BitPacking() {}

    /** Reads bits most significant first, as both filters write them. */
    private static final class Bits {
        private final ByteBuffer in;
        private final long totalBits;
        private long position;

        Bits(ByteBuffer in) {
            this.in = in;
            this.totalBits = 8L * in.remaining();
        }

        long read(int n) throws DataFormatException {
            if (position + n > totalBits) throw new DataFormatException("packed data ends after " + position + " bits");
            long v = 0;
            int base = in.position();
            for (int left = n; left > 0; ) {
                int byteIndex = (int) (position >>> 3);
                int bitInByte = (int) (position & 7);
                int take = Math.min(8 - bitInByte, left);
                int b = in.get(base + byteIndex) & 0xFF;
                int bits = (b >>> (8 - bitInByte - take)) & ((1 << take) - 1);
                v = (v << take) | bits;
                position += take;
                left -= take;
            }
            return v;
        }
    }

    private static int param(int[] cd, int i) throws DataFormatException {
        if (i < 0 || i >= cd.length) throw new DataFormatException("filter parameters end at " + cd.length + " values, need index " + i);
        return cd[i];
    }

    private static int outputSize(long elements, long size, int limit, String filter) throws DataFormatException {
        long bytes = elements * size;
        if (elements < 0 || size <= 0 || bytes > limit)
            throw new DataFormatException(filter + " declares " + elements + " elements of " + size + " bytes (limit " + limit + " bytes)");
        return (int) bytes;
    }

    /** Writes the low {@code size} bytes of {@code v} at {@code at}, little- or big-endian. */
    private static void put(byte[] out, int at, int size, long v, boolean bigEndian) {
        for (int i = 0; i < size; i++) {
            byte b = (byte) (v >>> (8 * i));
            out[bigEndian ? at + size - 1 - i : at + i] = b;
        }
    }

    // ---------------------------------------------------------------- N-bit

    private static final int NBIT_ATOMIC = 1;
    private static final int NBIT_ARRAY = 2;
    private static final int NBIT_COMPOUND = 3;
    private static final int NBIT_NOOPTYPE = 4;

    /**
     * N-bit decoding. cd_values: [0] count, [1] nothing to do (stored as is), [2] elements in the
     * chunk, [3..] the type: atomic (1, size, order 0=LE/1=BE, precision, offset), array (2, size,
     * base type), compound (3, size, members, then per member its offset and type), other (4, size).
     */
    static byte[] nbit(ByteBuffer in, int[] cd, int limit) throws DataFormatException {
        if (param(cd, 1) != 0) {
            byte[] raw = new byte[in.remaining()];
            in.duplicate().get(raw);
            return raw;
        }
        int elements = param(cd, 2);
        int size = param(cd, 4);
        byte[] out = new byte[outputSize(Integer.toUnsignedLong(elements), size, limit, "N-bit")];
        Bits bits = new Bits(in.duplicate());
        for (long i = 0; i < Integer.toUnsignedLong(elements); i++) {
            int[] index = {3};
            nbitType(bits, cd, index, out, (int) (i * size), 0);
        }
        return out;
    }

    private static void nbitType(Bits bits, int[] cd, int[] index, byte[] out, int at, int depth) throws DataFormatException {
        if (depth > 16) throw new DataFormatException("N-bit type nesting deeper than 16");
        int cls = param(cd, index[0]++);
        int size = param(cd, index[0]++);
        if (size <= 0 || at + (long) size > out.length) throw new DataFormatException("N-bit element of " + size + " bytes overruns the chunk");
        switch (cls) {
            case NBIT_ATOMIC -> {
                int order = param(cd, index[0]++);
                int precision = param(cd, index[0]++);
                int offset = param(cd, index[0]++);
                if (size > 8 || precision <= 0 || offset < 0 || precision + offset > 8 * size)
                    throw new DataFormatException("N-bit atomic type of " + size + " bytes, precision " + precision + ", offset " + offset);
                long v = bits.read(precision) << offset;
                put(out, at, size, v, order == 1);
            }
            case NBIT_ARRAY -> {
                int baseStart = index[0];
                int baseSize = param(cd, baseStart + 1);
                if (baseSize <= 0) throw new DataFormatException("N-bit array of zero-size elements");
                int n = size / baseSize;
                for (int i = 0; i < n; i++) {
                    index[0] = baseStart;
                    nbitType(bits, cd, index, out, at + i * baseSize, depth + 1);
                }
                if (n == 0) skipType(cd, index, depth + 1);
            }
            case NBIT_COMPOUND -> {
                int members = param(cd, index[0]++);
                for (int m = 0; m < members; m++) {
                    int memberOffset = param(cd, index[0]++);
                    if (memberOffset < 0 || memberOffset >= size) throw new DataFormatException("N-bit compound member outside its record");
                    nbitType(bits, cd, index, out, at + memberOffset, depth + 1);
                }
            }
            case NBIT_NOOPTYPE -> {
                for (int i = 0; i < size; i++) out[at + i] = (byte) bits.read(8);
            }
            default -> throw new DataFormatException("N-bit type class " + cls + " is not one HDF5 writes");
        }
    }

    /** Advances past a type description without decoding (an array of zero elements). */
    private static void skipType(int[] cd, int[] index, int depth) throws DataFormatException {
        if (depth > 16) throw new DataFormatException("N-bit type nesting deeper than 16");
        int cls = param(cd, index[0]++);
        param(cd, index[0]++);
        switch (cls) {
            case NBIT_ATOMIC -> index[0] += 3;
            case NBIT_ARRAY -> skipType(cd, index, depth + 1);
            case NBIT_COMPOUND -> {
                int members = param(cd, index[0]++);
                for (int m = 0; m < members; m++) {
                    index[0]++;
                    skipType(cd, index, depth + 1);
                }
            }
            default -> { }
        }
    }

    // ---------------------------------------------------------------- scale-offset

    private static final int SO_FLOAT_DSCALE = 0;
    private static final int SO_INT = 2;
    /** minbits (4 bytes), size of minval (1), minval (up to 8), reserved: the payload starts here. */
    private static final int SO_HEADER = 21;

    /**
     * Scale-offset decoding. cd_values: [0] scale type (0 float D-scale, 1 float E-scale, 2
     * integer), [1] scale factor (decimal digits D for floats), [2] elements in the chunk, [3]
     * class (0 integer, 1 float), [4] size, [5] signed (not needed to decode), [6] order (0 LE, 1 BE), [7] fill value
     * defined, [8..] the fill value's bytes, little-endian words. Chunk: minbits, the minimum,
     * then minbits bits per element; the all-ones value stands for the fill value when defined.
     * Integers: value = packed + minimum. Floats (D-scale): value = packed / 10^D + minimum, in
     * the element's precision, as H5Zscaleoffset.c computes it.
     */
    static byte[] scaleOffset(ByteBuffer in, int[] cd, int limit) throws DataFormatException {
        int scaleType = param(cd, 0);
        int scaleFactor = param(cd, 1);
        long elements = Integer.toUnsignedLong(param(cd, 2));
        int cls = param(cd, 3);
        int size = param(cd, 4);
        boolean bigEndian = param(cd, 6) == 1;
        boolean fillDefined = param(cd, 7) != 0;
        if (size != 1 && size != 2 && size != 4 && size != 8) throw new DataFormatException("scale-offset element size " + size);
        if (cls == 1 && scaleType != SO_FLOAT_DSCALE) throw new DataFormatException("scale-offset scale type " + scaleType
            + " (only D-scale for floats is defined by HDF5)");
        if (cls == 1 && size != 4 && size != 8) throw new DataFormatException("scale-offset float of " + size + " bytes");
        if (cls != 0 && cls != 1) throw new DataFormatException("scale-offset class " + cls);
        if (cls == 0 && scaleType != SO_INT) throw new DataFormatException("scale-offset integer data with scale type " + scaleType);
        byte[] out = new byte[outputSize(elements, size, limit, "scale-offset")];
        ByteBuffer b = in.duplicate();
        if (b.remaining() < SO_HEADER) throw new DataFormatException("scale-offset chunk shorter than its header");
        int p = b.position();
        long minbits = Integer.toUnsignedLong((b.get(p) & 0xFF) | (b.get(p + 1) & 0xFF) << 8 | (b.get(p + 2) & 0xFF) << 16 | (b.get(p + 3) & 0xFF) << 24);
        int minvalSize = Math.min(8, b.get(p + 4) & 0xFF);
        long minval = 0;
        for (int i = 0; i < minvalSize; i++) minval |= (long) (b.get(p + 5 + i) & 0xFF) << (8 * i);
        if (minbits > 8L * size) throw new DataFormatException("scale-offset chunk says " + minbits + " bits per " + size + "-byte element");
        b.position(p + SO_HEADER);
        if (minbits == 8L * size) {
            // stored at full precision, in the writer's (little-endian) order
            if (b.remaining() < out.length) throw new DataFormatException("scale-offset chunk shorter than its data");
            for (int i = 0; i < elements; i++) {
                long v = 0;
                for (int k = 0; k < size; k++) v |= (long) (b.get(b.position() + i * size + k) & 0xFF) << (8 * k);
                put(out, i * size, size, v, bigEndian);
            }
            return out;
        }
        long fill = 0;
        for (int i = 0; i < size; i++) {
            int word = param(cd, 8 + i / 4);
            fill |= (long) ((word >>> (8 * (i % 4))) & 0xFF) << (8 * i);
        }
        int bitsPerValue = (int) minbits;
        long allOnes = bitsPerValue == 0 ? 0 : (1L << bitsPerValue) - 1;
        Bits bits = new Bits(b);
        for (int i = 0; i < elements; i++) {
            long packed = bitsPerValue == 0 ? 0 : bits.read(bitsPerValue);
            long v;
            if (fillDefined && packed == allOnes) {
                v = fill;
            } else if (cls == 0) {
                v = packed + minval;
            } else if (size == 4) {
                float min = Float.intBitsToFloat((int) minval);
                float scaled = (float) (int) packed / (float) Math.pow(10, scaleFactor) + min;
                v = Float.floatToRawIntBits(scaled) & 0xFFFFFFFFL;
            } else {
                double min = Double.longBitsToDouble(minval);
                v = Double.doubleToRawLongBits(packed / Math.pow(10, scaleFactor) + min);
            }
            put(out, i * size, size, v, bigEndian);
        }
        return out; // integers: packed + minimum wraps in two's complement, signed or not, as in C
    }
}
