package org.edgeworks.nexus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.edgeworks.core.EdgeworksException;

/**
 * A few read-only NexusFiles kept open for lazy channels, so streaming a stack frame by frame
 * does not re-parse the file's headers and chunk index for every frame. Least recently used
 * files beyond {@link #CAPACITY} are closed once no reader holds them; a file whose size or
 * modification time changed is opened afresh.
 */
final class OpenFiles {
    /** Enough for a pipeline's inputs plus a master file's external targets, few descriptors. */
    static final int CAPACITY = 8;

    private static final Map<String, Entry> OPEN = new LinkedHashMap<>(16, 0.75f, true);

    private OpenFiles() {}

    /** A shared open file; call {@link Lease#close()} when the read is done. */
    static final class Lease implements AutoCloseable {
        private final Entry entry;

        private Lease(Entry entry) { this.entry = entry; }

        NexusFile file() { return entry.file; }

        @Override
        public void close() {
            synchronized (OPEN) {
                entry.users--;
                if (entry.evicted && entry.users == 0) entry.file.close();
            }
        }
    }

    private static final class Entry {
        final NexusFile file;
        final long size;
        final long modified;
        int users;
        boolean evicted;

        Entry(NexusFile file, long size, long modified) {
            this.file = file;
            this.size = size;
            this.modified = modified;
        }
    }

    static Lease acquire(Path path) throws EdgeworksException {
        String key = path.toAbsolutePath().normalize().toString();
        long size;
        long modified;
        try {
            size = Files.size(path);
            modified = Files.getLastModifiedTime(path).toMillis();
        } catch (IOException e) {
            throw EdgeworksException.unreadable(path, e);
        }
        synchronized (OPEN) {
            Entry e = OPEN.get(key);
            if (e != null && (e.size != size || e.modified != modified)) {
                evict(key, e);
                e = null;
            }
            if (e == null) {
                e = new Entry(NexusFile.open(path), size, modified);
                OPEN.put(key, e);
                trim();
            }
            e.users++;
            return new Lease(e);
        }
    }

    private static void trim() {
        Iterator<Map.Entry<String, Entry>> it = OPEN.entrySet().iterator();
        while (OPEN.size() > CAPACITY && it.hasNext()) {
            Entry e = it.next().getValue();
            it.remove();
            e.evicted = true;
            if (e.users == 0) e.file.close();
        }
    }

    private static void evict(String key, Entry e) {
        OPEN.remove(key);
        e.evicted = true;
        if (e.users == 0) e.file.close();
    }
}
