package org.edgeworks.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.edgeworks.cli.Main;
import org.edgeworks.pipeline.PipelineRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `edgeworks run` itself is killed with SIGKILL mid-batch (a child JVM running the command line,
 * killed after some result sets are written and while others are being written), at several
 * points. Afterwards every result set is whole (its manifest lists every file with the right
 * SHA-256) or absent (no manifest: the next run treats it as not done), and the same command with
 * --resume completes the batch: the sets that were whole are left untouched, the others written.
 */
class KilledRunTest {
    @TempDir Path dir;

    private static final int FILES = 24;
    /** A progress line of `edgeworks run`: "[3/24] ok ..." or "[3/24] FAILED ...". */
    private static final java.util.regex.Pattern PROGRESS = java.util.regex.Pattern.compile("^\\[\\d+/\\d+\\] ");
    /** The killed child's output and class path, for the failure message. */
    private static final List<String> LAST_OUTPUT = new ArrayList<>();
    private static String LAST_CLASS_PATH = "";

    @Test
    void everySetIsWholeOrAbsentAfterAKillAndTheRerunResumes() throws Exception {
        BadInputCorpus.materialise(dir.resolve("corpus"));
        Path good = dir.resolve("corpus/good.xdi");
        Path pipeline = dir.resolve("corpus/good.pipeline.json");
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < FILES; i++) {
            Path f = dir.resolve(String.format("in/scan%02d.xdi", i));
            Files.createDirectories(f.getParent());
            Files.copy(good, f);
            inputs.add(f.toString());
        }
        for (int killAfter : new int[] {0, 3, 11}) {
            Path out = dir.resolve("out" + killAfter);
            int seen = killMidBatch(pipeline, inputs, out, killAfter);
            Map<String, Boolean> sets = sets(out, inputs);
            long whole = sets.values().stream().filter(b -> b).count();
            List<String> listing;
            try (Stream<Path> s = Files.list(out)) {
                listing = s.map(p -> p.getFileName().toString()).sorted().toList();
            }
            assertTrue(whole >= seen, "the " + seen + " sets reported done before the kill are whole: " + sets + "; files: " + listing
                + "; child output: " + LAST_OUTPUT + "; class path: " + LAST_CLASS_PATH);
            assertTrue(whole < FILES, "the kill landed mid-batch (" + whole + " of " + FILES + " whole)");
            Map<String, Long> stamps = new TreeMap<>();
            for (Map.Entry<String, Boolean> e : sets.entrySet())
                if (e.getValue()) stamps.put(e.getKey(), Files.getLastModifiedTime(out.resolve(e.getKey() + ".nxs")).toMillis());
            // the same batch again, resuming: the whole sets stay, the rest is written
            List<String> args = new ArrayList<>(List.of("run", pipeline.toString()));
            args.addAll(inputs);
            args.addAll(List.of("--out", out.toString(), "--resume"));
            java.io.StringWriter o = new java.io.StringWriter(), err = new java.io.StringWriter();
            assertEquals(0, Main.run(args.toArray(String[]::new), new java.io.PrintWriter(o, true), new java.io.PrintWriter(err, true)),
                o + "\n" + err);
            Map<String, Boolean> after = sets(out, inputs);
            assertFalse(after.containsValue(false), "every set whole after the resumed run: " + after);
            for (Map.Entry<String, Long> s : stamps.entrySet())
                assertEquals(s.getValue(), Files.getLastModifiedTime(out.resolve(s.getKey() + ".nxs")).toMillis(), s.getKey() + " was kept");
            assertTrue(o.toString().contains("skipped"), o.toString());
            try (Stream<Path> s = Files.list(out)) {
                assertFalse(s.anyMatch(p -> p.getFileName().toString().contains(".partial-")), "no staging folder is left");
            }
        }
    }

    /** Name -> whole; throws when a set is neither whole nor absent-by-definition (manifest present but wrong). */
    private static Map<String, Boolean> sets(Path out, List<String> inputs) {
        Map<String, Boolean> sets = new TreeMap<>();
        for (String in : inputs) {
            String name = Path.of(in).getFileName().toString();
            Path nxs = out.resolve(name + ".nxs");
            boolean hasManifest = Files.exists(PipelineRunner.manifest(nxs));
            boolean whole = PipelineRunner.complete(nxs);
            assertEquals(hasManifest, whole, name + ": a manifest is only there when the set is whole");
            if (whole) for (String ext : new String[] {".nxs", ".csv", ".png"})
                assertTrue(Files.isRegularFile(out.resolve(name + ext)), name + ext + " of a whole set");
            sets.put(name, whole);
        }
        return sets;
    }

    /** Starts `edgeworks run` in a child JVM and SIGKILLs it after {@code after} progress lines; returns the lines seen. */
    private static int killMidBatch(Path pipeline, List<String> inputs, Path out, int after) throws Exception {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", cliClassPath(), Main.class.getName(), "run", pipeline.toString()));
        cmd.addAll(inputs);
        cmd.addAll(List.of("--out", out.toString(), "--jobs", "2"));
        Path errors = out.resolveSibling(out.getFileName() + ".stderr");
        Process p = new ProcessBuilder(cmd).redirectError(errors.toFile()).start();
        int seen = 0;
        LAST_OUTPUT.clear();
        LAST_CLASS_PATH = cmd.get(3);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String l;
            while (seen < after + 1 && (l = r.readLine()) != null) {
                if (l.startsWith("summary:")) throw new AssertionError("the batch finished before the kill");
                if (!PROGRESS.matcher(l).find()) continue; // logging of libraries on the class path
                if (l.contains("FAILED")) {
                    p.destroyForcibly();
                    throw new AssertionError("the child could not process a file: " + l + "\nclass path: " + cmd.get(3));
                }
                seen++;
                LAST_OUTPUT.add(l);
            }
            p.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
            p.waitFor();
        } finally {
            p.destroyForcibly();
        }
        assertEquals(137, p.exitValue(), "killed by SIGKILL; stderr: " + Files.readString(errors) + "\nclass path: " + cmd.get(3));
        return seen;
    }

    /** A bundle jar, or a bundle folder with its class folders and (for plugin.xml) the bundle folder itself. */
    private static void add(Set<String> parts, Path p) {
        if (Files.isRegularFile(p)) {
            parts.add(p.toString());
        } else if (Files.isDirectory(p)) {
            for (String sub : new String[] {"target/classes", "bin"}) if (Files.isDirectory(p.resolve(sub))) parts.add(p.resolve(sub).toString());
            parts.add(p.toString());
            if (p.endsWith(Path.of("target", "classes")) && Files.isRegularFile(p.getParent().getParent().resolve("plugin.xml")))
                parts.add(p.getParent().getParent().toString());
        }
    }

    /**
     * The class path of the command line in a plain JVM: in the OSGi test runtime every installed
     * bundle's location (jar, or folder with its classes and plugin.xml), on a plain JVM this
     * JVM's own class path. The command line's plain-JVM registry finds the extensions through
     * the plugin.xml files on it.
     */
    static String cliClassPath() {
        Set<String> parts = new LinkedHashSet<>();
        org.osgi.framework.Bundle self = org.osgi.framework.FrameworkUtil.getBundle(KilledRunTest.class);
        if (self == null) return System.getProperty("java.class.path");
        // a test bundle is often resolved but not started (no context): the system bundle always has one
        org.osgi.framework.BundleContext context = self.getBundleContext();
        if (context == null) {
            org.osgi.framework.Bundle system = org.osgi.framework.FrameworkUtil.getBundle(org.osgi.framework.Bundle.class);
            context = system != null ? system.getBundleContext() : null;
        }
        if (context == null) {
            try {
                self.start(org.osgi.framework.Bundle.START_TRANSIENT); // no activator: starting only gives it a context
            } catch (org.osgi.framework.BundleException | RuntimeException e) {
                throw new IllegalStateException("cannot start the test bundle to list the installed bundles: " + e, e);
            }
            context = self.getBundleContext();
        }
        if (context == null) throw new IllegalStateException("no OSGi bundle context to list the installed bundles");
        for (org.osgi.framework.Bundle b : context.getBundles()) {
            // where the bundle's classes come from: the code source of one of its classes
            org.osgi.framework.wiring.BundleWiring wiring = b.adapt(org.osgi.framework.wiring.BundleWiring.class);
            if (wiring != null) {
                java.util.Collection<String> classes = wiring.listResources("/", "*.class", org.osgi.framework.wiring.BundleWiring.LISTRESOURCES_RECURSE | org.osgi.framework.wiring.BundleWiring.LISTRESOURCES_LOCAL);
                for (String c : classes) {
                    if (c.contains("-") || c.endsWith("module-info.class") || c.endsWith("package-info.class")) continue;
                    try {
                        Class<?> k = b.loadClass(c.substring(0, c.length() - 6).replace('/', '.'));
                        java.security.CodeSource cs = k.getProtectionDomain().getCodeSource();
                        if (cs != null && cs.getLocation() != null) add(parts, Path.of(cs.getLocation().toURI()));
                        break;
                    } catch (ClassNotFoundException | LinkageError | java.net.URISyntaxException | RuntimeException e) {
                        // try the next class
                    }
                }
            }
            String loc = b.getLocation();
            int file = loc.indexOf("file:");
            if (file < 0) continue;
            try {
                add(parts, Path.of(java.net.URI.create(loc.substring(file).replace(" ", "%20"))));
            } catch (RuntimeException e) {
                add(parts, Path.of(loc.substring(file + 5)));
            }
        }
        return String.join(File.pathSeparator, parts);
    }
}
