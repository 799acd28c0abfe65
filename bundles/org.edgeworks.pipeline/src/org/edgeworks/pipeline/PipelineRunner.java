package org.edgeworks.pipeline;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.january.IMonitor;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.detector.DetectorRegistry;
import org.edgeworks.core.io.AtomicFiles;
import org.edgeworks.core.io.Checksums;
import org.edgeworks.core.io.Csv;
import org.edgeworks.core.processing.Processor;
import org.edgeworks.core.processing.Result;
import org.edgeworks.core.registry.ProcessorRegistry;
import org.edgeworks.plot.Colormap;
import org.edgeworks.plot.LinePlot;
import org.edgeworks.plot.MapPlot;
import org.edgeworks.plot.PngPlots;
import org.edgeworks.plot.Scaling;
import org.edgeworks.plot.Series;

/**
 * Runs a pipeline over one raw file and writes its result set: NeXus, CSV and PNG, then a
 * manifest. The set is written into a hidden staging folder in the output folder, its files
 * renamed into place, and the manifest (file names and SHA-256) written last, atomically: a set
 * without a valid manifest is incomplete, treated as absent (replaced by the next run, refused
 * by rerun), so a run killed at any moment leaves every set whole or absent (issue 13).
 */
public final class PipelineRunner {
    private PipelineRunner() {}

    /**
     * The outcome of running every step on one file (or one scan of a multi-scan file).
     *
     * @param scanId the scan of a multi-scan file (SPEC #S number, entry, Athena group), null for a one-scan file
     */
    public record Run(Path raw, String sha256, Scan scan, List<ResultNexus.StepRecord> steps, Object value, ResultTable table, String scanId) {}

    public static Run process(Pipeline pipeline, Path raw, DetectorRegistry detectors) throws EdgeworksException {
        return process(pipeline, raw, detectors, null);
    }

    /**
     * Every step on one raw file, each given {@code monitor} for progress and cancellation (null:
     * none); a cancelled run ends with the one-line error "FILE: step N ID: ...: cancelled".
     */
    public static Run process(Pipeline pipeline, Path raw, DetectorRegistry detectors, IMonitor monitor) throws EdgeworksException {
        return process(pipeline, raw, null, detectors, monitor);
    }

    /**
     * Every step on one scan of a multi-scan file ({@code scanId} as {@link DetectorRegistry#scans}
     * lists it; null: the file's one scan).
     */
    public static Run process(Pipeline pipeline, Path raw, String scanId, DetectorRegistry detectors, IMonitor monitor) throws EdgeworksException {
        try {
            return processAbsolute(pipeline, raw, scanId, detectors, monitor);
        } catch (EdgeworksException e) {
            // errors name the file as the user typed it (issue 13); results still record the absolute path
            String abs = raw.toAbsolutePath().normalize().toString();
            String typed = raw.toString();
            if (abs.equals(e.file()) && !abs.equals(typed)) throw e.in(typed, e.pathInFile());
            throw e;
        }
    }

    private static Run processAbsolute(Pipeline pipeline, Path raw, String scanId, DetectorRegistry detectors, IMonitor monitor) throws EdgeworksException {
        Path abs = raw.toAbsolutePath().normalize();
        String sha = Checksums.sha256(abs);
        Scan scan = scanId == null ? detectors.read(abs) : detectors.read(abs, scanId);
        Object value = scan;
        List<ResultNexus.StepRecord> records = new ArrayList<>();
        List<Result<?>> results = applySteps(pipeline.steps(), scan, abs.toString(), monitor);
        for (int i = 0; i < results.size(); i++) {
            records.add(ResultNexus.StepRecord.of(pipeline.steps().get(i), results.get(i).provenance()));
            value = results.get(i).value();
        }
        return new Run(abs, sha, scan, List.copyOf(records), value, ResultTable.of(value), scanId);
    }

