package org.edgeworks.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    /** An output folder that is an existing file is named as such (it was reported as the result "existing already"). */
    @Test
    void anOutputFolderThatIsAFileIsNamed(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("outfile");
        Files.writeString(file, "not a folder");
        for (boolean overwrite : new boolean[] {false, true}) {
            var e = org.junit.jupiter.api.Assertions.assertThrows(org.edgeworks.core.EdgeworksException.class,
                () -> AtomicFiles.writeString(file.resolve("sub").resolve("MnO.norm.csv"), overwrite, "x"));
            assertEquals(file + ": is a file, not a folder: cannot write MnO.norm.csv into it", e.getMessage());
        }
        assertEquals("not a folder", Files.readString(file));
    }

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
