package org.edgeworks.core.processing;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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
        for (Component c : COMPONENTS.get(parameters.getClass())) {
            try {
                m.put(c.name(), c.accessor().invoke(parameters));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read parameter " + c.name(), e);
            }
        }
        return m;
    }

    /** One record component: its name, accessor and {@link Param} (null when it has none). */
    private record Component(String name, java.lang.reflect.Method accessor, Param param) {}

    /**
     * Each record class's components, read by reflection once: {@code getRecordComponents()} hands out
     * fresh objects whose annotations are parsed and accessors made again on every call, which was
     * a third of a 40 us xftf's CPU once every apply validated its record (BENCHMARKS.md, quiet rerun).
     */
    private static final ClassValue<Component[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected Component[] computeValue(Class<?> type) {
            RecordComponent[] rcs = type.getRecordComponents();
            Component[] out = new Component[rcs.length];
            for (int i = 0; i < rcs.length; i++) out[i] = new Component(rcs[i].getName(), rcs[i].getAccessor(), rcs[i].getAnnotation(Param.class));
            return out;
        }
    };

    /** As {@link #toMap}, without the components marked {@link Param#runSetting()}: what provenance records as science. */
    public static Map<String, Object> science(Record parameters) {
        Map<String, Object> m = toMap(parameters);
        if (parameters != null) m.keySet().removeAll(runSettings(parameters).keySet());
        return m;
    }

    /** The components marked {@link Param#runSetting()} (threads, memory bounds), in record order. */
    public static Map<String, Object> runSettings(Record parameters) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (parameters == null) return m;
        Map<String, Object> all = toMap(parameters);
        for (Component c : COMPONENTS.get(parameters.getClass())) {
            Param p = c.param();
            if (p != null && p.runSetting()) m.put(c.name(), all.get(c.name()));
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
            P built = MAPPER.treeToValue(base, type);
            validate(built, where);
            return built;
        } catch (JsonProcessingException e) {
            String field = field(e);
            String problem = problem(e, type);
            if (field != null && problem.startsWith(field + ": ")) problem = problem.substring(field.length() + 2);
            throw new EdgeworksException(where, field, problem);
        }
    }

    /**
     * A parameter record whose components constrain one another beyond each one's {@link Param}
     * bounds (a fixed E0 needs its value, a window's end lies above its start). The rule is
     * checked wherever a record is validated ({@link #validate}: pipelines, the workbench's forms,
     * the command line) and by the processor itself, so it is written once, here.
     */
    public interface Related {
        /**
         * The first rule the components break, or null when they agree: one line led by the
         * component it is about, every component named in braces, e.g.
         * {@code "{e0}: a value is needed with {e0Method}=fixed"}. Each road names the components
         * its own way ({@link Conflict#rule(Function)}): pipelines and forms by component
         * ("e0: a value is needed with e0Method=fixed"), the command line by option ("--e0: a value
         * is needed with --e0-method fixed"). The defaults must agree.
         */
        String conflict();
    }

    /** A {@link Related} record's components disagree: the rule, with its components in braces. */
    public static final class Conflict extends EdgeworksException {
        private static final long serialVersionUID = 1L;
        private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("\\{(\\w+)\\}");
        private final String rule;

        public Conflict(String where, String rule) {
            super(where, null, plain(rule));
            this.rule = rule;
        }

        /** The rule as written ({@link Related#conflict()}), components in braces. */
        public String rule() { return rule; }

        /** The rule with each braced component replaced by {@code name.apply(component)}. */
        public String rule(Function<String, String> name) {
            return render(rule, name);
        }

        /** {@code rule} with each braced component replaced by {@code name.apply(component)}. */
        public static String render(String rule, Function<String, String> name) {
            return NAME.matcher(rule).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(name.apply(m.group(1))));
        }

        /** The component the rule is about (the first named), or null. */
        public String subject() {
            java.util.regex.Matcher m = NAME.matcher(rule);
            return m.find() ? m.group(1) : null;
        }

        private static String plain(String rule) {
            return NAME.matcher(rule).replaceAll("$1");
        }
    }

    /**
     * Enforces every {@link Param#min()} / {@link Param#max()} on a built record: a number, or
     * each element of a numeric array or list, outside its bounds is an error naming the
     * parameter ("nnorm: 5 is above the maximum 3"). Null (automatic) and NaN are not checked
     * here. {@link #fromJson} calls it, so pipelines, the workbench's forms and the command line
     * (which builds records through JSON or calls this) refuse the same values. Then the rules
     * between components of a {@link Related} record ({@link Conflict}).
     */
    public static void validate(Record parameters, String where) throws EdgeworksException {
        if (parameters == null) return;
        Map<String, Object> values = toMap(parameters);
        for (Component comp : COMPONENTS.get(parameters.getClass())) {
            Param p = comp.param();
            if (p == null || (p.min() == Double.NEGATIVE_INFINITY && p.max() == Double.POSITIVE_INFINITY)) continue;
            Object v = values.get(comp.name());
            List<Object> items = new ArrayList<>();
            if (v instanceof Number) items.add(v);
            else if (v instanceof java.util.Collection<?> c) items.addAll(c);
            else if (v != null && v.getClass().isArray() && v.getClass().getComponentType().isPrimitive())
                for (int i = 0; i < java.lang.reflect.Array.getLength(v); i++) items.add(java.lang.reflect.Array.get(v, i));
            for (Object item : items) {
                if (!(item instanceof Number n)) continue;
                double x = n.doubleValue();
                if (x < p.min()) throw new EdgeworksException(where, comp.name(), plain(x) + " is below the minimum " + plain(p.min()));
                if (x > p.max()) throw new EdgeworksException(where, comp.name(), plain(x) + " is above the maximum " + plain(p.max()));
            }
        }
        if (parameters instanceof Related r) {
            String rule = r.conflict();
            if (rule != null) throw new Conflict(where, rule);
        }
    }

    private static String plain(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }

    /** The parameter a Jackson error is about ("nnorm", "centres[2]"), or null. */
    private static String field(JsonProcessingException e) {
        if (!(e instanceof com.fasterxml.jackson.databind.JsonMappingException m) || m.getPath().isEmpty()) return null;
        StringBuilder sb = new StringBuilder();
        for (var ref : m.getPath()) {
            if (ref.getFieldName() != null) sb.append(sb.isEmpty() ? "" : ".").append(ref.getFieldName());
            else if (ref.getIndex() >= 0) sb.append('[').append(ref.getIndex()).append(']');
        }
        return sb.isEmpty() ? null : sb.toString();
    }

    /** What is wrong, in the user's terms: no Java class names (bad-input corpus, issue 8). */
    private static String problem(JsonProcessingException e, Class<?> type) {
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException u) {
            List<String> known = new java.util.ArrayList<>();
            for (var rc : type.getRecordComponents()) known.add(rc.getName());
            return "unknown parameter '" + u.getPropertyName() + "' (known: " + String.join(", ", known) + ")";
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.ValueInstantiationException && e.getCause() != null
                && e.getCause().getMessage() != null)
            return e.getCause().getMessage().split("\n")[0];
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mi && mi.getTargetType() != null) {
            String got = mi.getOriginalMessage() == null ? "" : mi.getOriginalMessage().split("\n")[0];
            java.util.regex.Matcher from = java.util.regex.Pattern.compile("from (\\S+ (?:\"[^\"]*\"|value|token))").matcher(got);
            if (!from.find()) return "expected " + typeName(mi.getTargetType());
            // a text where a number belongs: "expected a number, got 'abc'" (not Jackson's "String \"abc\"")
            String given = from.group(1).startsWith("String \"") ? "'" + from.group(1).substring(8, from.group(1).length() - 1) + "'" : from.group(1);
            return "expected " + typeName(mi.getTargetType()) + ", got " + given;
        }
        String msg = e.getOriginalMessage() == null ? "invalid JSON" : e.getOriginalMessage().split("\n")[0];
        return msg.replaceAll("`?(?:java\\.lang\\.|org\\.edgeworks\\.[\\w.$]+\\.)(\\w+)`?", "$1");
    }

    private static String typeName(Class<?> t) {
        if (t == Integer.class || t == int.class || t == Long.class || t == long.class) return "an integer";
        if (t == Double.class || t == double.class || t == Float.class || t == float.class) return "a number";
        if (t == Boolean.class || t == boolean.class) return "true or false";
        if (t == String.class) return "a string";
        if (List.class.isAssignableFrom(t) || t.isArray()) return "a list";
        if (t.isEnum()) {
            List<String> names = new java.util.ArrayList<>();
            for (Object c : t.getEnumConstants()) names.add(c.toString());
            return "one of " + String.join("|", names);
        }
        return "a " + t.getSimpleName().toLowerCase(java.util.Locale.ROOT);
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
