package org.edgeworks.nexus;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

import io.jhdf.HdfFile;
import io.jhdf.Superblock;
import io.jhdf.exceptions.HdfException;
import io.jhdf.nio.FileChannelFromSeekableByteChannel;
import io.jhdf.storage.HdfBackingStorage;
import io.jhdf.storage.HdfFileChannel;

/**
 * jHDF's storage with every header read checked against the file length before jHDF allocates
 * the buffer for it. jHDF 0.13.0 allocates object-header continuation blocks, local heaps,
 * B-tree nodes and global heap collections at their declared sizes; a corrupt size field in a
 * 1.5 kB file made it allocate ~550 MB (fuzz finding timeout-9ea03567, issue 13). Here a block
 * that would run past the end of the file is a one-line error, so no header read allocates more
 * than the file holds (the memory bound, with {@link Limits} for data).
 *
 * <p>jHDF builds an HdfFile on its own storage only through a private constructor; it is called
 * reflectively (jHDF is pinned to 0.13.0 in the target platform; a test opens every flavour
 * file through this path, so a jHDF change that breaks it fails the build, not a user).
 */
final class BoundedStorage implements HdfBackingStorage {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    private final HdfFileChannel delegate;
    private final long fileSize;

    private BoundedStorage(HdfFileChannel delegate, long fileSize) {
        this.delegate = delegate;
        this.fileSize = fileSize;
    }

    /** An open file and the bounded storage it reads through. */
    record Opened(HdfFile hdf, BoundedStorage storage) {}

    /** Opens an HdfFile reading through {@code channel}, every header block checked against the file length. */
    static Opened open(java.nio.channels.SeekableByteChannel channel, java.nio.file.Path file) throws IOException {
        FileChannel fc = new FileChannelFromSeekableByteChannel(channel);
        long size = fc.size();
        long offset = superblockOffset(fc, size);
        if (offset < 0) throw new HdfException("no HDF5 signature at offset 0, 512, 1024, ...");
        Superblock sb = Superblock.readSuperblock(fc, offset);
        if (sb.getBaseAddressByte() != offset) throw new HdfException("superblock base address " + sb.getBaseAddressByte()
            + " differs from its offset " + offset);
        BoundedStorage storage = new BoundedStorage(new HdfFileChannel(fc, sb), size);
        try {
            Constructor<HdfFile> c = HdfFile.class.getDeclaredConstructor(HdfBackingStorage.class);
            c.setAccessible(true);
            HdfFile hdf = c.newInstance(storage);
            // external links are resolved relative to the file: the private constructor leaves it unset
            java.lang.reflect.Field f = HdfFile.class.getDeclaredField("optionalFile");
            f.setAccessible(true);
            f.set(hdf, java.util.Optional.of(file.toAbsolutePath()));
            return new Opened(hdf, storage);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new HdfException("cannot open: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("jHDF's HdfFile(HdfBackingStorage) constructor is not usable (jHDF version?): " + e, e);
        }
    }

    /** Where the HDF5 superblock starts: offset 0, 512, 1024, 2048... (a user block before it). */
    private static long superblockOffset(FileChannel fc, long size) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(SIGNATURE.length);
        for (long offset = 0; offset + SIGNATURE.length <= size; offset = offset == 0 ? 512 : offset * 2) {
            b.clear();
            while (b.hasRemaining()) if (fc.read(b, offset + b.position()) < 0) break;
            if (!b.hasRemaining() && java.util.Arrays.equals(b.array(), SIGNATURE)) return offset;
        }
        return -1;
    }

    private void check(long absolute, long length, String what) {
        if (length < 0 || absolute < 0 || absolute > fileSize || length > fileSize - absolute)
            throw new HdfException("a header declares " + what + " of " + length + " bytes at byte " + absolute
                + ", past the end of the file (" + fileSize + " bytes): corrupt or truncated file");
    }

    @Override
    public ByteBuffer readBufferFromAddress(long address, int length) {
        check(address + delegate.getUserBlockSize(), length, "a block");
        return delegate.readBufferFromAddress(address, length);
    }

    @Override
    public ByteBuffer map(long address, long length) {
        check(address + delegate.getUserBlockSize(), length, "data");
        return delegate.map(address, length);
    }

    @Override
    public ByteBuffer mapNoOffset(long address, long length) {
        check(address, length, "data");
        return delegate.mapNoOffset(address, length);
    }

    @Override public long getUserBlockSize() { return delegate.getUserBlockSize(); }
    @Override public Superblock getSuperblock() { return delegate.getSuperblock(); }
    @Override public FileChannel getFileChannel() { return delegate.getFileChannel(); }
    @Override public int getSizeOfOffsets() { return delegate.getSizeOfOffsets(); }
    @Override public int getSizeOfLengths() { return delegate.getSizeOfLengths(); }
    @Override public void close() { delegate.close(); }
    @Override public long size() { return fileSize; }
    @Override public boolean inMemory() { return false; }
}
