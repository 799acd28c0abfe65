package org.edgeworks.benchmarks;

import java.lang.management.ManagementFactory;

/**
 * Process CPU time (all threads) of StackBenchmark's three cases, best of 3 after a warm-up: on a
 * machine shared by many builds wall-clock time mostly measures the queue, CPU time the work.
 * peers/xanes_stack.py reports time.process_time for h5py and numpy beside it. Prints JSON.
 * Usage: java -cp benchmarks.jar org.edgeworks.benchmarks.StackCpuTime (edgeworks.bench.xanes as for JMH)
 */
public final class StackCpuTime {
    private StackCpuTime() {}

    interface Case { void run() throws Exception; }

    static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    static double[] best(Case c) throws Exception {
        c.run();
        double cpu = Double.MAX_VALUE, wall = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            double c0 = cpuSeconds();
            long w0 = System.nanoTime();
            c.run();
            cpu = Math.min(cpu, cpuSeconds() - c0);
            wall = Math.min(wall, (System.nanoTime() - w0) / 1e9);
        }
        return new double[] {cpu, wall};
    }

    public static void main(String[] args) throws Exception {
        StackBenchmark b = new StackBenchmark();
        b.setUp();
        double[] read = best(() -> b.bareRead());
        double[] norm = best(() -> b.normalizeE0());
        double[] lcf = best(() -> b.normalizeE0Lcf3());
        System.out.printf(java.util.Locale.ROOT,
            "{\"unit\": \"s\", \"bareRead_cpu\": %.3f, \"bareRead_wall\": %.3f, \"normalizeE0_cpu\": %.3f, \"normalizeE0_wall\": %.3f, "
                + "\"normalizeE0Lcf3_cpu\": %.3f, \"normalizeE0Lcf3_wall\": %.3f}%n",
            read[0], read[1], norm[0], norm[1], lcf[0], lcf[1]);
    }
}
