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
import picocli.CommandLine.Model.IGetter;
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
 * <p>Every refusal names the option as the user typed it, with the option as its subject
 * ({@code --nnorm: 7 is above the maximum 3}), so {@link Main} exits with the usage status 2; the
 * rules between components of a {@link Parameters.Related} record are rendered with option names
 * too ({@code --e0: a value is needed with --e0-method fixed}). A range given in reverse order is
 * taken ascending and said so on the command's stderr, one {@code note:} line.
 *
 * @param <P> the parameter record
 */
public final class RecordOptions<P extends Record> {
    private final Class<P> type;
    private final P defaults;
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, String> labels = new LinkedHashMap<>();
    private final Set<String> excluded = new LinkedHashSet<>();
    private final Set<String> required = new LinkedHashSet<>();
    private final Set<String> distinct = new LinkedHashSet<>();
    private final Map<String, String> given = new LinkedHashMap<>();
    private final Map<String, Joined> joined = new LinkedHashMap<>();
    private final Map<String, String> joinedText = new LinkedHashMap<>();
    /** The command the options were added to (its stderr takes the notes); null before {@link #addTo}. */
    private CommandSpec spec;
    private final Set<String> noted = new LinkedHashSet<>();

    /** One option for several components, their values joined by a separator ("--feature 531,523.7"). */
    private record Joined(String option, String separator, String paramLabel, boolean range, List<String> components) {}

    public RecordOptions(Class<P> type, P defaults) {
        this.type = type;
        this.defaults = defaults;
    }

    /** Names the option of {@code component} {@code option} (e.g. "--l3" for eL3) instead of its kebab-case name. */
    public RecordOptions<P> rename(String component, String option) {
        names.put(component, option);
        return this;
    }

    /**
     * One option {@code option} for several {@code components}, their values joined by
     * {@code separator} ("--feature EX,EM" sets excitation and emission); help, defaults and
     * bounds from the components' {@link Param}s.
     */
    public RecordOptions<P> join(String option, String separator, String paramLabel, String... components) {
        joined.put(option, new Joined(option, separator, paramLabel, false, List.of(components)));
        return this;
    }

    /**
     * A range option "A:B" (eV) for the two components {@code from} and {@code to}: given in either
     * order (stored ascending), equal ends refused.
     */
    public RecordOptions<P> range(String option, String from, String to) {
        joined.put(option, new Joined(option, ":", "A:B", true, List.of(from, to)));
        return this;
    }

    private Joined joinedOf(String component) {
        for (Joined j : joined.values()) if (j.components().contains(component)) return j;
        return null;
    }

    /** The value's name in --help ("--data=PATH") for {@code component}, instead of the one from its type and unit. */
    public RecordOptions<P> paramLabel(String component, String label) {
        labels.put(component, label);
        return this;
    }

    /**
     * List components whose values must differ (a k-weight or a starting peak centre given twice
     * would count the same data twice or make two peaks of one): a repeat is refused in one line,
     * never kept silently.
     */
    public RecordOptions<P> distinct(String... components) {
        distinct.addAll(List.of(components));
        return this;
    }

