package org.edgeworks.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.detector.DetectorRegistry;
import org.edgeworks.core.registry.ProcessorRegistry;
import org.edgeworks.pipeline.Pipeline;
import org.edgeworks.pipeline.PipelineRunner;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code edgeworks run PIPELINE.json FILE... --out DIR}: every file through the pipeline, one
 * progress line per file as it finishes, a summary, exit 1 if any file failed (the others still
 * complete). Results: DIR/NAME.nxs (NeXus with provenance), .csv and .png, each written
 * atomically; an existing result is kept unless --overwrite.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run a saved pipeline (JSON, schema edgeworks-pipeline/1) over raw files; write NeXus + CSV + PNG results.")
public final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "PIPELINE.json", description = "The pipeline.")
    Path pipelineFile;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = "Raw files (any format a detector bundle reads).")
    List<Path> files;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the results (created if missing).")
    Path out;

    @Option(names = "--overwrite", description = "Replace existing results.")
    boolean overwrite;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "1", description = "Files processed in parallel (default 1).")
    int jobs;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws EdgeworksException {
        PrintWriter o = spec.commandLine().getOut();
        if (jobs < 1) throw new EdgeworksException("--jobs", null, jobs + " is not a positive number of jobs");
        Pipeline pipeline = Pipeline.read(pipelineFile, ProcessorRegistry.load());
        // two inputs writing to the same result name would overwrite each other: refuse up front
        Map<Path, Path> claimed = new HashMap<>();
        for (Path f : files) {
            Path nxs = PipelineRunner.outputs(pipeline, f, out).get(0);
            Path before = claimed.putIfAbsent(nxs, f);
            if (before != null && !before.equals(f))
                throw new EdgeworksException(f.toString(), null, "would write the same result as " + before + " (" + nxs.getFileName() + ")");
        }
        Outcome.Summary s = runAll(pipeline, files, out, overwrite, jobs, o);
        o.println(s.line());
        o.flush();
        return s.failed() == 0 ? 0 : Main.EXIT_FAILURE;
    }

    /** What happened to one file. */
    record Outcome(Path file, List<Path> outputs, String error, long millis) {
        record Summary(int total, int failed, long millis) {
            String line() {
                return "summary: " + total + " file(s), " + (total - failed) + " ok, " + failed + " failed, " + millis + " ms";
            }
        }
    }

    static Outcome.Summary runAll(Pipeline pipeline, List<Path> files, Path out, boolean overwrite, int jobs, PrintWriter o) {
        long t0 = System.nanoTime();
        DetectorRegistry detectors = DetectorRegistry.load();
        String version = PipelineRunner.version();
        AtomicInteger done = new AtomicInteger();
        int total = files.size();
        List<Outcome> outcomes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, Math.max(1, total)));
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (Path f : files) futures.add(pool.submit(() -> {
                long s = System.nanoTime();
                Outcome oc;
                try {
                    PipelineRunner.Run run = PipelineRunner.process(pipeline, f, detectors);
                    oc = new Outcome(f, PipelineRunner.write(pipeline, run, out, overwrite, version), null, (System.nanoTime() - s) / 1_000_000);
                } catch (EdgeworksException e) {
                    oc = new Outcome(f, List.of(), e.getMessage(), (System.nanoTime() - s) / 1_000_000);
                } catch (RuntimeException | OutOfMemoryError e) {
                    oc = new Outcome(f, List.of(), f + ": internal error: " + e, (System.nanoTime() - s) / 1_000_000);
                }
                int n = done.incrementAndGet();
                synchronized (o) {
                    if (oc.error() == null)
                        o.println("[" + n + "/" + total + "] ok      " + f + " -> " + oc.outputs().get(0).getFileName() + " (" + oc.millis() + " ms)");
                    else
                        o.println("[" + n + "/" + total + "] FAILED  " + oneLine(oc.error()));
                    o.flush();
                }
                return oc;
            }));
            for (Future<Outcome> fu : futures) {
                try {
                    outcomes.add(fu.get());
                } catch (Exception e) {
                    outcomes.add(new Outcome(null, List.of(), String.valueOf(e), 0));
                }
            }
        } finally {
            pool.shutdown();
        }
        int failed = (int) outcomes.stream().filter(x -> x.error() != null).count();
        return new Outcome.Summary(total, failed, (System.nanoTime() - t0) / 1_000_000);
    }

    static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ');
    }
}
