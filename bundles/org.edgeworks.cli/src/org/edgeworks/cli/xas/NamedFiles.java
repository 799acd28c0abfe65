package org.edgeworks.cli.xas;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeworks.core.EdgeworksException;

/**
 * Repeated {@code NAME=FILE} and {@code NAME=NUMBER} options (e.g. {@code --ref MnO=MnO.dat}) in the order given.
 * Parsed by hand rather than as a picocli {@code Map} option because a picocli map silently keeps
 * only the last value of a repeated key: {@code --ref A=x --ref A=y} would fit one reference and
 * label the other's weight with its name. A repeated name is refused here instead.
 */
final class NamedFiles {
    private NamedFiles() {}

    /**
     * @param values the option's values as typed, each NAME=FILE
     * @param option the option name for messages, e.g. {@code --ref}
     * @return NAME -> FILE in the order given
     * @throws EdgeworksException one line naming the option: a value without '=' or an empty name, or a name given twice
     */
    static Map<String, Path> parse(List<String> values, String option) throws EdgeworksException {
        Map<String, Path> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : pairs(values, option, "FILE").entrySet()) out.put(e.getKey(), Path.of(e.getValue()));
        return out;
    }

    /**
     * Repeated {@code NAME=NUMBER} options (e.g. {@code --valence MnO=2}) in the order given.
     * @throws EdgeworksException one line naming the option: a malformed value, a value that is not a number, or a name given twice
     */
    static Map<String, Double> numbers(List<String> values, String option) throws EdgeworksException {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : pairs(values, option, "NUMBER").entrySet()) {
            try {
                out.put(e.getKey(), Double.parseDouble(e.getValue()));
            } catch (NumberFormatException x) {
                throw EdgeworksException.of(option, "'" + e.getValue() + "' (for " + e.getKey() + ") is not a number");
            }
        }
        return out;
    }

    /** NAME=VALUE pairs in order; a malformed pair or a repeated NAME is refused. */
    private static Map<String, String> pairs(List<String> values, String option, String what) throws EdgeworksException {
        Map<String, String> out = new LinkedHashMap<>();
        if (values == null) return out;
        for (String v : values) {
            int eq = v.indexOf('=');
            if (eq <= 0 || eq == v.length() - 1) throw EdgeworksException.of(option, "'" + v + "' is not NAME=" + what);
            String name = v.substring(0, eq), value = v.substring(eq + 1);
            String before = out.putIfAbsent(name, value);
            if (before != null)
                throw EdgeworksException.of(option, "the name '" + name + "' is given twice (" + before + " and " + value + "): give each reference its own name");
        }
        return out;
    }
}
