package org.edgeworks.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.processing.Parameters;
import org.edgeworks.nexus.NexusFile;
import org.edgeworks.nexus.NexusNode;
import org.edgeworks.xas.LcfProcessor;
import org.edgeworks.xas.NormalizeProcessor;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A {@code NAME.stack.nxs} written by {@link StackOutput}, read back: every map (rows x columns, row-major) with
 * its errors, the stack it was computed from (raw_file as typed, data_path), the sorted energies, the parameters
 * used and the references. {@link #pixel} re-analyses one pixel of that stack with those parameters through
 * {@link StackAnalysis#pixel} (the maps' own per-pixel code), for the workbench's pixel pick.
 *
 * @param maps   map name -> values (NaN = no value); the mask as 0/1
 * @param errors map name -> 1 sigma, for the maps that have them
 */
public record StackResultFile(Path file, String rawFile, String dataPath, int rows, int columns, double[] energy,
                              Map<String, double[]> maps, Map<String, double[]> errors, JsonNode parameters,
                              List<StackAnalysis.Reference> references, String notes) {

    public static StackResultFile read(Path file) throws EdgeworksException {
        try (NexusFile f = NexusFile.open(file)) {
            NexusNode root = f.tree();
            NexusNode entry = child(root, "entry");
            if (entry == null) throw new EdgeworksException(file, "/", "no /entry: not a stack result (xas stack writes NAME.stack.nxs)");
            if (!f.exists("/entry/process/raw_file")) throw new EdgeworksException(file, "/entry/process", "no raw_file: not a stack result");
            String raw = f.readString("/entry/process/raw_file").orElse("");
            String dataPath = f.readString("/entry/process/data_path").orElse("");
            double[] energy = f.readDoubles("/entry/process/energy");
            JsonNode params;
            try {
                params = Parameters.json().readTree(f.readString("/entry/process/parameters").orElse("{}"));
            } catch (java.io.IOException e) {
                throw new EdgeworksException(file, "/entry/process/parameters", "is not JSON: " + e.getMessage());
            }
            String notes = f.readString("/entry/process/notes").orElse("");
            Map<String, double[]> maps = new LinkedHashMap<>(), errors = new LinkedHashMap<>();
            int rows = -1, cols = -1;
            for (NexusNode g : entry.children()) {
                if (!"NXdata".equals(g.nxClass()) || child(g, "data") == null) continue;
                String data = child(g, "data").path();
                int[] shape = f.shape(data);
                if (shape.length != 2) throw new EdgeworksException(file, data, "has rank " + shape.length + ", a map has 2");
                if (rows < 0) { rows = shape[0]; cols = shape[1]; }
                if (shape[0] != rows || shape[1] != cols)
                    throw new EdgeworksException(file, data, "is " + shape[0] + " x " + shape[1] + ", the other maps " + rows + " x " + cols);
                maps.put(g.name(), f.readDoubles(data));
                if (child(g, "data_errors") != null) errors.put(g.name(), f.readDoubles(child(g, "data_errors").path()));
            }
            if (maps.isEmpty()) throw new EdgeworksException(file, "/entry", "holds no map (NXdata with data)");
            List<StackAnalysis.Reference> refs = new ArrayList<>();
            NexusNode process = child(entry, "process"), rg = process == null ? null : child(process, "references");
            if (rg != null) {
                for (NexusNode r : rg.children()) {
                    NexusNode step = child(r, "edge_step_rel_stderr");
                    refs.add(new StackAnalysis.Reference(r.name(), f.readDoubles(child(r, "energy").path()), f.readDoubles(child(r, "norm").path()),
                        step == null ? null : f.readDoubles(step.path())[0]));
                }
                // in the order of the weight maps (the fit's order)
                List<String> order = new ArrayList<>();
                params.path("references").forEach(n -> order.add(n.asText()));
                refs.sort((a, b) -> Integer.compare(order.indexOf(a.name()), order.indexOf(b.name())));
            }
            return new StackResultFile(file, raw, dataPath, rows, cols, energy, maps, errors, params, refs, notes);
        }
    }

    private static NexusNode child(NexusNode g, String name) {
        for (NexusNode c : g.children()) if (c.name().equals(name)) return c;
        return null;
    }

    /** The value and error of a map at a pixel: {value, sigma} (sigma NaN when the map has no errors). */
    public double[] at(String map, int row, int column) {
        double[] m = maps.get(map), e = errors.get(map);
        int i = row * columns + column;
        return new double[] {m == null ? Double.NaN : m[i], e == null ? Double.NaN : e[i]};
    }

    /** The analysis parameters recorded in the file (those the maps were made with). */
    public StackAnalysis.Params params() throws EdgeworksException {
        String where = file + ": /entry/process/parameters";
        NormalizeProcessor.Params n = Parameters.fromJson(parameters.path("normalize"), NormalizeProcessor.Params.class,
            NormalizeProcessor.Params.defaults(), where + " normalize");
        LcfProcessor.Params l = parameters.has("lcf") ? Parameters.fromJson(parameters.get("lcf"), LcfProcessor.Params.class,
            LcfProcessor.Params.defaults(), where + " lcf") : LcfProcessor.Params.defaults();
        JsonNode t = parameters.path("step_threshold");
        Double threshold = t.isNumber() ? t.asDouble() : null;
        return new StackAnalysis.Params(n, StackAnalysis.MuKind.parse(parameters.path("mode").asText("mu")), threshold,
            parameters.path("peak_from").asDouble(0), parameters.path("peak_to").asDouble(30), l, 0);
    }

    /** The raw stack: as typed when it exists from here, else relative to the result file's folder. */
    public String stackPath() {
        return located(rawFile);
    }

    private String located(String asTyped) {
        Path p = Path.of(asTyped);
        if (p.isAbsolute() || Files.exists(p)) return asTyped;
        Path beside = file.toAbsolutePath().getParent().resolve(asTyped);
        return Files.exists(beside) ? beside.toString() : asTyped;
    }

    /**
     * Re-analyses pixel (row, column) of the recorded stack with the recorded parameters and references; refuses
     * (one line) when the stack is gone or its energies are not those of the result.
     */
    public StackAnalysis.Pixel pixel(int row, int column) throws EdgeworksException {
        String flux = parameters.path("flux").asText("none");
        StackSpec spec = new StackSpec(stackPath(), dataPath.isEmpty() ? null : dataPath, null, null);
        try (StackSource s = spec.open()) {
            StackAnalysis.Setup setup = StackAnalysis.setup(s, Flux.parse(flux.equals("none") ? null : located(flux)), params(), references);
            if (!Arrays.equals(setup.energy(), energy))
                throw new EdgeworksException(rawFile, dataPath, "its energies are not those " + file + " was computed from");
            if (setup.rows() != rows || setup.columns() != columns)
                throw new EdgeworksException(rawFile, dataPath, "is " + setup.rows() + " x " + setup.columns() + " pixels, the maps of "
                    + file + " " + rows + " x " + columns);
            return StackAnalysis.pixel(setup, s, setup.flux(), row, column);
        }
    }
}
