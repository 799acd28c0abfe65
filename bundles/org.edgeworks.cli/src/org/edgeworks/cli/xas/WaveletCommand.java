package org.edgeworks.cli.xas;

import java.nio.file.Path;
import java.util.List;

import org.edgeworks.cli.RecordOptions;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.io.AtomicFiles;
import org.edgeworks.exafs.ChiCsv;
import org.edgeworks.exafs.WaveletProcessor;
import org.edgeworks.plot.Colormap;
import org.edgeworks.plot.MapPlot;
import org.edgeworks.plot.PngPlots;
import org.edgeworks.plot.Scaling;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code xas wavelet CHI.csv}: NAME.wavelet.nxs (NXdata: modulus vs R, k) and NAME.wavelet.png; options generated from
 * {@link WaveletProcessor.Params} ({@link RecordOptions}), {@code --rmax} (what is kept) sets its rmaxOut = max(10, rmax).
 */
@Command(name = "wavelet", mixinStandardHelpOptions = true, modelTransformer = RecordOptions.Transformer.class, description = "Wavelet transform of chi(k): Cauchy (default; Larch cauchy_wavelet, "
    + "Munoz et al. 2003) or Morlet (Funke, Scheinost, Chukalina, Phys. Rev. B 71, 094110 (2005)).")
public final class WaveletCommand extends TextSubcommand implements RecordOptions.Holder {
    @Parameters(arity = "1..*", paramLabel = "CHI.csv", description = "chi(k) files with header k,chi on a uniform grid from k = 0.") List<Path> files;
    @Option(names = "--rmax", paramLabel = "A", defaultValue = "6", description = "Highest R kept, A (default ${DEFAULT-VALUE}). The transform itself uses "
        + "Larch's rmax_out = max(10, rmax), which sets the Cauchy wavelet's order and the R grid.") double rmax;

    /** --kweight --nfft --wavelet --eta --sigma from the record; its rmaxOut is max(10, --rmax). */
    final RecordOptions<WaveletProcessor.Params> options = new RecordOptions<>(WaveletProcessor.Params.class, WaveletProcessor.Params.defaults())
        .exclude("rmaxOut").paramLabel("wavelet", "cauchy|morlet");

    @Override public List<RecordOptions<?>> recordOptions() { return List.of(options); }

    @Override
    void execute() throws EdgeworksException {
        WaveletProcessor.Params p = options.build(null, java.util.Map.of("rmaxOut", String.valueOf(Math.max(10, rmax))));
        if (p.wavelet() != WaveletProcessor.Kind.MORLET && (options.given("eta") || options.given("sigma")))
            throw EdgeworksException.of("xas wavelet", "--eta and --sigma are parameters of --wavelet morlet, not of " + p.wavelet().label());
        double kweight = p.kweight();
        String kind = p.wavelet() == WaveletProcessor.Kind.MORLET ? "Morlet" : "Cauchy";
        for (Path f : files) {
            var chi = ChiCsv.read(f);
            String name = chi.name();
            var r = new WaveletProcessor().apply(chi, p);
            var w = r.value().cut(rmax);
            int nr = w.r().length, nk = w.k().length;
            double[] flat = new double[nr * nk];
            for (int i = 0; i < nr; i++) System.arraycopy(w.modulus()[i], 0, flat, i * nk, nk);
            String params = org.edgeworks.core.processing.Parameters.json().valueToTree(r.provenance().parameters()).toString();
            String source = ExafsCli.source(f, "k,chi").toString();
            Path nxs = out.file(name + ".wavelet.nxs");
            AtomicFiles.write(nxs, out.overwrite(), tmp -> {
                try (WritableHdfFile h = HdfFile.write(tmp)) {
                    h.putAttribute("default", "entry");
                    WritableGroup entry = h.putGroup("entry");
                    entry.putAttribute("NX_class", "NXentry");
                    entry.putAttribute("default", "wavelet");
                    entry.putDataset("title", name + ": " + kind + " wavelet |W(k, R)|, k^" + FtCommand.fmt(kweight));
                    WritableGroup d = entry.putGroup("wavelet");
                    d.putAttribute("NX_class", "NXdata");
                    d.putAttribute("signal", "modulus");
                    d.putAttribute("axes", new String[] {"r", "k"});
                    d.putDataset("modulus", w.modulus());
                    d.putDataset("r", w.r()).putAttribute("units", "angstrom");
                    d.putDataset("k", w.k()).putAttribute("units", "1/angstrom");
                    WritableGroup proc = entry.putGroup("process");
                    proc.putAttribute("NX_class", "NXprocess");
                    proc.putDataset("program", "edgeworks " + WaveletProcessor.ID);
                    proc.putDataset("parameters", params);
                    proc.putDataset("source", source);
                }
            });
            out.printed(nxs);
            Path png = out.file(name + ".wavelet.png");
            PngPlots.mapPlot(png, out.overwrite(), new MapPlot(name + ": " + kind + " wavelet |W|, k^" + FtCommand.fmt(kweight), "k (1/A)", "R (A)",
                w.k(), w.r(), flat, Colormap.VIRIDIS, Scaling.linear()));
            out.printed(png);
        }
    }
}
