package org.edgeworks.cli.xas;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.edgeworks.cli.RecordOptions;
import org.edgeworks.cli.Terminal;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.processing.SourceRef;
import org.edgeworks.exafs.ChiCsv;
import org.edgeworks.exafs.FeffPath;
import org.edgeworks.exafs.FeffitProcessor;
import org.edgeworks.exafs.FitModel;
import org.edgeworks.plot.LinePlot;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code xas fit CHI.csv --path FEFFDAT...}: NAME.fit.json, NAME.fit_k.csv (k, data, fit),
 * NAME.fit_r.csv (r, |chi(R)| of data and fit), NAME.fit.png. The transform and fit-range options are
 * generated from {@link FeffitProcessor.Params} ({@link RecordOptions}; {@code --kweight} repeatable).
 */
@Command(name = "fit", mixinStandardHelpOptions = true, modelTransformer = RecordOptions.Transformer.class,
    description = "Fit FEFF paths to chi(k) (Larch feffit conventions). Default model: one s02 (amp) and one e0 shift (del_e0) "
        + "for all paths, per path delr and sigma2; --model MODEL.json for other parameters, constraints and fixed values.")
public final class FitCommand extends TextSubcommand implements RecordOptions.Holder {
    @Parameters(index = "0", paramLabel = "CHI.csv", description = "chi(k) with header k,chi (optional chi_stderr).") Path file;
    @Option(names = "--path", required = true, paramLabel = "FEFFDAT", description = "A FEFF feffNNNN.dat path file (repeat).") List<Path> paths;
    final RecordOptions<FeffitProcessor.Params> options = new RecordOptions<>(FeffitProcessor.Params.class, FeffitProcessor.Params.defaults())
        .rename("kweights", "--kweight").distinct("kweights").rename("space", "--fitspace").exclude("model");

    @Override public List<RecordOptions<?>> recordOptions() { return List.of(options); }

    @Option(names = "--model", paramLabel = "MODEL.json", description = "Variables {value, vary, expr} and per-path parameters (numbers or "
        + "expressions of the variables and reff); example: samples/exafs/fit_model_example.json.") Path model;

