package org.edgeworks.pipeline;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeworks.core.data.RixsMap;
import org.edgeworks.core.data.Spectrum;

/**
 * A processor's output as the writers see it: one axis (eV) with named columns on it, or a map,
 * plus scalar results. Found by reflection on the output record, so any processor's result can be
 * written without the writer knowing it: double[] components as long as the axis become columns,
 * Spectrum components become columns, numbers/strings/booleans/enums (and lists of them) become
 * scalars.
 *
 * @param signal the column shown by default (norm, flat, ipfy, pfy, mu, mean, ... else the first)
 */
public record ResultTable(String axisName, double[] axis, Map<String, double[]> columns, String signal, RixsMap map,
                          Map<String, Object> scalars) {
    private static final List<String> PREFERRED = List.of("norm", "flat", "ipfy", "pfy", "mu", "mean", "signal", "data");

    public boolean hasData() { return map != null || (axis != null && !columns.isEmpty()); }

    public static ResultTable of(Object value) {
        Map<String, Object> scalars = new LinkedHashMap<>();
        if (value instanceof RixsMap m) return new ResultTable("excitation", m.excitation().values(), Map.of(), "data", m, scalars);
        if (value instanceof Spectrum s) {
            Map<String, double[]> cols = new LinkedHashMap<>();
            String n = s.channel().isBlank() ? "signal" : safe(s.channel());
            cols.put(n, s.signal());
            if (s.hasUncertainty()) cols.put(n + "_errors", s.uncertainty());
            return new ResultTable("energy", s.energies(), cols, n, null, scalars);
        }
        if (!(value instanceof Record r)) {
            scalars.put("value", String.valueOf(value));
            return new ResultTable(null, null, Map.of(), null, null, scalars);
        }
        Map<String, Object> parts = new LinkedHashMap<>();
        for (RecordComponent rc : r.getClass().getRecordComponents()) {
            try {
                parts.put(rc.getName(), rc.getAccessor().invoke(r));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        for (Object v : parts.values()) if (v instanceof RixsMap m) {
            ResultTable t = of(m);
            scalarsOf(parts, t.scalars());
            return t;
        }
        double[] axis = null;
        String axisName = "energy";
        // energy (XAS), excitation (RIXS); r, q, k (EXAFS: chi(R), chi(q), chi(k), in that order of preference)
        for (String a : List.of("energy", "excitation", "r", "q", "k")) if (parts.get(a) instanceof double[] d) { axis = d; axisName = a; break; }
        if (axis == null) for (Object v : parts.values()) if (v instanceof Spectrum s) { axis = s.energies(); break; }
        Map<String, double[]> cols = new LinkedHashMap<>();
        if (axis != null) {
            for (Map.Entry<String, Object> e : parts.entrySet()) {
                if (e.getKey().equals(axisName)) continue;
                if (e.getValue() instanceof double[] d && d.length == axis.length) cols.put(safe(e.getKey()), d.clone());
                if (e.getValue() instanceof Spectrum s && s.size() == axis.length) cols.put(safe(e.getKey()), s.signal());
            }
        }
        scalarsOf(parts, scalars);
        String signal = null;
        for (String p : PREFERRED) if (cols.containsKey(p)) { signal = p; break; }
        if (signal == null && !cols.isEmpty()) signal = cols.keySet().iterator().next();
        return new ResultTable(axisName, axis, cols, signal, null, scalars);
    }

    private static void scalarsOf(Map<String, Object> parts, Map<String, Object> out) {
        for (Map.Entry<String, Object> e : parts.entrySet()) {
            Object v = e.getValue();
            if (v instanceof Number || v instanceof Boolean || v instanceof String) out.put(e.getKey(), v);
            else if (v instanceof Enum<?> en) out.put(e.getKey(), org.edgeworks.core.processing.Parameters.json().valueToTree(en).asText());
            else if (v instanceof Collection<?> c && c.stream().allMatch(x -> x instanceof Number || x instanceof String)) out.put(e.getKey(), String.valueOf(c));
            else if (v instanceof Collection<?> c && !c.isEmpty() && c.iterator().next() instanceof Record) {
                List<String> rows = new ArrayList<>();
                for (Object x : c) rows.add(String.valueOf(x));
                out.put(e.getKey(), String.join("; ", rows));
            } else if (v instanceof Map<?, ?> m) out.put(e.getKey(), String.valueOf(m));
        }
    }

    /** Dataset names: letters, digits and underscores. */
    static String safe(String s) {
        String t = s.replaceAll("[^A-Za-z0-9_]", "_");
        return t.isEmpty() ? "signal" : t;
    }
}
