package org.edgeworks.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.edgeworks.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * No stack trace ever reaches a user (issue 13): every leaf subcommand of the command line runs
 * on every file of the bad-input corpus (the file in every positional place, required options
 * given a plain value, --out a fresh folder), and no line of its output or errors looks like a
 * Java stack frame. Exit codes are 0, 1 (bad input) or 2 (usage).
 */
class CliNoStackTraceTest {
    private static final Pattern FRAME = Pattern.compile("^\\s*(at [\\w$.]+\\(.*\\)|\\.\\.\\. \\d+ more|Caused by: .*|Exception in thread .*)\\s*$");

    @TempDir static Path dir;

    /** Leaf commands as their argument prefix ("xas normalize"), with their spec. */
    static Map<String, CommandSpec> leaves() {
        Map<String, CommandSpec> out = new TreeMap<>();
        collect(new CommandLine(new Main()), "", out);
        return out;
    }

    private static void collect(CommandLine cl, String prefix, Map<String, CommandSpec> out) {
        if (cl.getSubcommands().isEmpty()) {
            out.put(prefix.strip(), cl.getCommandSpec());
            return;
        }
        for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
            if (e.getValue().getCommandName().equals(e.getKey())) collect(e.getValue(), prefix + " " + e.getKey(), out);
        }
    }

    static List<String> args(String command, CommandSpec spec, Path file, Path out) {
        List<String> a = new ArrayList<>(List.of(command.split(" ")));
        int positionals = 0;
        for (PositionalParamSpec p : spec.positionalParameters()) positionals = Math.max(positionals, Math.max(1, p.arity().min()) + p.index().min());
        for (int i = 0; i < Math.max(1, positionals); i++) a.add(file.toString());
        boolean hasOut = false;
        for (OptionSpec o : spec.options()) {
            String name = o.longestName();
            if (name.equals("--out")) {
                hasOut = true;
                continue;
            }
            if (!o.required()) continue;
            Class<?> t = o.type();
            a.add(name);
            if (t == Path.class || t == java.io.File.class) a.add(file.toString());
            else if (Number.class.isAssignableFrom(t) || t.isPrimitive()) a.add("1");
            else a.add("x");
        }
        if (hasOut) a.addAll(List.of("--out", out.toString()));
        return a;
    }

    @Test
    void everySubcommandOnEveryCorpusFilePrintsNoStackFrame() throws Exception {
        BadInputCorpus.materialise(dir.resolve("corpus"));
        List<Path> files;
        try (Stream<Path> s = Files.list(dir.resolve("corpus"))) {
            files = s.sorted().toList();
        }
        Map<String, CommandSpec> commands = leaves();
        commands.remove("demo"); // reads no input file: run once below
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        int[] runs = {0};
        for (Map.Entry<String, CommandSpec> c : commands.entrySet()) {
            for (Path f : files) {
                Path out = dir.resolve("out/" + c.getKey().replace(' ', '-') + "/" + f.getFileName());
                check(args(c.getKey(), c.getValue(), f, out), problems);
                runs[0]++;
            }
        }
        check(List.of("demo", "--out", dir.resolve("demo").toString()), problems);
        assertTrue(runs[0] >= commands.size() * files.size(), "ran every command on every file");
        assertTrue(problems.isEmpty(), problems.size() + " of " + runs[0] + " runs printed a stack frame or a bad exit code:\n"
            + String.join("\n", problems.subList(0, Math.min(20, problems.size()))));
    }

    private static void check(List<String> args, List<String> problems) {
        StringWriter o = new StringWriter(), e = new StringWriter();
        int exit = Main.run(args.toArray(String[]::new), new PrintWriter(o, true), new PrintWriter(e, true));
        for (String line : (o + "\n" + e).split("\\R")) {
            if (FRAME.matcher(line).matches()) {
                problems.add("edgeworks " + String.join(" ", args) + ": " + line);
                return;
            }
        }
        if (exit < 0 || exit > 2) problems.add("edgeworks " + String.join(" ", args) + ": exit " + exit);
    }
}
