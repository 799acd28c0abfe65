package org.edgeworks.exafs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.january.IMonitor;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.processing.MonitoredProcessor;
import org.edgeworks.core.processing.Monitors;
import org.edgeworks.core.processing.Param;
import org.edgeworks.core.processing.Parameters;
import org.edgeworks.core.processing.Result;
import org.edgeworks.exafs.kernel.XafsFt;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.MultivariateJacobianFunction;
import org.hipparchus.util.Pair;

/**
 * Fit of FEFF paths to chi(k) in R, k or q space (docs/science.md#exafs-feffit), in the conventions
 * of Larch 0.9.58's {@code feffit} (larch/xafs/feffit.py): data interpolated onto k = 0, 0.05, ...; residual per
 * k-weight (several at once) divided by the noise estimate (epsilon from |chi(R)| between 15 and
 * 30 A via Parseval, combined with the data's own uncertainty when it has one); n_idp = 1 +
 * 2 (rmax - rmin)(kmax - kmin)/pi as Larch 0.9.58 computes it; chi_square = sum(resid^2) n_idp /
 * n_data, reduced chi-square = chi_square/(n_idp - n_varys), R-factor = sum(resid^2)/sum(data^2);
 * standard errors sqrt(C_ii sum(resid^2)/(n_idp - n_varys)) with C = (J^T J)^-1 -- exactly lmfit's
 * scale_covar rescaled by Larch to n_idp. Least squares: Hipparchus Levenberg-Marquardt with a
 * central-difference Jacobian.
 * <p>
 * Steps: set-up ({@link Problem}: the variables, the paths matched to the FEFF files, the transform
 * grids and windows, the noise), the least-squares fit (one unit of progress per model evaluation,
 * cancellation checked at each), the statistics, the covariance, the values with their standard
 * errors, the correlations and the arrays for plots. The provenance records the transform and fit
 * ranges, the model, and what the fit derived and used: n_idp, the noise epsilon_k and epsilon_r
 * (first k-weight) and where it came from, the grid (kstep, nfft), the evaluations.
 */
public final class FeffitProcessor extends MonitoredProcessor<FeffitProcessor.Input, FeffitProcessor.Params, FeffitProcessor.Fit> {
    public static final String ID = "org.edgeworks.exafs.feffit";

    /** The data and the FEFF paths (in the model's order when it has no file names). */
    public record Input(Chi data, List<FeffPath> paths) {}

    public enum Space { R, K, Q;
        @com.fasterxml.jackson.annotation.JsonCreator
        public static Space parse(String s) {
            return switch (s == null ? "" : s.trim().toLowerCase(Locale.ROOT)) {
                case "r" -> R; case "k" -> K; case "q" -> Q;
                default -> throw new IllegalArgumentException("fitspace: '" + s + "' is not one of r|k|q");
            };
        }
    }

    public record Params(
        @Param(label = "k min", unit = "1/A", min = 0, description = "k window start; the default window is the Fourier transform's (docs/science.md#exafs-kwindow)") double kmin,
        @Param(label = "k max", unit = "1/A", min = 0, description = "k window end") double kmax,
        @Param(label = "k-weights", min = 0, max = 5, description = "one or more, fitted together") double[] kweights,
        @Param(label = "window taper dk", unit = "1/A", min = 0, description = "taper width at each end (Larch dk = dk2)") double dk,
        @Param(label = "window", description = "hanning | kaiser | sine | welch | gaussian | parzen") Window window,
        @Param(label = "R min", unit = "A", min = 0, description = "R range start") double rmin,
        @Param(label = "R max", unit = "A", min = 0, description = "R range end") double rmax,
        @Param(label = "fit space", description = "r | k | q: the space the residual is taken in") Space space,
        @Param(label = "model", description = "null: FitModel.defaults") FitModel model) implements Parameters.Related {

        /** The k window and the R range each end above their start. */
        @Override
        public String conflict() {
            if (!(kmax > kmin)) return "{kmax}: " + kmax + " 1/A is not above {kmin} " + kmin + " 1/A";
            if (!(rmax > rmin)) return "{rmax}: " + rmax + " A is not above {rmin} " + rmin + " A";
            return null;
        }

        /**
         * The EXAFS k window of {@link FourierTransformProcessor.Params#defaults()} (k 3-14 1/A, dk 1, hanning,
         * k-weight 2: one rule for the transform and the fit, docs/science.md#exafs-kwindow), R 1.4-3.0 A (the
         * first shell of the shared peers' fits), R space, the default model.
         */
        public static Params defaults() {
            FourierTransformProcessor.Params ft = FourierTransformProcessor.Params.defaults();
            return new Params(ft.kmin(), ft.kmax(), new double[] {ft.kweight()}, ft.dk(), ft.window(), 1.4, 3.0, Space.R, null);
        }

        public Params withModel(FitModel m) { return new Params(kmin, kmax, kweights, dk, window, rmin, rmax, space, m); }
    }

