package org.edgeworks.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.processing.Parameters;
import org.edgeworks.core.processing.Processor;
import org.edgeworks.core.registry.ProcessorRegistry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A saved pipeline: an ordered list of processor ids with parameters, as JSON with a versioned
 * schema:
 * <pre>
 * {"schema": "edgeworks-pipeline/1", "name": "...", "output": "{filename}",
 *  "steps": [{"processor": "org.edgeworks.pipeline.mu", "parameters": {}},
 *            {"processor": "org.edgeworks.xas.normalize", "parameters": {"nnorm": 1}}]}
 * </pre>
 * How data flow: the first step receives the {@link Scan} the detector bundle read, each later
 * step receives the previous step's output. A step may name {@code "from"}: a record component
 * (or no-argument method) of the previous output to pass on instead of the whole output, e.g.
 * {@code "from": "normSpectrum"}. Turning a Scan into a processor's input is itself a step: the
 * adapters {@code org.edgeworks.pipeline.*} (mu, xasChannels, spectrum, emissionSpectra, rixsMap,
 * rawStack) are processors like any other. {@code "output"} names the result files inside
 * --out: {filename} is the raw file's name, {file} the name without its last extension; the
 * default is {filename}.
 *
 * <p>Everything is checked before any file is read: schema, processor ids, parameter names and
 * types, and that each step can take what the previous one makes. Every error is one line.
 */
public record Pipeline(String name, String output, List<Step> steps, String json) {
    public static final String SCHEMA = "edgeworks-pipeline/1";
    /**
     * Default output name: the raw file's whole name ("MnO.dat" gives MnO.dat.nxs, .csv, .png), so
     * files that differ only in their extension (sxr129598.mda and .asc) never collide.
     */
    public static final String DEFAULT_OUTPUT = "{filename}";

    /** One resolved step: the processor, its parsed parameter record and the optional component to take. */
    public record Step(int index, Processor<?, ?, ?> processor, Record parameters, JsonNode parametersJson, String from) {
        public String id() { return processor.id(); }
    }

