package org.edgeworks.cli.rixs;

import java.util.concurrent.Callable;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every rixs subcommand shares: the output folder and writers, printing to the command's own streams. */
abstract class RixsSubcommand implements Callable<Integer> {
    @Mixin RixsOutput output;
    @Spec CommandSpec spec;

    @Override
    public final Integer call() throws Exception {
        output.printTo(spec.commandLine());
        execute();
        return 0;
    }

    /** Reads the inputs, runs the processors, writes through {@link #output}. */
    abstract void execute() throws Exception;
}
