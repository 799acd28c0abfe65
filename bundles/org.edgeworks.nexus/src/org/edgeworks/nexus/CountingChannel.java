package org.edgeworks.nexus;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A read-only view of a file channel that counts the bytes read, so tests (and users) can see
 * that a slice read touches only the chunks it needs. Writing is refused: raw files are never
 * modified.
 */
final class CountingChannel implements SeekableByteChannel {
    private final FileChannel delegate;
    private final AtomicLong bytesRead;
    private long position;

    CountingChannel(FileChannel delegate, AtomicLong bytesRead) {
        this.delegate = delegate;
        this.bytesRead = bytesRead;
    }

    @Override
    public synchronized int read(ByteBuffer dst) throws IOException {
        int n = delegate.read(dst, position);
        if (n > 0) {
            position += n;
            bytesRead.addAndGet(n);
        }
        return n;
    }

    @Override public int write(ByteBuffer src) { throw new NonWritableChannelException(); }
    @Override public synchronized long position() { return position; }
    @Override public synchronized SeekableByteChannel position(long newPosition) { position = newPosition; return this; }
    @Override public long size() throws IOException { return delegate.size(); }
    @Override public SeekableByteChannel truncate(long size) { throw new NonWritableChannelException(); }
    @Override public boolean isOpen() { return delegate.isOpen(); }
    @Override public void close() throws IOException { delegate.close(); }
}
