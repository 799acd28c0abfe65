package org.edgeworks.cli.xas;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeworks.cli.RecordOptions;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.plot.LinePlot;
import org.edgeworks.xas.DeglitchProcessor;
import org.edgeworks.pipeline.xas.XasInput;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code xas deglitch FILE...}: NAME.deglitch.json, .csv, .png. Options {@code --window},
 * {@code --k}, {@code --remove} generated from {@link DeglitchProcessor.Params} ({@link RecordOptions}).
 */
@Command(name = "deglitch", mixinStandardHelpOptions = true, modelTransformer = RecordOptions.Transformer.class,
    description = "Flag (and with --remove drop) glitches: running median + k*MAD.")
public final class DeglitchCommand extends XasSubcommand implements RecordOptions.Holder {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Input files (any format a detector bundle reads).") List<Path> files;

    final RecordOptions<DeglitchProcessor.Params> options =
        new RecordOptions<>(DeglitchProcessor.Params.class, DeglitchProcessor.Params.defaults());

    @Override public List<RecordOptions<?>> recordOptions() { return List.of(options); }

    @Override
    void execute() throws EdgeworksException {
        DeglitchProcessor.Params p = options.build(null);
        boolean remove = p.remove();
        for (XasInput.Loaded l : in.loadAll(files, out.log)) {
            String name = l.spectrum().name();
            var r = new DeglitchProcessor().apply(l.spectrum(), p);
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
            // the input sigma (a COL_err column) is kept: signal_err after the others, only when the input had one
            double[] cu = clean.spectrum().uncertainty();
            out.csv(name + ".deglitch.csv", header(List.of("energy", "signal", "median", "residual", "flagged"), cu),
                columns(List.of(ce, cy, v.median(), v.residual(), flag), cu));
            if (remove) out.csv(name + ".deglitched.csv", header(List.of("energy", "signal"), v.spectrum().uncertainty()),
                columns(List.of(v.spectrum().energies(), v.spectrum().signal()), v.spectrum().uncertainty()));
            List<Double> marks = new ArrayList<>();
            for (double x : v.flaggedEnergies()) marks.add(x);
            out.png(name + ".deglitch.png", new LinePlot(name + ": " + v.flagged().length + " glitch point(s)", "Energy (eV)", "signal",
                List.of(XasOutput.line("signal", ce, cy), XasOutput.dashed("running median", ce, v.median())), marks));
            if (e.length == 0) throw EdgeworksException.of(name, "no points");
        }
    }

    /** The header plus signal_err when {@code sigma} (one standard deviation of signal) is known. */
    static List<String> header(List<String> header, double[] sigma) {
        if (sigma == null) return header;
        List<String> l = new ArrayList<>(header);
        l.add("signal_err");
        return l;
    }

    /** The columns plus {@code sigma} when it is known (the column of {@link #header}). */
    static List<double[]> columns(List<double[]> columns, double[] sigma) {
        if (sigma == null) return columns;
        List<double[]> l = new ArrayList<>(columns);
        l.add(sigma);
        return l;
    }
}