    public static Pipeline read(Path file, ProcessorRegistry registry) throws EdgeworksException {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw EdgeworksException.unreadable(file, e);
        }
        return parse(text, file.toString(), registry);
    }

    public static Pipeline parse(String text, String where, ProcessorRegistry registry) throws EdgeworksException {
        JsonNode root;
        try {
            root = Parameters.json().readTree(text);
        } catch (IOException e) {
            String m = e.getMessage() == null ? "" : e.getMessage().split("\n")[0];
            throw new EdgeworksException(where, null, "not valid JSON: " + m);
        }
        if (root == null || !root.isObject()) throw new EdgeworksException(where, null, "a pipeline is a JSON object");
        String schema = root.path("schema").asText("");
        if (!SCHEMA.equals(schema))
            throw new EdgeworksException(where, "schema", "is '" + schema + "', expected '" + SCHEMA + "'");
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!List.of("schema", "name", "description", "output", "steps").contains(f))
                throw new EdgeworksException(where, f, "unknown field (known: schema, name, description, output, steps)");
        }
        JsonNode stepsNode = root.get("steps");
        if (!(stepsNode instanceof ArrayNode arr) || arr.isEmpty())
            throw new EdgeworksException(where, "steps", "must be a non-empty list");
        String output = root.path("output").asText(DEFAULT_OUTPUT);
        checkOutputName(output, where);
        List<Step> steps = new ArrayList<>();
        Class<?> flowing = Scan.class;
        for (int i = 0; i < arr.size(); i++) {
            String at = "steps[" + i + "]";
            JsonNode s = arr.get(i);
            if (!s.isObject()) throw new EdgeworksException(where, at, "must be an object {\"processor\": id, \"parameters\": {...}}");
            for (Iterator<String> it = s.fieldNames(); it.hasNext();) {
                String f = it.next();
                if (!List.of("processor", "parameters", "from").contains(f))
                    throw new EdgeworksException(where, at + "." + f, "unknown field (known: processor, parameters, from)");
            }
            String id = s.path("processor").asText("");
            Processor<?, ?, ?> p;
            try {
                p = registry.get(id);
            } catch (EdgeworksException e) {
                throw new EdgeworksException(where, at + ".processor", "unknown processor '" + id + "' (known: "
                    + String.join(", ", registry.all().keySet()) + ")");
            }
            Record params = parameters(p, s.get("parameters"), where, at);
            String from = s.hasNonNull("from") ? s.get("from").asText() : null;
            if (from != null) {
                if (i == 0) throw new EdgeworksException(where, at + ".from", "the first step receives the scan itself");
                flowing = Components.type(flowing, from, where, at + ".from");
            }
            if (!p.inputType().isAssignableFrom(flowing))
                throw new EdgeworksException(where, at, id + " takes " + p.inputType().getSimpleName() + " but "
                    + (i == 0 ? "the first step receives a Scan (start with an adapter such as org.edgeworks.pipeline.mu)"
                        : "the previous step makes " + flowing.getSimpleName() + Components.hint(flowing, p.inputType())));
            steps.add(new Step(i, p, params, s.has("parameters") ? s.get("parameters") : Parameters.json().createObjectNode(), from));
            flowing = outputType(p);
        }
        String name = root.path("name").asText(Path.of(where).getFileName().toString().replaceFirst("\\.json$", ""));
        return new Pipeline(name, output, List.copyOf(steps), text);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Record parameters(Processor<?, ?, ?> p, JsonNode node, String where, String at) throws EdgeworksException {
        if (node != null && !node.isNull() && !node.isObject())
            throw new EdgeworksException(where, at + ".parameters", "must be a JSON object");
        try {
            return Parameters.fromJson(node, (Class) p.parameterType(), (Record) p.defaults(), where);
        } catch (EdgeworksException e) {
            // name the field: retry each one alone and report the first that fails
            if (node != null && node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> f = it.next();
                    ObjectNode one = Parameters.json().createObjectNode();
                    one.set(f.getKey(), f.getValue());
                    try {
                        Parameters.fromJson(one, (Class) p.parameterType(), (Record) p.defaults(), where);
                    } catch (EdgeworksException single) {
                        throw new EdgeworksException(where, at + ".parameters." + f.getKey(), p.id() + ": " + single.problem());
                    }
                }
            }
            throw new EdgeworksException(where, at + ".parameters", p.id() + ": " + e.problem());
        }
    }

    /** The declared output type ({@link Processor#outputType()}). */
    static Class<?> outputType(Processor<?, ?, ?> p) {
        return p.outputType();
    }

    /** Output names may not leave --out: no absolute paths, no "..", only {file} as a placeholder. */
    static void checkOutputName(String output, String where) throws EdgeworksException {
        String probe = output.replace("{filename}", "x").replace("{file}", "x");
        if (probe.isBlank() || probe.contains("..") || probe.startsWith("/") || probe.startsWith("\\") || probe.contains(":")
            || probe.contains("{") || probe.contains("}"))
            throw new EdgeworksException(where, "output", "'" + output + "' is not a plain name inside --out (no '..', no absolute path; placeholders {filename}, {file})");
    }

    /** Parameters as they were read (for provenance): the full record, defaults filled in. */
    public static Map<String, Object> parameterMap(Step s) {
        return Parameters.toMap(s.parameters());
    }

    /** The pipeline as canonical JSON (recorded in every result so that rerun needs nothing else). */
    public String canonicalJson() {
        ObjectNode root = Parameters.json().createObjectNode();
        root.put("schema", SCHEMA);
        root.put("name", name);
        root.put("output", output);
        ArrayNode arr = root.putArray("steps");
        for (Step s : steps) {
            ObjectNode o = arr.addObject();
            o.put("processor", s.id());
            o.set("parameters", Parameters.json().valueToTree(s.parameters()));
            if (s.from() != null) o.put("from", s.from());
        }
        try {
            return Parameters.json().writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
