package org.edgeworks.cli.xas;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * An xas subcommand whose inputs are text files, not scans (ft, wavelet, fit: chi(k) CSV and FEFF
 * paths; feff: feff.inp). The channel-selection options of the scan commands never applied here:
 * they are left out of --help and, given, ignored with one warning line on the error stream
 * (earlier versions accepted them silently; a script that passes them keeps working for one
 * release, after which they will be refused).
 */
abstract class TextSubcommand extends OutputSubcommand {
    @Option(names = {"--energy", "--mu", "--mode", "--i0", "--it", "--if", "--icr", "--ocr", "--dt", "--exclude", "--outliers", "--input",
        "--scan", "--group"}, hidden = true, paramLabel = "IGNORED", description = "Scan options that do not apply to a text input: ignored.")
    List<String> scanOptions = new ArrayList<>();

    @Override
    void started() {
        if (scanOptions.isEmpty()) return;
        OptionSpec o = spec.findOption("--mu");
        Set<String> given = new LinkedHashSet<>();
        for (String a : spec.commandLine().getParseResult().originalArgs())
            for (String n : o.names()) if (a.equals(n) || a.startsWith(n + "=")) given.add(n);
        out.err.println("edgeworks: " + String.join(", ", given) + ": " + (given.size() == 1 ? "does" : "do") + " not apply to xas " + spec.name()
            + " (its input is a text file, not a scan): ignored");
        out.err.flush();
    }
}
