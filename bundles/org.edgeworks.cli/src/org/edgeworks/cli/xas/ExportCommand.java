package org.edgeworks.cli.xas;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.detector.ascii.XdiWriter;
import org.edgeworks.detector.athena.AthenaProject;
import org.edgeworks.pipeline.xas.XasInput;
import org.edgeworks.xas.NormalizeProcessor;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code xas export FILE... --athena OUT.prj | --xdi --out DIR}: spectra for Athena/Larch users.
 * Each spectrum is normalised with the parameters its file stored (an Athena group's) or Larch's
 * defaults, and written with those parameters: as a group of an Athena project (mu(E), bkg_e0,
 * pre/post ranges, bkg_nnorm = degree + 1, fixed step when the file fixed it), and/or as XDI
 * (energy, mu, norm, flat; E0 and ranges as Edgeworks.* fields).
 */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Write spectra for other programs: an Athena project (--athena OUT.prj) and/or XDI files of the normalised spectra (--xdi --out DIR).")
public final class ExportCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Input files (any format a detector bundle reads; multi-scan files give every scan).") List<Path> files;
    @Option(names = "--athena", paramLabel = "OUT.prj", description = "Write one Athena project holding every spectrum as a group.") Path athena;
    @Option(names = "--xdi", description = "Write NAME.xdi (energy, mu, norm, flat) per spectrum into --out.") boolean xdi;
    @Option(names = "--nxxas", description = "Write the raw counters as NeXus NXxas, NAME.nxxas.nxs per scan into --out "
        + "(energy, incoming_beam = I0, absorbed_beam = It, or If with --mode fluorescence).") boolean nxxas;
    @Option(names = "--out", paramLabel = "DIR", description = "Output folder of --xdi.") Path outDir;
    @Option(names = "--overwrite", description = "Replace existing outputs.") boolean overwrite;
    @Mixin XasInputOptions in;
    @Spec CommandSpec spec;

    static final String PROGRAM = "Edgeworks";

    @Override
    public Integer call() throws EdgeworksException {
        PrintWriter log = spec.commandLine().getOut();
        if (athena == null && !xdi && !nxxas) throw EdgeworksException.of("xas export", "give --athena OUT.prj, --xdi or --nxxas (with --out DIR)");
        if ((xdi || nxxas) && outDir == null) throw EdgeworksException.of("xas export", "--xdi and --nxxas write into --out DIR: give --out");
        if (nxxas) for (XasInputOptions.Raw r : in.rawAll(files, log)) {
            Path p = outDir.resolve(r.name() + ".nxxas.nxs");
            org.edgeworks.pipeline.NxxasWriter.write(p, overwrite, r.name(), org.edgeworks.core.processing.Clock.now(), r.name(), r.energy(), r.i0(),
                r.signal(), r.mode());
            log.println(p);
        }
        if (athena == null && !xdi) {
            log.flush();
            return 0;
        }
        List<AthenaProject.Written> groups = new ArrayList<>();
        for (XasInput.Loaded l : in.loadAll(files, log)) {
            var stored = in.stored(l);
            NormalizeProcessor.Normalized n = new NormalizeProcessor().apply(l.spectrum(), stored.orElse(NormalizeProcessor.Params.defaults())).value();
            String name = l.spectrum().name();
            boolean fixed = stored.isPresent() && stored.get().step() != null;
            groups.add(new AthenaProject.Written(name, n.energy(), n.mu(), n.e0(), n.pre1(), n.pre2(), n.norm1(), n.norm2(), n.nnorm(),
                n.edgeStep(), fixed, l.source().file()));
            if (xdi) {
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put("Edgeworks.e0", num(n.e0()));
                fields.put("Edgeworks.edge_step", num(n.edgeStep()));
                fields.put("Edgeworks.pre1", num(n.pre1()));
                fields.put("Edgeworks.pre2", num(n.pre2()));
                fields.put("Edgeworks.norm1", num(n.norm1()));
                fields.put("Edgeworks.norm2", num(n.norm2()));
                fields.put("Edgeworks.nnorm", Integer.toString(n.nnorm()));
                fields.put("Edgeworks.parameters_from", stored.isPresent() ? "file" : "Larch defaults");
                List<String> comments = new ArrayList<>();
                comments.add("source: " + l.source().file() + (l.source().sha256() == null ? "" : " sha256 " + l.source().sha256()));
                comments.addAll(l.notes());
                Path p = outDir.resolve(name + ".xdi");
                XdiWriter.write(p, overwrite, PROGRAM + "/0.1", fields, List.of("energy", "mu", "norm", "flat"), List.of("eV", "", "", ""),
                    new double[][] {n.energy(), n.mu(), n.norm(), n.flat()}, comments);
                log.println(p);
            }
        }
        if (athena != null) {
            AthenaProject.write(athena, overwrite, PROGRAM, groups);
            log.println(athena);
        }
        log.flush();
        return 0;
    }

    private static String num(double v) { return String.format(Locale.ROOT, "%.10g", v); }
}
