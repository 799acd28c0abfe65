package org.edgeworks.cli.xas;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.edgeworks.cli.DemoPart;
import org.edgeworks.core.EdgeworksException;

import picocli.CommandLine;

/**
 * Demo part: normalises the bundled Mn K-edge samples (samples/xanes), fits Mn3O4 by MnO + Mn2O3
 * + MnO2 (LCF, non-negative weights, with the combinatorial ranking) and reads the valence of
 * Mn3O4 off the MnO/Mn2O3/MnO2 edge-shift line, through the same commands a user types.
 */
public final class XasDemo implements DemoPart {
    @Override public String name() { return "xanes"; }

    @Override
    public void run(Path samples, Path out, PrintWriter log) throws EdgeworksException {
        Path dir = samples.resolve("xanes");
        List<String> names = List.of("MnO.dat", "Mn2O3x.dat", "Pyrolusite.dat", "Mn3O4.dat", "Mn_foil.dat");
        for (String n : names)
            if (!Files.isRegularFile(dir.resolve(n))) throw new EdgeworksException(dir.resolve(n), null, "bundled sample missing");
        List<String> norm = new ArrayList<>(List.of("normalize"));
        for (String n : names) norm.add(dir.resolve(n).toString());
        norm.addAll(List.of("--out", out.resolve("normalize").toString(), "--overwrite"));
        run(log, norm);
        run(log, List.of("lcf", dir.resolve("Mn3O4.dat").toString(),
            "--ref", "MnO=" + dir.resolve("MnO.dat"), "--ref", "Mn2O3=" + dir.resolve("Mn2O3x.dat"), "--ref", "MnO2=" + dir.resolve("Pyrolusite.dat"),
            "--valence", "MnO=2", "--valence", "Mn2O3=3", "--valence", "MnO2=4",
            "--emin", "6530", "--emax", "6600", "--combinations", "3", "--out", out.resolve("lcf").toString(), "--overwrite"));
        run(log, List.of("valence", dir.resolve("Mn3O4.dat").toString(),
            "--ref", "2=" + dir.resolve("MnO.dat"), "--ref", "3=" + dir.resolve("Mn2O3x.dat"), "--ref", "4=" + dir.resolve("Pyrolusite.dat"),
            "--edge", "half-height", "--out", out.resolve("valence").toString(), "--overwrite"));
    }

    static void run(PrintWriter log, List<String> args) throws EdgeworksException {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new XasCommand());
        cl.setOut(log);
        cl.setErr(new PrintWriter(err, true));
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            new PrintWriter(err, true).println(ex.getMessage());
            return 1;
        });
        int code = cl.execute(args.toArray(String[]::new));
        log.flush();
        if (code != 0) throw EdgeworksException.of("demo xas " + args.get(0), err.toString().strip());
    }
}
