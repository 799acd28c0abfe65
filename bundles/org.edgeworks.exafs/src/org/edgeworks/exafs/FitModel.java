package org.edgeworks.exafs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.processing.Parameters;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A path-fit model in the manner of Larch's feffit parameter group and path parameters.
 * <pre>
 * {
 *   "variables": {
 *     "amp":    {"value": 1.0},                 // varied (vary defaults to true)
 *     "del_e0": {"value": 0.0},
 *     "dr":     {"value": 0.0},
 *     "ss":     {"value": 0.005},
 *     "ss2":    {"expr": "ss*1.2"},             // constrained
 *     "c3":     {"value": 0.0, "vary": false}   // fixed
 *   },
 *   "paths": [
 *     {"file": "feff0001.dat", "label": "p1", "s02": "amp", "e0": "del_e0", "delr": "dr", "sigma2": "ss", "third": "c3"},
 *     {"file": "feff0002.dat", "label": "p2", "s02": "amp", "e0": "del_e0", "delr": "dr*reff/2.5562", "sigma2": "ss2", "degen": 6}
 *   ]
 * }
 * </pre>
 * Path parameters (degen, s02, e0, delr, sigma2, third) are numbers (fixed) or expressions of the
 * variables and the path's {@code reff}; left out: degen from FEFF, s02 1, the others 0 (Larch's
 * path defaults). A path is matched to a FEFF file by its file name; without "file", by order.
 */
public record FitModel(Map<String, Variable> variables, List<PathModel> paths) {

    /** A variable: varied from value, fixed at value (vary false), or defined by expr. */
    public record Variable(double value, boolean vary, String expr) {}

    /** One path's parameters as expressions (null = Larch's default). */
    public record PathModel(String label, String file, Map<String, String> parameters) {}

    public static final Set<String> PATH_PARAMETERS = Set.of("degen", "s02", "e0", "delr", "sigma2", "third");

    /**
     * The default model of {@code xas fit} and the peers: one s02 "amp" (1) and one e0 shift
     * "del_e0" (0) for all paths; per path delr_LABEL (0) and sigma2_LABEL (0.005 A^2); degeneracy
     * from FEFF. Labels p1, p2, ... in the order given.
     */
    public static FitModel defaults(List<FeffPath> feff) {
        Map<String, Variable> v = new LinkedHashMap<>();
        v.put("amp", new Variable(1.0, true, null));
        v.put("del_e0", new Variable(0.0, true, null));
        List<PathModel> paths = new ArrayList<>();
        for (int i = 0; i < feff.size(); i++) {
            String label = "p" + (i + 1);
            v.put("delr_" + label, new Variable(0.0, true, null));
            v.put("sigma2_" + label, new Variable(0.005, true, null));
            // Insertion order, not Map.of: the model is written into fit.json, whose bytes must not vary run to run.
            Map<String, String> par = new LinkedHashMap<>();
            par.put("s02", "amp");
            par.put("e0", "del_e0");
            par.put("delr", "delr_" + label);
            par.put("sigma2", "sigma2_" + label);
            paths.add(new PathModel(label, Path.of(feff.get(i).file()).getFileName().toString(), par));
        }
        return new FitModel(v, paths);
    }

    /** Reads a model file; errors name the file, the JSON path and the problem. */
    public static FitModel read(Path file) throws EdgeworksException {
        JsonNode root;
        try {
            root = Parameters.json().readTree(file.toFile());
        } catch (java.io.IOException e) {
            throw new EdgeworksException(file, null, "not readable JSON: " + e.getMessage().split("\n")[0]);
        }
        return parse(file.toString(), root);
    }

    static FitModel parse(String name, JsonNode root) throws EdgeworksException {
        if (root == null || !root.isObject()) throw new EdgeworksException(name, "/", "a model is a JSON object with 'variables' and 'paths'");
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!f.equals("variables") && !f.equals("paths")) throw new EdgeworksException(name, "/" + f, "unknown key (known: variables, paths)");
        }
        Map<String, Variable> vars = new LinkedHashMap<>();
        JsonNode vn = root.path("variables");
        if (!vn.isMissingNode()) {
            if (!vn.isObject()) throw new EdgeworksException(name, "/variables", "must be an object of name -> {value, vary, expr}");
            for (Iterator<Map.Entry<String, JsonNode>> it = vn.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                String where = "/variables/" + e.getKey();
                if (!e.getKey().matches("[A-Za-z_][A-Za-z0-9_]*") || e.getKey().equals("reff"))
                    throw new EdgeworksException(name, where, "not a valid variable name");
                JsonNode d = e.getValue();
                if (d.isNumber()) { vars.put(e.getKey(), new Variable(d.asDouble(), true, null)); continue; }
                if (!d.isObject()) throw new EdgeworksException(name, where, "must be a number or {value, vary, expr}");
                for (Iterator<String> k = d.fieldNames(); k.hasNext();) {
                    String f = k.next();
                    if (!Set.of("value", "vary", "expr").contains(f)) throw new EdgeworksException(name, where + "/" + f, "unknown key (known: value, vary, expr)");
                }
                if (d.has("expr")) {
                    if (!d.get("expr").isTextual()) throw new EdgeworksException(name, where + "/expr", "must be a string");
                    vars.put(e.getKey(), new Variable(Double.NaN, false, d.get("expr").asText()));
                } else {
                    if (!d.path("value").isNumber()) throw new EdgeworksException(name, where + "/value", "a number is needed");
                    if (d.has("vary") && !d.get("vary").isBoolean()) throw new EdgeworksException(name, where + "/vary", "must be true or false");
                    vars.put(e.getKey(), new Variable(d.get("value").asDouble(), d.path("vary").asBoolean(true), null));
                }
            }
        }
        JsonNode pn = root.path("paths");
        if (!pn.isArray() || pn.isEmpty()) throw new EdgeworksException(name, "/paths", "a non-empty list of paths is needed");
        List<PathModel> paths = new ArrayList<>();
        for (int i = 0; i < pn.size(); i++) {
            JsonNode p = pn.get(i);
            String where = "/paths/" + i;
            if (!p.isObject()) throw new EdgeworksException(name, where, "must be an object");
            Map<String, String> par = new LinkedHashMap<>();
            String label = "p" + (i + 1), file = null;
            for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                String k = e.getKey();
                JsonNode v = e.getValue();
                if (k.equals("label")) label = v.asText();
                else if (k.equals("file")) file = v.asText();
                else if (PATH_PARAMETERS.contains(k)) {
                    if (v.isNumber()) par.put(k, Double.toString(v.asDouble()));
                    else if (v.isTextual()) par.put(k, v.asText());
                    else throw new EdgeworksException(name, where + "/" + k, "must be a number or an expression string");
                } else throw new EdgeworksException(name, where + "/" + k, "unknown key (known: label, file, " + String.join(", ", PATH_PARAMETERS) + ")");
            }
            paths.add(new PathModel(label, file, par));
        }
        return new FitModel(vars, paths);
    }
}
