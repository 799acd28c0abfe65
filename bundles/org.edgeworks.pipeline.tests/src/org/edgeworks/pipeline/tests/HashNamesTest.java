package org.edgeworks.pipeline.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.edgeworks.core.data.Scan;
import org.edgeworks.core.detector.DetectorRegistry;
import org.edgeworks.testsupport.Python;
import org.edgeworks.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output names FILE#N (SPEC scans, Athena groups; issue 16) are used as they are: the files `run`
 * and `xas normalize` write for the two-scan SPEC case open in the shell (unquoted: '#' inside a
 * word is no comment in POSIX sh), in h5py, in the opener the workbench and `info` use (the detector
 * registry), and through a file URI ('#' escaped as %23, no fragment); the printed reproduce
 * command splits into exactly `rerun PATH` in sh.
 */
class HashNamesTest {
    static final Path SPEC = SharedData.cases().resolve("spec-two-scans/spec_two_scans.spec");

    static String sh(String script, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("/bin/sh", "-c", script, "sh"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
        return out;
    }

    @Test
    void hashNamesOpenInTheShellH5pyTheWorkbenchOpenerAndAsUris(@TempDir Path tmp) throws Exception {
        Path pipeline = Shared.write(tmp, "xanes.json", Shared.XANES);
        Path run = tmp.resolve("run"), norm = tmp.resolve("norm");
        Shared.Cli r = Shared.cli("run", pipeline.toString(), SPEC.toString(), "--out", run.toString());
        assertEquals(0, r.code(), r.err());
        Shared.Cli n = Shared.cli("xas", "normalize", SPEC.toString(), "--out", norm.toString());
        assertEquals(0, n.code(), n.err());
        List<Path> written;
        try (Stream<Path> s = Stream.concat(Files.list(run), Files.list(norm))) {
            written = s.filter(p -> p.getFileName().toString().contains("#")).sorted().toList();
        }
        assertTrue(written.stream().anyMatch(p -> p.getFileName().toString().equals("spec_two_scans.spec#1.nxs")), written.toString());
        assertTrue(written.stream().anyMatch(p -> p.getFileName().toString().equals("spec_two_scans#2.json")), written.toString());
        DetectorRegistry opener = DetectorRegistry.load();
        for (Path f : written) {
            // the shell, unquoted
            assertEquals(f.toString(), sh("ls " + f).strip(), "sh: ls " + f);
            // a file URI escapes '#' and comes back to the same file
            URI u = f.toUri();
            assertTrue(u.getRawPath().contains("%23") && u.getFragment() == null, u.toString());
            assertEquals(f.toAbsolutePath(), Path.of(u));
            String name = f.getFileName().toString();
            if (name.endsWith(".nxs") || name.endsWith(".csv")) {
                Scan s = opener.read(f);
                assertTrue(s.channels().size() >= 2, name + ": " + s.channels().keySet());
            }
        }
        Path nxs = run.resolve("spec_two_scans.spec#2.nxs");
        assertEquals("ok 2\n", Python.run(String.join("\n", "import sys, h5py", "f = h5py.File(sys.argv[1], 'r')",
            "print('ok', len([k for k in f['entry'].keys() if k.startswith('step_')]))"), nxs.toString()));
        Shared.Cli info = Shared.cli("info", nxs.toString());
        assertEquals(0, info.code(), info.err());
        String reproduce = info.out().lines().filter(l -> l.trim().startsWith("reproduce: edgeworks ")).findFirst().orElseThrow().trim()
            .substring("reproduce: edgeworks ".length());
        assertEquals("rerun\n" + nxs + "\n", sh("printf '%s\\n' " + reproduce), "the printed command, split by sh");
        Shared.Cli again = Shared.cli("rerun", nxs.toString(), "--out", tmp.resolve("again").toString());
        assertEquals(0, again.code(), again.err());
    }
}
