package org.edgeworks.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.opentest4j.AssertionFailedError;

/**
 * Runs the peers and the h5py generators with the Debian interpreter (/usr/bin/python3 with h5py,
 * numpy, silx, Larch, PyMca): the independent side of a test. A test is skipped (assumption) where
 * there is no /usr/bin/python3 and fails, with Python's stderr, when the script fails.
 */
public final class Python {
    private Python() {}

    public static final Path INTERPRETER = Path.of("/usr/bin/python3");

    /** {@code python3 -c script args...}; returns stdout. */
    public static String run(String script, String... args) {
        List<String> cmd = new ArrayList<>(List.of(INTERPRETER.toString(), "-c", script));
        cmd.addAll(List.of(args));
        return exec(cmd);
    }

    /** {@code python3 -c "line1\nline2..." args...}: a script given as lines (as the tests write them). */
    public static String runLines(List<String> lines, String... args) {
        return run(String.join("\n", lines), args);
    }

    /**
     * An h5py (or numpy) generator: runs {@code script} with the file to write as sys.argv[1] (then
     * {@code more}) and returns the file, which must exist afterwards.
     */
    public static Path generate(Path file, String script, String... more) {
        run(script, fileThen(file, more));
        return written(file);
    }

    /** {@link #generate} with the generator kept as a file (e.g. a test bundle's generator/make_bliss.py). */
    public static Path generateWith(Path scriptFile, Path file, String... more) {
        runFile(scriptFile, fileThen(file, more));
        return written(file);
    }

    private static String[] fileThen(Path file, String... more) {
        String[] args = new String[more.length + 1];
        args[0] = file.toString();
        System.arraycopy(more, 0, args, 1, more.length);
        return args;
    }

    private static Path written(Path file) {
        if (!Files.exists(file)) throw new AssertionFailedError("the generator did not write " + file);
        return file;
    }

    /** {@code python3 file args...}: a generator script kept as a file (e.g. samples/stack/make_stack.py). */
    public static String runFile(Path script, String... args) {
        List<String> cmd = new ArrayList<>(List.of(INTERPRETER.toString(), script.toString()));
        cmd.addAll(List.of(args));
        return exec(cmd);
    }

    /**
     * The test-support bundle's python/ folder (shared generators such as synthetic_stacks.py), put on
     * PYTHONPATH of every run: found from a test bundle's folder, bundles/ or the repository root.
     */
    public static Path supportDir() {
        for (String c : new String[] {"../org.edgeworks.testsupport/python", "org.edgeworks.testsupport/python", "bundles/org.edgeworks.testsupport/python"})
            if (Files.isRegularFile(Path.of(c, "synthetic_stacks.py"))) return Path.of(c).toAbsolutePath().normalize();
        return null;
    }

    private static String exec(List<String> cmd) {
        Assumptions.assumeTrue(Files.isExecutable(INTERPRETER), "no " + INTERPRETER);
        File err = null;
        try {
            err = File.createTempFile("python-", ".stderr");
            // stderr to a file: reading both pipes one after the other can block on a full buffer
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(err);
            Path support = supportDir();
            if (support != null) pb.environment().merge("PYTHONPATH", support.toString(), (a, b) -> b + java.io.File.pathSeparator + a);
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = p.waitFor();
            if (code != 0)
                throw new AssertionFailedError("python3 failed (exit " + code + "): " + Files.readString(err.toPath(), StandardCharsets.UTF_8));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionFailedError("interrupted running python3");
        } finally {
            if (err != null) err.delete();
        }
    }
}
