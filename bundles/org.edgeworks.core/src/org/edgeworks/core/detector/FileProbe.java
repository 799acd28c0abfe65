package org.edgeworks.core.detector;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The first bytes of a file, read once and shared by every detector's {@code recognise}, so
 * recognition costs one small read however many detector bundles are installed.
 */
public final class FileProbe {
    private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private final byte[] head;

    private FileProbe(byte[] head) { this.head = head; }

    public static FileProbe of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new FileProbe(in.readNBytes(4096));
        }
    }

    public byte[] head() { return head.clone(); }

    public String headText() { return new String(head, StandardCharsets.ISO_8859_1); }

    /** True for HDF5 files whose superblock is at offset 0 (the usual case for NeXus). */
    public boolean isHdf5() {
        return head.length >= 8 && Arrays.equals(Arrays.copyOf(head, 8), HDF5_SIGNATURE);
    }

    /** True when the head looks like text (no NUL bytes). */
    public boolean isText() {
        for (byte b : head) if (b == 0) return false;
        return head.length > 0;
    }
}
