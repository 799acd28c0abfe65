package org.edgeworks.cli.xas;

import java.util.concurrent.Callable;

import org.edgeworks.core.EdgeworksException;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every xas subcommand shares: channel selection, output folder, the printed list of written files. */
abstract class XasSubcommand implements Callable<Integer> {
    @Mixin XasInputOptions in;
    @Mixin XasOutput out;
    @Spec CommandSpec spec;

    @Override
    public final Integer call() throws EdgeworksException {
        out.log = spec.commandLine().getOut();
        try {
            execute();
        } catch (EdgeworksException e) {
            throw in.asTypedFile(e);
        }
        out.log.flush();
        return 0;
    }

    /** Prints the notes that are warnings ("warning: FILE: ...") on the terminal's error stream, one line each. */
    void warn(java.util.List<String> notes) {
        java.io.PrintWriter err = spec.commandLine().getErr();
        for (String n : notes) if (n.startsWith("warning: ")) err.println("edgeworks: " + n);
        err.flush();
    }

    /** Reads the inputs, runs the processor, writes JSON + CSV + PNG through {@link #out}. */
    abstract void execute() throws EdgeworksException;
}
