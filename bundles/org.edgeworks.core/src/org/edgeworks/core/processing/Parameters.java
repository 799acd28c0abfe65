package org.edgeworks.core.processing;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeworks.core.EdgeworksException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Reading, writing and describing parameter records (JSON through Jackson). */
public final class Parameters {
    private static final ObjectMapper MAPPER = new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private Parameters() {}

    public static ObjectMapper json() { return MAPPER; }

    /** The record's components as an ordered name -> value map (for provenance). */
    public static Map<String, Object> toMap(Record parameters) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (parameters == null) return m;
        for (RecordComponent rc : parameters.getClass().getRecordComponents()) {
            try {
                m.put(rc.getName(), rc.getAccessor().invoke(parameters));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read parameter " + rc.getName(), e);
            }
        }
        return m;
    }

    public static String toJson(Record parameters) {
        try {
            return MAPPER.writeValueAsString(parameters);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads a parameter record from JSON; fields absent from the JSON keep their defaults.
     * Unknown names and wrong types are errors naming the field.
     */
    public static <P extends Record> P fromJson(JsonNode node, Class<P> type, P defaults, String where)
            throws EdgeworksException {
        try {
            JsonNode base = MAPPER.valueToTree(defaults);
            if (node != null && !node.isNull()) {
                if (!node.isObject()) throw new EdgeworksException(where, null, "parameters must be a JSON object");
                var obj = (com.fasterxml.jackson.databind.node.ObjectNode) base;
                node.fields().forEachRemaining(e -> obj.set(e.getKey(), e.getValue()));
            }
            return MAPPER.treeToValue(base, type);
        } catch (JsonProcessingException e) {
            String msg = e.getOriginalMessage();
            throw new EdgeworksException(where, null, "bad parameters for " + type.getSimpleName() + ": "
                + (msg == null ? "" : msg.split("\n")[0]));
        }
    }

    /** One line per component: name, label, unit, bounds, description (for --help and forms). */
    public static List<String> describe(Class<? extends Record> type) {
        List<String> out = new ArrayList<>();
        for (RecordComponent rc : type.getRecordComponents()) {
            Param p = rc.getAnnotation(Param.class);
            String s = rc.getName() + " (" + rc.getType().getSimpleName() + ")";
            if (p != null) {
                s += ": " + p.label();
                if (!p.unit().isEmpty()) s += " [" + p.unit() + "]";
                if (!p.description().isEmpty()) s += " - " + p.description();
            }
            out.add(s);
        }
        return out;
    }
}