    /**
     * The pipeline applied in memory to data already read (the workbench's preview of a selected
     * spectrum or map): the leading steps that read a raw Scan (the adapters) are passed over when
     * the value is not one; then every step as {@link #process} runs it ({@code from} honoured).
     *
     * @param where names the data in errors (as a file does in {@link #process})
     * @return each applied step's result, in order
     * @throws EdgeworksException one line naming {@code where} and the step that refused
     */
    public static List<Result<?>> applyTo(Pipeline pipeline, Object value, String where, IMonitor monitor) throws EdgeworksException {
        List<Pipeline.Step> steps = pipeline.steps();
        int first = 0;
        while (first < steps.size() && !(value instanceof Scan) && steps.get(first).processor().inputType() == Scan.class) first++;
        return applySteps(steps.subList(first, steps.size()), value, where, monitor);
    }

    /** The one loop over steps, for files and for data in memory. */
    private static List<Result<?>> applySteps(List<Pipeline.Step> steps, Object value, String where, IMonitor monitor)
            throws EdgeworksException {
        List<Result<?>> results = new ArrayList<>();
        for (Pipeline.Step s : steps) {
            String step = "step " + (s.index() + 1) + " " + s.id();
            if (s.from() != null) value = Components.take(value, s.from());
            if (!s.processor().inputType().isInstance(value))
                throw new EdgeworksException(where, step, "takes " + s.processor().inputType().getSimpleName() + ", not "
                    + value.getClass().getSimpleName());
            Result<?> r;
            try {
                r = apply(s.processor(), value, s.parameters(), monitor);
            } catch (EdgeworksException e) {
                throw new EdgeworksException(where, step, e.getMessage().replace(where + ": ", ""));
            } catch (RuntimeException e) {
                throw new EdgeworksException(where, step, "failed: " + e, e);
            }
            results.add(r);
            value = r.value();
        }
        return results;
    }

    /** One file's outcome of {@link #processEach}: its run, or the one-line error naming the file (run null). */
    public record Outcome(Path raw, Run run, String error) {}

    /** The pipeline for one file (e.g. its import choice as the first step); may refuse the file in one line. */
    public interface PipelineFor {
        Pipeline of(Path raw) throws EdgeworksException;
    }

