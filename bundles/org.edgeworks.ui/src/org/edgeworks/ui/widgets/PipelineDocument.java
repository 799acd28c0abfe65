package org.edgeworks.ui.widgets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.io.AtomicFiles;
import org.edgeworks.core.processing.Parameters;
import org.edgeworks.core.processing.Processor;
import org.edgeworks.pipeline.Pipeline;
import org.edgeworks.pipeline.ScanToMu;
import org.edgeworks.core.data.Scan;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The pipeline editor's side of a pipeline file. The format and its checks belong to
 * {@link Pipeline} (the same reader {@code ./edgeworks run} uses), so a file saved here runs
 * there and a file that runs there loads here. The editor works on spectra, so a saved file
 * starts with the {@link ScanToMu} adapter (mu from the file's channels) when its first step
 * takes a spectrum, and loading drops leading Scan adapters again.
 */
public final class PipelineDocument {
    public static final String SCHEMA = Pipeline.SCHEMA;

    /**
     * One step: a registered processor, its parameter record, and the optional component of the previous
     * output it takes ({@code "from"} of the pipeline file; null: the whole output).
     */
    public record Step(Processor<?, ?, ?> processor, Record parameters, String from) {
        public Step(Processor<?, ?, ?> processor, Record parameters) { this(processor, parameters, null); }

        /** The same step with other parameters. */
        public Step with(Record newParameters) { return new Step(processor, newParameters, from); }
    }

    private PipelineDocument() {}

    public static String toJson(List<Step> steps) {
        return toJson(steps, null);
    }

    /**
     * The pipeline file; when the first step does not take a Scan, the {@link ScanToMu} adapter comes first with
     * {@code adapterParameters} (null: its defaults, the channels' automatic rule).
     */
    public static String toJson(List<Step> steps, ObjectNode adapterParameters) {
        ObjectNode root = Parameters.json().createObjectNode();
        root.put("schema", SCHEMA);
        var array = root.putArray("steps");
        if (!steps.isEmpty() && steps.get(0).processor().inputType() != Scan.class) {
            ObjectNode adapter = array.addObject().put("processor", ScanToMu.ID);
            if (adapterParameters != null) adapter.set("parameters", adapterParameters);
        }
        for (Step s : steps) {
            ObjectNode step = array.addObject();
            step.put("processor", s.processor().id());
            step.set("parameters", Parameters.json().valueToTree(s.parameters()));
            if (s.from() != null) step.put("from", s.from());
        }
        try {
            return Parameters.json().writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void save(Path file, List<Step> steps) throws EdgeworksException {
        AtomicFiles.writeString(file, true, toJson(steps));
    }

    public static List<Step> load(Path file) throws EdgeworksException {
        return steps(Pipeline.read(file, Processors.registry()));
    }

    /** The editor's steps as the runner's pipeline (with the adapter of {@link #toJson(List, ObjectNode)}). */
    public static Pipeline pipeline(String where, List<Step> steps, ObjectNode adapterParameters) throws EdgeworksException {
        return Pipeline.parse(toJson(steps, adapterParameters), where, Processors.registry());
    }

    public static List<Step> parse(String where, String text) throws EdgeworksException {
        return steps(Pipeline.parse(text, where, Processors.registry()));
    }

    private static List<Step> steps(Pipeline pipeline) {
        List<Step> out = new ArrayList<>();
        for (Pipeline.Step s : pipeline.steps()) {
            if (out.isEmpty() && s.processor().inputType() == Scan.class) continue; // adapter added back on save
            out.add(new Step(s.processor(), s.parameters(), out.isEmpty() ? null : s.from()));
        }
        return out;
    }
}
