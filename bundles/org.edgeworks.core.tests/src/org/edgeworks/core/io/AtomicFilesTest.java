package org.edgeworks.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @Test
    void aWriterLearnsTheNameItsTemporaryFileWillHave(@TempDir Path dir) throws Exception {
        AtomicReference<String> seen = new AtomicReference<>(), tmpName = new AtomicReference<>();
        AtomicFiles.write(dir.resolve("MnO.dat.nxs"), false, tmp -> {
            tmpName.set(tmp.getFileName().toString());
            seen.set(AtomicFiles.targetName(tmp));
            Files.writeString(tmp, "x");
        });
        assertNotEquals("MnO.dat.nxs", tmpName.get());
        assertEquals("MnO.dat.nxs", seen.get());
        assertEquals("plain.nxs", AtomicFiles.targetName(Path.of("/a/plain.nxs")));
        assertEquals(".hidden.part", AtomicFiles.targetName(Path.of(".hidden.part")));
    }
}