    /**
     * Every file in turn through {@link #process}, sharing {@code monitor} (progress: one unit per
     * file; cancel stops before the next file, and inside a step that checks the monitor): a file
     * that fails is an {@link Outcome} with its one-line error and the others still run. Each
     * outcome goes to {@code each} as soon as it is known; all are returned in file order.
     */
    public static List<Outcome> processEach(List<Path> files, PipelineFor pipelineFor, DetectorRegistry detectors, IMonitor monitor,
                                            java.util.function.Consumer<Outcome> each) {
        List<Outcome> out = new ArrayList<>();
        for (Path f : files) {
            if (monitor != null && monitor.isCancelled()) break;
            if (monitor != null) monitor.subTask(String.valueOf(f.getFileName()));
            Outcome o;
            try {
                o = new Outcome(f, process(pipelineFor.of(f), f, null, detectors, monitor), null);
            } catch (EdgeworksException e) {
                o = new Outcome(f, null, e.getMessage());
            } catch (RuntimeException e) {
                o = new Outcome(f, null, f + ": failed: " + e);
            }
            if (monitor != null && monitor.isCancelled()) break;
            out.add(o);
            if (each != null) each.accept(o);
            if (monitor != null) monitor.worked(1);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Result<?> apply(Processor<?, ?, ?> p, Object input, Record params, IMonitor monitor) throws EdgeworksException {
        return ((Processor<Object, Record, Object>) p).apply(input, params, monitor);
    }

    /** Output paths for a raw file: DIR/NAME.nxs, .csv, .png; NAME may not leave DIR. */
    public static List<Path> outputs(Pipeline pipeline, Path raw, Path outDir) throws EdgeworksException {
        return outputs(pipeline, raw, null, outDir);
    }

    /** Output paths for one scan of a multi-scan file: NAME#ID (characters other than letters, digits and ._+#- of ID become _). */
    public static List<Path> outputs(Pipeline pipeline, Path raw, String scanId, Path outDir) throws EdgeworksException {
        String fileName = raw.getFileName().toString();
        int dot = fileName.lastIndexOf('.');
        String base = dot > 0 ? fileName.substring(0, dot) : fileName;
        String name = pipeline.output().replace("{filename}", fileName).replace("{file}", base)
            + (scanId == null ? "" : "#" + scanId.replaceAll("[^A-Za-z0-9._+#-]", "_"));
        Path dir = outDir.toAbsolutePath().normalize();
        Path stem = dir.resolve(name).normalize();
        if (!stem.startsWith(dir) || stem.equals(dir))
            throw new EdgeworksException(raw.toString(), null, "output name '" + name + "' escapes --out " + outDir);
        return List.of(Path.of(stem + ".nxs"), Path.of(stem + ".csv"), Path.of(stem + ".png"));
    }

    /** The manifest of the result set whose NeXus file is {@code nxs}: NAME.manifest.json beside it. */
    public static Path manifest(Path nxs) {
        String n = nxs.getFileName().toString();
        return nxs.resolveSibling((n.endsWith(".nxs") ? n.substring(0, n.length() - 4) : n) + ".manifest.json");
    }

    /** True when the set of {@code nxs} has its manifest and every file it lists has the recorded SHA-256. */
    public static boolean complete(Path nxs) {
        Path m = manifest(nxs);
        if (!Files.isRegularFile(m) || !Files.isRegularFile(nxs)) return false;
        try {
            com.fasterxml.jackson.databind.JsonNode files = new com.fasterxml.jackson.databind.ObjectMapper().readTree(m.toFile()).path("files");
            if (!files.isObject() || files.isEmpty()) return false;
            for (java.util.Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = files.fields(); it.hasNext(); ) {
                Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> e = it.next();
                Path f = nxs.resolveSibling(e.getKey());
                if (!Files.isRegularFile(f) || !Checksums.sha256(f).equals(e.getValue().asText())) return false;
            }
            return true;
        } catch (java.io.IOException | EdgeworksException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Writes the result set (see the class comment). A complete existing set is kept unless
     * {@code overwrite} (an error before anything is written); an incomplete one, left by an
     * interrupted run, is replaced.
     */
    public static List<Path> write(Pipeline pipeline, Run run, Path outDir, boolean overwrite, String version) throws EdgeworksException {
        List<Path> out = outputs(pipeline, run.raw(), run.scanId(), outDir);
        Path manifest = manifest(out.get(0));
        if (!overwrite && complete(out.get(0)))
            throw new EdgeworksException(out.get(0), null, "exists already (use --overwrite to replace it)");
        Path dir = out.get(0).getParent();
        String stem = manifest.getFileName().toString().replace(".manifest.json", "");
        Path staging;
        try {
            Files.createDirectories(dir);
            removeStaleStaging(dir, stem);
            staging = Files.createTempDirectory(dir, "." + stem + ".partial-");
        } catch (java.io.IOException e) {
            throw new EdgeworksException(dir, null, "cannot create the result folder: " + e.getMessage(), e);
        }
        try {
            List<Path> staged = new ArrayList<>();
            for (Path p : out) staged.add(staging.resolve(p.getFileName()));
            List<Path> written = writeFiles(pipeline, run, staged, version);
            // the set stops being complete before any of its files is replaced
            Files.deleteIfExists(manifest);
            Map<String, String> sums = new java.util.LinkedHashMap<>();
            List<Path> placed = new ArrayList<>();
            for (Path f : written) {
                Path target = dir.resolve(f.getFileName());
                sums.put(f.getFileName().toString(), Checksums.sha256(f));
                Files.move(f, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                placed.add(target);
            }
            for (Path p : out) if (!placed.contains(p)) Files.deleteIfExists(p); // a PNG of an older, plotted result
            AtomicFiles.write(manifest, true, tmp -> writeManifest(tmp, run, sums));
            return placed;
        } catch (java.io.IOException e) {
            throw new EdgeworksException(out.get(0), null, "cannot write the result set: " + e.getMessage(), e);
        } finally {
            deleteTree(staging);
        }
    }

    private static void writeManifest(Path tmp, Run run, Map<String, String> sums) throws java.io.IOException {
        com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode root = m.createObjectNode();
        root.put("schema", "edgeworks-result-set/1");
        root.put("raw_file", run.raw().toString());
        root.put("raw_file_sha256", run.sha256());
        com.fasterxml.jackson.databind.node.ObjectNode files = root.putObject("files");
        sums.forEach(files::put);
        m.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), root);
    }

    /**
     * Removes the staging folders a killed run left beside the result set of {@code nxs}. A kill
     * can land after a set was placed and its manifest written but before its staging folder was
     * deleted; such a set is complete and is skipped by {@code run --resume}, so the skip must
     * clean up too (write() does it for every set it writes).
     */
    public static void removeStaleStaging(Path nxs) throws EdgeworksException {
        String stem = manifest(nxs).getFileName().toString().replace(".manifest.json", "");
        Path dir = nxs.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) return;
        try {
            removeStaleStaging(dir, stem);
        } catch (java.io.IOException e) {
            throw new EdgeworksException(dir, null, "cannot remove a staging folder left by an interrupted run: " + e.getMessage(), e);
        }
    }

    /** Staging folders of this result left by a killed run. */
    private static void removeStaleStaging(Path dir, String stem) throws java.io.IOException {
        try (java.util.stream.Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s::iterator)
                if (Files.isDirectory(p) && p.getFileName().toString().startsWith("." + stem + ".partial-")) deleteTree(p);
        }
    }

    private static void deleteTree(Path p) {
        try (java.util.stream.Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(q);
        } catch (java.io.IOException | java.io.UncheckedIOException ignored) {
            // best effort: a leftover staging folder is removed by the next write of the same result
        }
    }

    /** Writes the NeXus, CSV and (when there is something to plot) PNG files at the given paths. */
    private static List<Path> writeFiles(Pipeline pipeline, Run run, List<Path> out, String version) throws EdgeworksException {
        boolean overwrite = false;
        String date = org.edgeworks.core.processing.Clock.now();
        String title = pipeline.name() + ": " + run.raw().getFileName() + (run.scanId() == null ? "" : "#" + run.scanId());
        AtomicFiles.write(out.get(0), overwrite, tmp -> ResultNexus.write(tmp, title, version, date, run.raw().toString(), run.sha256(),
            run.scan().entryPath(), run.scan().detectorId(), pipeline, run.steps(), run.table()));
        AtomicFiles.write(out.get(1), overwrite, tmp -> csv(tmp, pipeline, run));
        ResultTable t = run.table();
        if (t.map() != null) {
            PngPlots.mapPlot(out.get(2), overwrite, new MapPlot(title, "emission energy (eV)", "excitation energy (eV)",
                t.map().emission().values(), t.map().excitation().values(), t.map().data(), Colormap.VIRIDIS, Scaling.linear()));
        } else if (t.hasData()) {
            PngPlots.linePlot(out.get(2), overwrite, LinePlot.of(title, t.axisName() + " (eV)", t.signal(),
                List.of(Series.of(t.signal(), t.axis(), t.columns().get(t.signal())))));
        } else {
            return out.subList(0, 2);
        }
        return out;
    }

    private static void csv(Path tmp, Pipeline pipeline, Run run) throws java.io.IOException {
        ResultTable t = run.table();
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write("# Edgeworks result: pipeline " + pipeline.name() + "\n");
            w.write("# raw file: " + run.raw() + "\n# raw file sha256: " + run.sha256() + "\n");
            for (ResultNexus.StepRecord s : run.steps()) w.write("# step " + s.processorId() + " " + s.version() + "\n");
            for (Map.Entry<String, Object> e : t.scalars().entrySet()) w.write("# " + e.getKey() + " = " + e.getValue() + "\n");
            if (t.map() != null) {
                double[] em = t.map().emission().values(), ex = t.map().excitation().values(), d = t.map().data();
                StringBuilder sb = new StringBuilder("excitation_eV\\emission_eV");
                for (double v : em) sb.append(',').append(num(v));
                w.write(sb.append('\n').toString());
                for (int i = 0; i < ex.length; i++) {
                    sb.setLength(0);
                    sb.append(num(ex[i]));
                    for (int j = 0; j < em.length; j++) sb.append(',').append(num(d[i * em.length + j]));
                    w.write(sb.append('\n').toString());
                }
            } else if (t.hasData()) {
                w.write(t.axisName() + "_eV," + String.join(",", t.columns().keySet()) + "\n");
                for (int i = 0; i < t.axis().length; i++) {
                    StringBuilder sb = new StringBuilder(num(t.axis()[i]));
                    for (double[] c : t.columns().values()) sb.append(',').append(num(c[i]));
                    w.write(sb.append('\n').toString());
                }
            }
        }
    }

