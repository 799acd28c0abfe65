package org.edgeworks.cli.xas;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.exafs.FeffPath;
import org.edgeworks.exafs.FeffRunner;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code xas feff FEFF.inp --out DIR}: runs FEFF6L (or FEFF8L) from the Debian package
 * feff85exafs on the input, in DIR; prints the feffNNNN.dat paths it wrote and writes
 * DIR/feff_paths.json (file, reff, degen, nleg, atoms of each path) for {@code xas fit --path}.
 */
@Command(name = "feff", mixinStandardHelpOptions = true, description = "Run FEFF (feff6l or feff8l, an external program) on a feff.inp; lists the paths.")
public final class FeffCommand extends TextSubcommand {
    @Parameters(index = "0", paramLabel = "FEFF.inp", description = "FEFF input file.") Path inp;
    @Option(names = "--program", paramLabel = "NAME", defaultValue = "feff6l", description = "feff6l (default) | feff8l") String program;
    @Option(names = "--timeout", paramLabel = "S", defaultValue = "600", description = "Give up after S seconds (default 600).") long timeout;

    @Override
    void execute() throws EdgeworksException {
        Path dir = out.file("");
        if (!out.overwrite() && java.nio.file.Files.isDirectory(dir)) {
            try (var old = java.nio.file.Files.list(dir)) {
                Path first = old.filter(f -> f.getFileName().toString().matches("feff\\d{4}\\.dat")).findFirst().orElse(null);
                if (first != null) throw new EdgeworksException(first, null, "exists already (use --overwrite to let FEFF replace it)");
            } catch (java.io.IOException e) {
                throw new EdgeworksException(dir, null, "cannot list: " + e.getMessage());
            }
        }
        List<Path> files = FeffRunner.run(inp, dir, program, timeout);
        List<Map<String, Object>> paths = new ArrayList<>();
        for (Path f : files) {
            FeffPath p = FeffPath.read(f);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", f.getFileName().toString());
            m.put("reff", p.reff());
            m.put("degen", p.degen());
            m.put("nleg", p.nleg());
            m.put("atoms", p.atoms());
            paths.add(m);
            out.printed(f);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("program", program);
        json.put("input", inp.toAbsolutePath().toString());
        json.put("paths", paths);
        out.json("feff_paths.json", json);
    }
}
