package org.edgeworks.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import org.edgeworks.core.EdgeworksException;

/**
 * Results are written to a temporary file in the target directory, forced to disk, then renamed
 * over the target in one step: a killed run leaves the previous result or none, never half.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    @FunctionalInterface
    public interface Writer {
        void write(Path temporary) throws IOException, EdgeworksException;
    }

    /**
     * Writes {@code target} atomically through {@code writer}, which fills the temporary path.
     * Without {@code overwrite}, an existing target is an error.
     */
    public static void write(Path target, boolean overwrite, Writer writer) throws EdgeworksException {
        Path dir = target.toAbsolutePath().getParent();
        // an output folder that is an existing file would otherwise be reported as the target "existing already"
        for (Path given = target.getParent(); given != null; given = given.getParent()) {
            if (!Files.exists(given)) continue;
            if (!Files.isDirectory(given))
                throw new EdgeworksException(given, null, "is a file, not a folder: cannot write " + target.getFileName() + " into it");
            break;
        }
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            if (!overwrite && Files.exists(target))
                throw new EdgeworksException(target, null, "exists already (use --overwrite to replace it)");
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".part");
            shareable(tmp);
            writer.write(tmp);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (FileAlreadyExistsException e) {
            throw new EdgeworksException(target, null, "exists already (use --overwrite to replace it)");
        } catch (IOException e) {
            throw new EdgeworksException(target, null, "cannot write: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try { Files.deleteIfExists(tmp); } catch (IOException ignored) { /* best effort */ }
            }
        }
    }

    /**
     * createTempFile makes owner-only (0600) files, which the rename would carry over to the result;
     * results are for the whole group (like any file the user writes), so rw-r--r--.
     */
    private static void shareable(Path tmp) throws IOException {
        if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix"))
            Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    }

    /**
     * The name of the file a temporary path handed to a {@link Writer} will become (the name itself
     * for any other path): what a writer records as the file's own name.
     */
    public static String targetName(Path p) {
        String n = p.getFileName().toString();
        if (n.startsWith(".") && n.endsWith(".part")) {
            String mid = n.substring(1, n.length() - ".part".length());
            int dot = mid.lastIndexOf('.');
            if (dot > 0 && mid.substring(dot + 1).chars().allMatch(Character::isDigit)) return mid.substring(0, dot);
        }
        return n;
    }

    public static void writeString(Path target, boolean overwrite, String text) throws EdgeworksException {
        write(target, overwrite, tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
    }

    public static void writeBytes(Path target, boolean overwrite, byte[] bytes) throws EdgeworksException {
        write(target, overwrite, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp)) { out.write(bytes); }
        });
    }
}
