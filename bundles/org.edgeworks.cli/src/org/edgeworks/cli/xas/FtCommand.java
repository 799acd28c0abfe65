package org.edgeworks.cli.xas;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.exafs.ChiCsv;
import org.edgeworks.exafs.FourierTransformProcessor;
import org.edgeworks.plot.LinePlot;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code xas ft CHI.csv...}: NAME.chir.csv (r,chir_mag,chir_re,chir_im), NAME.chir.json, NAME.chir.png. */
@Command(name = "ft", mixinStandardHelpOptions = true, description = "Fourier transform chi(k) k^w -> chi(R) (Larch xftf conventions).")
public final class FtCommand extends XasSubcommand {
    @Parameters(arity = "1..*", paramLabel = "CHI.csv", description = "chi(k) files with header k,chi (as xas autobk writes).") List<Path> files;
    @Option(names = "--kmin", paramLabel = "K", defaultValue = "2", description = "Window start, 1/A (default 2).") double kmin;
    @Option(names = "--kmax", paramLabel = "K", defaultValue = "12", description = "Window end, 1/A (default 12).") double kmax;
    @Option(names = "--dk", paramLabel = "K", defaultValue = "1", description = "Window taper, 1/A (default 1).") double dk;
    @Option(names = "--window", paramLabel = "NAME", defaultValue = "hanning", description = "hanning (default) | kaiser | sine | welch | gaussian | parzen") String window;
    @Option(names = "--kweight", paramLabel = "W", defaultValue = "2", description = "k-weight (default 2).") double kweight;
    @Option(names = "--rmax-out", paramLabel = "A", defaultValue = "10", description = "Highest R written, A (default 10).") double rmaxOut;

    @Override
    void execute() throws EdgeworksException {
        var p = new FourierTransformProcessor.Params(kmin, kmax, dk, ExafsCli.window(window), kweight, rmaxOut, 2048, 0.05);
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
                fmt(kweight), kmin, kmax, p.window().label()), "R (A)", "|chi(R)| (A^-" + fmt(kweight + 1) + ")",
                List.of(XasOutput.line("|chi(R)|", c.r(), c.mag()), XasOutput.dashed("Re", c.r(), c.re()), XasOutput.dashed("Im", c.r(), c.im())), List.of()));
        }
    }

    static String fmt(double v) { return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v); }
}
