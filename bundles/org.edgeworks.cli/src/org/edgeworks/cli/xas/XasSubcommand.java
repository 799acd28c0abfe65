package org.edgeworks.cli.xas;

import java.util.concurrent.Callable;

import org.edgeworks.cli.CommandOutput;
import org.edgeworks.core.EdgeworksException;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every xas subcommand shares: channel selection, output folder, the printed list of written files. */
abstract class XasSubcommand implements Callable<Integer> {
    @Mixin XasInputOptions in;
    @Mixin CommandOutput out;
    @Spec CommandSpec spec;

    @Override
    public final Integer call() throws EdgeworksException {
        out.printTo(spec.commandLine());
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
        out.warn(notes);
    }

    /** Reads the inputs, runs the processor, writes JSON + CSV + PNG through {@link #out}. */
    abstract void execute() throws EdgeworksException;
}
