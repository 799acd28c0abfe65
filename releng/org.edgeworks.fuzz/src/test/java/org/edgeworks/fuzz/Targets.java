package org.edgeworks.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.january.DatasetException;
import org.eclipse.january.dataset.ILazyDataset;
import org.eclipse.january.dataset.SliceND;
import org.edgeworks.pipeline.Pipeline;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Channel;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.registry.ProcessorRegistry;
import org.edgeworks.detector.ascii.ColumnFile;
import org.edgeworks.detector.ascii.ColumnFileDetector;
import org.edgeworks.nexus.DefaultPlot;
import org.edgeworks.nexus.NexusDefaultPlotDetector;
import org.edgeworks.nexus.NexusFile;
import org.edgeworks.nexus.NexusNode;

/**
 * The fuzz targets, as libFuzzer-style entry points ({@code fuzzerTestOneInput}) so that both the
 * JUnit @FuzzTest methods and the Jazzer command line (fuzz.sh, long runs) drive the same code.
 * The contract under test: a reader either returns or throws EdgeworksException (one line, file +
 * path); any other exception, an OutOfMemoryError or a hang is a finding.
 */
public final class Targets {
    private Targets() {}

    /** Elements read per dataset: small slices only, as a viewer would ask first. */
    private static final int SLICE_EDGE = 4;
    private static final int MAX_DATASETS = 32;
    private static final long SMALL = 4096;

    private static final Path SCRATCH = scratch();

    private static Path scratch() {
        try {
            Path shm = Path.of("/dev/shm");
            return Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "edgeworks-fuzz-")
                : Files.createTempDirectory("edgeworks-fuzz-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path write(String name, byte[] data) {
        Path f = SCRATCH.resolve(Thread.currentThread().threadId() + "-" + name);
        try {
            Files.write(f, data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return f;
    }

    /** HDF5/NeXus: open, tree, default plot, small lazy slices, small whole reads, the default-plot detector. */
    public static void nexus(byte[] data) throws Exception {
        Path f = write("input.nxs", data);
        try (NexusFile nx = NexusFile.open(f)) {
            NexusNode root = nx.tree();
            DefaultPlot.find(root);
            List<NexusNode> datasets = new ArrayList<>();
            walk(root, n -> {
                if (n.kind() == NexusNode.Kind.DATASET && !n.dangling() && datasets.size() < MAX_DATASETS) datasets.add(n);
            }, 0);
            for (NexusNode d : datasets) {
                try {
                    ILazyDataset lazy = nx.lazyDataset(d.path());
                    int[] shape = lazy.getShape();
                    int[] stop = new int[shape.length];
                    long size = 1;
                    for (int i = 0; i < shape.length; i++) {
                        stop[i] = Math.min(shape[i], SLICE_EDGE);
                        size *= Math.max(shape[i], 0);
                    }
                    // An empty dimension leaves nothing to slice: January refuses a zero-length
                    // slice with IllegalArgumentException before any reader code runs, so asking
                    // for one tests the harness, not Edgeworks (found by the bounded CI run).
                    boolean empty = false;
                    for (int s : shape) empty |= s <= 0;
                    if (!empty) slice(lazy, new SliceND(shape, new int[shape.length], stop, null));
                    if (size <= SMALL) nx.readDoubles(d.path());
                } catch (EdgeworksException expected) {
                    // a refused dataset is an answer
                }
            }
        } catch (EdgeworksException expected) {
            return;
        }
        try {
            Scan scan = new NexusDefaultPlotDetector().read(f);
            for (Channel c : scan.channels().values()) {
                long size = 1;
                for (int s : c.shape()) size *= s;
                if (size <= SMALL) c.readDoubles(f.toString());
            }
        } catch (EdgeworksException expected) {
            // refused
        }
    }

    private static void slice(ILazyDataset lazy, SliceND slice) throws EdgeworksException {
        try {
            lazy.getSlice(slice);
        } catch (DatasetException e) {
            for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof EdgeworksException ee) throw ee;
            throw new IllegalStateException("slice failed without an EdgeworksException", e);
        }
    }

    private static void walk(NexusNode n, Consumer<NexusNode> visitor, int depth) {
        visitor.accept(n);
        if (depth < 64) for (NexusNode c : n.children()) walk(c, visitor, depth + 1);
    }

    /** XDI / column text: the table reader and the detector that makes channels (keV heuristics etc.). */
    public static void columns(byte[] data) throws Exception {
        Path f = write("input.dat", data);
        try {
            ColumnFile.read(f);
            new ColumnFileDetector().read(f);
        } catch (EdgeworksException expected) {
            // refused
        }
    }

    /** Pipeline JSON: schema, processor ids, parameter types, output names. */
    public static void pipeline(byte[] data) throws Exception {
        try {
            Pipeline p = Pipeline.parse(new String(data, StandardCharsets.UTF_8), "fuzz.json", Registry.PROCESSORS);
            String probe = p.output().replace("{file}", "x");
            if (probe.contains("..") || probe.startsWith("/")) throw new IllegalStateException("accepted an output outside --out: " + p.output());
        } catch (EdgeworksException expected) {
            // refused
        }
    }

    /**
     * Processors are registered only in plugin.xml files; the bundles' folders (which hold them)
     * go on a class loader so the plain-JVM registry finds them, as it does in the product.
     */
    private static final class Registry {
        static final ProcessorRegistry PROCESSORS = registry();
    }

    private static ProcessorRegistry registry() {
        Path bundles = Path.of(System.getProperty("edgeworks.bundles", "../../bundles"));
        List<URL> urls = new ArrayList<>();
        try {
            // the bundles whose sources this module compiles (pom.xml), nothing else
            for (String b : List.of("core", "nexus", "detector.ascii", "xas", "rixs", "plot", "pipeline")) {
                Path d = bundles.resolve("org.edgeworks." + b);
                if (Files.isRegularFile(d.resolve("plugin.xml"))) urls.add(d.toUri().toURL());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        try (URLClassLoader withPluginXml = new URLClassLoader(urls.toArray(URL[]::new), Targets.class.getClassLoader())) {
            t.setContextClassLoader(withPluginXml);
            return ProcessorRegistry.load();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            t.setContextClassLoader(before);
        }
    }

}
