package org.edgeworks.cli;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.processing.Param;
import org.edgeworks.core.processing.Parameters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Command-line options generated from a processor's parameter record, with picocli's
 * programmatic API ({@link OptionSpec}): one option per record component, named
 * {@code --kebab-case} of the component (or as renamed), its help text from the component's
 * {@link Param} (label, unit, description, bounds) and the default from the record's
 * {@code defaults()}. The given values build the record through {@link Parameters#fromJson}, the
 * same road as pipelines and the workbench's forms: types, enum labels and {@link Param} bounds
 * are checked once, and an error names the option. A boolean component is a flag.
 *
 * <p>Use: a command (or a mixin) holds one instance per record in a field, implements
 * {@link Holder} and declares {@code modelTransformer = RecordOptions.Transformer.class} (see
 * {@code xas deglitch}, and {@code xas normalize} with its {@code NormalizeOptions} mixin); after
 * parsing, {@link #build} gives the record.
 *
 * @param <P> the parameter record
 */
public final class RecordOptions<P extends Record> {
    private final Class<P> type;
    private final P defaults;
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Set<String> excluded = new LinkedHashSet<>();
    private final Set<String> required = new LinkedHashSet<>();
    private final Map<String, String> given = new LinkedHashMap<>();

    public RecordOptions(Class<P> type, P defaults) {
        this.type = type;
        this.defaults = defaults;
    }

    /** Names the option of {@code component} {@code option} (e.g. "--l3" for eL3) instead of its kebab-case name. */
    public RecordOptions<P> rename(String component, String option) {
        names.put(component, option);
        return this;
    }

    /** Components whose option must be given (picocli then refuses a command line without it, exit 2). */
    public RecordOptions<P> require(String... components) {
        required.addAll(List.of(components));
        return this;
    }

    /** Components that get no option of their own (the command fills them, e.g. from another record's option). */
    public RecordOptions<P> exclude(String... components) {
        excluded.addAll(List.of(components));
        return this;
    }

    /** The option name of a component: as renamed, else "--" + kebab-case (e0Method: --e0-method). */
    public String option(String component) {
        String n = names.get(component);
        return n != null ? n : "--" + component.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /**
     * Adds one option per component (except the excluded ones) to {@code spec}; an option the spec
     * has already is left as it is (picocli applies one model transformer per command, so a command
     * with its own transformer adds its mixins' options itself).
     */
    public void addTo(CommandSpec spec) {
        Map<String, Object> def = Parameters.toMap(defaults);
        for (RecordComponent rc : type.getRecordComponents()) {
            String c = rc.getName();
            if (excluded.contains(c) || spec.findOption(option(c)) != null) continue;
            boolean flag = rc.getType() == boolean.class || rc.getType() == Boolean.class;
            ISetter setter = new ISetter() {
                @Override
                public <T> T set(T value) {
                    if (value != null) given.put(c, String.valueOf(value));
                    return null;
                }
            };
            OptionSpec.Builder b = OptionSpec.builder(option(c))
                .description(help(rc.getAnnotation(Param.class), def.get(c), flag))
                .setter(setter);
            if (required.contains(c)) b.required(true);
            if (flag) b.type(boolean.class).arity("0");
            else b.type(String.class).paramLabel(label(rc)).arity("1");
            spec.addOption(b.build());
        }
    }

    /** A command or mixin whose options are generated from parameter records. */
    public interface Holder {
        /** The generated option sets, in the order their options should be added. */
        List<RecordOptions<?>> recordOptions();
    }

    /**
     * The model transformer of every command with generated options
     * ({@code @Command(modelTransformer = RecordOptions.Transformer.class)}, on the command or on a
     * mixin): adds the options of the command and of its mixins that are {@link Holder}s. picocli
     * applies one transformer per command, whichever declared it; {@link #addTo} skips options
     * already there, so applying it twice changes nothing.
     */
    public static final class Transformer implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            List<Object> holders = new ArrayList<>();
            for (CommandSpec m : spec.mixins().values()) holders.add(m.userObject());
            holders.add(spec.userObject());
            for (Object o : holders)
                if (o instanceof Holder h) for (RecordOptions<?> r : h.recordOptions()) r.addTo(spec);
            return spec;
        }
    }

    /** Whether the user gave the option of {@code component}. */
    public boolean given(String component) {
        return given.containsKey(component);
    }

    /** The text the user gave for {@code component}, or null. */
    public String text(String component) {
        return given.get(component);
    }

    /** The record: the defaults, overridden by the options given. */
    public P build(String where) throws EdgeworksException {
        return build(where, Map.of());
    }

    /**
     * The record: the defaults, overridden by {@code extra} (component -> text, for components the
     * command fills), then by the options given. Errors name the option (or the component).
     */
    public P build(String where, Map<String, String> extra) throws EdgeworksException {
        Map<String, String> all = new LinkedHashMap<>(extra);
        all.putAll(given);
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (RecordComponent rc : type.getRecordComponents())
            if (all.containsKey(rc.getName())) node.set(rc.getName(), json(rc, all.get(rc.getName())));
        try {
            return Parameters.fromJson(node, type, defaults, where);
        } catch (EdgeworksException e) {
            String c = e.pathInFile();
            if (c == null || !all.containsKey(c)) throw e;
            String problem = e.problem().startsWith(c + ": ") ? e.problem().substring(c.length() + 2) : e.problem();
            throw new EdgeworksException((String) null, null, (excluded.contains(c) ? c : option(c)) + ": " + problem);
        }
    }

    /** The JSON value of an option's text: numbers as numbers, lists split at commas, the rest as text (enums by label). */
    private static JsonNode json(RecordComponent rc, String text) {
        Class<?> t = rc.getType();
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (t == boolean.class || t == Boolean.class) return f.booleanNode(Boolean.parseBoolean(text));
        if (t.isArray() || Collection.class.isAssignableFrom(t)) {
            ArrayNode a = f.arrayNode();
            for (String part : text.split(",")) a.add(scalar(part.trim()));
            return a;
        }
        if (Number.class.isAssignableFrom(t) || (t.isPrimitive() && t != char.class)) return scalar(text.trim());
        return f.textNode(text);
    }

    /** A number when the text is one (Jackson then checks the component's type), else the text itself. */
    private static JsonNode scalar(String text) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        try {
            if (text.matches("[+-]?\\d+")) return f.numberNode(Long.parseLong(text));
            double d = Double.parseDouble(text);
            return Double.isFinite(d) ? f.numberNode(d) : f.textNode(text);
        } catch (NumberFormatException e) {
            return f.textNode(text);
        }
    }

    private static String label(RecordComponent rc) {
        Param p = rc.getAnnotation(Param.class);
        String unit = p == null ? "" : p.unit();
        Class<?> t = rc.getType();
        if (unit.startsWith("eV")) return "EV";
        if (t == int.class || t == Integer.class || t == long.class || t == Long.class) return "N";
        if (t.isEnum() || t == String.class) return "KIND";
        if (t.isArray() || Collection.class.isAssignableFrom(t)) return "X,...";
        return "X";
    }

    /** Help text from the record: label [unit], description, bounds, default. */
    private static String help(Param p, Object def, boolean flag) {
        List<String> parts = new ArrayList<>();
        if (p != null) {
            String head = p.label();
            if (!p.unit().isEmpty()) head += " [" + p.unit() + "]";
            parts.add(head + (p.description().isEmpty() ? "" : ": " + p.description()));
            boolean lo = p.min() != Double.NEGATIVE_INFINITY, hi = p.max() != Double.POSITIVE_INFINITY;
            if (lo && hi) parts.add("from " + plain(p.min()) + " to " + plain(p.max()));
            else if (lo) parts.add("at least " + plain(p.min()));
            else if (hi) parts.add("at most " + plain(p.max()));
        }
        // the default, unless the record's description already explains it (e.g. "default: Larch's choice")
        boolean noDefault = def == null || (def instanceof Double d && !Double.isFinite(d)); // NaN: must be given
        if (!flag && !noDefault && (p == null || !p.description().contains("default"))) parts.add("default " + text(def));
        return (String.join("; ", parts) + ".").replace("%", "%%"); // picocli formats descriptions: a literal % is %%
    }

    private static String text(Object v) {
        if (v instanceof Double d) return plain(d);
        if (v instanceof Enum<?>) return Parameters.json().valueToTree(v).asText();
        return String.valueOf(v);
    }

    private static String plain(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }
}
