package org.edgeworks.cli.xas;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.edgeworks.cli.DemoPart;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.nexus.NexusFile;

/**
 * Demo part: the bundled XANES imaging stack samples/stack/mn_txm_phases.h5 (SYNTHETIC: each pixel
 * a known MnO / Mn2O3 mixture, transmission counts with a flat field; samples/stack/make_stack.py)
 * through {@code xas stack} with the bundled MnO and Mn2O3 references, then a summary of the fraction
 * maps over the masked pixels: mean, minimum and maximum of each weight, and the R-factor.
 */
public final class StackDemo implements DemoPart {
    public static final String STACK = "stack/mn_txm_phases.h5";

    @Override public String name() { return "stack"; }

    @Override
    public void run(Path samples, Path out, PrintWriter log) throws EdgeworksException {
        Path stack = samples.resolve(STACK);
        Path x = samples.resolve("xanes");
        for (Path p : List.of(stack, x.resolve("MnO.dat"), x.resolve("Mn2O3x.dat")))
            if (!Files.isRegularFile(p)) throw new EdgeworksException(p, null, "bundled sample missing");
        XasDemo.run(log, List.of("stack", stack.toString(), "--mode", "transmission", "--flat", stack + ":/entry/instrument/flat",
            "--ref", "MnO=" + x.resolve("MnO.dat"), "--ref", "Mn2O3=" + x.resolve("Mn2O3x.dat"), "--sum-to-one",
            "--out", out.toString(), "--overwrite"));
        Path nxs = out.resolve("mn_txm_phases.stack.nxs");
        try (NexusFile f = NexusFile.open(nxs)) {
            double[] mask = f.readDoubles("/entry/mask/data");
            int n = 0;
            for (double m : mask) if (m > 0) n++;
            log.println("fraction maps (" + n + " of " + mask.length + " pixels in the mask):");
            for (String map : List.of("weight_MnO", "weight_Mn2O3", "r_factor")) {
                double[] v = f.readDoubles("/entry/" + map + "/data");
                double sum = 0, lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < v.length; i++) {
                    if (!(mask[i] > 0) || !Double.isFinite(v[i])) continue;
                    sum += v[i];
                    lo = Math.min(lo, v[i]);
                    hi = Math.max(hi, v[i]);
                }
                log.println(String.format(Locale.ROOT, "  %-12s mean %.4g  min %.4g  max %.4g", map, sum / n, lo, hi));
            }
        }
        log.flush();
    }
}
