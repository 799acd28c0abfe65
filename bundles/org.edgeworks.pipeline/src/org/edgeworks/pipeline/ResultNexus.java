package org.edgeworks.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.processing.Parameters;
import org.edgeworks.core.processing.Provenance;
import org.edgeworks.nexus.NexusFile;
import org.edgeworks.nexus.NexusNode;
import org.edgeworks.nexus.NexusScans;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableDataset;
import io.jhdf.api.WritableGroup;

/**
 * Processed results as NeXus, written with jHDF's writer. Layout (NXxasproc for XAS results):
 * <pre>
 * /entry                      NXentry  (@default=data)
 *    title, definition ("NXxasproc" when the result is a spectrum on an energy axis), program_name
 *    sample                   NXsample name (NXxasproc only: the raw file name and scan)
 *    data                     NXdata   @signal @axes @AXIS_indices; the signal is "data" for NXxasproc; a RIXS map
 *                             is written by RixsFiles.putMap (intensity, intensity_errors, excitation_energy, emission_energy)
 *    XAS_data_reduction       NXprocess program, version, date, parameters/ (raw_file, raw_file_sha256, pipeline JSON)
 *    step_01, step_02, ...    NXprocess per step: program (processor id), version, date, sequence_index,
 *                             parameters/ (every parameter as a field, and all of them as JSON), notes,
 *                             raw_file, raw_file_sha256
 *    results                  NXcollection of the final step's scalar results
 * </pre>
 */
public final class ResultNexus {
    public static final String PROGRAM = "Edgeworks";
    static final String REDUCTION = "XAS_data_reduction";

    private ResultNexus() {}

    /** One executed step with its provenance. */
    /**
     * One executed step: the parameters as the pipeline gave them (defaults filled in: what rerun
     * uses) and the values the processor reports it actually used (automatic choices resolved).
     */
    public record StepRecord(String processorId, String label, String version, String date, Map<String, Object> parameters,
                             Map<String, Object> used, List<String> notes) {
        static StepRecord of(Pipeline.Step s, Provenance p) {
            return new StepRecord(s.id(), s.processor().label(), p.processorVersion(), p.date(), Pipeline.parameterMap(s),
                p.parameters(), p.notes());
        }
    }

    /** Everything a result file records, as read back. */
    public record Recorded(String title, String definition, String programVersion, String date, String rawFile, String rawSha256,
                           String rawEntry, String detector, String pipelineJson, List<StepRecord> steps,
                           String signal, String axis, double[] axisValues, Map<String, double[]> columns) {}

    static boolean isXas(ResultTable t) {
        return t.map() == null && t.axis() != null && "energy".equals(t.axisName());
    }

