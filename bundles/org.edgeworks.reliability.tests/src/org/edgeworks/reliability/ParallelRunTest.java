package org.edgeworks.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.edgeworks.cli.Main;
import org.edgeworks.nexus.NexusFile;
import org.edgeworks.nexus.NexusNode;
import org.edgeworks.nexus.NexusScans;
import org.junit.jupiter.api.Test;

/**
 * {@code edgeworks run} over 1,000 small files: all cores give byte-identical numeric results to a
 * sequential run (CSV bytes; every numeric dataset of the NeXus results, bit for bit), and the one
 * broken file among them fails alone. Outputs go to /dev/shm when there is one: every result is
 * fsynced (AtomicFiles), which on a slow disk costs more than the computation.
 */
class ParallelRunTest {
    static final int FILES = Integer.getInteger("edgeworks.parallel.files", 1000);
    static final int BROKEN = FILES * 437 / 1000;

    @Test
    void allCoresEqualSequentialAndOneBrokenFileFailsAlone() throws Exception {
        Path base = Files.isWritable(Path.of("/dev/shm")) ? Files.createTempDirectory(Path.of("/dev/shm"), "edgeworks-parallel-")
            : Files.createTempDirectory("edgeworks-parallel-");
        try {
            Path in = Files.createDirectories(base.resolve("in"));
            List<String> args = new ArrayList<>();
            Path pipeline = base.resolve("xanes.json");
            Files.writeString(pipeline, BadInputCorpus.TEXT_FILES.get("good.pipeline.json"));
            args.add("run");
            args.add(pipeline.toString());
            for (int k = 0; k < FILES; k++) {
                Path f = in.resolve(String.format(Locale.ROOT, "scan%04d.xdi", k));
                Files.writeString(f, k == BROKEN ? BadInputCorpus.TEXT_FILES.get("ragged_columns.xdi") : xdi(k), StandardCharsets.ISO_8859_1);
                args.add(f.toString());
            }
            int cores = Math.max(4, Runtime.getRuntime().availableProcessors());
            String seq = run(args, base.resolve("sequential"), 1);
            String par = run(args, base.resolve("parallel"), cores);
            for (String log : List.of(seq, par)) {
                List<String> failed = log.lines().filter(l -> l.contains("FAILED")).toList();
                assertEquals(1, failed.size(), "exactly one file fails: " + failed);
                assertTrue(failed.get(0).contains(String.format(Locale.ROOT, "scan%04d.xdi", BROKEN)) && failed.get(0).contains("ragged"),
                    failed.get(0));
                assertTrue(log.contains("summary: " + FILES + " file(s), " + (FILES - 1) + " ok, 1 failed"), log.lines().reduce((a, b) -> b).orElse(""));
            }
            // result names follow the pipeline's "output" rule: compare whatever the sequential run wrote
            List<Path> results;
            try (var l = Files.list(base.resolve("sequential"))) {
                results = l.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
            }
            try (var l = Files.list(base.resolve("parallel"))) {
                assertEquals(results.size(), l.filter(p -> !p.getFileName().toString().startsWith(".")).count(), "same number of results");
            }
            String broken = String.format(Locale.ROOT, "scan%04d", BROKEN);
            int csv = 0, nxs = 0;
            for (Path s : results) {
                String name = s.getFileName().toString();
                assertFalse(name.startsWith(broken + "."), "the broken file has no result: " + name);
                Path p = base.resolve("parallel").resolve(name);
                if (name.endsWith(".csv")) {
                    assertArrayEquals(Files.readAllBytes(s), Files.readAllBytes(p), name + " differs between --jobs 1 and --jobs " + cores);
                    csv++;
                } else if (name.endsWith(".nxs")) {
                    assertSameNumbers(s, p);
                    nxs++;
                }
            }
            assertEquals(FILES - 1, csv, "one CSV per good file");
            assertEquals(FILES - 1, nxs, "one NeXus result per good file");
        } finally {
            deleteTree(base);
        }
    }

    private static String run(List<String> args, Path out, int jobs) {
        List<String> a = new ArrayList<>(args);
        a.addAll(List.of("--out", out.toString(), "--jobs", Integer.toString(jobs)));
        StringWriter so = new StringWriter();
        StringWriter se = new StringWriter();
        int exit = Main.run(a.toArray(String[]::new), new PrintWriter(so, true), new PrintWriter(se, true));
        assertEquals(Main.EXIT_FAILURE, exit, "one failed file makes the run fail; stderr: " + se);
        return so.toString();
    }

    /** Every numeric dataset of two NeXus results, bit for bit (dates and paths may differ). */
    static void assertSameNumbers(Path a, Path b) throws Exception {
        try (NexusFile na = NexusFile.open(a); NexusFile nb = NexusFile.open(b)) {
            List<String> paths = new ArrayList<>();
            NexusScans.walk(na.tree(), n -> {
                if (n.kind() == NexusNode.Kind.DATASET && n.type().matches("(u?int|float)\\d+")) paths.add(n.path());
            });
            assertFalse(paths.isEmpty(), a + " has numeric datasets");
            for (String p : paths) {
                double[] x = na.readDoubles(p);
                double[] y = nb.readDoubles(p);
                assertEquals(x.length, y.length, p);
                for (int i = 0; i < x.length; i++)
                    assertEquals(Double.doubleToRawLongBits(x[i]), Double.doubleToRawLongBits(y[i]), a.getFileName() + p + "[" + i + "]");
            }
        }
    }

    /** A Mn K-edge transmission scan whose edge moves by 0.01 eV per file. */
    static String xdi(int k) {
        StringBuilder sb = new StringBuilder("# XDI/1.0 Edgeworks/parallel\n# Column.1: energy eV\n# Column.2: i0\n# Column.3: itrans\n# ///\n# ----\n# energy i0 itrans\n");
        for (int i = 0; i < 121; i++) {
            double e = 6500 + i;
            double mu = 0.3 + Math.atan((e - 6539 - 0.01 * k) / 2) / Math.PI + 0.5;
            sb.append(String.format(Locale.ROOT, "%.4f %.1f %.3f%n", e, 1.0e5, 1.0e5 * Math.exp(-mu)));
        }
        return sb.toString();
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (var s = Files.walk(root)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
