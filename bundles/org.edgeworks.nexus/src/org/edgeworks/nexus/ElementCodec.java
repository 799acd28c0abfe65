package org.edgeworks.nexus;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

import io.jhdf.object.datatype.CompoundDataType;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.EnumDataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;

/**
 * Turns stored HDF5 numbers straight into doubles: integers of 1/2/4/8 bytes (signed or not) and
 * IEEE floats of 4/8 bytes, either byte order, on fast paths; integers of reduced precision or
 * with a bit offset (N-bit types), non-IEEE float layouts (half floats, N-bit floats) on a
 * general path; enums as their integer values; one numeric member of a compound record (the
 * element stride is then the record size, the member sits at its byte offset). Written by hand
 * because jHDF only decodes into Java multi-dimensional arrays of the widened type (enums as
 * label strings, compounds as maps), which costs a copy per dimension and a second pass to reach
 * doubles; this reads the decoded chunk bytes once.
 */
final class ElementCodec {
    private enum Kind { U8, I8, U16, I16, U32, I32, U64, I64, F32, F64, ANY_INT, ANY_FLOAT }

    private static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle SHORT_BE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_BE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_BE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle FLOAT_LE = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle FLOAT_BE = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle DOUBLE_LE = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle DOUBLE_BE = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.BIG_ENDIAN);

    private final Kind kind;
    private final boolean littleEndian;
    /** Bytes from one element to the next (the record size for a compound member). */
    final int size;
    /** Byte offset of the value inside its element (compound members), else 0. */
    private final int offset;
    /** Bytes of the value itself. */
    private final int valueSize;
    /** General path: bit layout (integers: bitOffset/precision/signed; floats: the IEEE-like fields). */
    private final int bitOffset;
    private final int precision;
    private final boolean signed;
    private final int signBit;
    private final int exponentBit;
    private final int exponentSize;
    private final int mantissaBit;
    private final int mantissaSize;
    private final long exponentBias;
    private final boolean impliedMsb;

    private ElementCodec(Kind kind, boolean littleEndian, int size, int offset, int valueSize, int bitOffset, int precision,
                         boolean signed, int signBit, int exponentBit, int exponentSize, int mantissaBit, int mantissaSize,
                         long exponentBias, boolean impliedMsb) {
        this.kind = kind;
        this.littleEndian = littleEndian;
        this.size = size;
        this.offset = offset;
        this.valueSize = valueSize;
        this.bitOffset = bitOffset;
        this.precision = precision;
        this.signed = signed;
        this.signBit = signBit;
        this.exponentBit = exponentBit;
        this.exponentSize = exponentSize;
        this.mantissaBit = mantissaBit;
        this.mantissaSize = mantissaSize;
        this.exponentBias = exponentBias;
        this.impliedMsb = impliedMsb;
    }

    private static ElementCodec fast(Kind kind, boolean le, int size) {
        return new ElementCodec(kind, le, size, 0, size, 0, 8 * size, false, 0, 0, 0, 0, 0, 0, false);
    }

    /** The same values read from records of {@code recordSize} bytes at byte {@code at} of each record. */
    ElementCodec inRecord(int recordSize, int at) {
        return new ElementCodec(kind, littleEndian, recordSize, offset + at, valueSize, bitOffset, precision, signed, signBit,
            exponentBit, exponentSize, mantissaBit, mantissaSize, exponentBias, impliedMsb);
    }

    /**
     * The codec for a stored type: integers, floats and enums (as their integer values), or null
     * when the type holds no single number (strings, compounds, references, opaque...).
     */
    static ElementCodec of(DataType type) {
        int size = type.getSize();
        if (type instanceof EnumDataType en) return of(en.getBaseType());
        if (type instanceof FixedPoint fp) {
            boolean le = fp.getByteOrder() == ByteOrder.LITTLE_ENDIAN;
            boolean s = fp.isSigned();
            if (fp.getBitOffset() == 0 && fp.getBitPrecision() == 8 * size) {
                switch (size) {
                    case 1: return fast(s ? Kind.I8 : Kind.U8, le, 1);
                    case 2: return fast(s ? Kind.I16 : Kind.U16, le, 2);
                    case 4: return fast(s ? Kind.I32 : Kind.U32, le, 4);
                    case 8: return fast(s ? Kind.I64 : Kind.U64, le, 8);
                    default: break;
                }
            }
            int precision = fp.getBitPrecision();
            int bitOffset = fp.getBitOffset();
            if (size < 1 || size > 8 || precision < 1 || bitOffset < 0 || bitOffset + precision > 8 * size) return null;
            return new ElementCodec(Kind.ANY_INT, le, size, 0, size, bitOffset, precision, s, 0, 0, 0, 0, 0, 0, false);
        }
        if (type instanceof FloatingPoint fl) {
            boolean le = fl.getByteOrder() == ByteOrder.LITTLE_ENDIAN;
            int sign = fl.getSignLocation();
            int ePos = fl.getExponentLocation();
            int eSize = fl.getExponentSize();
            int mPos = fl.getMantissaLocation();
            int mSize = fl.getMantissaSize();
            long bias = Integer.toUnsignedLong(fl.getExponentBias());
            boolean implied = fl.getMantissaNormalization() == 2;
            if (size == 4 && sign == 31 && ePos == 23 && eSize == 8 && mPos == 0 && mSize == 23 && bias == 127 && implied)
                return fast(Kind.F32, le, 4);
            if (size == 8 && sign == 63 && ePos == 52 && eSize == 11 && mPos == 0 && mSize == 52 && bias == 1023 && implied)
                return fast(Kind.F64, le, 8);
            if (size < 1 || size > 8 || eSize < 1 || eSize > 30 || mSize < 1 || mSize > 62 || sign >= 8 * size
                || ePos + eSize > 8 * size || mPos + mSize > 8 * size) return null;
            return new ElementCodec(Kind.ANY_FLOAT, le, size, 0, size, 0, 0, true, sign, ePos, eSize, mPos, mSize, bias, implied);
        }
        return null;
    }

    /** The codec of one scalar numeric member of a compound type, or null (no such member, or not a number). */
    static ElementCodec member(CompoundDataType type, String name) {
        for (CompoundDataType.CompoundDataMember m : type.getMembers()) {
            if (!m.getName().equals(name)) continue;
            int[] dims = m.getDimensionSize();
            if (dims != null && dims.length > 0) {
                long n = 1;
                for (int d : dims) n *= d;
                if (n != 1) return null;
            }
            ElementCodec c = of(m.getDataType());
            if (c == null || m.getOffset() < 0 || m.getOffset() + c.valueSize > type.getSize()) return null;
            return c.inRecord(type.getSize(), m.getOffset());
        }
        return null;
    }

    /** One element's value (a fill value's bytes, for instance). */
    double decodeOne(byte[] element) {
        double[] out = new double[1];
        decode(element, 0, 1, out, 0, 1);
        return out[0];
    }

    /**
     * Decodes {@code n} elements starting at byte {@code from} of {@code src}, taking every
     * {@code stride}-th element, into {@code dst[at..at+n)}.
     */
    void decode(byte[] src, int from, int stride, double[] dst, int at, int n) {
        final int step = stride * size;
        int p = from + offset;
        final int end = at + n;
        // one loop per type and byte order: a VarHandle is only fast when it is a constant
        switch (kind) {
            case U8 -> { for (int i = at; i < end; i++, p += step) dst[i] = src[p] & 0xFF; }
            case I8 -> { for (int i = at; i < end; i++, p += step) dst[i] = src[p]; }
            case U16 -> {
                if (littleEndian) for (int i = at; i < end; i++, p += step) dst[i] = (short) SHORT_LE.get(src, p) & 0xFFFF;
                else for (int i = at; i < end; i++, p += step) dst[i] = (short) SHORT_BE.get(src, p) & 0xFFFF;
            }
            case I16 -> {
                if (littleEndian) for (int i = at; i < end; i++, p += step) dst[i] = (short) SHORT_LE.get(src, p);
                else for (int i = at; i < end; i++, p += step) dst[i] = (short) SHORT_BE.get(src, p);
            }
            case U32 -> {
                if (littleEndian) for (int i = at; i < end; i++, p += step) dst[i] = Integer.toUnsignedLong((int) INT_LE.get(src, p));
                else for (int i = at; i < end; i++, p += step) dst[i] = Integer.toUnsignedLong((int) INT_BE.get(src, p));
            }
            case I32 -> {
                if (littleEndian) for (int i = at; i < end; i++, p += step) dst[i] = (int) INT_LE.get(src, p);
                else for (int i = at; i < end; i++, p += step) dst[i] = (int) INT_BE.get(src, p);
            }
            case U64 -> {
                if (littleEndian) for (int i = at; i < end; i++, p += step) dst[i] = unsignedToDouble((long) LONG_LE.get(src, p));
                else for (int i = at; i < end; i++, p += step) dst[i] = unsignedToDouble((long) LONG_BE.get(src, p));
            }
            case I64 -> {
                if (littleEndian) for (int i = at; i < end; i++, p += step) dst[i] = (long) LONG_LE.get(src, p);
                else for (int i = at; i < end; i++, p += step) dst[i] = (long) LONG_BE.get(src, p);
            }
            case F32 -> {
                if (littleEndian) for (int i = at; i < end; i++, p += step) dst[i] = (float) FLOAT_LE.get(src, p);
                else for (int i = at; i < end; i++, p += step) dst[i] = (float) FLOAT_BE.get(src, p);
            }
            case F64 -> {
                if (littleEndian) for (int i = at; i < end; i++, p += step) dst[i] = (double) DOUBLE_LE.get(src, p);
                else for (int i = at; i < end; i++, p += step) dst[i] = (double) DOUBLE_BE.get(src, p);
            }
            case ANY_INT -> { for (int i = at; i < end; i++, p += step) dst[i] = anyInt(raw(src, p)); }
            case ANY_FLOAT -> { for (int i = at; i < end; i++, p += step) dst[i] = anyFloat(raw(src, p)); }
        }
    }

    /**
     * A fresh slice of {@code n} elements in the stored type ({@link TypedSlice}); N-bit integers
     * and non-IEEE floats have no Java type and come as decoded doubles.
     */
    TypedSlice newSlice(int n, int[] shape) {
        return switch (kind) {
            case U8, I8 -> new TypedSlice.Bytes(new byte[n], kind == Kind.U8, shape);
            case U16, I16 -> new TypedSlice.Shorts(new short[n], kind == Kind.U16, shape);
            case U32, I32 -> new TypedSlice.Ints(new int[n], kind == Kind.U32, shape);
            case U64, I64 -> new TypedSlice.Longs(new long[n], kind == Kind.U64, shape);
            case F32 -> new TypedSlice.Floats(new float[n], shape);
            case F64, ANY_INT, ANY_FLOAT -> new TypedSlice.Doubles(new double[n], shape);
        };
    }

    /**
     * Copies {@code n} elements starting at byte {@code from} of {@code src}, every
     * {@code stride}-th, into {@code dst[at..at+n)} as stored (byte order resolved, no widening).
     * {@code dst} must come from {@link #newSlice} of this codec. Whole elements read in runs
     * (stride 1, not a compound member) are one bulk copy through a byte-buffer view, which the
     * JDK does as a memory copy (with a byte swap for the other byte order).
     */
    void copyStored(byte[] src, int from, int stride, TypedSlice dst, int at, int n) {
        int p = from + offset;
        boolean bulk = stride == 1 && size == valueSize;
        java.nio.ByteOrder order = littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        final int step = stride * size;
        switch (dst) {
            case TypedSlice.Bytes b -> {
                if (bulk) System.arraycopy(src, p, b.data(), at, n);
                else for (int i = at; i < at + n; i++, p += step) b.data()[i] = src[p];
            }
            case TypedSlice.Shorts s -> {
                if (bulk) java.nio.ByteBuffer.wrap(src, p, 2 * n).order(order).asShortBuffer().get(s.data(), at, n);
                else for (int i = at; i < at + n; i++, p += step) s.data()[i] = (short) (littleEndian ? SHORT_LE.get(src, p) : SHORT_BE.get(src, p));
            }
            case TypedSlice.Ints v -> {
                if (bulk) java.nio.ByteBuffer.wrap(src, p, 4 * n).order(order).asIntBuffer().get(v.data(), at, n);
                else for (int i = at; i < at + n; i++, p += step) v.data()[i] = (int) (littleEndian ? INT_LE.get(src, p) : INT_BE.get(src, p));
            }
            case TypedSlice.Longs v -> {
                if (bulk) java.nio.ByteBuffer.wrap(src, p, 8 * n).order(order).asLongBuffer().get(v.data(), at, n);
                else for (int i = at; i < at + n; i++, p += step) v.data()[i] = (long) (littleEndian ? LONG_LE.get(src, p) : LONG_BE.get(src, p));
            }
            case TypedSlice.Floats v -> {
                if (bulk) java.nio.ByteBuffer.wrap(src, p, 4 * n).order(order).asFloatBuffer().get(v.data(), at, n);
                else for (int i = at; i < at + n; i++, p += step) v.data()[i] = (float) (littleEndian ? FLOAT_LE.get(src, p) : FLOAT_BE.get(src, p));
            }
            case TypedSlice.Doubles v -> decode(src, from, stride, v.data(), at, n);
        }
    }

    /** Writes the fill value {@code value} (decoded from this type, so exact in it) into {@code dst[at..at+n)}. */
    static void fillStored(TypedSlice dst, int at, int n, double value) {
        switch (dst) {
            case TypedSlice.Bytes b -> java.util.Arrays.fill(b.data(), at, at + n, (byte) (long) value);
            case TypedSlice.Shorts s -> java.util.Arrays.fill(s.data(), at, at + n, (short) (long) value);
            case TypedSlice.Ints v -> java.util.Arrays.fill(v.data(), at, at + n, (int) (long) value);
            case TypedSlice.Longs v -> java.util.Arrays.fill(v.data(), at, at + n, v.unsigned() && value >= 0x1p63
                ? (long) (value - 0x1p63) ^ Long.MIN_VALUE : (long) value);
            case TypedSlice.Floats v -> java.util.Arrays.fill(v.data(), at, at + n, (float) value);
            case TypedSlice.Doubles v -> java.util.Arrays.fill(v.data(), at, at + n, value);
        }
    }

    /** The element's bytes as an unsigned number of {@code valueSize} bytes. */
    private long raw(byte[] src, int p) {
        long v = 0;
        for (int k = 0; k < valueSize; k++) {
            int b = src[littleEndian ? p + k : p + valueSize - 1 - k] & 0xFF;
            v |= (long) b << (8 * k);
        }
        return v;
    }

    /** An integer of {@code precision} bits at {@code bitOffset}, sign-extended from its top bit when signed. */
    private double anyInt(long raw) {
        long v = raw >>> bitOffset;
        if (precision < 64) {
            v &= (1L << precision) - 1;
            if (signed && (v >>> (precision - 1)) != 0) v |= -1L << precision;
        }
        return signed || v >= 0 ? v : unsignedToDouble(v);
    }

    /** A float of any field layout: sign, biased exponent, mantissa (implied leading 1 when normalised, IEEE style). */
    private double anyFloat(long raw) {
        boolean negative = ((raw >>> signBit) & 1) != 0;
        long e = (raw >>> exponentBit) & ((1L << exponentSize) - 1);
        long m = (raw >>> mantissaBit) & ((1L << mantissaSize) - 1);
        double value;
        if (e == (1L << exponentSize) - 1 && impliedMsb) {
            value = m == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        } else if (e == 0 && impliedMsb) {
            value = Math.scalb((double) m, (int) (1 - exponentBias - mantissaSize)); // subnormal
        } else {
            double fraction = impliedMsb ? 1.0 + Math.scalb((double) m, -mantissaSize) : Math.scalb((double) m, 1 - mantissaSize);
            value = Math.scalb(fraction, (int) (e - exponentBias));
        }
        return negative ? -value : value;
    }

    private static double unsignedToDouble(long v) {
        return v >= 0 ? v : ((v >>> 1) | (v & 1)) * 2.0;
    }
}
