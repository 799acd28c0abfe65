package org.edgeworks.cli.xas;

import java.util.concurrent.Callable;

import org.edgeworks.cli.CommandOutput;
import org.edgeworks.core.EdgeworksException;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every xas subcommand shares: the output folder and the printed list of written files. The
 * EXAFS commands whose inputs are text files (chi CSV, FEFF paths, feff.inp: ft, wavelet, fit, feff;
 * {@link TextSubcommand}) show no raw-channel options in --help; the commands that read scans
 * extend {@link XasSubcommand}, which adds the channel selection.
 */
abstract class OutputSubcommand implements Callable<Integer> {
    @Mixin CommandOutput out;
    @Spec CommandSpec spec;

    /** Reads the inputs, runs the processor, writes JSON + CSV + PNG through {@link #out}. */
    abstract void execute() throws EdgeworksException;

    /** Called once the output streams are set, before {@link #execute()} (a text-input subcommand warns of options that do not apply). */
    void started() {
    }

    /** The error as the user should read it (a subcommand reading scans names the file as typed). */
    EdgeworksException named(EdgeworksException e) {
        return e;
    }

    /** Prints the notes that are warnings ("warning: FILE: ...") on the terminal's error stream, one line each. */
    void warn(java.util.List<String> notes) {
        out.warn(notes);
    }

    /** Sets the streams, runs {@link #execute()}; an error is {@link #named} before it reaches the user. */
    @Override
    public final Integer call() throws EdgeworksException {
        out.printTo(spec.commandLine());
        started();
        try {
            execute();
        } catch (EdgeworksException e) {
            throw named(e);
        }
        out.log.flush();
        return 0;
    }
}
