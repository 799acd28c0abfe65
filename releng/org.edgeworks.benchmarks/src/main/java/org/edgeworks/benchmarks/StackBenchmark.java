package org.edgeworks.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.edgeworks.stack.Flux;
import org.edgeworks.detector.stack.StackNexusDetector;
import org.edgeworks.stack.ScanStack;
import org.edgeworks.stack.StackSource;
import org.edgeworks.stack.StackAnalysis;
import org.edgeworks.xas.E0Method;
import org.edgeworks.xas.LcfProcessor;
import org.edgeworks.xas.Normalization;
import org.edgeworks.xas.NormalizeProcessor;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 18: per-pixel analysis of a 100 x 512 x 512 float32 XANES stack (peers/xanes_stack.py
 * writes it, and times h5py's bare read and a vectorised numpy normalisation in the same run).
 * {@code bareRead}: every band through the detector's Scan and ScanStack (the reader the analysis uses);
 * {@code normalizeE0}: normalisation + E0 + edge-step/peak maps with the numpy peer's fixed ranges
 * (pre-edge [-50, -15], post-edge [30, 150] eV, linear); {@code normalizeE0Lcf3}: the same plus a
 * 3-reference LCF per pixel (non-negative weights, default window E0-20..E0+30 eV). Whole-stack
 * wall time on all cores (2 here), one shot per iteration.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "--enable-native-access=ALL-UNNAMED"})
public class StackBenchmark {
    Path stack;
    List<StackAnalysis.Reference> refs;
    StackAnalysis.Params params;

    static Path dir() {
        return Path.of(System.getProperty("edgeworks.bench.xanes", "releng/org.edgeworks.benchmarks/target/xanes"));
    }

    @Setup
    public void setUp() throws Exception {
        stack = dir().resolve("stack.h5");
        if (!Files.isRegularFile(stack)) throw new IllegalStateException(stack + " missing: peers/xanes_stack.py writes it (run.sh runs it)");
        refs = new ArrayList<>();
        for (String n : List.of("A", "B", "C")) {
            List<double[]> rows = new ArrayList<>();
            for (String line : Files.readAllLines(dir().resolve("ref_" + n + ".dat"))) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] p = line.trim().split("\\s+");
                rows.add(new double[] {Double.parseDouble(p[0]), Double.parseDouble(p[1])});
            }
            refs.add(new StackAnalysis.Reference(n, rows.stream().mapToDouble(r -> r[0]).toArray(), rows.stream().mapToDouble(r -> r[1]).toArray()));
        }
        NormalizeProcessor.Params np = new NormalizeProcessor.Params(E0Method.DERIVATIVE, null, -50.0, -15.0, 30.0, 150.0, 1, 0, null, Normalization.EDGE_STEP);
        params = new StackAnalysis.Params(np, StackAnalysis.MuKind.MU, null, 0, 30, LcfProcessor.Params.defaults(), 0);
    }

    /**
     * The stack as {@code xas stack} opens it (Detector -> Scan -> ScanStack; the detector called
     * directly: this plain module has no plugin.xml for the registry to read).
     */
    StackSource open() throws Exception {
        return ScanStack.of(new StackNexusDetector().read(stack), stack.toString(), "/entry/data/data", "/entry/data/energy");
    }

    @Benchmark
    public double bareRead() throws Exception {
        double s = 0;
        try (StackSource st = open()) {
            StackAnalysis.Setup setup = StackAnalysis.setup(st, Flux.none(), params, List.of());
            for (int[] b : setup.bands()) s += st.read(b[0], b[1])[0];
        }
        return s;
    }

    @Benchmark
    public StackAnalysis.Result normalizeE0() throws Exception {
        try (StackSource st = open()) {
            return StackAnalysis.run(st, Flux.none(), params, List.of());
        }
    }

    @Benchmark
    public StackAnalysis.Result normalizeE0Lcf3() throws Exception {
        try (StackSource st = open()) {
            return StackAnalysis.run(st, Flux.none(), params, refs);
        }
    }
}
