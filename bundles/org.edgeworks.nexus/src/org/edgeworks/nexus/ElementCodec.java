package org.edgeworks.nexus;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;

/**
 * Turns stored HDF5 numbers straight into doubles: integers of 1/2/4/8 bytes (signed or not) and
 * IEEE floats of 4/8 bytes, either byte order. Written by hand because jHDF only decodes into
 * Java multi-dimensional arrays of the widened type, which costs a copy per dimension and a
 * second pass to reach doubles; this reads the decoded chunk bytes once.
 */
final class ElementCodec {
    private enum Kind { U8, I8, U16, I16, U32, I32, U64, I64, F32, F64 }

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
    final int size;

    private ElementCodec(Kind kind, boolean littleEndian, int size) {
        this.kind = kind;
        this.littleEndian = littleEndian;
        this.size = size;
    }

    /** The codec for a stored type, or null when the type is not a plain integer or IEEE float. */
    static ElementCodec of(DataType type) {
        int size = type.getSize();
        if (type instanceof FixedPoint fp) {
            if (fp.getBitOffset() != 0 || fp.getBitPrecision() != 8 * size) return null;
            boolean le = fp.getByteOrder() == ByteOrder.LITTLE_ENDIAN;
            boolean s = fp.isSigned();
            return switch (size) {
                case 1 -> new ElementCodec(s ? Kind.I8 : Kind.U8, le, 1);
                case 2 -> new ElementCodec(s ? Kind.I16 : Kind.U16, le, 2);
                case 4 -> new ElementCodec(s ? Kind.I32 : Kind.U32, le, 4);
                case 8 -> new ElementCodec(s ? Kind.I64 : Kind.U64, le, 8);
                default -> null;
            };
        }
        if (type instanceof FloatingPoint fl) {
            boolean le = fl.getByteOrder() == ByteOrder.LITTLE_ENDIAN;
            return switch (size) {
                case 4 -> new ElementCodec(Kind.F32, le, 4);
                case 8 -> new ElementCodec(Kind.F64, le, 8);
                default -> null; // half floats and custom formats go through jHDF
            };
        }
        return null;
    }

    /**
     * Decodes {@code n} elements starting at byte {@code from} of {@code src}, taking every
     * {@code stride}-th element, into {@code dst[at..at+n)}.
     */
    void decode(byte[] src, int from, int stride, double[] dst, int at, int n) {
        final int step = stride * size;
        int p = from;
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
        }
    }

    private static double unsignedToDouble(long v) {
        return v >= 0 ? v : ((v >>> 1) | (v & 1)) * 2.0;
    }
}
