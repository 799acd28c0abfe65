package org.edgeworks.ui.widgets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.io.Checksums;
import org.edgeworks.core.processing.Result;
import org.edgeworks.core.processing.SourceRef;

/**
 * Where opened data came from (absolute raw path, the path or channel choice inside the file, SHA-256 of the
 * file's bytes when it was read), so every result made from it carries that in its provenance. Weak keys: the
 * record goes when the data does.
 */
public final class Sources {
    private static final Map<Object, SourceRef> SOURCES = Collections.synchronizedMap(new WeakHashMap<>());

    private Sources() {}

    /** Records the data's raw file (checksummed now) and the path or selection inside it; returns the data. */
    public static <T> T remember(T data, Path file, String inside) throws EdgeworksException {
        String sha = Files.isRegularFile(file) ? Checksums.sha256(file) : null;
        SOURCES.put(data, new SourceRef(file.toAbsolutePath().toString(), inside, sha));
        return data;
    }

    public static void remember(Object data, SourceRef ref) {
        if (ref != null) SOURCES.put(data, ref);
    }

    /** The data's source, or null when it was not opened from a file (made in memory). */
    public static SourceRef of(Object data) {
        return SOURCES.get(data);
    }

    /** The result with the input's source in its provenance (unless it has one already). */
    public static <O> Result<O> attach(Result<O> r, Object input) {
        SourceRef ref = of(input);
        if (ref == null || r.provenance() == null || r.provenance().source() != null) return r;
        return new Result<>(r.value(), r.provenance().withSource(ref));
    }
}
