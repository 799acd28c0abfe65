package org.edgeworks.benchmarks;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.xas.LcfProcessor;
import org.edgeworks.xas.NormalizeProcessor;
import org.edgeworks.xas.kernel.Normalizer;
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
 * Issue 4 performance, on the spectra peers/larch_bench.py times with Larch:
 * <ul>
 * <li>normalise 10,000 real-size spectra (Cu foil, 408 points, each with its own tiny
 * perturbation) with Larch's automatic E0 and ranges, in parallel over all cores;</li>
 * <li>LCF of Mn3O4 by 4 references (Larch lincombo_fit settings: sum to one), window 6530-6600 eV;</li>
 * <li>the combinatorial mode over subsets of 2..3 of 6 references (Larch lincombo_fitall, max_ncomps=3).</li>
 * </ul>
 * Data: ../shared/data through {@link CuFoil} (the set-up shared with ExafsBenchmark).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class XasBenchmark {
    static final int SPECTRA = 10_000;

    double[] energy;
    double[][] mus;
    Spectrum mn3o4;
    List<Spectrum> refs4, refs6;
    final ThreadLocal<Normalizer> work = ThreadLocal.withInitial(Normalizer::new);

    static Spectrum norm(String file) throws IOException, EdgeworksException {
        double[][] c = CuFoil.columns(CuFoil.data().resolve("xanes/mn_k/" + file), 0, 1);
        Spectrum mu = Spectrum.of(file, c[0], c[1]);
        return new NormalizeProcessor().apply(mu, NormalizeProcessor.Params.defaults()).value().normSpectrum();
    }

    @Setup
    public void setup() throws Exception {
        CuFoil cu = CuFoil.load(SPECTRA);
        energy = cu.energy;
        mus = cu.copies;
        mn3o4 = norm("Mn3O4.dat");
        refs4 = List.of(norm("MnO.dat"), norm("Mn2O3x.dat"), norm("Pyrolusite.dat"), norm("Mn_foil.dat"));
        List<Spectrum> six = new ArrayList<>(refs4);
        six.add(norm("Li2MnO3.dat"));
        six.add(norm("Rhodochrosite.dat"));
        refs6 = List.copyOf(six);
    }

    /** 10,000 spectra, all cores; the kernel processors use, one work space per thread. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public double normalize10kParallel() {
        return IntStream.range(0, SPECTRA).parallel().mapToDouble(k -> {
            try {
                return work.get().run(energy, mus[k], energy.length, Normalizer.Settings.LARCH).edgeStep();
            } catch (Normalizer.Refused r) {
                throw new IllegalStateException(r.problem());
            }
        }).sum();
    }

    /** One spectrum through the processor API (copies, provenance, E0 and ranges as Larch chooses). */
    @Benchmark
    public double normalizeOneProcessor() throws EdgeworksException {
        return new NormalizeProcessor().apply(Spectrum.of("cu", energy, mus[7]), NormalizeProcessor.Params.defaults()).value().edgeStep();
    }

    @Benchmark
    public double lcf4References() throws EdgeworksException {
        return new LcfProcessor().apply(new LcfProcessor.Input(mn3o4, refs4, null), LcfProcessor.Params.larch(6530, 6600)).value().rFactor();
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public double lcfCombinatorial3of6() throws EdgeworksException {
        return new LcfProcessor().apply(new LcfProcessor.Input(mn3o4, refs6, null),
            LcfProcessor.Params.larch(6530, 6600).withCombinations(3, 2)).value().rFactor();
    }
}
