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
    private final long size;

    private final boolean directory;

    private FileProbe(byte[] head, long size, boolean directory) { this.head = head; this.size = size; this.directory = directory; }

    /**
     * A folder given as one input (a folder of image frames, one file per frame): no bytes, size 0;
     * only a detector that reads folders recognises it.
     */
    public static FileProbe ofDirectory() { return new FileProbe(new byte[0], 0, true); }

    /** True for a folder ({@link #ofDirectory}). */
    public boolean isDirectory() { return directory; }

    public static FileProbe of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new FileProbe(in.readNBytes(4096), Files.size(file), false);
        }
    }

    /** What every reader says of a text file named as HDF5 (.h5, .nxs, ...): it is not parsed as columns. */
    public static final String TEXT_NAMED_HDF5 = "is a text file, not HDF5/NeXus as its name says (no HDF5 signature)";

    /** Whether the name says HDF5/NeXus (.nxs, .nx5, .h5, .hdf5, .hdf, any case): the one rule for the detectors and the workbench. */
    public static boolean isHdf5Name(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(java.util.Locale.ROOT).matches(".*\\.(nxs|nx5|h5|hdf5|hdf)");
    }

    /** Kinds kept beside data in a folder that are never data: notes, scripts, program inputs, parameter files. */
    private static final java.util.Set<String> COMPANION_SUFFIXES = java.util.Set.of("md", "py", "sh", "ipynb", "inp", "json");

    /**
     * Whether a file found while walking a folder is a companion of the data (a README, the script
     * that generated it, a FEFF input, a model or pipeline JSON) rather than data: a folder walk
     * (the workbench's data browser, the demo's {@code info}) skips these, so they are not listed as
     * unreadable data. A file the user names explicitly is always read.
     */
    public static boolean isCompanionFile(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 && COMPANION_SUFFIXES.contains(n.substring(dot + 1).toLowerCase(java.util.Locale.ROOT));
    }

    /** The file's length in bytes when probed. */
    public long size() { return size; }

    /**
     * For an HDF5 file (superblock at offset 0) shorter than the end-of-file address its superblock
     * declares: "truncated: N of M bytes" (a partial copy or an interrupted transfer; h5py refuses
     * such a file as "truncated file"). Otherwise null. The superblock is read from the probed head
     * by its fixed layout (HDF5 File Format Specification, "Format Signature and Superblock":
     * versions 0 and 1 hold base, free-space, end-of-file and driver addresses at bytes 24 and 28,
     * versions 2 and 3 base, extension, end-of-file and root addresses at byte 12; offsets are
     * "size of offsets" bytes, little-endian). Written here rather than through jHDF because core
     * has no HDF5 library and every detector, and NexusFile.open, must see the same answer first.
     */
    public String hdf5Truncation() {
        if (!isHdf5() || head.length < 16) return null;
        int version = head[8] & 0xff, offsets, at;
        if (version == 0 || version == 1) {
            offsets = head[13] & 0xff;
            at = (version == 0 ? 24 : 28) + 2 * offsets;
        } else if (version == 2 || version == 3) {
            offsets = head[9] & 0xff;
            at = 12 + 2 * offsets;
        } else {
            return null;
        }
        if (offsets < 2 || offsets > 8 || at + offsets > head.length) return null;
        long eof = 0;
        boolean undefined = true;
        for (int i = offsets - 1; i >= 0; i--) {
            int b = head[at + i] & 0xff;
            undefined &= b == 0xff;
            eof = (eof << 8) | b;
        }
        // the "undefined address" (all bits set) says nothing; an address beyond 2^63 is not a length
        if (undefined || eof < 0 || size >= eof) return null;
        return "truncated: " + size + " of " + eof + " bytes";
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
