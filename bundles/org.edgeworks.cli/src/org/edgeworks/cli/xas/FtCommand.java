package org.edgeworks.cli.xas;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.edgeworks.cli.RecordOptions;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.exafs.ChiCsv;
import org.edgeworks.exafs.FourierTransformProcessor;
import org.edgeworks.plot.LinePlot;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code xas ft CHI.csv...}: NAME.chir.csv (r,chir_mag,chir_re,chir_im), NAME.chir.json, NAME.chir.png;
 * options generated from {@link FourierTransformProcessor.Params} ({@link RecordOptions}).
 */
@Command(name = "ft", mixinStandardHelpOptions = true, modelTransformer = RecordOptions.Transformer.class, description = "Fourier transform chi(k) k^w -> chi(R) (Larch xftf conventions). "
    + "The default k window is xas fit's (one rule, docs/science.md#exafs-kwindow): the |chi(R)| shown is the one a default fit fits.")
public final class FtCommand extends TextSubcommand implements RecordOptions.Holder {
    @Parameters(arity = "1..*", paramLabel = "CHI.csv", description = "chi(k) files with header k,chi (as xas autobk writes).") List<Path> files;
    final RecordOptions<FourierTransformProcessor.Params> options =
        new RecordOptions<>(FourierTransformProcessor.Params.class, FourierTransformProcessor.Params.defaults());

    @Override public List<RecordOptions<?>> recordOptions() { return List.of(options); }

    @Override
    void execute() throws EdgeworksException {
        FourierTransformProcessor.Params p = options.build(null);
        for (Path f : files) {
            var chi = ChiCsv.read(f);
            String name = chi.name();
            var r = new FourierTransformProcessor().apply(chi, p);
            var c = r.value();
            out.csv(name + ".chir.csv", List.of("r", "chir_mag", "chir_re", "chir_im"), List.of(c.r(), c.mag(), c.re(), c.im()));
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("name", name);
            json.putAll(FourierTransformProcessor.used(p));
            json.put("provenance", XasOutput.provenance(r.provenance(), List.of(ExafsCli.source(f, "k,chi")), List.of()));
            out.json(name + ".chir.json", json);
            double[] neg = new double[c.mag().length];
            for (int i = 0; i < neg.length; i++) neg[i] = -c.mag()[i];
            out.png(name + ".chir.png", new LinePlot(String.format(Locale.ROOT, "%s: |chi(R)|, k^%s, k %.3g-%.3g 1/A, %s", name,
                fmt(p.kweight()), p.kmin(), p.kmax(), p.window().label()), "R (A)", "|chi(R)| (A^-" + fmt(p.kweight() + 1) + ")",
                List.of(XasOutput.line("|chi(R)|", c.r(), c.mag()), XasOutput.dashed("Re", c.r(), c.re()), XasOutput.dashed("Im", c.r(), c.im())), List.of()));
        }
    }

    static String fmt(double v) { return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v); }
}
