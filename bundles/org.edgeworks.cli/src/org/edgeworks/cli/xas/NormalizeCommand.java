package org.edgeworks.cli.xas;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeworks.cli.RecordOptions;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.processing.Result;
import org.edgeworks.plot.LinePlot;
import org.edgeworks.xas.EdgeFinder;
import org.edgeworks.xas.LEdgeProcessor;
import org.edgeworks.xas.NormalizeProcessor;
import org.edgeworks.pipeline.xas.XasInput;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code xas normalize FILE... --out DIR}: NAME.norm.csv, NAME.json, NAME.png per input. The
 * processor options are generated from the parameter records by {@link RecordOptions}:
 * {@link NormalizeOptions} ({@link NormalizeProcessor.Params}) and, with {@code --ledge},
 * {@link LEdgeProcessor.Params}; help, defaults and bounds are the records'.
 */
@Command(name = "normalize", mixinStandardHelpOptions = true, modelTransformer = RecordOptions.Transformer.class,
    description = "Normalise XANES spectra (Athena/Larch convention, or the L2,3 two-step background with --ledge).")
public final class NormalizeCommand extends XasSubcommand implements RecordOptions.Holder {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Input files (any format a detector bundle reads).") List<Path> files;
    @Mixin NormalizeOptions normalizeOptions;

    @Option(names = "--ledge", description = "Soft X-ray L2,3 edge: two-step arctan background.") boolean ledge;

    /** With --ledge: --l3, --l2, --splitting, --branching, --step-width, --ledge-scale; its ranges are --pre1..--norm2. */
    final RecordOptions<LEdgeProcessor.Params> lEdge = new RecordOptions<>(LEdgeProcessor.Params.class, LEdgeProcessor.Params.defaults())
        .rename("eL3", "--l3").rename("eL2", "--l2").rename("width", "--step-width").rename("scale", "--ledge-scale")
        .exclude("pre1", "pre2", "post1", "post2");

    @Override public List<RecordOptions<?>> recordOptions() { return List.of(lEdge); }

    @Override
    void execute() throws EdgeworksException {
        // the parameters first: a bad option is refused before any file is read
        LEdgeProcessor.Params lp = ledge ? lEdgeParams() : null;
        if (!ledge) params();
        for (XasInput.Loaded l : in.loadAll(files, out.log)) {
            String name = l.spectrum().name();
            if (ledge) lEdge(l, name, lp);
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
        warn(r.provenance().notes());
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
        int i0 = EdgeFinder.gridE0Index(e, y);
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

    /** The L-edge parameters; its ranges are the normalisation's options (--pre1 .. --norm2), relative to L3 / L2. */
    LEdgeProcessor.Params lEdgeParams() throws EdgeworksException {
        Map<String, String> ranges = new LinkedHashMap<>();
        for (String[] m : new String[][] {{"pre1", "pre1"}, {"pre2", "pre2"}, {"norm1", "post1"}, {"norm2", "post2"}})
            if (normalizeOptions.text(m[0]) != null) ranges.put(m[1], normalizeOptions.text(m[0]));
        return lEdge.build(null, ranges);
    }

    private void lEdge(XasInput.Loaded l, String name, LEdgeProcessor.Params p) throws EdgeworksException {
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
        json.put("l3", v.eL3()); json.put("l2", p.l3Only() ? null : v.eL2());
        json.put("l3_only", p.l3Only());
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
