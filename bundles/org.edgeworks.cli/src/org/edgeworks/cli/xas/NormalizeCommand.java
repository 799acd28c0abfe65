package org.edgeworks.cli.xas;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.processing.Result;
import org.edgeworks.plot.LinePlot;
import org.edgeworks.xas.E0Method;
import org.edgeworks.xas.LEdgeProcessor;
import org.edgeworks.xas.Normalization;
import org.edgeworks.xas.NormalizeProcessor;
import org.edgeworks.xas.kernel.Normalizer;
import org.edgeworks.pipeline.xas.XasInput;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code xas normalize FILE... --out DIR}: NAME.norm.csv, NAME.json, NAME.png per input. */
@Command(name = "normalize", mixinStandardHelpOptions = true,
    description = "Normalise XANES spectra (Athena/Larch convention, or the L2,3 two-step background with --ledge).")
public final class NormalizeCommand extends XasSubcommand {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Input files (any format a detector bundle reads).") List<Path> files;
    @Mixin NormalizeOptions normalizeOptions;


    @Option(names = "--ledge", description = "Soft X-ray L2,3 edge: two-step arctan background.") boolean ledge;
    @Option(names = "--l3", paramLabel = "EV", description = "L3 edge energy (default: max dmu/dE).") Double l3;
    @Option(names = "--l2", paramLabel = "EV", description = "L2 edge energy.") Double l2;
    @Option(names = "--splitting", paramLabel = "EV", description = "L2 - L3 when --l2 is not given (Mn 11, Ru 128).") Double splitting;
    @Option(names = "--branching", paramLabel = "R", defaultValue = "0.6666666666666666", description = "L3 share of the step (default 2/3).") double branching;
    @Option(names = "--step-width", paramLabel = "EV", defaultValue = "1.0", description = "Arctan width (default 1 eV).") double stepWidth;
    @Option(names = "--ledge-scale", paramLabel = "KIND", defaultValue = "post-edge", description = "post-edge (default) | l3-max") String ledgeScale;
    @Option(names = "--l3-only", description = "With --ledge: one step at L3 only (the L2 edge beyond the data, e.g. Ru L2 128 eV above L3); --norm1/--norm2 then rel. L3.") boolean l3Only;


    @Override
    void execute() throws EdgeworksException {
        for (XasInput.Loaded l : in.loadAll(files, out.log)) {
            String name = l.spectrum().name();
            if (ledge) lEdge(l, name);
            else if (in.normalizedInput()) alreadyNormalised(l, name);
            else edge(l, name);
        }
    }

    /** True when no normalisation option was given (then a file's stored parameters are used). */
    boolean noNormalizationOptions() {
        return normalizeOptions.none();
    }

    NormalizeProcessor.Params params() throws EdgeworksException {
        return normalizeOptions.params();
    }

    private void edge(XasInput.Loaded l, String name) throws EdgeworksException {
        var stored = noNormalizationOptions() ? in.stored(l) : java.util.Optional.<NormalizeProcessor.Params>empty();
        Result<NormalizeProcessor.Normalized> r = new NormalizeProcessor().apply(l.spectrum(), stored.orElse(params()));
        NormalizeProcessor.Normalized n = r.value();
        Map<String, Object> json = new LinkedHashMap<>(NormalizeProcessor.used(n));
        json.put("name", name);
        List<String> notes = new ArrayList<>(l.notes());
        if (stored.isPresent()) notes.add("normalised with the parameters stored in the file: " + in.storedSource(l));
        json.put("parameters_from", stored.isPresent() ? "file" : "options");
        json.put("provenance", XasOutput.provenance(r.provenance(), List.of(l.source()), notes));
        write(name, n.energy(), n.mu(), n.pre(), n.post(), n.norm(), n.flat(), json, n.e0(), "norm / flat");
    }

    private void alreadyNormalised(XasInput.Loaded l, String name) throws EdgeworksException {
        double[] e = l.spectrum().energies(), y = l.spectrum().signal();
        int i0 = Normalizer.findE0Index(e, y, e.length, new double[e.length]);
        if (i0 < 0) throw EdgeworksException.of(name, "e0: no edge found");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name);
        json.put("e0", e[i0]);
        json.put("edge_step", 1.0);
        json.put("pre1", null); json.put("pre2", null); json.put("norm1", null); json.put("norm2", null); json.put("nnorm", null);
        json.put("normalization", "input already normalised (--input norm): not normalised again");
        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("notes", l.notes());
        prov.put("sources", List.of(l.source()));
        json.put("provenance", prov);
        double[] zero = new double[e.length], one = new double[e.length];
        java.util.Arrays.fill(one, 1.0);
        write(name, e, y, zero, one, y, y, json, e[i0], "norm (as given)");
    }

    private static double or(Double v, double otherwise) { return v == null ? otherwise : v; }

    private void lEdge(XasInput.Loaded l, String name) throws EdgeworksException {
        LEdgeProcessor.Params p = new LEdgeProcessor.Params(l3, l2, splitting, branching, stepWidth,
            or(normalizeOptions.pre1, -15), or(normalizeOptions.pre2, -5), or(normalizeOptions.norm1, 10), or(normalizeOptions.norm2, 30),
            LEdgeProcessor.Scale.parse(ledgeScale), l3Only);
        var r = new LEdgeProcessor().apply(l.spectrum(), p);
        LEdgeProcessor.LEdge v = r.value();
        double[] post = new double[v.energy().length];
        for (int i = 0; i < post.length; i++) post[i] = v.pre()[i] + v.background()[i] * v.scaleValue();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name);
        json.put("e0", v.eL3());
        json.put("edge_step", v.stepHeight());
        json.put("pre1", p.pre1()); json.put("pre2", p.pre2());
        json.put("norm1", p.post1()); json.put("norm2", r.provenance().parameters().get("post2"));
        json.put("nnorm", null);
        json.put("l3", v.eL3()); json.put("l2", l3Only ? null : v.eL2());
        json.put("l3_only", l3Only);
        json.put("l3_step", v.l3Step()); json.put("l2_step", v.l2Step());
        json.put("branching", p.branching()); json.put("step_width", p.width());
        json.put("scale", v.scale().label()); json.put("scale_value", v.scaleValue());
        json.put("columns", "post = pre + two-step background; flat = norm - background (white lines)");
        json.put("provenance", XasOutput.provenance(r.provenance(), List.of(l.source()), l.notes()));
        write(name, v.energy(), v.mu(), v.pre(), post, v.norm(), v.whiteLines(), json, v.eL3(), "norm / white lines");
    }

    private void write(String name, double[] e, double[] mu, double[] pre, double[] post, double[] norm, double[] flat,
                       Map<String, Object> json, double e0v, String lower) throws EdgeworksException {
        out.csv(name + ".norm.csv", List.of("energy", "mu", "pre", "post", "norm", "flat"), List.of(e, mu, pre, post, norm, flat));
        out.json(name + ".json", json);
        List<LinePlot> plots = new ArrayList<>();
        plots.add(new LinePlot(name + ": mu with pre- and post-edge lines", "Energy (eV)", "mu",
            List.of(XasOutput.line("mu", e, mu), XasOutput.dashed("pre", e, pre), XasOutput.dashed("post", e, post)), List.of(e0v)));
        plots.add(new LinePlot(name + ": " + lower, "Energy (eV)", "normalised",
            List.of(XasOutput.line("norm", e, norm), XasOutput.dashed("flat", e, flat)), List.of(e0v)));
        out.panels(name + ".png", plots);
    }
}
