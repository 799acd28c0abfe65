package org.edgeworks.cli.xas;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.edgeworks.cli.DemoPart;
import org.edgeworks.core.EdgeworksException;

/**
 * Demo part: the Athena project samples/athena/Mn.prj: its groups listed, every group normalised
 * with the parameters Athena stored, and all of them written back as an Athena project and as XDI,
 * through the commands a user types.
 */
public final class AthenaDemo implements DemoPart {
    @Override public String name() { return "athena"; }

    @Override
    public void run(Path samples, Path out, PrintWriter log) throws EdgeworksException {
        Path prj = samples.resolve("athena/Mn.prj");
        if (!Files.isRegularFile(prj)) throw new EdgeworksException(prj, null, "bundled sample missing");
        int code = new picocli.CommandLine(new org.edgeworks.cli.InfoCommand()).setOut(log).execute(prj.toString());
        if (code != 0) throw EdgeworksException.of("demo info", prj + ": info failed");
        XasDemo.run(log, List.of("normalize", prj.toString(), "--out", out.resolve("normalize").toString(), "--overwrite"));
        XasDemo.run(log, List.of("export", prj.toString(), "--athena", out.resolve("Mn_edgeworks.prj").toString(), "--xdi",
            "--out", out.resolve("xdi").toString(), "--overwrite"));
    }
}
