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

    /** One step: a registered processor and its parameter record. */
    public record Step(Processor<?, ?, ?> processor, Record parameters) {}

    private PipelineDocument() {}

    public static String toJson(List<Step> steps) {
        ObjectNode root = Parameters.json().createObjectNode();
        root.put("schema", SCHEMA);
        var array = root.putArray("steps");
        if (!steps.isEmpty() && steps.get(0).processor().inputType() != Scan.class)
            array.addObject().put("processor", ScanToMu.ID);
        for (Step s : steps) {
            ObjectNode step = array.addObject();
            step.put("processor", s.processor().id());
            step.set("parameters", Parameters.json().valueToTree(s.parameters()));
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

    public static List<Step> parse(String where, String text) throws EdgeworksException {
        return steps(Pipeline.parse(text, where, Processors.registry()));
    }

    private static List<Step> steps(Pipeline pipeline) {
        List<Step> out = new ArrayList<>();
        for (Pipeline.Step s : pipeline.steps()) {
            if (out.isEmpty() && s.processor().inputType() == Scan.class) continue; // adapter added back on save
            out.add(new Step(s.processor(), s.parameters()));
        }
        return out;
    }
}
