package org.edgeworks.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.eclipse.january.dataset.IDataset;
import org.eclipse.january.dataset.ILazyDataset;
import org.eclipse.january.dataset.SliceND;
import org.edgeworks.nexus.NexusFile;
import org.edgeworks.nexus.NumericDataset;
import org.edgeworks.nexus.TypedSlice;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;

/**
 * Issue 3: reading a 200 x 256 x 1024 uint16 detector stack (gzip and LZ4 chunked per frame,
 * and contiguous) through the Edgeworks reader (NexusFile lazy dataset, slices as doubles), one
 * frame and the whole stack, next to jHDF 0.13.0 used out of the box (HdfFile(Path), which
 * memory-maps, and Dataset.getData), and through the reader API of issue 17 item 6
 * (NexusFile.numeric: a typed slice in the stored type, or doubles into the caller's buffer).
 * peers/h5py_read.py times h5py on the same files in the same
 * run. Frames cycle through the stack so that no reader (nor HDF5's 1 MB chunk cache) serves a
 * frame it decoded the call before. Files: make_flavours.py --bench, written by run.sh into
 * target/flavours (system property edgeworks.bench.flavours). nexus_ratios.py turns the medians
 * into the table in BENCHMARKS.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime) // per-call samples: the median resists the noise of a shared machine
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
// a pre-touched heap, so that first-touch page faults of the 400 MB stack arrays do not count
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch", "--enable-native-access=ALL-UNNAMED"})
public class NexusReadBenchmark {
    static final String STACK = "/entry/instrument/detector/data";

    @Param({"stack_gzip.h5", "stack_lz4_200.h5", "stack_contiguous.h5"})
    public String file;

    NexusFile nexus;
    ILazyDataset stack;
    NumericDataset numeric;
    double[] frameBuffer, stackBuffer;
    int[] shape;
    HdfFile jhdf;
    Dataset jhdfStack;
    int next;

    static Path flavours() {
        return Path.of(System.getProperty("edgeworks.bench.flavours", "releng/org.edgeworks.benchmarks/target/flavours"));
    }

    @Setup(Level.Trial)
    public void open() throws Exception {
        Path path = flavours().resolve(file);
        if (!Files.isRegularFile(path))
            throw new IllegalStateException(path + " missing: run make_flavours.py OUTDIR --bench (run.sh does)");
        nexus = NexusFile.open(path);
        stack = nexus.lazyDataset(STACK);
        shape = stack.getShape();
        numeric = nexus.numeric(STACK);
        frameBuffer = new double[shape[1] * shape[2]];
        stackBuffer = new double[shape[0] * shape[1] * shape[2]];
        jhdf = new HdfFile(path);
        jhdfStack = jhdf.getDatasetByPath(STACK);
    }

    @TearDown(Level.Trial)
    public void close() {
        nexus.close();
        jhdf.close();
    }

    private int nextFrame() {
        next = (next + 1) % shape[0];
        return next;
    }

    @Benchmark
    public IDataset edgeworksOneFrame() throws Exception {
        int f = nextFrame();
        return stack.getSlice(new SliceND(shape, new int[] {f, 0, 0}, new int[] {f + 1, shape[1], shape[2]}, null));
    }

    @Benchmark
    public IDataset edgeworksWholeStack() throws Exception {
        return stack.getSlice();
    }

    /** Issue 17 item 6: a fresh slice in the stored type (uint16 as short[]), like h5py's d[i]. */
    @Benchmark
    public TypedSlice edgeworksOneFrameTyped() throws Exception {
        return numeric.read(new long[] {nextFrame(), 0, 0}, new int[] {1, shape[1], shape[2]});
    }

    /** Issue 17 item 6: doubles into the caller's reused buffer, like h5py's read_direct (but widened). */
    @Benchmark
    public double[] edgeworksOneFrameInto() throws Exception {
        numeric.readInto(new long[] {nextFrame(), 0, 0}, new int[] {1, shape[1], shape[2]}, frameBuffer, 0);
        return frameBuffer;
    }

    @Benchmark
    public TypedSlice edgeworksWholeStackTyped() throws Exception {
        return numeric.read(new long[3], shape);
    }

    @Benchmark
    public double[] edgeworksWholeStackInto() throws Exception {
        numeric.readInto(new long[3], shape, stackBuffer, 0);
        return stackBuffer;
    }

    @Benchmark
    public Object jhdfOneFrame() {
        return jhdfStack.getData(new long[] {nextFrame(), 0, 0}, new int[] {1, shape[1], shape[2]});
    }

    @Benchmark
    @Measurement(iterations = 3, time = 4)
    public Object jhdfWholeStack() {
        return jhdfStack.getData();
    }
}
