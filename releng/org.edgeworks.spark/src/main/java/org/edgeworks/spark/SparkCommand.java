package org.edgeworks.spark;

import java.io.PrintWriter;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.edgeworks.cli.xas.LcfOptions;
import org.edgeworks.cli.xas.NormalizeOptions;
import org.edgeworks.cli.xas.StackCommand;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.detector.DetectorRegistry;
import org.edgeworks.core.registry.ProcessorRegistry;
import org.edgeworks.pipeline.Pipeline;
import org.edgeworks.pipeline.PipelineRunner;
import org.edgeworks.stack.StackAnalysis;
import org.edgeworks.stack.StackSource;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code edgeworks spark PIPELINE.json FILE... --out DIR [--master URL]}: one Spark task per file,
 * each running the pipeline exactly as {@code edgeworks run} does and writing its results with the
 * same atomic writer (DIR must be a folder every executor sees). {@code edgeworks spark --stack
 * STACK [xas stack options] --out DIR}: one task per band of image rows; the driver joins the
 * bands and writes NAME.stack.nxs and the PNGs as {@code xas stack} does. Same code, same
 * numbers: with the same SOURCE_DATE_EPOCH the files are byte-identical to the one-machine ones.
 */
@Command(name = "spark", mixinStandardHelpOptions = true,
    description = "Run a pipeline over files, or a stack analysis over bands of rows, as Apache Spark tasks (local[N], spark://, yarn, k8s://).")
public final class SparkCommand implements Callable<Integer> {
    @Parameters(paramLabel = "PIPELINE.json FILE", arity = "0..*", description = "The pipeline, then the raw files (not with --stack).")
    List<String> args = new ArrayList<>();
    @Option(names = "--stack", paramLabel = "STACK", description = "Analyse this image stack (as xas stack) instead of running a pipeline.")
    String stack;
    @Mixin StackCommand.Options stackOptions;
    @Mixin NormalizeOptions normalize;
    @Mixin LcfOptions fit;
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (one every executor sees, for pipelines).")
    String out;
    @Option(names = "--overwrite", description = "Replace existing results.")
    boolean overwrite;
    @Option(names = "--master", paramLabel = "URL", description = "Spark master: local[N] (default local[*] unless spark-submit set one), spark://HOST:PORT, yarn, k8s://...")
    String master;
    @Spec CommandSpec spec;

    /** The arguments as given: an executor rebuilds the same stack job from them (picocli options are not serializable). */
    String[] given = new String[0];

    public static void main(String[] argv) {
        System.exit(run(argv, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command with the given streams and returns the exit code (1: bad input or failed files, 2: usage). */
    public static int run(String[] argv, PrintWriter out, PrintWriter err) {
        SparkCommand command = new SparkCommand();
        command.given = argv.clone();
        CommandLine cl = new CommandLine(command);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            Throwable t = ex;
            while (!(t instanceof EdgeworksException) && t.getCause() != null && t.getCause() != t) t = t.getCause();
            err.println(t instanceof EdgeworksException ee ? "edgeworks: " + ee.getMessage()
                : "edgeworks: internal error: " + ex + " (rerun with EDGEWORKS_DEBUG=1 for details)");
            if ("1".equals(System.getenv("EDGEWORKS_DEBUG"))) ex.printStackTrace(err);
            err.flush();
            return 1;
        });
        return cl.execute(argv);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter log = spec.commandLine().getOut();
        if (stack == null && args.size() < 2) throw EdgeworksException.of("spark", "give PIPELINE.json and at least one FILE, or --stack STACK");
        if (stack != null && !args.isEmpty()) throw EdgeworksException.of("spark", "--stack takes no pipeline or files (" + args.get(0) + ")");
        // check the inputs on the driver first: a bad pipeline or stack is one line, before any task starts
        StackCommand.Job job = stack == null ? null : StackCommand.job(stack, stackOptions, normalize, fit);
        StackAnalysis.Setup setup = job == null ? null : job.setup();
        if (stack == null) Pipeline.read(Path.of(args.get(0)), ProcessorRegistry.load());
        SparkConf conf = new SparkConf().setAppName("edgeworks " + (stack != null ? "stack " + stack : "run " + args.get(0)));
        if (master != null) conf.setMaster(master);
        else if (!conf.contains("spark.master")) conf.setMaster("local[*]");
        conf.setIfMissing("spark.ui.enabled", "false");
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            sc.setLogLevel("WARN");
            return stack != null ? stack(sc, setup, log) : pipeline(sc, log);
        }
    }

    /** Files as partitions: each task runs and writes one file as 'edgeworks run' does. */
    private int pipeline(JavaSparkContext sc, PrintWriter log) {
        List<String> files = new ArrayList<>(args.subList(1, args.size()));
        String pipelineFile = args.get(0), outDir = out;
        boolean replace = overwrite;
        List<String> lines = sc.parallelize(files, files.size()).map(f -> {
            try {
                Pipeline p = Pipeline.read(Path.of(pipelineFile), ProcessorRegistry.load());
                PipelineRunner.Run r = PipelineRunner.process(p, Path.of(f), DetectorRegistry.load());
                List<Path> written = PipelineRunner.write(p, r, Path.of(outDir), replace, PipelineRunner.version());
                return "ok      " + f + " -> " + written.get(0).getFileName();
            } catch (EdgeworksException e) {
                return "FAILED  " + e.getMessage().replace('\n', ' ');
            }
        }).collect();
        int failed = 0;
        for (String l : lines) {
            log.println(l);
            if (l.startsWith("FAILED")) failed++;
        }
        log.println("summary: " + files.size() + " file(s), " + (files.size() - failed) + " ok, " + failed + " failed");
        log.flush();
        return failed == 0 ? 0 : 1;
    }

    /** Per-JVM cache of the stack job an executor rebuilt from the arguments. */
    private static final ConcurrentHashMap<List<String>, Object[]> JOBS = new ConcurrentHashMap<>();

    private static Object[] job(String[] argv) {
        return JOBS.computeIfAbsent(List.of(argv), k -> {
            SparkCommand c = new SparkCommand();
            new CommandLine(c).parseArgs(argv);
            try {
                StackCommand.Job job = StackCommand.job(c.stack, c.stackOptions, c.normalize, c.fit);
                return new Object[] {job, job.setup()};
            } catch (EdgeworksException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    /** Bands of rows as partitions; the driver joins them and writes as 'xas stack' does. */
    private int stack(JavaSparkContext sc, StackAnalysis.Setup setup, PrintWriter log) throws EdgeworksException {
        List<int[]> bands = setup.bands();
        String[] argv = given;
        List<StackAnalysis.Band> done = sc.parallelize(bands, bands.size()).map(b -> {
            Object[] j = job(argv);
            StackCommand.Job jb = (StackCommand.Job) j[0];
            try (StackSource s = jb.spec().open()) {
                return StackAnalysis.band((StackAnalysis.Setup) j[1], s, jb.flux(), b[0], b[1]);
            }
        }).collect();
        StackCommand.write(StackAnalysis.join(setup, done), Path.of(out), overwrite, log);
        return 0;
    }
}
