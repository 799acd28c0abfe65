package org.edgeworks.exafs;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.edgeworks.core.EdgeworksException;

/**
 * Runs FEFF as an external program on a feff.inp (never reimplemented here): {@code feff6l} or
 * {@code feff8l} from the Debian package feff85exafs, found on PATH. The program runs in the
 * output folder (FEFF reads ./feff.inp and writes feffNNNN.dat, files.dat, paths.dat there); its
 * console output goes to feff.log. Not a processor: it runs a program and writes files.
 */
public final class FeffRunner {
    private FeffRunner() {}

    public static final List<String> PROGRAMS = List.of("feff6l", "feff8l");

    /** The program's absolute path on PATH, or null. */
    public static Path find(String program) {
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String d : path.split(File.pathSeparator)) {
            Path p = Path.of(d, program);
            if (Files.isExecutable(p)) return p;
        }
        return null;
    }

    /**
     * Runs {@code program} on {@code feffInp} in {@code outDir} (created; feff.inp copied in) and
     * returns the path files it wrote, in FEFF's order.
     */
    public static List<Path> run(Path feffInp, Path outDir, String program, long timeoutSeconds) throws EdgeworksException {
        if (!PROGRAMS.contains(program)) throw new EdgeworksException(feffInp, null, "FEFF program must be one of " + PROGRAMS + ", not " + program);
        if (!Files.isRegularFile(feffInp)) throw new EdgeworksException(feffInp, null, "no such file");
        Path exe = find(program);
        if (exe == null) throw new EdgeworksException(feffInp, null, program + " is not installed (Debian package feff85exafs)");
        try {
            Files.createDirectories(outDir);
            Path target = outDir.resolve("feff.inp");
            if (!Files.exists(target) || !Files.isSameFile(feffInp, target)) Files.copy(feffInp, target, StandardCopyOption.REPLACE_EXISTING);
            try (Stream<Path> old = Files.list(outDir)) {
                for (Path f : old.filter(FeffRunner::isPathFile).toList()) Files.delete(f);
            }
            Path log = outDir.resolve("feff.log");
            Process proc = new ProcessBuilder(exe.toString()).directory(outDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
            if (!proc.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                proc.destroyForcibly();
                throw new EdgeworksException(feffInp, null, program + " did not finish within " + timeoutSeconds + " s (see " + log + ")");
            }
            if (proc.exitValue() != 0) throw new EdgeworksException(feffInp, null, program + " failed with exit code " + proc.exitValue() + " (see " + log + ")");
            List<Path> out = new ArrayList<>();
            try (Stream<Path> s = Files.list(outDir)) {
                s.filter(FeffRunner::isPathFile).sorted().forEach(out::add);
            }
            if (out.isEmpty()) throw new EdgeworksException(feffInp, null, program + " wrote no feffNNNN.dat path files (see " + log + ")");
            return out;
        } catch (IOException e) {
            throw new EdgeworksException(feffInp, null, "running " + program + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EdgeworksException(feffInp, null, program + " was interrupted");
        }
    }

    static boolean isPathFile(Path f) {
        String n = f.getFileName().toString();
        return n.matches("feff\\d{4}\\.dat");
    }
}
