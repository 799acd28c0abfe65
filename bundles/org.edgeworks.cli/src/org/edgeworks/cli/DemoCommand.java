package org.edgeworks.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.edgeworks.core.EdgeworksException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code edgeworks demo}: the headless tour over the bundled sample data. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run the headless demo on the bundled sample data; writes under --out and prints each path.")
public final class DemoCommand implements Callable<Integer> {

    /** The parts, in the order they run. Each issue adds its own. */
    static List<DemoPart> parts() {
        return List.of(new InfoDemo(), new org.edgeworks.cli.xas.XasDemo(), new org.edgeworks.cli.rixs.RixsDemo(),
            new org.edgeworks.cli.xas.ExafsDemo(), new org.edgeworks.cli.xas.AthenaDemo(),
            new org.edgeworks.cli.xas.StackDemo());
    }

    @Option(names = "--samples", description = "Sample data folder (default: ${DEFAULT-VALUE}).",
        defaultValue = "${sys:edgeworks.home:-.}/samples")
    Path samples;

    @Option(names = "--out", description = "Output folder (default: ${DEFAULT-VALUE}).", defaultValue = "edgeworks-out")
    Path out;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter log = spec.commandLine().getOut();
        if (!Files.isDirectory(samples)) throw new EdgeworksException(samples, null, "sample folder not found");
        Files.createDirectories(out);
        for (DemoPart p : parts()) {
            log.println("== " + p.name());
            Path dir = out.resolve(p.name());
            Files.createDirectories(dir);
            p.run(samples, dir, log);
        }
        log.flush();
        return 0;
    }
}
