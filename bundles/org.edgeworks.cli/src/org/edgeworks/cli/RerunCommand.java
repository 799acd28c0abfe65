package org.edgeworks.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.pipeline.PipelineRunner;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code edgeworks rerun RESULT.nxs [--out DIR] [--new-versions]}: reproduces a result from what
 * it records (the pipeline JSON, the raw file path); refuses when the result set is incomplete,
 * the raw file is gone or its SHA-256 differs from the recorded one, or a processor's version
 * differs from the recorded one (unless --new-versions: then it reruns and says which changed).
 */
@Command(name = "rerun", mixinStandardHelpOptions = true,
    description = "Reproduce a result from its recorded raw file and pipeline (refuses if the raw file or a processor version changed).")
public final class RerunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "RESULT.nxs", description = "A result written by edgeworks run.")
    Path result;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for the new results (default: a 'rerun' folder next to RESULT).")
    Path out;

    @Option(names = "--overwrite", description = "Replace existing results.")
    boolean overwrite;

    @Option(names = "--new-versions", description = "Rerun even when a processor's version differs from the recorded one (noted).")
    boolean newVersions;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws EdgeworksException {
        PrintWriter o = spec.commandLine().getOut();
        Path dir = out != null ? out : result.toAbsolutePath().getParent().resolve("rerun");
        PipelineRunner.Rerun r = PipelineRunner.rerun(result, dir, overwrite, newVersions);
        for (String note : r.notes()) o.println("note: " + note);
        List<Path> written = r.written();
        o.println("rerun ok: " + written.get(0) + " (raw file sha256 unchanged)");
        return 0;
    }
}