    @Override
    void execute() throws EdgeworksException {
        FeffitProcessor.Params given = options.build(null); // before any file is read
        var chi = ChiCsv.read(file);
        String name = chi.name();
        List<FeffPath> feff = new ArrayList<>();
        for (Path p : paths) feff.add(FeffPath.read(p));
        var p = given.withModel(model == null ? null : FitModel.read(model));
        double[] kw = p.kweights();
        var r = new FeffitProcessor().apply(new FeffitProcessor.Input(chi, feff), p);
        var f = r.value();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name);
        FeffitProcessor.Value s02 = f.variables().containsKey("amp") ? f.variables().get("amp") : f.paths().get(0).s02();
        FeffitProcessor.Value e0 = f.variables().containsKey("del_e0") ? f.variables().get("del_e0") : f.paths().get(0).e0();
        put(json, "s02", s02);
        put(json, "e0", e0);
        json.put("r_factor", f.rFactor());
        json.put("chi_square", f.chiSquare());
        json.put("chi2_reduced", f.chi2Reduced());
        json.put("n_idp", f.nIdp());
        json.put("n_varys", f.nVarys());
        json.put("n_data", f.nData());
        json.put("epsilon_k", f.epsilonK());
        json.put("errorbars", f.errorbars());
        List<Map<String, Object>> ps = new ArrayList<>();
        for (var pr : f.paths()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("label", pr.label());
            m.put("file", pr.file());
            m.put("reff", pr.reff());
            m.put("degen", pr.degen());
            put(m, "r", pr.r());
            put(m, "delr", pr.delr());
            put(m, "sigma2", pr.sigma2());
            put(m, "s02", pr.s02());
            put(m, "e0", pr.e0());
            put(m, "third", pr.third());
            ps.add(m);
        }
        json.put("paths", ps);
        Map<String, Object> vars = new LinkedHashMap<>();
        f.variables().forEach((k, v) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("value", v.value());
            m.put("stderr", Double.isFinite(v.stderr()) ? v.stderr() : null);
            vars.put(k, m);
        });
        json.put("variables", vars);
        json.put("correlations", f.correlations());
        List<SourceRef> sources = new ArrayList<>(List.of(ExafsCli.source(file, "k,chi")));
        for (Path fp : paths) sources.add(ExafsCli.source(fp, "feff path"));
        if (model != null) sources.add(ExafsCli.source(model, "model"));
        json.put("provenance", XasOutput.provenance(r.provenance(), sources, List.of()));
        out.json(name + ".fit.json", json);
        double w = kw[0];
        double[] dk2 = ExafsCli.weighted(f.k(), f.dataChi(), w), mk2 = ExafsCli.weighted(f.k(), f.modelChi(), w);
        out.csv(name + ".fit_k.csv", List.of("k", "chi_data", "chi_fit"), List.of(f.k(), f.dataChi(), f.modelChi()));
        out.csv(name + ".fit_r.csv", List.of("r", "chir_mag_data", "chir_mag_fit"), List.of(f.r(), f.dataChirMag(), f.modelChirMag()));
        String kws = FtCommand.fmt(w);
        out.panels(name + ".fit.png", List.of(
            new LinePlot(String.format(Locale.ROOT, "%s: k^%s chi(k), data and fit (R-factor %.4f)", name, kws, f.rFactor()), "k (1/A)",
                "k^" + kws + " chi", List.of(XasOutput.line("data", f.k(), dk2), XasOutput.line("fit", f.k(), mk2)), List.of(p.kmin(), p.kmax())),
            new LinePlot(name + ": |chi(R)|, data and fit", "R (A)", "|chi(R)|",
                List.of(XasOutput.line("data", f.r(), f.dataChirMag()), XasOutput.line("fit", f.r(), f.modelChirMag())), List.of(p.rmin(), p.rmax()))));
        out.log.print(table(f, p, s02, e0));
        out.log.flush();
    }

    /**
     * The table {@code xas fit} prints after the paths of the files it wrote: the ranges, then S0^2
     * and the E0 shift, per path R and sigma^2, every other variable of the model, each as value +-
     * sigma with the digits sigma supports ({@link Terminal#pm}; the value alone when there are no
     * error bars), then the reduced chi-square and the R-factor (6 significant digits). fit.json
     * keeps every digit.
     */
    static String table(FeffitProcessor.Fit f, FeffitProcessor.Params p, FeffitProcessor.Value s02, FeffitProcessor.Value e0) {
        List<String> kws = new ArrayList<>();
        for (double w : p.kweights()) kws.add(FtCommand.fmt(w));
        String head = String.format(Locale.ROOT, "%s: %s space, k %s-%s 1/A (dk %s, %s, k-weight %s), R %s-%s A; %d path%s, %d varied, n_idp %s%n",
            f.name(), p.space().name().toLowerCase(Locale.ROOT), FtCommand.fmt(p.kmin()), FtCommand.fmt(p.kmax()), FtCommand.fmt(p.dk()),
            p.window().label(), String.join(",", kws), FtCommand.fmt(p.rmin()), FtCommand.fmt(p.rmax()), f.paths().size(),
            f.paths().size() == 1 ? "" : "s", f.nVarys(), Terminal.sig(f.nIdp(), 6));
        Terminal.Table t = new Terminal.Table("parameter", "value +- sigma");
        t.row("S0^2", Terminal.pm(s02.value(), s02.stderr()));
        t.row("E0 shift (eV)", Terminal.pm(e0.value(), e0.stderr()));
        java.util.Set<String> shown = new java.util.HashSet<>(List.of("amp", "del_e0"));
        for (var pr : f.paths()) {
            t.row(pr.label() + " R (A)", Terminal.pm(pr.r().value(), pr.r().stderr()));
            t.row(pr.label() + " sigma^2 (A^2)", Terminal.pm(pr.sigma2().value(), pr.sigma2().stderr()));
            shown.add("delr_" + pr.label());
            shown.add("sigma2_" + pr.label());
        }
        f.variables().forEach((k, v) -> {
            FitModel.Variable given = p.model() == null ? null : p.model().variables().get(k);
            boolean fixed = given != null && given.expr() == null && !given.vary();
            if (!shown.contains(k)) t.row("variable " + k, fixed ? Terminal.sig(v.value(), 6) + " (fixed)" : Terminal.pm(v.value(), v.stderr()));
        });
        t.row("reduced chi-square", Terminal.sig(f.chi2Reduced(), 6));
        t.row("R-factor", Terminal.sig(f.rFactor(), 6));
        return head + t.render() + (f.errorbars() ? "" : "no standard errors: the fit has no degrees of freedom left or a singular covariance\n");
    }

    /** value and its stderr twin; a stderr that could not be estimated is null (JSON has no NaN). */
    private static void put(Map<String, Object> m, String key, FeffitProcessor.Value v) {
        m.put(key, v.value());
        m.put(key + "_stderr", Double.isFinite(v.stderr()) ? v.stderr() : null);
    }
}