    /** Components (or joined options) whose option must be given (picocli then refuses a command line without it, exit 2). */
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
        this.spec = spec;
        Map<String, Object> def = Parameters.toMap(defaults);
        for (RecordComponent rc : type.getRecordComponents()) {
            String c = rc.getName();
            if (excluded.contains(c) || joinedOf(c) != null || spec.findOption(option(c)) != null) continue;
            boolean flag = rc.getType() == boolean.class || rc.getType() == Boolean.class;
            boolean many = rc.getType().isArray() || Collection.class.isAssignableFrom(rc.getType());
            OptionSpec.Builder b = OptionSpec.builder(option(c))
                .description(help(rc.getAnnotation(Param.class), required.contains(c) ? null : def.get(c), flag, many));
            if (required.contains(c)) b.required(true);
            if (flag) b.type(boolean.class).arity("0").setter(setter(c));
            else if (many) {
                // repeatable, and each value may be a comma list: --centre 6540 --centre 6542 = --centre 6540,6542
                // picocli gets the list, adds the occurrence's values and sets it back
                Object[] values = {null};
                b.type(List.class).auxiliaryTypes(String.class).splitRegex(",").paramLabel(labels.getOrDefault(c, label(rc))).arity("1")
                    .getter(new IGetter() {
                        @SuppressWarnings("unchecked") @Override public <T> T get() { return (T) values[0]; }
                    })
                    .setter(new ISetter() {
                        @Override public <T> T set(T value) {
                            values[0] = value;
                            if (value instanceof Collection<?> l && !l.isEmpty())
                                given.put(c, String.join(",", l.stream().<String>map(String::valueOf).toList()));
                            return null;
                        }
                    });
            } else b.type(String.class).paramLabel(labels.getOrDefault(c, label(rc))).arity("1").setter(setter(c));
            spec.addOption(b.build());
        }
        for (Joined j : joined.values()) {
            if (spec.findOption(j.option()) != null) continue;
            spec.addOption(OptionSpec.builder(j.option()).description(help(j, def)).type(String.class).paramLabel(j.paramLabel())
                .arity("1").required(required.contains(j.option())).setter(new ISetter() {
                    @Override public <T> T set(T value) {
                        if (value != null) joinedText.put(j.option(), String.valueOf(value));
                        return null;
                    }
                }).build());
        }
    }

    private ISetter setter(String c) {
        return new ISetter() {
            @Override
            public <T> T set(T value) {
                if (value != null) given.put(c, String.valueOf(value));
                return null;
            }
        };
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

    /** Whether the user gave the option of {@code component} (its own, or a joined option holding it). */
    public boolean given(String component) {
        Joined j = joinedOf(component);
        return given.containsKey(component) || (j != null && joinedText.containsKey(j.option()));
    }

    /** The text the user gave for {@code component} (or for a joined option, by its name), or null. */
    public String text(String component) {
        return given.containsKey(component) ? given.get(component) : joinedText.get(component);
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
        return build(where, extra, Map.of());
    }

    /** As {@link #build(String, Map)}, then {@code overrides} (component -> text) over the options given. */
    public P build(String where, Map<String, String> extra, Map<String, String> overrides) throws EdgeworksException {
        Map<String, String> all = new LinkedHashMap<>(extra);
        all.putAll(given);
        for (var e : joinedText.entrySet()) all.putAll(split(joined.get(e.getKey()), e.getValue()));
        all.putAll(overrides);
        for (String c : distinct) {
            if (!all.containsKey(c)) continue;
            Set<String> seen = new LinkedHashSet<>();
            for (String v : all.get(c).split(",")) {
                String key = v.strip();
                try {
                    key = Double.toString(Double.parseDouble(key));
                } catch (NumberFormatException e) {
                    // not a number: compared as text (the record's own reading names it)
                }
                if (!seen.add(key)) throw new EdgeworksException(option(c), null, v.strip() + " is given twice");
            }
        }
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (RecordComponent rc : type.getRecordComponents())
            if (all.containsKey(rc.getName())) node.set(rc.getName(), json(rc, all.get(rc.getName())));
        try {
            return Parameters.fromJson(node, type, defaults, where);
        } catch (Parameters.Conflict e) {
            if (where != null) throw e;
            // "{e0}: a value is needed with {e0Method}=fixed" -> "--e0: a value is needed with --e0-method fixed"
            String rule = e.rule().replaceAll("\\{(\\w+)\\}=(\\S+)", "{$1} $2"), subject = e.subject();
            if (subject != null && rule.startsWith("{" + subject + "}: ")) rule = rule.substring(subject.length() + 4);
            throw new EdgeworksException(subject == null ? null : optionOf(subject), null, Parameters.Conflict.render(rule, this::optionOf));
        } catch (EdgeworksException e) {
            String c = e.pathInFile();
            if (c == null || !all.containsKey(c)) throw e;
            String name = optionOf(c), problem = e.problem();
            for (String prefix : List.of(c + ": ", name + ": ", name.replaceFirst("^--", "") + ": "))
                if (problem.startsWith(prefix)) problem = problem.substring(prefix.length());
            throw new EdgeworksException(name, null, problem);
        }
    }

    /**
     * The option the user types for {@code component} of this record (its own or the joined one),
     * or null when the record has no such component or the command fills it (excluded).
     */
    public String optionFor(String component) {
        if (component == null || excluded.contains(component) || !hasComponent(component)) return null;
        Joined j = joinedOf(component);
        return j != null ? j.option() : option(component);
    }

    private boolean hasComponent(String component) {
        for (RecordComponent rc : type.getRecordComponents()) if (rc.getName().equals(component)) return true;
        return false;
    }

    /** The option that sets {@code component}: its own, or the joined option holding it (an excluded component: its name). */
    private String optionOf(String component) {
        Joined j = joinedOf(component);
        return j != null ? j.option() : excluded.contains(component) ? component : option(component);
    }

    /** One {@code note:} line on the command's stderr (once per text), for a choice made on the user's behalf. */
    private void note(String text) {
        if (spec == null || !noted.add(text)) return;
        java.io.PrintWriter err = spec.commandLine() == null ? null : spec.commandLine().getErr();
        if (err == null) return;
        err.println("note: " + text);
        err.flush();
    }

    /** The components' texts of a joined option's text; a range's ends as numbers, ascending. */
    private Map<String, String> split(Joined j, String text) throws EdgeworksException {
        String[] parts = text.split(java.util.regex.Pattern.quote(j.separator()), -1);
        Map<String, String> out = new LinkedHashMap<>();
        boolean ok = parts.length == j.components().size();
        if (ok && j.range()) {
            try {
                double a = Double.parseDouble(parts[0].trim()), b = Double.parseDouble(parts[1].trim());
                ok = a != b && Double.isFinite(a) && Double.isFinite(b);
                parts = new String[] {Double.toString(Math.min(a, b)), Double.toString(Math.max(a, b))};
                if (ok && a > b) note(j.option() + " " + text + " is in reverse order: taken as " + plain(b) + ":" + plain(a) + " " + unit(j.components().get(0)));
            } catch (NumberFormatException e) {
                ok = false;
            }
        }
        if (!ok) throw new EdgeworksException(j.option(), null, "'" + text + "' is not "
            + (j.range() ? "a range A:B in " + unit(j.components().get(0)) : j.paramLabel()));
        for (int i = 0; i < parts.length; i++) out.put(j.components().get(i), parts[i].trim());
        return out;
    }

    private String unit(String component) {
        Param p = param(component);
        return p == null || p.unit().isEmpty() ? "eV" : p.unit();
    }

    private Param param(String component) {
        for (RecordComponent rc : type.getRecordComponents()) if (rc.getName().equals(component)) return rc.getAnnotation(Param.class);
        return null;
    }

    /** Help of a joined option: the components' labels [unit], their descriptions, and the defaults joined. */
    private String help(Joined j, Map<String, Object> def) {
        List<String> labels = new ArrayList<>(), descriptions = new ArrayList<>(), defaults = new ArrayList<>();
        String unit = "";
        for (String c : j.components()) {
            Param p = param(c);
            labels.add(p == null ? c : p.label());
            if (p != null && !p.description().isEmpty() && !descriptions.contains(p.description())) descriptions.add(p.description());
            if (p != null && unit.isEmpty()) unit = p.unit();
            Object v = def.get(c);
            if (v != null) defaults.add(text(v));
        }
        String head = String.join(", ", labels) + (unit.isEmpty() ? "" : " [" + unit + "]");
        List<String> parts = new ArrayList<>(List.of(head + (descriptions.isEmpty() ? "" : ": " + String.join("; ", descriptions))));
        if (defaults.size() == j.components().size() && !required.contains(j.option())) parts.add("default " + String.join(j.separator(), defaults));
        return (String.join("; ", parts) + ".").replace("%", "%%");
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
        boolean many = t.isArray() || Collection.class.isAssignableFrom(t);
        String one = unit.startsWith("eV") ? "EV" : unit.equals("1/A") ? "K" : unit.equals("A") ? "A"
            : t == int.class || t == Integer.class || t == long.class || t == Long.class || t == int[].class ? "N"
            : t.isEnum() || t == String.class ? "KIND" : "X";
        return one;
    }

    /**
     * Help text from the record: label [unit], description, bounds, when it applies ({@link Param#enableIf}),
     * expert, and the record's default (not for flags; a null default is the automatic choice the
     * description explains).
     */
    private String help(Param p, Object def, boolean flag, boolean many) {
        List<String> parts = new ArrayList<>();
        if (p != null) {
            String head = p.label();
            if (!p.unit().isEmpty()) head += " [" + p.unit() + "]";
            parts.add(head + (p.description().isEmpty() ? "" : ": " + p.description()));
            boolean lo = p.min() != Double.NEGATIVE_INFINITY, hi = p.max() != Double.POSITIVE_INFINITY;
            if (lo && hi) parts.add("from " + plain(p.min()) + " to " + plain(p.max()));
            else if (lo) parts.add("at least " + plain(p.min()));
            else if (hi) parts.add("at most " + plain(p.max()));
            if (!p.enableIf().isEmpty()) parts.add("applies with " + condition(p.enableIf()));
            if (p.expert()) parts.add("expert");
        }
        if (many) parts.add("repeatable or a comma list");
        boolean noDefault = def == null || (def instanceof Double d && !Double.isFinite(d)) // NaN: must be given
            || (def instanceof Collection<?> l && l.isEmpty());
        if (!flag && !noDefault) parts.add("default " + text(def));
        return (String.join("; ", parts) + ".").replace("%", "%%"); // picocli formats descriptions: a literal % is %%
    }

    /** "shifts" -> "--shifts", "baseline=spline" -> "--baseline spline" (option names as the command line spells them). */
    private String condition(String enableIf) {
        int eq = enableIf.indexOf('=');
        if (eq < 0) return option(enableIf.strip());
        return option(enableIf.substring(0, eq).strip()) + " " + enableIf.substring(eq + 1).strip();
    }

    private static String text(Object v) {
        if (v instanceof Double d) return plain(d);
        if (v instanceof Enum<?>) return Parameters.json().valueToTree(v).asText();
        if (v instanceof Collection<?> l) {
            List<String> parts = new ArrayList<>();
            for (Object x : l) parts.add(text(x));
            return String.join(",", parts);
        }
        if (v != null && v.getClass().isArray()) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < java.lang.reflect.Array.getLength(v); i++) parts.add(text(java.lang.reflect.Array.get(v, i)));
            return String.join(",", parts);
        }
        return String.valueOf(v);
    }

    private static String plain(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }
}