    /** A fitted value with its standard error (NaN when it could not be estimated: then errorbars is false). */
    public record Value(double value, double stderr) {}

    /** One path's result; r = reff + delr. */
    public record PathResult(String label, String file, double reff, double degen, Value s02, Value e0, Value delr, Value r,
                             Value sigma2, Value third) {}

    /**
     * The fit: variables, paths, statistics, correlations above 0.1 between varied variables, and
     * arrays for plots: k grid (1/A) with data and model chi, and |chi(R)| (first k-weight) of both.
     */
    public record Fit(String name, Map<String, Value> variables, List<PathResult> paths, double rFactor, double chiSquare,
                      double chi2Reduced, double nIdp, int nVarys, int nData, int nfev, boolean errorbars, double epsilonK,
                      double epsilonR, Map<String, Double> correlations, double[] k, double[] dataChi, double[] modelChi,
                      double[] r, double[] dataChirMag, double[] modelChirMag, Params params) {}

    public FeffitProcessor() { super(ID, "1.0", "FEFF path fit (feffit)", Input.class, Params.class); }

    @Override public Params defaults() { return Params.defaults(); }

    private static final double KSTEP = XafsFt.KSTEP;
    private static final int NFFT = XafsFt.NFFT;

    /**
     * As {@link #apply(Input, Params)}, reporting one unit of work per evaluation of the model to
     * {@code monitor} (101 for the Cu foil's first shell) and stopping at the next evaluation once it
     * is cancelled: the error is "NAME: cancelled".
     */
    @Override
    public Result<Fit> apply(Input in, Params p, IMonitor monitor) throws EdgeworksException {
        Chi data = in.data().validated();
        String name = data.name();
        check(name, p, in.paths());
        Monitors.check(monitor, name);
        FitModel model = p.model() == null ? FitModel.defaults(in.paths()) : p.model();
        Problem pr = new Problem(name, data, in.paths(), model, p, monitor);
        Fit fit;
        try {
            fit = pr.solve();
        } catch (Cancelled c) {
            throw Monitors.cancelled(name);
        }
        Map<String, Object> used = new LinkedHashMap<>();
        used.put("kmin", p.kmin());
        used.put("kmax", p.kmax());
        used.put("kweight", p.kweights());
        used.put("dk", p.dk());
        used.put("window", p.window().label());
        used.put("rmin", p.rmin());
        used.put("rmax", p.rmax());
        used.put("fitspace", p.space().name().toLowerCase(Locale.ROOT));
        used.put("model", model);
        used.put("n_idp_formula", "1 + 2 (rmax - rmin)(kmax - kmin)/pi (Larch 0.9.58)");
        used.put("n_idp", fit.nIdp());
        used.put("dk2", p.dk());
        used.put("kstep", KSTEP);
        used.put("nfft", NFFT);
        used.put("epsilon_k", fit.epsilonK());
        used.put("epsilon_r", fit.epsilonR());
        used.put("noise", data.stderr() != null ? "the data's chi_stderr combined with estimate_noise (Larch)"
            : "estimate_noise: |chi(R)| between 15 and 30 A (Larch)");
        if (p.space() == Space.Q) used.put("rwindow", "hanning, dr 0 (Larch feffit's)");
        used.put("nfev", fit.nfev());
        List<String> notes = new ArrayList<>();
        if (p.kmax() + p.dk() / 2 > data.kmaxData())
            notes.add("the k window (k max " + p.kmax() + " + dk/2) reaches beyond the data's last k " + data.kmaxData()
                + " 1/A: the transforms stop there (Larch feffit)");
        return result(fit, used, notes);
    }

