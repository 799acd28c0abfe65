package org.edgeworks.cli.xas;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.plot.LinePlot;
import org.edgeworks.xas.DeglitchProcessor;
import org.edgeworks.pipeline.xas.XasInput;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code xas deglitch FILE...}: NAME.deglitch.json, .csv, .png. */
@Command(name = "deglitch", mixinStandardHelpOptions = true, description = "Flag (and with --remove drop) glitches: running median + k*MAD.")
public final class DeglitchCommand extends XasSubcommand {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Input files (any format a detector bundle reads).") List<Path> files;
    @Option(names = "--window", paramLabel = "N", defaultValue = "7", description = "Running-median window in points (default 7).") int window;
    @Option(names = "--k", paramLabel = "K", defaultValue = "5", description = "Threshold in MADs (default 5).") double k;
    @Option(names = "--remove", description = "Drop the flagged points from the output spectrum.") boolean remove;

    @Override
    void execute() throws EdgeworksException {
        for (XasInput.Loaded l : in.loadAll(files, out.log)) {
            String name = l.spectrum().name();
            var r = new DeglitchProcessor().apply(l.spectrum(), new DeglitchProcessor.Params(window, k, remove));
            var v = r.value();
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("name", name);
            json.put("flagged_indices", v.flagged());
            json.put("flagged_energies", v.flaggedEnergies());
            json.put("removed", remove);
            json.put("noise", v.noise());
            json.put("provenance", XasOutput.provenance(r.provenance(), List.of(l.source()), l.notes()));
            out.json(name + ".deglitch.json", json);
            double[] e = l.spectrum().energies();
            // the cleaned input grid (sorted, unique) the flags refer to
            var clean = org.edgeworks.core.data.EnergyGrid.clean(l.spectrum());
            double[] ce = clean.spectrum().energies(), cy = clean.spectrum().signal();
            double[] flag = new double[ce.length];
            for (int i : v.flagged()) flag[i] = 1;
            out.csv(name + ".deglitch.csv", List.of("energy", "signal", "median", "residual", "flagged"), List.of(ce, cy, v.median(), v.residual(), flag));
            if (remove) out.csv(name + ".deglitched.csv", List.of("energy", "signal"), List.of(v.spectrum().energies(), v.spectrum().signal()));
            List<Double> marks = new ArrayList<>();
            for (double x : v.flaggedEnergies()) marks.add(x);
            out.png(name + ".deglitch.png", new LinePlot(name + ": " + v.flagged().length + " glitch point(s)", "Energy (eV)", "signal",
                List.of(XasOutput.line("signal", ce, cy), XasOutput.dashed("running median", ce, v.median())), marks));
            if (e.length == 0) throw EdgeworksException.of(name, "no points");
        }
    }
}
