package org.edgeworks.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * JMH profiler ({@code -prof org.edgeworks.benchmarks.CpuTimeProfiler}, run.sh adds it) that
 * records, per measured iteration, the benchmark JVM's process CPU time per operation
 * ({@code ·cpu}, ms/op: every thread of the fork, JIT and GC included) and the one-minute load
 * average at the end of the iteration ({@code ·load}). Why: the project machine has 2 cores shared
 * by eight developers, so wall-clock samples mostly measure the run queue; CPU time per operation
 * is the steadier figure to set beside the peers' {@code time.process_time} (BENCHMARKS.md).
 */
public final class CpuTimeProfiler implements InternalProfiler {
    private final com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long cpuAtStart;

    @Override
    public String getDescription() {
        return "process CPU time per operation and the load average (Edgeworks)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        cpuAtStart = os.getProcessCpuTime();
    }

    @Override
    public List<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
        long cpu = os.getProcessCpuTime() - cpuAtStart;
        long ops = result.getMetadata() == null ? 0 : result.getMetadata().getAllOps();
        double perOp = ops > 0 ? cpu / 1e6 / ops : Double.NaN;
        return List.of(new ScalarResult("cpu", perOp, "ms/op", AggregationPolicy.AVG),
            new ScalarResult("load", loadAverage(), "", AggregationPolicy.AVG));
    }

    /** The one-minute load average from /proc/loadavg (the JMX figure is the same number, rounded less). */
    private double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (Exception e) {
            return os.getSystemLoadAverage();
        }
    }
}
