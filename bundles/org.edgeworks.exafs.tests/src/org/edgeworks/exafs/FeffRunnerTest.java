package org.edgeworks.exafs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.edgeworks.core.EdgeworksException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FEFF6L (Debian feff85exafs, installed by .ci/run) run on the peers' MnO feff.inp writes the same
 * paths as the peer run (peers/exafs/feff/mno), and the reader gets Larch's numbers from them
 * (feff_paths.json: reff, degeneracy, legs).
 */
class FeffRunnerTest {
    @Test
    void feff6lWritesThePeersPaths(@TempDir Path tmp) throws Exception {
        assertNotNull(FeffRunner.find("feff6l"), "feff6l must be installed (Debian feff85exafs; .ci/run installs it)");
        Path peer = ExafsPeers.exafs("feff/mno");
        List<Path> out = FeffRunner.run(peer.resolve("feff.inp"), tmp.resolve("run"), "feff6l", 120);
        assertEquals(List.of("feff0001.dat", "feff0002.dat"), out.stream().map(p -> p.getFileName().toString()).toList());
        for (Path p : out) {
            FeffPath mine = FeffPath.read(p), theirs = FeffPath.read(peer.resolve(p.getFileName()));
            assertArrayEquals(theirs.amp(), mine.amp(), 0);
            assertArrayEquals(theirs.pha(), mine.pha(), 0);
            assertEquals(theirs.reff(), mine.reff(), 0);
        }
    }

    @Test
    void readerAgreesWithLarch() throws Exception {
        var j = ExafsPeers.json("feff/cu/feff_paths.json");
        var list = j.isArray() ? j : j.get("paths");
        for (var p : list) {
            FeffPath f = FeffPath.read(ExafsPeers.exafs("feff/cu").resolve(p.get("file").asText()));
            assertEquals(p.get("reff").asDouble(), f.reff(), 0, "reff");
            assertEquals(p.get("degen").asDouble(), f.degen(), 0, "degen");
            assertEquals(p.get("nleg").asInt(), f.nleg(), "nleg");
            assertEquals(f.nleg(), f.atoms().size());
        }
    }

    @Test
    void badInputIsOneLine(@TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve("feff0001.dat");
        Files.writeString(bad, "title\n ----\n 2 12.0 x\n");
        EdgeworksException e = assertThrows(EdgeworksException.class, () -> FeffPath.read(bad));
        assertTrue(e.getMessage().startsWith(bad.toString() + ": line 3: "), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
        EdgeworksException m = assertThrows(EdgeworksException.class, () -> FeffRunner.run(tmp.resolve("none.inp"), tmp, "feff6l", 5));
        assertTrue(m.getMessage().contains("none.inp: no such file"), m.getMessage());
    }
}