    /** What a rerun wrote, and its notes (processor versions that changed and were accepted). */
    public record Rerun(List<Path> written, List<String> notes) {}

    /**
     * Reproduces a result from what it records (the pipeline JSON, the raw file path) into
     * {@code outDir}; refuses when the result set is incomplete, when the raw file is gone or its
     * SHA-256 differs from the recorded one, and when a processor's version differs from the
     * recorded one (the code changed: the numbers may differ).
     */
    public static List<Path> rerun(Path result, Path outDir, boolean overwrite) throws EdgeworksException {
        return rerun(result, outDir, overwrite, false).written();
    }

    /**
     * As {@link #rerun(Path, Path, boolean)}; with {@code acceptNewVersions} a changed processor
     * version does not refuse: the rerun uses the current code and says so in its notes.
     */
    public static Rerun rerun(Path result, Path outDir, boolean overwrite, boolean acceptNewVersions) throws EdgeworksException {
        if (!complete(result))
            throw new EdgeworksException(result, null, "incomplete result set (no valid " + manifest(result).getFileName()
                + ": the run that wrote it was interrupted, or a file was changed): rerun the pipeline with 'edgeworks run'");
        ResultNexus.Recorded rec = ResultNexus.read(result);
        Path raw = Path.of(rec.rawFile());
        if (!Files.isRegularFile(raw)) throw new EdgeworksException(result, "raw_file", "the recorded raw file " + raw + " is gone");
        String now = Checksums.sha256(raw);
        if (!now.equals(rec.rawSha256()))
            throw new EdgeworksException(result, "raw_file_sha256", "raw file " + raw + " changed (recorded sha256 "
                + rec.rawSha256() + ", now " + now + "): refusing to rerun");
        Pipeline p = Pipeline.parse(rec.pipelineJson(), result + ":pipeline", ProcessorRegistry.load());
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < p.steps().size() && i < rec.steps().size(); i++) {
            Pipeline.Step step = p.steps().get(i);
            String recorded = rec.steps().get(i).version();
            String current = step.processor().version();
            if (!current.equals(recorded)) {
                String what = "step " + (i + 1) + " " + step.id() + " was version " + recorded + ", now " + current;
                if (!acceptNewVersions)
                    throw new EdgeworksException(result, "step_" + String.format(java.util.Locale.ROOT, "%02d", i + 1) + "/version", what
                        + ": the code changed, the numbers may differ; refusing to rerun (--new-versions reruns with the current code)");
                notes.add("rerun with new code: " + what);
            }
        }
        DetectorRegistry detectors = DetectorRegistry.load();
        // a scan of a multi-scan file: the one whose entry path the result recorded
        String scanId = null;
        if (rec.rawEntry() != null && !rec.rawEntry().isEmpty())
            for (var en : detectors.scans(raw))
                if (detectors.read(raw, en.id()).entryPath().equals(rec.rawEntry())) { scanId = en.id(); break; }
        Run run = process(p, raw, scanId, detectors, null);
        return new Rerun(write(p, run, outDir, overwrite, version()), List.copyOf(notes));
    }

    /** The program version recorded in results. */
    public static String version() {
        String v = PipelineRunner.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0" : v;
    }

    /** A CSV cell ({@link Csv}: empty for a missing value, never NaN text). */
    static String num(double v) {
        return Csv.cell(v);
    }
}
