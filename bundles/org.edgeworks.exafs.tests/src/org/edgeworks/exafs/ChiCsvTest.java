package org.edgeworks.exafs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.edgeworks.core.EdgeworksException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** chi(k) CSV reading: Larch's peer files as they are, the optional stderr column, one-line refusals. */
class ChiCsvTest {
    @Test
    void readsThePeerFile() throws Exception {
        Chi c = ChiCsv.read(ExafsPeers.exafs("cu_foil_13id.chi.csv"));
        double[][] raw = ExafsPeers.csv(ExafsPeers.exafs("cu_foil_13id.chi.csv"));
        assertEquals("cu_foil_13id", c.name());
        assertArrayEquals(raw[0], c.k(), 0);
        assertArrayEquals(raw[1], c.chi(), 0);
        assertNull(c.stderr());
    }

    @Test
    void stderrColumnAndRefusals(@TempDir Path tmp) throws Exception {
        Path ok = tmp.resolve("a.chi.csv");
        Files.writeString(ok, "k,chi,chi_stderr\n0,0.1,0.01\n0.05,0.2,0.02\n0.1,0.3,0.03\n0.15,0.4,0.04\n");
        Chi c = ChiCsv.read(ok);
        assertArrayEquals(new double[] {0.01, 0.02, 0.03, 0.04}, c.stderr(), 0);
        Path bad = tmp.resolve("b.chi.csv");
        Files.writeString(bad, "k,chi\n0,0.1\n0.05,x\n");
        EdgeworksException e = assertThrows(EdgeworksException.class, () -> ChiCsv.read(bad));
        assertTrue(e.getMessage().startsWith(bad + ": line 3: not a number"), e.getMessage());
        Path head = tmp.resolve("c.csv");
        Files.writeString(head, "energy,mu\n1,2\n");
        assertTrue(assertThrows(EdgeworksException.class, () -> ChiCsv.read(head)).getMessage().contains("line 1: header must start with 'k,chi'"));
        Path neg = tmp.resolve("d.chi.csv");
        Files.writeString(neg, "k,chi,chi_stderr\n0,0.1,\n");
        assertTrue(assertThrows(EdgeworksException.class, () -> ChiCsv.read(neg)).getMessage().contains("line 2"));
        Path down = tmp.resolve("e.chi.csv");
        Files.writeString(down, "k,chi\n1,0.1\n0.5,0.2\n2,0\n3,0\n");
        assertTrue(assertThrows(EdgeworksException.class, () -> ChiCsv.read(down)).getMessage().contains("not strictly ascending"));
    }
}
