package org.edgeworks.cli.xas;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code edgeworks xas ...}: the XANES processors of org.edgeworks.xas on files. */
@Command(name = "xas", mixinStandardHelpOptions = true,
    description = "XANES and EXAFS analysis: normalise, LCF, valence, pre-edge peaks, merge, align, calibrate, deglitch, image stacks; autobk, ft, wavelet, fit, feff.",
    subcommands = {NormalizeCommand.class, LcfCommand.class, ValenceCommand.class, PreEdgeCommand.class, MergeCommand.class,
        AlignCommand.class, CalibrateCommand.class, DeglitchCommand.class, AutobkCommand.class, FtCommand.class, WaveletCommand.class,
        FitCommand.class, FeffCommand.class, ExportCommand.class, StackCommand.class})
public final class XasCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
