package org.edgeworks.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.detector.DetectorRegistry;
import org.edgeworks.core.detector.FileProbe;
import org.edgeworks.core.io.AtomicFiles;

/** Demo part: what `edgeworks info` says about every bundled sample, in one text file. */
final class InfoDemo implements DemoPart {
    @Override public String name() { return "info"; }

    @Override
    public void run(Path samples, Path out, PrintWriter log) throws EdgeworksException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(samples)) {
            // Samples are data plus their READMEs, generator scripts and program inputs: only data is described.
            files = s.filter(Files::isRegularFile).filter(p -> !FileProbe.isCompanionFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new EdgeworksException(samples, null, "cannot list: " + e.getMessage(), e);
        }
        StringWriter text = new StringWriter();
        PrintWriter pw = new PrintWriter(text);
        InfoCommand info = new InfoCommand();
        DetectorRegistry detectors = DetectorRegistry.load();
        for (Path f : files) {
            try {
                info.describe(f, detectors, pw);
            } catch (EdgeworksException e) {
                pw.println("error: " + e.getMessage());
            }
        }
        pw.flush();
        Path target = out.resolve("samples-info.txt");
        AtomicFiles.writeString(target, true, text.toString());
        log.println(target);
    }
}
