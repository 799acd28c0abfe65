package org.edgeworks.benchmarks;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.exafs.AutobkProcessor;
import org.edgeworks.exafs.Chi;
import org.edgeworks.exafs.FeffPath;
import org.edgeworks.exafs.FeffitProcessor;
import org.edgeworks.exafs.FourierTransformProcessor;
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
 * Issue 15 performance, on what peers/larch_exafs_bench.py times with Larch 0.9.58:
 * <ul>
 * <li>autobk of the Cu foil (cu_metal_rt.xdi, 408 points; rbkg 1, kweight 2, Larch's automatic
 * e0 and edge step, i.e. pre_edge inside) through the processor API, one spectrum per call and
 * 1,000 spectra (each with its own tiny perturbation) on all cores;</li>
 * <li>xftf of its chi (kmin 3, kmax 12, dk 1, hanning, kweight 2);</li>
 * <li>the first-shell fit of the peers (feff0001, k 3-14, kweight 2, R 1.4-3.0, default model).</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ExafsBenchmark {
    static final int SPECTRA = 1000;
    double[] energy;
    double[][] mus;
    Chi chi;
    List<FeffPath> first;
    AutobkProcessor.Params abk;

    @Setup
    public void setup() throws Exception {
        CuFoil cu = CuFoil.load(SPECTRA);
        energy = cu.energy;
        mus = cu.copies;
        abk = AutobkProcessor.Params.defaults().withKweight(2).withRbkg(1.0);
        chi = new AutobkProcessor().apply(Spectrum.of("cu", energy, cu.mu), abk).value().toChi();
        Path feff = CuFoil.data().resolve("peers/exafs/feff/cu");
        first = List.of(FeffPath.read(feff.resolve("feff0001.dat")));
    }

    @Benchmark
    public double autobkOne() throws EdgeworksException {
        return new AutobkProcessor().apply(Spectrum.of("cu", energy, mus[7]), abk).value().chi()[100];
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public double autobk1000Parallel() {
        return IntStream.range(0, SPECTRA).parallel().mapToDouble(k -> {
            try {
                return new AutobkProcessor().apply(Spectrum.of("cu", energy, mus[k]), abk).value().chi()[100];
            } catch (EdgeworksException e) {
                throw new IllegalStateException(e);
            }
        }).sum();
    }

    @Benchmark
    public double xftf() throws EdgeworksException {
        return new FourierTransformProcessor().apply(chi, new FourierTransformProcessor.Params(3, 12, 1,
            org.edgeworks.exafs.Window.HANNING, 2, 10, 2048, 0.05)).value().mag()[70];
    }

    @Benchmark
    public double firstShellFit() throws EdgeworksException {
        return new FeffitProcessor().apply(new FeffitProcessor.Input(chi, first), FeffitProcessor.Params.defaults()).value().rFactor();
    }
}