    public static void write(Path target, String title, String version, String date, String rawFile, String sha256,
                             String rawEntry, String detector, Pipeline pipeline, List<StepRecord> steps, ResultTable table) {
        try (WritableHdfFile f = HdfFile.write(target)) {
            f.putAttribute("default", "entry");
            f.putAttribute("creator", PROGRAM + " " + version);
            f.putAttribute("file_name", org.edgeworks.core.io.AtomicFiles.targetName(target)); // the result's name, not the temporary one
            WritableGroup entry = f.putGroup("entry");
            entry.putAttribute("NX_class", "NXentry");
            boolean xas = isXas(table);
            if (table.hasData()) entry.putAttribute("default", "data");
            entry.putDataset("title", title);
            if (xas) entry.putDataset("definition", "NXxasproc");
            entry.putDataset("program_name", PROGRAM).putAttribute("version", version);
            if (xas) {
                // NXxasproc requires SAMPLE/name: the raw file (and scan) the spectrum came from
                WritableGroup sample = entry.putGroup("sample");
                sample.putAttribute("NX_class", "NXsample");
                sample.putDataset("name", Path.of(rawFile).getFileName() + (rawEntry == null || rawEntry.isEmpty() ? "" : " " + rawEntry));
            }
            if (table.hasData()) writeData(entry.putGroup("data"), table, xas);

            WritableGroup red = entry.putGroup(REDUCTION);
            red.putAttribute("NX_class", "NXprocess");
            red.putDataset("program", PROGRAM);
            red.putDataset("version", version);
            red.putDataset("date", date);
            WritableGroup rp = red.putGroup("parameters");
            rp.putAttribute("NX_class", "NXparameters");
            rp.putDataset("raw_file", rawFile);
            rp.putDataset("raw_file_sha256", sha256);
            rp.putDataset("raw_entry", rawEntry == null ? "" : rawEntry);
            rp.putDataset("detector", detector);
            rp.putDataset("pipeline", pipeline.canonicalJson());

            for (int i = 0; i < steps.size(); i++) {
                StepRecord s = steps.get(i);
                WritableGroup g = entry.putGroup(String.format("step_%02d", i + 1));
                g.putAttribute("NX_class", "NXprocess");
                g.putDataset("program", s.processorId());
                g.putDataset("version", s.version());
                g.putDataset("date", s.date());
                g.putDataset("sequence_index", i + 1);
                g.putDataset("description", s.label());
                g.putDataset("raw_file", rawFile);
                g.putDataset("raw_file_sha256", sha256);
                WritableGroup params = g.putGroup("parameters");
                params.putAttribute("NX_class", "NXparameters");
                params.putDataset("json", Parameters.json().writeValueAsString(s.parameters()));
                for (Map.Entry<String, Object> e : s.parameters().entrySet()) putValue(params, e.getKey(), e.getValue());
                WritableGroup used = g.putGroup("used_parameters");
                used.putAttribute("NX_class", "NXparameters");
                used.putDataset("json", Parameters.json().writeValueAsString(s.used()));
                for (Map.Entry<String, Object> e : s.used().entrySet()) putValue(used, ResultTable.safe(e.getKey()), e.getValue());
                WritableGroup notes = g.putGroup("notes");
                notes.putAttribute("NX_class", "NXnote");
                notes.putDataset("type", "text/plain");
                notes.putDataset("data", s.notes().isEmpty() ? "" : String.join("\n", s.notes()));
            }
            if (!table.scalars().isEmpty()) {
                WritableGroup res = entry.putGroup("results");
                res.putAttribute("NX_class", "NXcollection");
                for (Map.Entry<String, Object> e : table.scalars().entrySet()) putValue(res, ResultTable.safe(e.getKey()), e.getValue());
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeData(WritableGroup data, ResultTable t, boolean xas) {
        if (t.map() != null) {
            org.edgeworks.pipeline.rixs.RixsFiles.putMap(data, t.map()); // the one RIXS map layout (intensity + intensity_errors)
            return;
        }
        data.putAttribute("NX_class", "NXdata");
        String axis = ResultTable.safe(t.axisName());
        // NXxasproc names the processed spectrum "data"; the other columns keep their own names
        data.putAttribute("signal", xas ? "data" : t.signal());
        data.putAttribute("axes", new String[] {axis});
        data.putAttribute(axis + "_indices", 0);
        data.putDataset(axis, t.axis()).putAttribute("units", "eV");
        for (Map.Entry<String, double[]> c : t.columns().entrySet()) {
            boolean isSignal = c.getKey().equals(t.signal());
            String name = xas && isSignal ? "data" : c.getKey();
            if (xas && !isSignal && c.getKey().equals("data")) name = "data_column";
            WritableDataset d = data.putDataset(name, c.getValue());
            d.putAttribute("long_name", c.getKey());
        }
    }

    private static void putValue(WritableGroup g, String name, Object v) {
        if (v == null) g.putDataset(name, "null");
        else if (v instanceof Double || v instanceof Float) g.putDataset(name, ((Number) v).doubleValue());
        else if (v instanceof Integer || v instanceof Long || v instanceof Short) g.putDataset(name, ((Number) v).longValue());
        else if (v instanceof Boolean b) g.putDataset(name, b.toString());
        else if (v instanceof String s) g.putDataset(name, s);
        else if (v instanceof Enum<?> e) g.putDataset(name, Parameters.json().valueToTree(e).asText()); // as in the JSON
        else if (v instanceof double[] d) g.putDataset(name, d.length == 0 ? "[]" : d.clone());
        else {
            try {
                g.putDataset(name, v instanceof Collection<?> || v.getClass().isArray() || v instanceof Map<?, ?> || v instanceof Record
                    ? Parameters.json().writeValueAsString(v) : String.valueOf(v));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                g.putDataset(name, String.valueOf(v));
            }
        }
    }

    /** Reads what a result file records; an error if it is not an Edgeworks result. */
    public static Recorded read(Path file) throws EdgeworksException {
        try (NexusFile nx = NexusFile.open(file)) {
            String red = "/entry/" + REDUCTION;
            if (!nx.exists(red + "/parameters/pipeline"))
                throw new EdgeworksException(file, "/entry", "not an Edgeworks result (no " + REDUCTION + "/parameters/pipeline)");
            NexusNode root = nx.tree();
            NexusNode entry = root.children().stream().filter(n -> n.name().equals("entry")).findFirst().orElseThrow();
            List<StepRecord> steps = new ArrayList<>();
            List<NexusNode> groups = new ArrayList<>(entry.children());
            groups.sort(java.util.Comparator.comparing(NexusNode::name)); // step_01, step_02, ... (the tree's order is not creation order)
            for (NexusNode g : groups) {
                if (!g.name().startsWith("step_") || !"NXprocess".equals(g.nxClass())) continue;
                String p = g.path().endsWith("/") ? g.path().substring(0, g.path().length() - 1) : g.path();
                String json = nx.readString(p + "/parameters/json").orElse("{}");
                Map<String, Object> params;
                try {
                    params = Parameters.json().readValue(json, new com.fasterxml.jackson.core.type.TypeReference<java.util.LinkedHashMap<String, Object>>() {});
                } catch (java.io.IOException e) {
                    throw new EdgeworksException(file, p + "/parameters/json", "not valid JSON");
                }
                Map<String, Object> used;
                try {
                    used = Parameters.json().readValue(nx.readString(p + "/used_parameters/json").orElse("{}"),
                        new com.fasterxml.jackson.core.type.TypeReference<java.util.LinkedHashMap<String, Object>>() {});
                } catch (java.io.IOException e) {
                    throw new EdgeworksException(file, p + "/used_parameters/json", "not valid JSON");
                }
                String notes = nx.readString(p + "/notes/data").orElse("");
                steps.add(new StepRecord(nx.readString(p + "/program").orElse("?"), nx.readString(p + "/description").orElse(""),
                    nx.readString(p + "/version").orElse("?"), nx.readString(p + "/date").orElse("?"), params, used,
                    notes.isEmpty() ? List.of() : List.of(notes.split("\n"))));
            }
            String signal = null, axis = null;
            double[] axisValues = null;
            Map<String, double[]> cols = new java.util.LinkedHashMap<>();
            NexusNode data = entry.children().stream().filter(n -> n.name().equals("data") && "NXdata".equals(n.nxClass())).findFirst().orElse(null);
            if (data != null) {
                signal = data.attribute("signal");
                List<String> axes = nx.attributeStrings("/entry/data", "axes");
                axis = axes.isEmpty() ? null : axes.get(0);
                for (NexusNode c : data.children()) {
                    if (NexusScans.dataset(data, c.name()) == null) continue;
                    double[] v = nx.readDoubles(c.path());
                    if (c.name().equals(axis)) axisValues = v;
                    else cols.put(c.name(), v);
                }
            }
            return new Recorded(nx.readString("/entry/title").orElse(""), nx.readString("/entry/definition").orElse(""),
                nx.readString(red + "/version").orElse("?"), nx.readString(red + "/date").orElse("?"),
                nx.readString(red + "/parameters/raw_file").orElse(""), nx.readString(red + "/parameters/raw_file_sha256").orElse(""),
                nx.readString(red + "/parameters/raw_entry").orElse(""), nx.readString(red + "/parameters/detector").orElse(""),
                nx.readString(red + "/parameters/pipeline").orElse(""), steps, signal, axis, axisValues, cols);
        }
    }
}
