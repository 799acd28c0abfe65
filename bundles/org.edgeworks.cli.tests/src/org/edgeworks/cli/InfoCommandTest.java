package org.edgeworks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.edgeworks.core.io.Checksums;
import org.edgeworks.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** `edgeworks info` as a user runs it: every shared file, the generated flavours, bad input. */
class InfoCommandTest {
    static final Path SHARED = SharedData.dir();

    static CliRun run(String... args) { return CliRun.of(args); }

    /**
     * Every NeXus/HDF5, XDI, column, SPEC and Athena file in shared/data (MDA and TIFF belong to
     * detector bundles; the JSON manifests next to the SPEC files are not data).
     */
    static List<Path> sharedFiles() throws IOException {
        try (Stream<Path> s = Files.walk(SHARED)) {
            return s.filter(Files::isRegularFile)
                .filter(p -> !p.startsWith(SHARED.resolve("peers")))
                .filter(p -> {
                    String n = p.getFileName().toString();
                    return !(n.endsWith(".md") || n.endsWith(".mda") || n.endsWith(".tif") || n.endsWith(".json"));
                })
                .sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("sharedFiles")
    void infoWorksOnEverySharedFileAndChangesNothing(Path file) throws Exception {
        String before = Checksums.sha256(file);
        CliRun r = run("info", file.toString());
        assertEquals(0, r.code(), file + ": " + r.err());
        assertTrue(r.out().contains("channels:") || r.out().contains("HDF5/NeXus tree:"), r.out());
        assertFalse(r.err().contains("Exception"), r.err());
        assertEquals(before, Checksums.sha256(file));
    }

    @Test
    void textFilesShowTheirColumnsWithRoles() {
        CliRun r = run("info", SHARED.resolve("xanes/mn_k/mn3o4.201").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("energy  role=ENERGY"), r.out());
        assertTrue(r.out().contains("mcs3  role=I0"), r.out());
        assertTrue(r.out().contains("mcs4  role=IT"), r.out());
    }

    /** A text file named .nxs is named as such by every command (it was parsed as columns: "text after the data block"). */
    @Test
    void aTextFileNamedAsNexusIsSaidToBeText(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        java.nio.file.Path fake = tmp.resolve("fake.nxs");
        java.nio.file.Files.writeString(fake, "hello, this is text\n");
        for (String[] args : new String[][] {{"info", fake.toString()}, {"xas", "normalize", fake.toString(), "--out", tmp.resolve("o").toString()}}) {
            CliRun r = run(args);
            assertEquals(1, r.code(), r.out());
            assertEquals("edgeworks: " + fake + ": is a text file, not HDF5/NeXus as its name says (no HDF5 signature)", r.err().strip());
        }
    }

    @Test
    void danglingExternalLinkIsShownNotFatal() {
        CliRun r = run("info", SHARED.resolve("nexus/20240213s.h5").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("[dangling external link]"), r.out());
        assertTrue(r.out().contains("scan-29271_eiger_xes.h5:"), r.out());
    }

    @Test
    void headersOnlyNotTheData() throws Exception {
        Path big = Path.of(System.getProperty("edgeworks.test.flavours", "target/flavours")).resolve("stack_gzip.h5");
        if (!Files.exists(big)) return; // the flavours are generated in the nexus tests module
        CliRun r = run("info", big.toString());
        long read = Long.parseLong(r.out().replaceAll("(?s).*bytes read: (\\d+).*", "$1"));
        assertTrue(read < Files.size(big) / 50, "info read " + read + " of " + Files.size(big) + " bytes");
    }

    @Test
    void badInputGivesOneLineNamingTheFile(@TempDir Path dir) throws Exception {
        Path notHdf = dir.resolve("fake.nxs");
        Files.write(notHdf, new byte[] {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n', 1, 2, 3});
        Path missing = dir.resolve("missing.h5");
        Path ragged = dir.resolve("ragged.xdi");
        Files.writeString(ragged, "# XDI/1.0\n# Column.1: energy eV\n# Column.2: mu\n# ///\n#----\n# energy mu\n1 2\n3\n4 5\n");
        for (Path p : List.of(notHdf, missing, ragged)) {
            CliRun r = run("info", p.toString());
            assertEquals(Main.EXIT_FAILURE, r.code(), p.toString());
            String[] lines = r.err().strip().split("\n");
            assertEquals(1, lines.length, r.err());
            assertTrue(lines[0].startsWith("edgeworks: " + p), lines[0]);
            assertFalse(r.err().contains("at org."), r.err());
        }
    }

    @Test
    void usageErrorsExitTwoWithHelp() {
        CliRun r = run("info");
        assertEquals(2, r.code());
        // one line, saying where the full usage is (README: usage errors exit 2, one line)
        assertEquals("edgeworks: Missing required parameter: 'FILE' (usage: edgeworks info --help)", r.err().strip());
        CliRun h = run("info", "--help");
        assertEquals(0, h.code());
        assertTrue(h.out().contains("--attributes"));
    }
}
