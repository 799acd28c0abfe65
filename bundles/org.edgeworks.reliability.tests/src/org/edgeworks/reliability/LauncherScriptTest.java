package org.edgeworks.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A few corpus cases through the real {@code ./edgeworks} script as a subprocess: broken input
 * exits non-zero with exactly one stderr line and no stack trace; good input exits 0. Needs the
 * materialised product (the script would otherwise start a build): skipped when it is absent, as
 * in the bundles' own test phase of a clean build, which runs before releng/ makes the product.
 */
class LauncherScriptTest {
    @TempDir Path dir;

    @Test
    void brokenInputsGiveOneLineThroughTheScript() throws Exception {
        Path repo = Path.of(System.getProperty("edgeworks.repo", "../..")).toAbsolutePath().normalize();
        Path script = repo.resolve("edgeworks");
        Path product = repo.resolve("releng/org.edgeworks.product/target/products/org.edgeworks.product/linux/gtk/x86_64/edgeworks/plugins");
        Assumptions.assumeTrue(Files.isExecutable(script) && Files.isDirectory(product), "no materialised product under " + repo);
        BadInputCorpus.materialise(dir);
        Path out = dir.resolve("out");
        Path pipeline = dir.resolve("escape_out.pipeline.json");
        String[][] broken = {
            {"info", dir.resolve("truncated_half.nxs").toString()},
            {"xas", "normalize", dir.resolve("malformed_header.xdi").toString(), "--out", out.toString()},
            {"xas", "normalize", dir.resolve("string_signal.nxs").toString(), "--out", out.toString()},
            {"run", pipeline.toString(), dir.resolve("good.xdi").toString(), "--out", out.toString()},
            {"info", dir.resolve("random_bytes.nxs").toString()},
        };
        for (String[] args : broken) {
            Result r = run(script, args);
            assertNotEquals(0, r.exit, String.join(" ", args));
            String[] lines = r.stderr.strip().split("\\R");
            assertEquals(1, lines.length, "one stderr line for " + String.join(" ", args) + ": " + r.stderr);
            assertTrue(lines[0].startsWith("edgeworks: "), lines[0]);
            assertFalse(r.stderr.contains("\tat ") || r.stderr.contains("Exception"), "no stack trace: " + r.stderr);
        }
        Result ok = run(script, new String[] {"xas", "normalize", dir.resolve("good.xdi").toString(), "--out", out.toString()});
        assertEquals(0, ok.exit, ok.stderr);
        assertTrue(Files.exists(out.resolve("good.norm.csv")) || Files.list(out).findAny().isPresent(), "results written");
    }

    private record Result(int exit, String stderr) {}

    private static Result run(Path script, String[] args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(script.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().remove("EDGEWORKS_DEBUG");
        pb.environment().remove("EDGEWORKS_REBUILD");
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the script finished");
        return new Result(p.exitValue(), err);
    }
}
