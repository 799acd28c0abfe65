package org.edgeworks.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.edgeworks.core.io.AtomicFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A result write killed with SIGKILL (Process.destroyForcibly on Linux) leaves the previous result
 * or none, never a partial file; what a kill leaves behind is a hidden ".NAME.*.part" temporary
 * that no result pattern matches, and the next write succeeds. A real child JVM is killed at
 * different points of the write.
 */
class CrashSafeWriteTest {
    @TempDir Path dir;

    static String line(String version, int i) {
        return String.format(Locale.ROOT, "%s,%d,%.6f%n", version, i, Math.sin(i));
    }

    static String trailer(String version, int lines) {
        return "# end of " + version + " (" + lines + " rows)\n";
    }

    static String complete(String version, int lines) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines; i++) sb.append(line(version, i));
        return sb.append(trailer(version, lines)).toString();
    }

    @Test
    void killedWriteLeavesThePreviousResult() throws Exception {
        Path target = dir.resolve("scan.norm.csv");
        AtomicFiles.writeString(target, false, complete("v1", 50));
        String previous = Files.readString(target);
        int[] killAfter = {0, 1, 7, 40, 150};
        for (int k : killAfter) {
            killMidWrite(target, "v" + (k + 2), k);
            assertEquals(previous, Files.readString(target), "after a kill at line " + k + " the previous result is intact");
            assertOnlyHiddenTemporaries(target);
        }
        // the next (unkilled) run replaces it completely
        runToEnd(target, "v9", 30);
        assertEquals(complete("v9", 30), Files.readString(target));
    }

    @Test
    void resultsAreReadableByTheGroupNotOwnerOnly() throws Exception {
        Path target = dir.resolve("shared.csv");
        AtomicFiles.writeString(target, false, "x\n");
        assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }

    @Test
    void killedFirstWriteLeavesNoResult() throws Exception {
        Path target = dir.resolve("first.json");
        killMidWrite(target, "v1", 3);
        assertFalse(Files.exists(target), "no partial result where there was none");
        assertOnlyHiddenTemporaries(target);
    }

    @Test
    void controlAPlainWriteKilledMidWayIsPartial() throws Exception {
        Path target = dir.resolve("plain.csv");
        Files.writeString(target, complete("v1", 50));
        killMidWrite(target, "v2", 5, "plain");
        String left = Files.readString(target);
        assertTrue(left.startsWith(line("v2", 0)) && !left.contains("# end of"), "the kill lands mid-write: " + left.length() + " chars");
    }

    /** Every file left beside the result is a hidden temporary that no result glob picks up. */
    private static void assertOnlyHiddenTemporaries(Path target) throws IOException {
        try (Stream<Path> s = Files.list(target.getParent())) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                if (p.equals(target)) continue;
                assertTrue(n.startsWith("." + target.getFileName() + ".") && n.endsWith(".part"), "unexpected file " + n);
                assertFalse(p.getFileSystem().getPathMatcher("glob:*.{csv,json,nxs,png}").matches(p.getFileName()),
                    n + " would be taken for a result");
            }
        }
    }

    private void killMidWrite(Path target, String version, int afterLines, String... mode) throws Exception {
        Process p = child(target, version, 100_000, 20, mode);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String l;
            while ((l = out.readLine()) != null) {
                if (l.equals("progress " + afterLines)) break;
                if (l.equals("done")) throw new AssertionError("child finished before the kill");
            }
            if (l == null) throw new AssertionError("child stopped early: " + new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            p.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no finally blocks
            p.waitFor();
        } finally {
            p.destroyForcibly();
        }
        assertEquals(137, p.exitValue(), "killed by SIGKILL (128 + 9)");
    }

    private void runToEnd(Path target, String version, int lines) throws Exception {
        Process p = child(target, version, lines, 0);
        p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertEquals(0, p.waitFor(), new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private static Process child(Path target, String version, int lines, long pauseMs, String... mode) throws IOException {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx64m", "-cp", childClassPath(), SlowResultWriter.class.getName(),
            target.toString(), version, Integer.toString(lines), Long.toString(pauseMs)));
        cmd.addAll(List.of(mode));
        return new ProcessBuilder(cmd).start();
    }

    /**
     * The child needs core (AtomicFiles) and this bundle: their code-source locations work both in
     * the OSGi test runtime (bundle jars or folders) and on a plain class path.
     */
    static String childClassPath() {
        List<String> parts = new ArrayList<>();
        for (Class<?> c : List.of(AtomicFiles.class, SlowResultWriter.class)) {
            try {
                Path p = Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
                if (Files.isDirectory(p.resolve("bin"))) parts.add(p.resolve("bin").toString());
                parts.add(p.toString());
            } catch (URISyntaxException | RuntimeException e) {
                parts.add(System.getProperty("java.class.path"));
            }
        }
        return String.join(File.pathSeparator, parts);
    }
}
