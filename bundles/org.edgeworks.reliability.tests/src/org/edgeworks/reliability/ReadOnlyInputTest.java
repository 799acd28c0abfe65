package org.edgeworks.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.january.dataset.SliceND;
import org.edgeworks.core.data.Channel;
import org.edgeworks.core.data.ChannelRole;
import org.edgeworks.detector.ascii.ColumnFile;
import org.edgeworks.nexus.NexusFile;
import org.edgeworks.nexus.NexusNode;
import org.edgeworks.nexus.NexusScans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Raw files are only ever opened for reading, proven two ways that do not depend on permissions
 * (root ignores chmod 0444): (1) the access mode of every descriptor the JVM holds on the input,
 * from /proc/self/fdinfo, while the reader has it open; (2) the readers run on a read-only file
 * system (zipfs, accessMode=readOnly), where any attempt to open for writing throws (text reader).
 */
class ReadOnlyInputTest {
    @TempDir Path dir;
    private static final int O_ACCMODE = 3;

    /** Access modes (0 = O_RDONLY) of this JVM's open descriptors on {@code file}. */
    static List<Integer> accessModes(Path file) throws IOException {
        Path real = file.toRealPath();
        List<Integer> modes = new ArrayList<>();
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    if (!Files.readSymbolicLink(fd).equals(real)) continue;
                    for (String l : Files.readAllLines(Path.of("/proc/self/fdinfo", fd.getFileName().toString())))
                        if (l.startsWith("flags:")) modes.add(Integer.parseInt(l.substring(6).trim(), 8) & O_ACCMODE);
                } catch (IOException gone) {
                    // descriptor closed while listing
                }
            }
        }
        return modes;
    }

    @Test
    void nexusFileHoldsOnlyReadOnlyDescriptors() throws Exception {
        assertTrue(Files.isDirectory(Path.of("/proc/self/fdinfo")), "Linux /proc is needed");
        BadInputCorpus.materialise(dir);
        Path file = dir.resolve("good.nxs");
        try (NexusFile nx = NexusFile.open(file)) {
            NexusNode root = nx.tree();
            List<Integer> modes = accessModes(file);
            assertFalse(modes.isEmpty(), "the open NexusFile holds a descriptor on the input");
            assertTrue(modes.stream().allMatch(m -> m == 0), "only O_RDONLY descriptors: " + modes);
            Channel mu = NexusScans.channel(nx, BadInputCorpus.find(root, "/entry/data/mu"), "mu", ChannelRole.MU);
            assertEquals(61, mu.readSlice(file.toString(), new SliceND(new int[] {61})).getSize());
            nx.readDoubles("/entry/data/energy");
            modes = accessModes(file);
            assertTrue(modes.stream().allMatch(m -> m == 0), "after slice reads, only O_RDONLY descriptors: " + modes);
        }
    }

    @Test
    void columnFileOpensTheInputReadOnly() throws Exception {
        // A FIFO keeps ColumnFile.read blocked with its descriptor open until the writer (another
        // process, so its descriptor is not ours) sends the rest.
        Path fifo = dir.resolve("slow.xdi");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        String text = BadInputCorpus.TEXT_FILES.get("good.xdi");
        Path rest = dir.resolve("rest.txt");
        Files.writeString(rest, text, StandardCharsets.ISO_8859_1);
        Process writer = new ProcessBuilder("sh", "-c", "{ sleep 1; cat \"$1\"; } > \"$2\"", "sh", rest.toString(), fifo.toString()).start();
        CompletableFuture<ColumnFile> read = CompletableFuture.supplyAsync(() -> {
            try {
                return ColumnFile.read(fifo);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        List<Integer> seen = new ArrayList<>();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!read.isDone() && System.nanoTime() < until) {
            seen.addAll(accessModes(fifo));
            Thread.sleep(5);
        }
        ColumnFile cf = read.get(30, TimeUnit.SECONDS);
        writer.waitFor();
        assertEquals(121, cf.rows());
        assertFalse(seen.isEmpty(), "the reader's descriptor on the input was observed");
        assertTrue(seen.stream().allMatch(m -> m == 0), "only O_RDONLY descriptors: " + seen);
    }

    @Test
    void readersWorkOnAReadOnlyFileSystem() throws Exception {
        BadInputCorpus.materialise(dir);
        Path zip = dir.resolve("inputs.zip");
        try (FileSystem w = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of("create", "true"))) {
            Files.copy(dir.resolve("good.xdi"), w.getPath("/good.xdi"));
        }
        try (FileSystem ro = FileSystems.newFileSystem(zip, Map.of("accessMode", "readOnly"))) {
            assertTrue(ro.isReadOnly());
            // NexusFile is not run here: jHDF needs a default-file-system URI (NullPointerException on a
            // zipfs path); its descriptors are checked through /proc above, and its channel refuses writes.
            assertEquals(121, ColumnFile.read(ro.getPath("/good.xdi")).rows());
        }
    }
}
