package org.edgeworks.cli.rixs;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code edgeworks rixs}: mRIXS maps from raw stacks, cuts, PFY, iPFY, feature quantification, difference maps. */
@Command(name = "rixs", mixinStandardHelpOptions = true,
    description = "mRIXS maps and iPFY (docs/science.md, RIXS sections).",
    subcommands = {RixsBuild.class, RixsCut.class, RixsPfy.class, RixsIpfy.class, RixsQuantify.class, RixsDiff.class})
public final class RixsCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