    /** Refuses what no fit can be made with (what the record's bounds cannot say, then the bounds). */
    private static void check(String name, Params p, List<FeffPath> paths) throws EdgeworksException {
        if (paths == null || paths.isEmpty()) throw EdgeworksException.of(name, "paths: at least one FEFF path is needed");
        if (p.window() == null || p.space() == null) throw EdgeworksException.of(name, "window/fitspace: missing");
        if (p.kweights() == null || p.kweights().length == 0) throw EdgeworksException.of(name, "kweight: at least one is needed");
        for (double w : p.kweights()) if (!(w >= 0 && w <= 5)) throw EdgeworksException.of(name, "kweight: must be 0 to 5, not " + w);
        if (!(p.dk() >= 0)) throw EdgeworksException.of(name, "dk: must be >= 0");
        Parameters.validate(p, name);
    }

    /** A cancelled monitor seen inside the optimizer's model evaluation (turned into "NAME: cancelled"). */
    static final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Cancelled() { super("cancelled", null, false, false); }
    }

    /** The set-up fit: symbols, expressions, transform arrays and the residual. */
    static final class Problem {
        final String name;
        final Params p;
        final IMonitor monitor;
        final List<String> symbols = new ArrayList<>(); // variables..., then "reff"
        final int nvars, reffIndex;
        final int[] varied;
        final Expression[] varExpr; // per variable, null unless constrained
        final double[] base;       // values of fixed variables and start values
        final List<FeffPath> feff = new ArrayList<>();
        final List<FeffPath.Tables> tables = new ArrayList<>();
        final List<FitModel.PathModel> pms;
        final Expression[][] pathExpr; // [path][degen, s02, e0, delr, sigma2, third], null = default
        final double[] k, chiData, kwin;
        final double[][] epsK; // [k-weight][point] epsilon_k
        final double[] epsR;   // per k-weight
        final int irmin, irmax, iqmin, iqmax;
        final double[] rwin;
        final double nIdp;
        int nfev;

        Problem(String name, Chi data, List<FeffPath> paths, FitModel model, Params p, IMonitor monitor) throws EdgeworksException {
            this.name = name;
            this.p = p;
            this.monitor = monitor;
            symbols.addAll(model.variables().keySet());
            nvars = symbols.size();
            symbols.add("reff");
            reffIndex = nvars;
            varExpr = new Expression[nvars];
            base = new double[nvars + 1];
            varied = variables(model);                                               // 1. variables
            pms = model.paths();
            pathExpr = paths(paths);                                                 // 2. paths and their FEFF files
            values(startPoint()); // checks of the constraint graph: evaluation must terminate

            int ikmax = (int) (1.01 + data.kmaxData() / KSTEP);                     // 3. grids and windows
            k = XafsFt.grid(KSTEP, ikmax);
            for (FeffPath f : feff) tables.add(new FeffPath.Tables(f.splines(), k));
            chiData = XafsFt.interp(k, data.k(), data.chi());
            double[] kall = XafsFt.grid(KSTEP, NFFT);
            double[] w = XafsFt.window(kall, p.kmin(), p.kmax(), p.dk(), p.dk(), p.window());
            kwin = Arrays.copyOf(w, NFFT);
            double rstep = XafsFt.rstep(KSTEP, NFFT);
            irmin = (int) Math.max(0, 0.01 + p.rmin() / rstep);
            irmax = (int) Math.min(NFFT / 2, 0.01 + p.rmax() / rstep);
            iqmin = (int) Math.max(0, 0.01 + p.kmin() / KSTEP);
            iqmax = (int) Math.min(NFFT / 2, 0.01 + p.kmax() / KSTEP);
            rwin = XafsFt.window(XafsFt.grid(rstep, NFFT), p.rmin(), p.rmax(), 0, 0, Window.HANNING);
            nIdp = 1 + 2 * (p.rmax() - p.rmin()) * (p.kmax() - p.kmin()) / Math.PI;
            Noise noise = noise(data);                                               // 4. noise
            epsK = noise.epsK();
            epsR = noise.epsR();
        }

        /** Step 1: base values, expressions and the indices of the varied variables, in the model's order. */
        private int[] variables(FitModel model) throws EdgeworksException {
            List<Integer> vary = new ArrayList<>();
            int i = 0;
            for (Map.Entry<String, FitModel.Variable> e : model.variables().entrySet()) {
                FitModel.Variable v = e.getValue();
                if (v.expr() != null) varExpr[i] = parse(v.expr(), "variables/" + e.getKey(), false);
                else {
                    if (!Double.isFinite(v.value())) throw EdgeworksException.of(name, "model: variables/" + e.getKey() + ": value is not finite");
                    base[i] = v.value();
                    if (v.vary()) vary.add(i);
                }
                i++;
            }
            int[] out = vary.stream().mapToInt(Integer::intValue).toArray();
            if (out.length == 0) throw EdgeworksException.of(name, "model: no variable is varied");
            return out;
        }

        /** Step 2: each model path's FEFF file (by file name, else by order) into {@link #feff}, and its parameter expressions. */
        private Expression[][] paths(List<FeffPath> paths) throws EdgeworksException {
            Expression[][] out = new Expression[pms.size()][];
            String[] keys = {"degen", "s02", "e0", "delr", "sigma2", "third"};
            for (int j = 0; j < pms.size(); j++) {
                FitModel.PathModel pm = pms.get(j);
                FeffPath f = null;
                if (pm.file() != null) {
                    for (FeffPath c : paths) if (Path.of(c.file()).getFileName().toString().equals(Path.of(pm.file()).getFileName().toString())) f = c;
                    if (f == null) throw EdgeworksException.of(name, "model: paths/" + j + "/file: '" + pm.file() + "' is not among the FEFF paths given");
                } else {
                    if (j >= paths.size()) throw EdgeworksException.of(name, "model: paths/" + j + ": only " + paths.size() + " FEFF paths given");
                    f = paths.get(j);
                }
                feff.add(f);
                out[j] = new Expression[keys.length];
                for (int q = 0; q < keys.length; q++) {
                    String t = pm.parameters().get(keys[q]);
                    if (t != null) out[j][q] = parse(t, "paths/" + j + "/" + keys[q], true);
                }
            }
            return out;
        }

        /** The noise scales of the residual: epsilon_k per k-weight and point, epsilon_r per k-weight. */
        private record Noise(double[][] epsK, double[] epsR) {}

        /** Step 4: Larch's estimate_noise (all k-weights), then the data's own uncertainty if any. */
        private Noise noise(Chi data) throws EdgeworksException {
            double rstep = XafsFt.rstep(KSTEP, NFFT);
            double[] kw = p.kweights();
            double[] epsR = new double[kw.length];
            double[] epsKw = new double[kw.length];
            double kwinAve = 0;
            for (double v : kwin) kwinAve += v;
            kwinAve = kwinAve * KSTEP / (p.kmax() - p.kmin());
            int hmin = (int) (0.01 + 15.0 / rstep), hmax = (int) Math.min(NFFT / 2, 1.01 + 30.0 / rstep);
            for (int q = 0; q < kw.length; q++) {
                double[][] cr = fftf(chiData, kw[q]);
                double s = 0;
                for (int m = hmin; m < hmax; m++) s += cr[0][m] * cr[0][m] + cr[1][m] * cr[1][m];
                epsR[q] = Math.sqrt(s / (2 * (hmax - hmin))) / kwinAve;
                double ww = 2 * kw[q] + 1;
                epsKw[q] = Math.sqrt(2 * Math.PI * ww / (KSTEP * (Math.pow(p.kmax(), ww) - Math.pow(p.kmin(), ww)))) * epsR[q];
            }
            double[][] epsK = new double[kw.length][k.length];
            if (data.stderr() != null) {
                double ave = 0;
                for (double v : epsKw) ave += v;
                ave /= epsKw.length;
                double[] dchi = XafsFt.interp(k, data.k(), data.stderr());
                for (int m = 0; m < k.length; m++) epsK[0][m] = Math.max(1e-12, Math.sqrt(dchi[m] * dchi[m] + ave * ave));
                for (int q = 0; q < kw.length; q++) {
                    epsK[q] = epsK[0];
                    double ww = 2 * kw[q] + 1;
                    double scale = 2 * Math.sqrt(Math.PI * ww / (KSTEP * (Math.pow(p.kmax(), ww) - Math.pow(p.kmin(), ww))));
                    double m = 0;
                    for (double v : epsK[q]) m += v / scale;
                    epsR[q] = m / epsK[q].length;
                }
            } else {
                for (int q = 0; q < kw.length; q++) Arrays.fill(epsK[q], epsKw[q]);
            }
            for (double v : epsR)
                if (!(v > 0) || !Double.isFinite(v))
                    throw EdgeworksException.of(name, "chi: no noise above 15 A to scale the fit (epsilon is " + v + ")");
            return new Noise(epsK, epsR);
        }

        private Expression parse(String text, String where, boolean withReff) throws EdgeworksException {
            try {
                return Expression.parse(text, s -> {
                    int i = symbols.indexOf(s);
                    return (!withReff && i == reffIndex) ? -1 : i;
                });
            } catch (IllegalArgumentException e) {
                throw EdgeworksException.of(name, "model: " + where + ": " + e.getMessage());
            }
        }

        double[] startPoint() {
            double[] x = new double[varied.length];
            for (int j = 0; j < varied.length; j++) x[j] = base[varied[j]];
            return x;
        }

        /** All variable values for the varied values x (constraints evaluated until settled). */
        double[] values(double[] x) throws EdgeworksException {
            double[] v = base.clone();
            for (int j = 0; j < varied.length; j++) v[varied[j]] = x[j];
            boolean[] done = new boolean[nvars];
            for (int i = 0; i < nvars; i++) done[i] = varExpr[i] == null;
            for (int pass = 0; pass <= nvars; pass++) {
                boolean all = true;
                for (int i = 0; i < nvars; i++) {
                    if (done[i]) continue;
                    boolean ready = true;
                    for (String n : varExpr[i].names()) if (!done[symbols.indexOf(n)]) ready = false;
                    if (ready) { v[i] = varExpr[i].eval(v); done[i] = true; } else all = false;
                }
                if (all) return v;
            }
            throw EdgeworksException.of(name, "model: the variable expressions refer to each other in a circle");
        }

        /** The path parameters {degen, s02, e0, delr, sigma2, third} of path j. */
        double[] pathParams(int j, double[] v) {
            double[] out = {feff.get(j).degen(), 1, 0, 0, 0, 0};
            v[reffIndex] = feff.get(j).reff();
            for (int q = 0; q < 6; q++) if (pathExpr[j][q] != null) out[q] = pathExpr[j][q].eval(v);
            return out;
        }

        double[] model(double[] v) {
            double[] sum = new double[k.length], one = new double[k.length];
            for (int j = 0; j < feff.size(); j++) {
                double[] pp = pathParams(j, v);
                FeffPath.chi(tables.get(j), feff.get(j).reff(), pp[0], pp[1], pp[2], pp[3], pp[4], pp[5], one);
                for (int i = 0; i < k.length; i++) sum[i] += one[i];
            }
            return sum;
        }

        double[][] fftf(double[] chi, double kweight) {
            double[] cx = new double[chi.length];
            for (int i = 0; i < chi.length; i++) cx[i] = chi[i] * kwin[i] * Math.pow(k[i], kweight);
            return XafsFt.forward(cx, NFFT, KSTEP);
        }

        /** Larch's FeffitDataSet._residual for diff = data - model (or the data alone). */
        double[] residual(double[] diff) {
            double[] kw = p.kweights();
            int per = switch (p.space()) { case R -> 2 * (irmax - irmin); case K, Q -> iqmax - iqmin; };
            double[] out = new double[per * kw.length];
            for (int q = 0; q < kw.length; q++) {
                int o = q * per;
                switch (p.space()) {
                    case K -> {
                        for (int i = iqmin; i < iqmax; i++)
                            out[o + i - iqmin] = i < diff.length ? diff[i] / epsK[q][i] * Math.pow(k[i], kw[q]) : 0;
                    }
                    case R -> {
                        double[][] cr = fftf(diff, kw[q]);
                        for (int m = irmin; m < irmax; m++) {
                            out[o + 2 * (m - irmin)] = cr[0][m] / epsR[q];
                            out[o + 2 * (m - irmin) + 1] = cr[1][m] / epsR[q];
                        }
                    }
                    case Q -> {
                        double[][] cr = fftf(diff, kw[q]);
                        double[] re = new double[NFFT / 2], im = new double[NFFT / 2];
                        for (int m = 0; m < NFFT / 2; m++) { re[m] = cr[0][m] * rwin[m]; im[m] = cr[1][m] * rwin[m]; }
                        double[][] cq = XafsFt.reverse(re, im, NFFT, KSTEP);
                        for (int i = iqmin; i < iqmax; i++) out[o + i - iqmin] = cq[0][i] / epsR[q];
                    }
                }
            }
            return out;
        }

        /** The residual at the varied values x: one evaluation of the model (one unit of progress; a cancelled monitor stops here). */
        double[] residualAt(double[] x) {
            if (monitor != null) {
                Monitors.worked(monitor, 1);
                if (monitor.isCancelled()) throw new Cancelled();
            }
            double[] v;
            try {
                v = values(x);
            } catch (EdgeworksException e) {
                throw new IllegalStateException(e);
            }
            double[] m = model(v);
            double[] d = new double[k.length];
            for (int i = 0; i < k.length; i++) d[i] = chiData[i] - m[i];
            nfev++;
            return residual(d);
        }

        /** Central-difference Jacobian, steps 1e-6 max(|x|, 0.01) (sizes of s02, e0, delr, sigma2 alike). */
        double[][] jacobian(double[] x, int rows) {
            double[][] j = new double[rows][x.length];
            for (int c = 0; c < x.length; c++) {
                double h = 1e-6 * Math.max(Math.abs(x[c]), 0.01);
                double[] xp = x.clone(), xm = x.clone();
                xp[c] += h;
                xm[c] -= h;
                double[] rp = residualAt(xp), rm = residualAt(xm);
                for (int r = 0; r < rows; r++) j[r][c] = (rp[r] - rm[r]) / (2 * h);
            }
            return j;
        }

        /** The fit in named steps: least squares, statistics, covariance, values with errors, correlations, plot arrays. */
        Fit solve() throws EdgeworksException {
            double[] x0 = startPoint();
            int rows = residualAt(x0).length;
            if (rows <= varied.length)
                throw EdgeworksException.of(name, "fit: only " + rows + " data points for " + varied.length + " variables");
            LeastSquaresOptimizer.Optimum opt = optimize(x0, rows);                  // 1. least squares
            double[] x = opt.getPoint().toArray();
            Stats st = statistics(x, rows);                                           // 2. statistics
            double[][] cov = covariance(opt, st);                                     // 3. covariance (null: no error bars)
            double[] v = values(x);
            Map<String, Value> vars = variableValues(x, v, cov);                      // 4. values with stderr
            List<PathResult> prs = pathValues(x, v, cov);
            Map<String, Double> corr = correlations(cov);                             // 5. correlations
            double[] m = model(v);                                                    // 6. plot arrays
            double[][] dr = fftf(chiData, p.kweights()[0]), mr = fftf(m, p.kweights()[0]);
            double rstep = XafsFt.rstep(KSTEP, NFFT);
            int nr = (int) Math.min(NFFT / 2, 1.01 + 10 / rstep);
            double[] r = XafsFt.grid(rstep, nr), dmag = new double[nr], mmag = new double[nr];
            for (int i = 0; i < nr; i++) { dmag[i] = Math.hypot(dr[0][i], dr[1][i]); mmag[i] = Math.hypot(mr[0][i], mr[1][i]); }
            return new Fit(name, vars, prs, st.chisqr() / st.datsq(), st.chiSquare(), st.chi2red(), nIdp, varied.length, rows, nfev,
                cov != null, epsK[0][0], epsR[0], corr, k, chiData, m, r, dmag, mmag, p);
        }

        /** Step 1: Levenberg-Marquardt from x0 with the central-difference Jacobian; a cancelled monitor passes through. */
        private LeastSquaresOptimizer.Optimum optimize(double[] x0, int rows) throws EdgeworksException {
            MultivariateJacobianFunction f = point -> {
                double[] x = point.toArray();
                return new Pair<RealVector, RealMatrix>(new ArrayRealVector(residualAt(x), false),
                    new Array2DRowRealMatrix(jacobian(x, rows), false));
            };
            try {
                return new LevenbergMarquardtOptimizer().withCostRelativeTolerance(1e-12).withParameterRelativeTolerance(1e-12)
                    .optimize(new LeastSquaresBuilder().start(x0).model(f).target(new double[rows])
                        .maxEvaluations(100000).maxIterations(2000).build());
            } catch (Cancelled c) {
                throw c;
            } catch (RuntimeException e) {
                throw EdgeworksException.of(name, "fit: did not converge (" + e.getMessage() + ")");
            }
        }

        /**
         * Sums of squares at the minimum: chisqr = sum(resid^2), datsq = sum(data residual^2) (the
         * R-factor's denominator), chi_square = chisqr n_idp / n_data, dof = n_idp - n_varys and
         * the reduced chi-square.
         */
        private record Stats(double chisqr, double datsq, double chiSquare, double dof, double chi2red) {}

        /** Step 2: Larch's statistics at x. */
        private Stats statistics(double[] x, int rows) {
            double[] res = residualAt(x);
            double chisqr = 0;
            for (double r : res) chisqr += r * r;
            double[] dat = residual(chiData);
            double datsq = 0;
            for (double r : dat) datsq += r * r;
            int nv = varied.length;
            double chiSquare = chisqr * nIdp / rows;
            double dof = nIdp - nv;
            return new Stats(chisqr, datsq, chiSquare, dof, chiSquare / dof);
        }

        /**
         * Step 3: C = (J^T J)^-1 chisqr / (n_idp - n_varys) of the varied variables, or null (no
         * error bars) without degrees of freedom or with a singular or negative diagonal.
         */
        private double[][] covariance(LeastSquaresOptimizer.Optimum opt, Stats st) {
            if (!(st.dof() > 0)) return null;
            try {
                double[][] cov = opt.getCovariances(1e-14).scalarMultiply(st.chisqr() / st.dof()).getData();
                for (int i = 0; i < varied.length; i++) if (!(cov[i][i] >= 0) || !Double.isFinite(cov[i][i])) return null;
                return cov;
            } catch (RuntimeException e) {
                return null;
            }
        }

        /** Step 4a: every variable's value and standard error (by the gradient through the constraints; NaN without error bars). */
        private Map<String, Value> variableValues(double[] x, double[] v, double[][] cov) {
            Map<String, Value> vars = new LinkedHashMap<>();
            for (int i = 0; i < nvars; i++) {
                final int fi = i;
                vars.put(symbols.get(i), new Value(v[i], cov != null ? stderr(x, cov, xx -> valuesUnchecked(xx)[fi]) : Double.NaN));
            }
            return vars;
        }

        /** Step 4b: every path's parameters with standard errors (0 for a fixed default, NaN without error bars); r = reff + delr. */
        private List<PathResult> pathValues(double[] x, double[] v, double[][] cov) {
            List<PathResult> prs = new ArrayList<>();
            for (int j = 0; j < feff.size(); j++) {
                final int fj = j;
                double[] pp = pathParams(j, v.clone());
                Value[] val = new Value[6];
                for (int q = 0; q < 6; q++) {
                    final int fq = q;
                    double se = cov != null && pathExpr[j][q] != null ? stderr(x, cov, xx -> pathParams(fj, valuesUnchecked(xx))[fq]) : 0;
                    val[q] = new Value(pp[q], cov != null ? se : Double.NaN);
                }
                FeffPath fp = feff.get(j);
                prs.add(new PathResult(pms.get(j).label(), Path.of(fp.file()).getFileName().toString(), fp.reff(), pp[0], val[1], val[2],
                    val[3], new Value(fp.reff() + pp[3], val[3].stderr()), val[4], val[5]));
            }
            return prs;
        }

        /** Step 5: correlations above 0.1 in magnitude between varied variables ("a:b"), none without error bars. */
        private Map<String, Double> correlations(double[][] cov) {
            Map<String, Double> corr = new LinkedHashMap<>();
            int nv = varied.length;
            if (cov != null)
                for (int a = 0; a < nv; a++)
                    for (int b = a + 1; b < nv; b++) {
                        double cc = cov[a][b] / Math.sqrt(cov[a][a] * cov[b][b]);
                        if (Math.abs(cc) > 0.1) corr.put(symbols.get(varied[a]) + ":" + symbols.get(varied[b]), cc);
                    }
            return corr;
        }

        double[] valuesUnchecked(double[] x) {
            try {
                return values(x);
            } catch (EdgeworksException e) {
                throw new IllegalStateException(e);
            }
        }

        /** sqrt(g^T C g) with g the central-difference gradient of f at x. */
        private static double stderr(double[] x, double[][] cov, java.util.function.ToDoubleFunction<double[]> f) {
            int n = x.length;
            double[] g = new double[n];
            for (int c = 0; c < n; c++) {
                double h = 1e-6 * Math.max(Math.abs(x[c]), 0.01);
                double[] xp = x.clone(), xm = x.clone();
                xp[c] += h;
                xm[c] -= h;
                g[c] = (f.applyAsDouble(xp) - f.applyAsDouble(xm)) / (2 * h);
            }
            double s = 0;
            for (int a = 0; a < n; a++) for (int b = 0; b < n; b++) s += g[a] * cov[a][b] * g[b];
            return Math.sqrt(Math.max(0, s));
        }
    }
}
