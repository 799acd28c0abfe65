package org.edgeworks.ui.widgets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.io.AtomicFiles;
import org.edgeworks.core.processing.Parameters;
import org.edgeworks.core.processing.Processor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A pipeline file: {@code {"schema": "edgeworks.pipeline/1", "steps": [{"processor": ID, "parameters": {...}}]}}.
 * Reading checks every processor id against the registry and every parameter block against its record, so a
 * file that loads here also runs.
 */
public final class PipelineDocument {
    public static final String SCHEMA = "edgeworks.pipeline/1";

    /** One step: a registered processor and its parameter record. */
    public record Step(Processor<?, ?, ?> processor, Record parameters) {}

    private PipelineDocument() {}

    public static String toJson(List<Step> steps) {
        ObjectNode root = Parameters.json().createObjectNode();
        root.put("schema", SCHEMA);
        var array = root.putArray("steps");
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
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new EdgeworksException(file, null, "cannot read pipeline: " + e.getMessage(), e);
        }
        return parse(file.toString(), text);
    }

    public static List<Step> parse(String where, String text) throws EdgeworksException {
        JsonNode root;
        try {
            root = Parameters.json().readTree(text);
        } catch (IOException e) {
            throw new EdgeworksException(where, null, "not a JSON pipeline: " + String.valueOf(e.getMessage()).split("\n")[0]);
        }
        if (root == null || !root.isObject()) throw new EdgeworksException(where, null, "pipeline must be a JSON object");
        JsonNode schema = root.get("schema");
        if (schema != null && !SCHEMA.equals(schema.asText()))
            throw new EdgeworksException(where, "schema", "unsupported pipeline schema '" + schema.asText() + "' (expected " + SCHEMA + ")");
        JsonNode steps = root.get("steps");
        if (steps == null || !steps.isArray()) throw new EdgeworksException(where, "steps", "pipeline has no 'steps' list");
        List<Step> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            JsonNode s = steps.get(i);
            String at = "steps[" + i + "]";
            JsonNode id = s.get("processor");
            if (id == null || !id.isTextual()) throw new EdgeworksException(where, at, "step has no 'processor' id");
            Processor<?, ?, ?> p;
            try {
                p = Processors.registry().get(id.asText());
            } catch (EdgeworksException e) {
                throw new EdgeworksException(where, at, e.problem());
            }
            out.add(new Step(p, read(p, s.get("parameters"), where + ": " + at)));
        }
        return out;
    }

    private static <P extends Record> P read(Processor<?, P, ?> p, JsonNode parameters, String where) throws EdgeworksException {
        return Parameters.fromJson(parameters, p.parameterType(), p.defaults(), where);
    }
}
