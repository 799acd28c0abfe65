package org.edgeworks.cli.xas;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeworks.core.EdgeworksException;

/**
 * Repeated {@code NAME=FILE} options (e.g. {@code --ref MnO=MnO.dat}) in the order given.
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
        if (values == null) return out;
        for (String v : values) {
            int eq = v.indexOf('=');
            if (eq <= 0 || eq == v.length() - 1) throw EdgeworksException.of(option, "'" + v + "' is not NAME=FILE");
            String name = v.substring(0, eq);
            Path file = Path.of(v.substring(eq + 1));
            Path before = out.putIfAbsent(name, file);
            if (before != null)
                throw EdgeworksException.of(option, "the name '" + name + "' is given twice (" + before + " and " + file + "): give each reference its own name");
        }
        return out;
    }
}
