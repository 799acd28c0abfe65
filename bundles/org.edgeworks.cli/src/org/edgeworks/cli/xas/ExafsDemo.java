package org.edgeworks.cli.xas;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.edgeworks.cli.DemoPart;
import org.edgeworks.core.EdgeworksException;

/**
 * Demo part: the bundled Cu foil (samples/exafs) through the EXAFS commands a user types:
 * autobk -> chi(k), ft -> |chi(R)|, the first-shell fit with the bundled FEFF path, and the
 * Cauchy wavelet.
 */
public final class ExafsDemo implements DemoPart {
    @Override public String name() { return "exafs"; }

    @Override
    public void run(Path samples, Path out, PrintWriter log) throws EdgeworksException {
        Path dir = samples.resolve("exafs");
        for (String n : List.of("cu_metal_rt.xdi", "feff0001.dat"))
            if (!Files.isRegularFile(dir.resolve(n))) throw new EdgeworksException(dir.resolve(n), null, "bundled sample missing");
        XasDemo.run(log, List.of("autobk", dir.resolve("cu_metal_rt.xdi").toString(), "--mu", "mutrans", "--kweight", "2",
            "--out", out.toString(), "--overwrite"));
        Path chi = out.resolve("cu_metal_rt.chi.csv");
        XasDemo.run(log, List.of("ft", chi.toString(), "--kmin", "3", "--kmax", "12", "--out", out.toString(), "--overwrite"));
        XasDemo.run(log, List.of("fit", chi.toString(), "--path", dir.resolve("feff0001.dat").toString(), "--kmin", "3", "--kmax", "14",
            "--rmin", "1.4", "--rmax", "3.0", "--out", out.toString(), "--overwrite"));
        XasDemo.run(log, List.of("wavelet", chi.toString(), "--out", out.toString(), "--overwrite"));
    }
}
