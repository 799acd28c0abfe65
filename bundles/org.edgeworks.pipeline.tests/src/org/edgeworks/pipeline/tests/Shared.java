package org.edgeworks.pipeline.tests;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.edgeworks.cli.Main;
import org.edgeworks.testsupport.SharedData;

/** Shared data, pipelines and a command-line runner for the end-to-end tests. */
final class Shared {
    private Shared() {}

    static final Path DATA = SharedData.dir();

    /** Every raw file of the shared data (not the peers' results, not the README). */
    static List<Path> allRawFiles() {
        try (Stream<Path> s = Files.walk(DATA)) {
            return s.filter(Files::isRegularFile)
                .filter(p -> !DATA.relativize(p).startsWith("peers") && !p.getFileName().toString().equals("README.md"))
                .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final String XANES = """
        {"schema": "edgeworks-pipeline/1", "name": "xanes-normalise",
         "description": "mu(E) from whatever the scan has (declared adapter, documented order), then Larch-style normalisation",
         "steps": [
           {"processor": "org.edgeworks.pipeline.mu", "parameters": {"mode": "auto"}},
           {"processor": "org.edgeworks.xas.normalize", "parameters": {}}
         ]}""";

    static final String SDD = """
        {"schema": "edgeworks-pipeline/1", "name": "sdd-ipfy",
         "steps": [
           {"processor": "org.edgeworks.sdd.yields",
            "parameters": {"pfyFrom": 280, "pfyTo": 300, "ipfyFrom": 230, "ipfyTo": 255, "unit": "BIN", "deadTime": true, "combine": "MEAN"}}
         ]}""";

    static Path write(Path dir, String name, String text) {
        try {
            Path p = dir.resolve(name);
            Files.writeString(p, text);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A copy of the shared MnO.dat (a raw file the test may edit) and the XANES pipeline, both in one
     * folder: the start of the rerun tests.
     */
    record XanesCopy(Path raw, Path pipeline) {
        /** `edgeworks run PIPELINE RAW --out OUT`. */
        Cli run(Path out) {
            return cli("run", pipeline.toString(), raw.toString(), "--out", out.toString());
        }
    }

    static XanesCopy xanesCopy(Path dir) throws IOException {
        Path raw = Files.copy(DATA.resolve("xanes/mn_k/MnO.dat"), dir.resolve("MnO.dat"));
        return new XanesCopy(raw, write(dir, "xanes.json", XANES));
    }

    record Cli(int code, String out, String err) {}

    static Cli cli(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Cli(code, out.toString(), err.toString());
    }
}
