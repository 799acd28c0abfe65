package org.edgeworks.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.eclipse.january.dataset.ILazyDataset;
import org.eclipse.january.dataset.SliceND;
import org.edgeworks.core.data.FrameSource;
import org.edgeworks.nexus.NexusFile;
import org.edgeworks.rixs.BuildMap;
import org.edgeworks.rixs.RawStack;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 5: building an mRIXS map (BuildMap with its defaults: dark frames, cosmic rays, curvature
 * fitted on 5 frames, elastic-line calibration, I0 x time, regrid) from a SYNTHETIC raw NeXus
 * stack of 200 frames x 512 x 2048 uint16 (chunked per frame, gzip), streamed frame by frame
 * through the Edgeworks reader, next to reading the same frames with the same reader and
 * nothing else. peers/make_stack.py writes the file (run.sh runs it first) and times, in the
 * same run, (a) h5py reading the frames and (b) a straightforward numpy implementation of the
 * same reduction. Goal: build <= 1.5 x bare read, faster than numpy.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx2g"})
public class RixsBenchmark {
    static final String DETECTOR = "/entry/instrument/detector/";

    NexusFile nexus;
    RawStack stack;
    ILazyDataset frames;

    static Path file() {
        return Path.of(System.getProperty("edgeworks.bench.rixs", "releng/org.edgeworks.benchmarks/target/rixs/rixs_stack.h5"));
    }

    @Setup(Level.Trial)
    public void open() throws Exception {
        Path path = file();
        if (!Files.isRegularFile(path))
            throw new IllegalStateException(path + " missing: run peers/make_stack.py OUTDIR (run.sh does)");
        nexus = NexusFile.open(path);
        frames = nexus.lazyDataset(DETECTOR + "data");
        stack = new RawStack("bench", frames, nexus.readDoubles("/entry/instrument/monochromator/energy"),
            nexus.readDoubles("/entry/monitor/data"), nexus.readDoubles(DETECTOR + "count_time"), nexus.lazyDataset(DETECTOR + "dark"));
    }

    @TearDown(Level.Trial)
    public void close() {
        nexus.close();
    }

    /** The whole map build: every frame read once (plus the 5 curvature frames), reduced, straightened, calibrated, regridded. */
    @Benchmark
    public Object buildMap() throws Exception {
        return new BuildMap().apply(stack, BuildMap.Parameters.defaults()).value().map();
    }

    /** Bare read: every frame sliced from the lazy dataset (as doubles), in order, one thread. */
    @Benchmark
    public double readFrames() throws Exception {
        int[] s = frames.getShape();
        double sum = 0;
        for (int i = 0; i < s[0]; i++)
            sum += frames.getSlice(new SliceND(s, new int[] {i, 0, 0}, new int[] {i + 1, s[1], s[2]}, null)).getDouble(0, 0, 0);
        return sum;
    }

    /**
     * Bare read as the map builder now streams: every frame decoded into one reused buffer of doubles
     * ({@link FrameSource}: the stored uint16 converted once, no fresh array per frame), in order, one thread.
     */
    @Benchmark
    public double readFramesInto() throws Exception {
        FrameSource source = (FrameSource) frames;
        int[] s = source.shape();
        double[] frame = new double[s[1] * s[2]];
        double sum = 0;
        for (int i = 0; i < s[0]; i++) {
            source.readFrame(i, frame);
            sum += frame[0];
        }
        return sum;
    }
}
