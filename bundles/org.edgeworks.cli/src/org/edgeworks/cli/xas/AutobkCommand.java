package org.edgeworks.cli.xas;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeworks.cli.RecordOptions;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.exafs.AutobkProcessor;
import org.edgeworks.pipeline.xas.XasInput;
import org.edgeworks.plot.LinePlot;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code xas autobk FILE...}: NAME.chi.csv (k,chi), NAME.bkg.csv (energy,mu,bkg), NAME.autobk.json, NAME.autobk.png;
 * options generated from {@link AutobkProcessor.Params} ({@link RecordOptions}).
 */
@Command(name = "autobk", mixinStandardHelpOptions = true, modelTransformer = RecordOptions.Transformer.class,
    description = "EXAFS background removal (AUTOBK, Larch conventions) -> chi(k) on a 0.05 1/A grid.")
public final class AutobkCommand extends XasSubcommand implements RecordOptions.Holder {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Input files (any format a detector bundle reads).") List<Path> files;
    final RecordOptions<AutobkProcessor.Params> options =
        new RecordOptions<>(AutobkProcessor.Params.class, AutobkProcessor.Params.defaults());

    @Override public List<RecordOptions<?>> recordOptions() { return List.of(options); }

    @Override
    void execute() throws EdgeworksException {
        AutobkProcessor.Params p = options.build(null);
        for (Path f : files) {
            XasInput.Loaded l = in.load(f);
            String name = l.spectrum().name();
            var r = new AutobkProcessor().apply(l.spectrum(), p);
            var a = r.value();
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("name", name);
            json.put("e0", a.e0());
            json.put("edge_step", a.edgeStep());
            json.put("rbkg", a.rbkg());
            json.put("kweight", a.kweight());
            json.put("kmin", a.kmin());
            json.put("kmax", a.kmax());
            json.put("dk", a.dk());
            json.put("window", a.window().label());
            json.put("nknots", a.nknots());
            json.put("provenance", XasOutput.provenance(r.provenance(), List.of(l.source()), l.notes()));
            out.json(name + ".autobk.json", json);
            if (a.chiStderr() == null) out.csv(name + ".chi.csv", List.of("k", "chi"), List.of(a.k(), a.chi()));
            else out.csv(name + ".chi.csv", List.of("k", "chi", "chi_stderr"), List.of(a.k(), a.chi(), a.chiStderr()));
            out.csv(name + ".bkg.csv", List.of("energy", "mu", "bkg"), List.of(a.energy(), a.mu(), a.bkg()));
            double[] kw = ExafsCli.weighted(a.k(), a.chi(), 2);
            out.panels(name + ".autobk.png", List.of(
                new LinePlot(name + ": mu and AUTOBK background (rbkg " + a.rbkg() + " A)", "Energy (eV)", "mu",
                    List.of(XasOutput.line("mu", a.energy(), a.mu()), XasOutput.line("background", a.energy(), a.bkg())), List.of(a.e0())),
                new LinePlot(name + ": k^2 chi(k)", "k (1/A)", "k^2 chi (A^-2)", List.of(XasOutput.line("k^2 chi", a.k(), kw)), List.of())));
        }
    }
}
