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
 * complete). Results: DIR/NAME.nxs (NeXus with provenance), .csv and .png, then
 * NAME.manifest.json last: a set without a valid manifest is incomplete (a killed run) and is
 * redone; a complete one is kept unless --overwrite, and skipped with --resume.
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

    @Option(names = "--resume", description = "Skip files whose complete result set exists (an interrupted batch continues); incomplete sets are redone.")
    boolean resume;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws EdgeworksException {
        PrintWriter o = spec.commandLine().getOut();
        if (jobs < 1) throw new EdgeworksException("--jobs", null, jobs + " is not a positive number of jobs");
        Pipeline pipeline = Pipeline.read(pipelineFile, ProcessorRegistry.load());
        // two inputs writing to the same result name would overwrite each other: refuse up front
        DetectorRegistry detectors = DetectorRegistry.load();
        List<Job> work = jobs(files, detectors, o);
        Map<Path, Path> claimed = new HashMap<>();
        for (Job j : work) {
            Path nxs = PipelineRunner.outputs(pipeline, j.file(), j.scanId(), out).get(0);
            Path before = claimed.putIfAbsent(nxs, j.file());
            if (before != null && !before.equals(j.file()))
                throw new EdgeworksException(j.file().toString(), null, "would write the same result as " + before + " (" + nxs.getFileName() + ")");
        }
        List<Job> todo = work;
        if (resume && !overwrite) {
            todo = new ArrayList<>();
            for (Job j : work) {
                Path nxs = PipelineRunner.outputs(pipeline, j.file(), j.scanId(), out).get(0);
                if (PipelineRunner.complete(nxs)) {
                    PipelineRunner.removeStaleStaging(nxs);
                    o.println("skipped " + j.file() + " (complete result set " + nxs.getFileName() + ")");
                } else todo.add(j);
            }
            o.flush();
        }
        Outcome.Summary s = runJobs(pipeline, todo, files.size(), out, overwrite, jobs, o, detectors);
        o.println(s.line());
        o.flush();
        return s.failed() == 0 ? 0 : Main.EXIT_FAILURE;
    }

    /** One unit of work: a file, or one scan of a multi-scan file (scanId non-null). */
    record Job(Path file, String scanId) {
        String label() { return scanId == null ? file.toString() : file + "#" + scanId; }
    }

    /**
     * The work for the files: a one-scan file is one job; a multi-scan file (SPEC, BLISS/NeXus
     * entries, Athena groups) one job per usable scan, the others printed as not processed. A file
     * whose scans cannot be listed is one job (it fails there with its one-line error).
     */
    static List<Job> jobs(List<Path> files, DetectorRegistry detectors, PrintWriter o) {
        List<Job> out = new ArrayList<>();
        for (Path f : files) {
            List<org.edgeworks.core.detector.Detector.ScanEntry> scans;
            try {
                scans = detectors.scans(f);
            } catch (EdgeworksException | RuntimeException e) {
                scans = List.of();
            }
            if (scans.isEmpty()) { out.add(new Job(f, null)); continue; }
            for (var e : scans) {
                if (e.usable()) out.add(new Job(f, e.id()));
                else o.println("skipped " + f + "#" + e.id() + ": " + e.note());
            }
        }
        return out;
    }

    /** What happened to one file. */
    record Outcome(Path file, List<Path> outputs, String error, long millis) {
        record Summary(int total, int failed, long millis, int files) {
            String line() {
                String what = total == files ? total + " file(s)" : total + " scan(s) of " + files + " file(s)";
                return "summary: " + what + ", " + (total - failed) + " ok, " + failed + " failed, " + millis + " ms";
            }
        }
    }

    static Outcome.Summary runJobs(Pipeline pipeline, List<Job> work, int nfiles, Path out, boolean overwrite, int jobs, PrintWriter o,
                                   DetectorRegistry detectors) {
        long t0 = System.nanoTime();
        String version = PipelineRunner.version();
        AtomicInteger done = new AtomicInteger();
        int total = work.size();
        List<Outcome> outcomes = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, Math.max(1, total)));
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (Job job : work) futures.add(pool.submit(() -> {
                Path f = job.file();
                long s = System.nanoTime();
                Outcome oc;
                try {
                    PipelineRunner.Run run = PipelineRunner.process(pipeline, f, job.scanId(), detectors, null);
                    oc = new Outcome(f, PipelineRunner.write(pipeline, run, out, overwrite, version), null, (System.nanoTime() - s) / 1_000_000);
                } catch (EdgeworksException e) {
                    oc = new Outcome(f, List.of(), e.getMessage(), (System.nanoTime() - s) / 1_000_000);
                } catch (RuntimeException | OutOfMemoryError e) {
                    oc = new Outcome(f, List.of(), f + ": internal error: " + e, (System.nanoTime() - s) / 1_000_000);
                }
                int n = done.incrementAndGet();
                synchronized (o) {
                    if (oc.error() == null)
                        o.println("[" + n + "/" + total + "] ok      " + job.label() + " -> " + oc.outputs().get(0).getFileName() + " (" + oc.millis() + " ms)");
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
        return new Outcome.Summary(total, failed, (System.nanoTime() - t0) / 1_000_000, nfiles);
    }

    static String oneLine(String s) {
        return s.replace('\n', ' ').replace('\r', ' ');
    }
}
