package org.edgeworks.cli.xas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.edgeworks.cli.CliRun;
import org.edgeworks.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * New-user finding s4-3: {@code xas merge MnO.dat MnO.dat} gave stderr 0 on every point, silently.
 * The same scan twice has no spread: refused in one line naming it, nothing written; a copy under
 * another name likewise; a constant-only spread (two scans equal at some energy) is refused too.
 */
class MergeDuplicateTest {
    @TempDir
    Path dir;

    @Test
    void theSameScanTwiceIsRefusedNamingIt() throws Exception {
        Path mno = SharedData.samples().resolve("xanes").resolve("MnO.dat");
        Path copy = Files.copy(mno, dir.resolve("copy.dat"));
        for (Path second : new Path[] {mno, copy}) {
            Path out = dir.resolve("m" + second.getFileName());
            CliRun r = CliRun.of("xas", "merge", mno.toString(), second.toString(), "--out", out.toString());
            assertEquals(1, r.code(), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains("identical") && r.err().contains("MnO"), r.err());
            assertFalse(Files.exists(out.resolve("merged.merge.csv")));
        }
        // two different scans still merge, with a positive sigma everywhere
        Path other = SharedData.samples().resolve("xanes").resolve("Mn3O4.dat");
        CliRun ok = CliRun.of("xas", "merge", mno.toString(), other.toString(), "--out", dir.resolve("ok").toString());
        assertEquals(0, ok.code(), ok.err());
    }
}
