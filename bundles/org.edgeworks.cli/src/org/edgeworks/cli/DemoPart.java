package org.edgeworks.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

import org.edgeworks.core.EdgeworksException;

/** One part of {@code edgeworks demo}: runs on the bundled samples and prints each output path. */
public interface DemoPart {
    String name();

    /**
     * @param samples the bundled sample folder ({@code samples/} at the repository root)
     * @param out     folder to write into (already exists)
     * @param log     print one line per written file: its path
     */
    void run(Path samples, Path out, PrintWriter log) throws EdgeworksException;
}
