package org.edgeworks.nexus;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import io.jhdf.AbstractNode;
import io.jhdf.ObjectHeader;
import io.jhdf.api.Dataset;
import io.jhdf.exceptions.HdfException;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.message.DataTypeMessage;
import io.jhdf.storage.HdfBackingStorage;

/**
 * The datatype of a dataset whose type is a committed (named) datatype. jHDF 0.13.0 parses the
 * dataset's shared datatype message as if it were the type itself (a committed float64 came out
 * as a "time" type); here the raw message is found in the dataset's object header and its
 * address followed to the committed type's own header (HDF5 file format specification, sections
 * IV.A.1 object headers v1/v2 and IV.A.2.b/IV.A.2.p, datatype and shared messages). Written by
 * hand because no Java HDF5 reader on Maven Central resolves them; every read goes through the
 * bounded storage.
 */
final class SharedTypes {
    private static final int DATATYPE = 0x03;
    private static final int CONTINUATION = 0x10;

    private SharedTypes() {}

    /** The dataset's datatype, following a shared (committed) datatype message to the committed type. */
    static DataType of(Dataset d, HdfBackingStorage storage) {
        if (!(d instanceof AbstractNode node)) return d.getDataType();
        DataTypeMessage m = node.getHeader().getMessageOfType(DataTypeMessage.class);
        if (!m.isMessageShared()) return m.getDataType();
        ByteBuffer raw = rawMessage(storage, node.getAddress(), DATATYPE, 0);
        if (raw == null) throw new HdfException("shared datatype message not found in the object header");
        int version = raw.get(0) & 0xFF;
        int offset = switch (version) {
            case 1 -> 8;
            case 2 -> 2;
            case 3 -> {
                if ((raw.get(1) & 0xFF) != 2) throw new HdfException("datatype shared through the shared-message heap (not supported)");
                yield 2;
            }
            default -> throw new HdfException("shared message version " + version);
        };
        long address = readSized(raw, offset, storage.getSizeOfOffsets());
        DataTypeMessage committed = ObjectHeader.readObjectHeader(storage, address).getMessageOfType(DataTypeMessage.class);
        if (committed.isMessageShared()) throw new HdfException("committed datatype refers to another shared type");
        return committed.getDataType();
    }

    private static long readSized(ByteBuffer b, int at, int size) {
        if (at + size > b.limit()) throw new HdfException("shared message too short");
        long v = 0;
        for (int i = 0; i < size; i++) v |= (long) (b.get(at + i) & 0xFF) << (8 * i);
        return v;
    }

    /** The body of the first message of {@code type} in the object header at {@code address} (v1 or v2), or null. */
    private static ByteBuffer rawMessage(HdfBackingStorage s, long address, int type, int depth) {
        ByteBuffer head = s.readBufferFromAddress(address, 16).order(ByteOrder.LITTLE_ENDIAN);
        if (head.get(0) == 'O' && head.get(1) == 'H' && head.get(2) == 'D' && head.get(3) == 'R') {
            int flags = head.get(5) & 0xFF;
            int pos = 6 + ((flags & 0x20) != 0 ? 16 : 0) + ((flags & 0x10) != 0 ? 4 : 0);
            int width = 1 << (flags & 3);
            ByteBuffer prefix = s.readBufferFromAddress(address, pos + width).order(ByteOrder.LITTLE_ENDIAN);
            long chunk = readSized(prefix, pos, width);
            boolean order = (flags & 0x04) != 0;
            return scanV2(s, s.readBufferFromAddress(address + pos + width, Math.toIntExact(chunk)), order, type, depth);
        }
        if ((head.get(0) & 0xFF) != 1) throw new HdfException("object header version " + (head.get(0) & 0xFF));
        long size = Integer.toUnsignedLong(head.getInt(8));
        return scanV1(s, s.readBufferFromAddress(address + 16, Math.toIntExact(size)), type, depth);
    }

    private static ByteBuffer scanV1(HdfBackingStorage s, ByteBuffer b, int type, int depth) {
        b.order(ByteOrder.LITTLE_ENDIAN);
        int p = 0;
        while (p + 8 <= b.limit()) {
            int t = b.getShort(p) & 0xFFFF;
            int size = b.getShort(p + 2) & 0xFFFF;
            if (p + 8 + size > b.limit()) break;
            ByteBuffer body = b.duplicate().position(p + 8).limit(p + 8 + size).slice().order(ByteOrder.LITTLE_ENDIAN);
            if (t == type) return body;
            if (t == CONTINUATION && depth < 16) {
                long at = readSized(body, 0, s.getSizeOfOffsets());
                long length = readSized(body, s.getSizeOfOffsets(), s.getSizeOfLengths());
                ByteBuffer found = scanV1(s, s.readBufferFromAddress(at, Math.toIntExact(length)), type, depth + 1);
                if (found != null) return found;
            }
            p += 8 + size;
        }
        return null;
    }

    private static ByteBuffer scanV2(HdfBackingStorage s, ByteBuffer b, boolean creationOrder, int type, int depth) {
        b.order(ByteOrder.LITTLE_ENDIAN);
        int header = 4 + (creationOrder ? 2 : 0);
        int p = 0;
        while (p + header <= b.limit()) {
            int t = b.get(p) & 0xFF;
            int size = b.getShort(p + 1) & 0xFFFF;
            if (p + header + size > b.limit()) break;
            ByteBuffer body = b.duplicate().position(p + header).limit(p + header + size).slice().order(ByteOrder.LITTLE_ENDIAN);
            if (t == type) return body;
            if (t == CONTINUATION && depth < 16) {
                long at = readSized(body, 0, s.getSizeOfOffsets());
                long length = readSized(body, s.getSizeOfOffsets(), s.getSizeOfLengths());
                ByteBuffer block = s.readBufferFromAddress(at, Math.toIntExact(length));
                // "OCHK" signature, messages, checksum
                ByteBuffer found = scanV2(s, block.duplicate().position(4).limit(Math.max(4, block.limit() - 4)).slice(), creationOrder, type, depth + 1);
                if (found != null) return found;
            }
            p += header + size;
        }
        return null;
    }
}
