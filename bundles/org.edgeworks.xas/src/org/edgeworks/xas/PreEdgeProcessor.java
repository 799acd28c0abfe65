package org.edgeworks.xas;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.core.processing.Param;
import org.edgeworks.core.processing.Parameters;
import org.edgeworks.core.processing.BaseProcessor;
import org.edgeworks.core.processing.Result;
import org.edgeworks.xas.kernel.LarchIndex;
import org.edgeworks.xas.kernel.PolyFit;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.special.Erf;
import org.hipparchus.util.Pair;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Pre-edge peaks of a normalised K-edge spectrum (docs/science.md#xas-preedge): a baseline (line + arctan,
 * line + erf, both fitted together with the peaks, or a cubic spline through the data outside
 * the peak window, fixed) plus N pseudo-Voigt peaks A [eta L + (1 - eta) G] of common fwhm shape,
 * fitted by Hipparchus Levenberg-Marquardt. Reports each peak's centre, fwhm and area, the total
 * area and the area-weighted centroid, with standard errors from the covariance scaled by the
 * reduced chi-square (as lmfit does). Ranges are relative to E0 (Larch prepeaks defaults).
 */
public final class PreEdgeProcessor extends BaseProcessor<Spectrum, PreEdgeProcessor.Params, PreEdgeProcessor.PreEdge> {
    public static final String ID = "org.edgeworks.xas.preedge";
    /** The step position is fitted within E0 +- this many eV. */
    static final double STEP_RANGE = 5.0;
    /** A peak centre is fitted within its starting value +- this many eV. */
    static final double CENTRE_RANGE = 2.0;

    public enum Baseline implements XasEnum {
        LINE_ARCTAN("line+arctan"), LINE_ERF("line+erf"), SPLINE("spline");

        private final String label;

        Baseline(String label) { this.label = label; }

        @JsonValue @Override public String label() { return label; }

        @JsonCreator public static Baseline parse(String s) { return XasEnum.parse(Baseline.class, s, "baseline"); }
    }

    public record Params(
        @Param(label = "E0", unit = "eV", description = "default: the main edge, steepest rise of the input smoothed by a 3 eV Gaussian") Double e0,
        @Param(label = "fit start", unit = "eV rel. E0", description = "Larch prepeaks' default") double emin,
        @Param(label = "fit end", unit = "eV rel. E0") double emax,
        @Param(label = "peak window start", unit = "eV rel. E0") double elo,
        @Param(label = "peak window end", unit = "eV rel. E0") double ehi,
        @Param(label = "baseline", description = "line+arctan | line+erf (both fitted with the peaks) | spline (through the data outside the peak window, fixed)") Baseline baseline,
        @Param(label = "peaks", min = 1, max = 6, description = "number of pseudo-Voigt peaks") int peaks,
        @Param(label = "initial centres", unit = "eV", description = "absolute, one per peak; default: the highest maxima in the peak window") List<Double> centres,
        @Param(label = "Lorentzian fraction", min = 0, max = 1, description = "pseudo-Voigt eta, fixed") double eta,
        @Param(label = "initial fwhm", unit = "eV", min = 0, expert = true) double fwhm) implements Parameters.Related {

        /** The fit range and the peak window each end above their start; one initial centre per peak when centres are given. */
        @Override
        public String conflict() {
            if (!(emax > emin)) return "{emax}: " + emax + " eV is not above {emin} " + emin + " eV";
            if (!(ehi > elo)) return "{ehi}: " + ehi + " eV is not above {elo} " + elo + " eV";
            if (centres != null && !centres.isEmpty() && centres.size() != peaks)
                return "{centres}: " + centres.size() + " value" + (centres.size() == 1 ? "" : "s") + " for {peaks} " + peaks;
            return null;
        }
        public static Params defaults() { return new Params(null, -30, -1, -15, -5, Baseline.LINE_ARCTAN, 1, null, 0.5, 1.5); }

        public Params with(Double e0v, double lo, double hi, double wlo, double whi, Baseline b, int np, List<Double> c) {
            return new Params(e0v, lo, hi, wlo, whi, b, np, c, eta, fwhm);
        }
    }

    public record Peak(double centre, double centreStderr, double fwhm, double fwhmStderr, double area, double areaStderr, double height) {}

    public record PreEdge(String name, double e0, Baseline baseline, List<Peak> peaks, double totalArea, double totalAreaStderr,
                          double centroid, double centroidStderr, double[] energy, double[] data, double[] baselineCurve,
                          double[] fit, double reducedChi2, double rFactor) {}

    public PreEdgeProcessor() { super(ID, "1.0", "Pre-edge peak fit", Spectrum.class, Params.class); }

    @Override public Params defaults() { return Params.defaults(); }

    static double pseudoVoigt(double x, double area, double c, double fwhm, double eta) {
        double d = x - c, hw = 0.5 * fwhm;
        double lor = hw / Math.PI / (d * d + hw * hw);
        double gau = Math.sqrt(4 * Math.log(2) / Math.PI) / fwhm * Math.exp(-4 * Math.log(2) * d * d / (fwhm * fwhm));
        return area * (eta * lor + (1 - eta) * gau);
    }

    @Override
    public Result<PreEdge> apply(Spectrum in, Params p) throws EdgeworksException {
        if (p == null) p = Params.defaults();
        Grid g = Grid.of(in, 7);
        String name = g.name();
        List<String> notes = new ArrayList<>(g.notes());
        double e0 = edge(name, g.energy(), g.signal(), p, notes);
        Window w = window(name, g.energy(), g.signal(), e0, p);
        Starts st = starts(name, w, e0, p);
        LeastSquaresOptimizer.Optimum opt = fit(name, w, st, e0, p.eta());
        return summarise(name, w, st, opt, e0, p, notes);
    }

    /** The fit range: points [from, to) of the grid, x/y over it, the peak window [wlo, whi] and the reference energy of the baseline line. */
    private record Window(double[] x, double[] y, int n, double wlo, double whi, double xref, Baseline kind, int np, int nb, int npar) {}

    /**
     * Start values and bounds of every parameter (baseline first: line offset and slope at xref,
     * step height, width, position; then area, centre, fwhm per peak), the fixed baseline of the
     * spline kind, and the initial centres.
     */
    private record Starts(double[] start, double[] lower, double[] upper, double[] fixedBase, List<Double> centres) {}

    /** E0: given, or the main edge (steepest rise of the spectrum smoothed by a 3 eV Gaussian). */
    private static double edge(String name, double[] e, double[] y, Params p, List<String> notes) throws EdgeworksException {
        if (p.e0() != null) return p.e0();
        double e0 = org.edgeworks.xas.kernel.EdgePosition.mainEdge(e, y, e.length, 3.0);
        if (!Double.isFinite(e0)) throw EdgeworksException.of(name, "e0: no edge found; give e0");
        notes.add("E0 " + e0 + " eV: the steepest rise of the spectrum smoothed by a 3 eV Gaussian (the main edge, not a strong pre-edge peak)");
        return e0;
    }

    /** The fit range and peak window relative to E0, refusing too few points or bad ranges. */
    private static Window window(String name, double[] e, double[] y, double e0, Params p) throws EdgeworksException {
        int np = p.peaks();
        if (np < 1 || np > 6) throw EdgeworksException.of(name, "peaks: 1 to 6 peaks");
        String conflict = p.conflict();
        if (conflict != null) throw new Parameters.Conflict(name, conflict);
        int from = LarchIndex.indexOf(e, e0 + p.emin()), to = LarchIndex.indexOf(e, e0 + p.emax()) + 1;
        if (e[from] < e0 + p.emin()) from++;
        int n = to - from;
        Baseline kind = p.baseline() == null ? Baseline.LINE_ARCTAN : p.baseline();
        int nb = kind == Baseline.SPLINE ? 0 : 5; // line (2), step height, step width, step position (bounded near E0)
        int npar = nb + 3 * np;
        if (n <= npar + 1) throw EdgeworksException.of(name, "emin: only " + n + " points in the fit range for " + npar + " parameters");
        double[] x = java.util.Arrays.copyOfRange(e, from, to), yw = java.util.Arrays.copyOfRange(y, from, to);
        return new Window(x, yw, n, e0 + p.elo(), e0 + p.ehi(), x[n - 1], kind, np, nb, npar);
    }

    /**
     * Start values: a baseline through the points outside the peak window (a line below it plus
     * the step, or the fixed spline), then the peaks at the given centres or the highest local
     * maxima above that baseline in the window.
     */
    private static Starts starts(String name, Window w, double e0, Params p) throws EdgeworksException {
        int n = w.n(), nb = w.nb(), np = w.np();
        double[] x = w.x(), yw = w.y();
        double wlo = w.wlo(), whi = w.whi(), xref = w.xref();
        Baseline kind = w.kind();
        List<double[]> outside = new ArrayList<>();
        for (int i = 0; i < n; i++) if (x[i] < wlo || x[i] > whi) outside.add(new double[] {x[i], yw[i]});
        if (outside.size() < 4) throw EdgeworksException.of(name, "elo: fewer than 4 points outside the peak window for the baseline");
        double[] bx = outside.stream().mapToDouble(v -> v[0]).toArray(), by = outside.stream().mapToDouble(v -> v[1]).toArray();
        double[] fixedBase = new double[n];
        double[] start = new double[w.npar()], lower = new double[w.npar()], upper = new double[w.npar()];
        if (kind == Baseline.SPLINE) {
            org.edgeworks.xas.kernel.CubicSpline sp = baselineSpline(bx, by);
            for (int i = 0; i < n; i++) fixedBase[i] = sp.value(x[i]);
        } else {
            PolyFit lf = new PolyFit();
            int below = 0;
            while (below < bx.length && bx[below] < wlo) below++;
            if (below < 2 || !lf.fit(bx, by, null, 0, below, 1, 0)) throw EdgeworksException.of(name, "emin: fewer than 2 points below the peak window");
            double[] raw = lf.rawCoefficients();
            double a0 = raw[0] + raw[1] * xref, a1 = raw[1];
            double hstep = Math.max(0, by[by.length - 1] - (a0 + a1 * (bx[bx.length - 1] - xref)));
            start[0] = a0; start[1] = a1; start[2] = Math.max(1e-3, 2 * hstep); start[3] = 2.0; start[4] = e0;
            lower[0] = -1e9; upper[0] = 1e9; lower[1] = -1e9; upper[1] = 1e9; lower[2] = 0; upper[2] = 1e9;
            lower[3] = 0.2; upper[3] = 30; lower[4] = e0 - STEP_RANGE; upper[4] = e0 + STEP_RANGE;
        }
        // peak starts: given centres, or the highest local maxima above the start baseline in the window
        double[] base0 = new double[n];
        for (int i = 0; i < n; i++) base0[i] = kind == Baseline.SPLINE ? fixedBase[i] : baseline(kind, start, x[i], xref);
        List<Double> centres = p.centres() != null && !p.centres().isEmpty() ? p.centres() : guessCentres(x, yw, base0, wlo, whi, np);
        if (centres.size() < np) throw EdgeworksException.of(name, "peaks: found " + centres.size() + " maxima in the fit range ["
            + (e0 + p.emin()) + ", " + (e0 + p.emax()) + "] eV for " + np + " peaks; give centres");
        for (int j = 0; j < np; j++) {
            int q = nb + 3 * j;
            double c = centres.get(j);
            int ic = LarchIndex.indexNearest(x, c);
            double height = Math.max(1e-6, yw[ic] - base0[ic]);
            start[q] = height * p.fwhm() * 1.0645; // area of a peak of that height
            start[q + 1] = c;
            start[q + 2] = p.fwhm();
            lower[q] = 0; upper[q] = 1e6;
            // a peak stays near where it was seen: it cannot wander off to model the edge
            lower[q + 1] = Math.max(x[0], c - CENTRE_RANGE); upper[q + 1] = Math.min(x[n - 1], c + CENTRE_RANGE);
            lower[q + 2] = 0.05; upper[q + 2] = 15;
        }
        return new Starts(start, lower, upper, fixedBase, centres);
    }

    /** The model over the fit range: baseline plus the peaks, for parameters {@code par}. */
    private static double[] model(Window w, Starts st, double eta, double[] par) {
        int n = w.n(), nb = w.nb();
        double[] f = new double[n];
        for (int i = 0; i < n; i++) {
            double v = w.kind() == Baseline.SPLINE ? st.fixedBase()[i] : baseline(w.kind(), par, w.x()[i], w.xref());
            for (int j = 0; j < w.np(); j++) v += pseudoVoigt(w.x()[i], par[nb + 3 * j], par[nb + 3 * j + 1], par[nb + 3 * j + 2], eta);
            f[i] = v;
        }
        return f;
    }

    /**
     * Levenberg-Marquardt within the bounds (clamped), central-difference Jacobian. The step
     * position is multimodal with peaks on the step (white lines): it starts at E0 and 1, 2, 3,
     * 4 eV either side and the lowest chi-square is kept.
     */
    private static LeastSquaresOptimizer.Optimum fit(String name, Window w, Starts st, double e0, double eta) throws EdgeworksException {
        int n = w.n();
        final double[] lo = st.lower(), hi = st.upper();
        double[] stepStarts = w.kind() == Baseline.SPLINE ? new double[] {Double.NaN} : new double[] {0, -1, 1, -2, 2, -3, 3, -4, 4};
        LeastSquaresOptimizer.Optimum opt = null;
        MathIllegalStateException failure = null;
        for (double ds : stepStarts) {
            double[] s0 = st.start().clone();
            if (!Double.isNaN(ds)) s0[4] = e0 + ds;
            try {
                LeastSquaresOptimizer.Optimum o = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
                    .start(s0).target(w.y()).maxEvaluations(20000).maxIterations(2000)
                    .parameterValidator(v -> {
                        double[] c = v.toArray();
                        for (int k = 0; k < c.length; k++) c[k] = Math.max(lo[k], Math.min(hi[k], c[k]));
                        return new ArrayRealVector(c, false);
                    })
                    .model(point -> {
                        double[] par = point.toArray();
                        double[] f0 = model(w, st, eta, par);
                        double[][] jac = new double[n][par.length];
                        for (int k = 0; k < par.length; k++) { // central differences
                            double h = 1e-6 * Math.max(1, Math.abs(par[k]));
                            double[] pp = par.clone(), pm = par.clone();
                            pp[k] += h; pm[k] -= h;
                            double[] fp = model(w, st, eta, pp), fm = model(w, st, eta, pm);
                            for (int i = 0; i < n; i++) jac[i][k] = (fp[i] - fm[i]) / (2 * h);
                        }
                        return new Pair<>(new ArrayRealVector(f0, false), new Array2DRowRealMatrix(jac, false));
                    })
                    .build());
                if (opt == null || o.getCost() < opt.getCost()) opt = o;
            } catch (MathIllegalStateException ex) {
                failure = ex;
            }
        }
        if (opt == null) throw EdgeworksException.of(name, "peaks: the fit did not converge (" + failure.getMessage() + ")");
        return opt;
    }

    /**
     * The peaks, total area and area-weighted centroid with standard errors from the covariance
     * scaled by the reduced chi-square; warnings for a step at its bounds; the provenance of the
     * values used (E0, ranges, initial centres, the fitted step).
     */
    private Result<PreEdge> summarise(String name, Window w, Starts st, LeastSquaresOptimizer.Optimum opt, double e0, Params p,
                                      List<String> notes) throws EdgeworksException {
        int n = w.n(), nb = w.nb(), np = w.np(), npar = w.npar();
        double[] x = w.x(), yw = w.y(), lower = st.lower(), upper = st.upper();
        Baseline kind = w.kind();
        double eta = p.eta();
        double[] par = opt.getPoint().toArray();
        double[] fit = model(w, st, eta, par);
        double chi2 = 0, yy = 0;
        for (int i = 0; i < n; i++) { double r = yw[i] - fit[i]; chi2 += r * r; yy += yw[i] * yw[i]; }
        double redchi = chi2 / (n - npar);
        RealMatrix cov = covariance(opt.getJacobian(), nb, redchi);
        if (cov == null) {
            StringBuilder at = new StringBuilder();
            for (int j = 0; j < np; j++) {
                int q = nb + 3 * j;
                at.append(j == 0 ? "" : "; ").append(String.format(java.util.Locale.ROOT, "centre %.3f eV area %.4g fwhm %.3f eV", par[q + 1], par[q], par[q + 2]));
            }
            throw EdgeworksException.of(name, "peaks: singular fit (a peak not determined by the data: " + at + "); give centres or fewer peaks");
        }
        List<Peak> peaks = new ArrayList<>();
        double total = 0, weighted = 0;
        for (int j = 0; j < np; j++) {
            int q = nb + 3 * j;
            double height = pseudoVoigt(par[q + 1], par[q], par[q + 1], par[q + 2], eta);
            peaks.add(new Peak(par[q + 1], sd(cov, q + 1), par[q + 2], sd(cov, q + 2), par[q], sd(cov, q), height));
            total += par[q];
            weighted += par[q] * par[q + 1];
        }
        if (!(total > 0)) throw EdgeworksException.of(name, "peaks: fitted total area is zero");
        double centroid = weighted / total;
        // propagation: d total/d A_j = 1; d centroid/d A_j = (c_j - centroid)/total; d centroid/d c_j = A_j/total
        double vt = 0, vc = 0;
        double[] gt = new double[npar], gc = new double[npar];
        for (int j = 0; j < np; j++) {
            int q = nb + 3 * j;
            gt[q] = 1;
            gc[q] = (par[q + 1] - centroid) / total;
            gc[q + 1] = par[q] / total;
        }
        for (int u = 0; u < npar; u++) for (int v = 0; v < npar; v++) {
            vt += gt[u] * cov.getEntry(u, v) * gt[v];
            vc += gc[u] * cov.getEntry(u, v) * gc[v];
        }
        double[] base = new double[n];
        for (int i = 0; i < n; i++) base[i] = kind == Baseline.SPLINE ? st.fixedBase()[i] : baseline(kind, par, x[i], w.xref());
        if (kind != Baseline.SPLINE) {
            if (Math.abs(par[4] - lower[4]) < 1e-6 || Math.abs(par[4] - upper[4]) < 1e-6)
                notes.add("warning: the step position ended at its bound " + par[4] + " eV (E0 +- " + STEP_RANGE + " eV)");
            if (Math.abs(par[3] - lower[3]) < 1e-9 || Math.abs(par[3] - upper[3]) < 1e-9)
                notes.add("warning: the step width ended at its bound " + par[3] + " eV");
        }
        Map<String, Object> used = new LinkedHashMap<>();
        used.put("e0", e0);
        used.put("emin", p.emin());
        used.put("emax", p.emax());
        used.put("elo", p.elo());
        used.put("ehi", p.ehi());
        used.put("baseline", kind.label());
        used.put("peaks", np);
        used.put("initial_centres", st.centres());
        used.put("eta", eta);
        used.put("initial_fwhm", p.fwhm());
        if (kind != Baseline.SPLINE) {
            used.put("step_height", par[2]);
            used.put("step_width", par[3]);
            used.put("step_position", par[4]);
            used.put("step_position_stderr", sd(cov, 4));
        }
        return result(new PreEdge(name, e0, kind, peaks, total, Math.sqrt(Math.max(0, vt)), centroid, Math.sqrt(Math.max(0, vc)),
            x, yw, base, fit, redchi, yy > 0 ? chi2 / yy : 0), used, notes);
    }

    /**
     * (J^T J)^-1 * reduced chi-square; when the edge step's height and width are not determined
     * by the data (the step lies beyond the fit range), they are held fixed for the errors.
     */
    static RealMatrix covariance(RealMatrix jac, int nb, double redchi) {
        int p = jac.getColumnDimension();
        for (int attempt = 0; attempt < 2; attempt++) {
            boolean dropStep = attempt == 1;
            int[] keep = java.util.stream.IntStream.range(0, p).filter(k -> !(dropStep && k >= 2 && k < nb)).toArray();
            RealMatrix j = jac.getSubMatrix(java.util.stream.IntStream.range(0, jac.getRowDimension()).toArray(), keep);
            try {
                RealMatrix inv = new org.hipparchus.linear.QRDecomposition(j.transposeMultiply(j), 1e-13).getSolver().getInverse();
                RealMatrix full = new Array2DRowRealMatrix(p, p);
                for (int u = 0; u < keep.length; u++) for (int v = 0; v < keep.length; v++) full.setEntry(keep[u], keep[v], inv.getEntry(u, v) * redchi);
                return full;
            } catch (RuntimeException ex) {
                // singular: retry without the step parameters
            }
        }
        return null;
    }

    private static double sd(RealMatrix cov, int k) { return Math.sqrt(Math.max(0, cov.getEntry(k, k))); }

    /** line b0 + b1 (x - xref) + step b2 of width b3 (eV) centred at b4 (eV). */
    static double baseline(Baseline kind, double[] b, double x, double xref) {
        double line = b[0] + b[1] * (x - xref);
        double t = (x - b[4]) / b[3];
        return line + b[2] * (kind == Baseline.LINE_ERF ? 0.5 * (1 + Erf.erf(t)) : 0.5 + Math.atan(t) / Math.PI);
    }

    /**
     * A not-a-knot cubic spline through ~1 eV block averages of the points outside the peak window
     * (a natural spline's zero end curvature bends it under the rising edge).
     */
    static org.edgeworks.xas.kernel.CubicSpline baselineSpline(double[] bx, double[] by) {
        List<double[]> knots = new ArrayList<>();
        int i = 0;
        while (i < bx.length) {
            int j = i;
            double sx = 0, sy = 0;
            while (j < bx.length && bx[j] - bx[i] < 1.0 && (j == i || bx[j] - bx[j - 1] < 3)) { sx += bx[j]; sy += by[j]; j++; }
            knots.add(new double[] {sx / (j - i), sy / (j - i)});
            i = j;
        }
        if (knots.size() < 3) { // too few blocks: use every point
            knots.clear();
            for (int k = 0; k < bx.length; k++) knots.add(new double[] {bx[k], by[k]});
        }
        return org.edgeworks.xas.kernel.CubicSpline.of(knots.stream().mapToDouble(v -> v[0]).toArray(), knots.stream().mapToDouble(v -> v[1]).toArray());
    }

    /**
     * Starting centres: the highest local maxima of data minus the starting baseline, those inside
     * the peak window [wlo, whi] first, then anywhere in the fit range (a peak at the window's
     * edge, as KMnO4's with the default windows, is still found); maxima closer than 1 eV to a
     * chosen one or to the ends of the range are skipped.
     */
    static List<Double> guessCentres(double[] x, double[] y, double[] base, double wlo, double whi, int np) {
        List<double[]> inside = new ArrayList<>(), outside = new ArrayList<>();
        for (int i = 1; i < x.length - 1; i++) {
            double r = y[i] - base[i];
            if (!(r >= y[i - 1] - base[i - 1] && r >= y[i + 1] - base[i + 1])) continue;
            if (x[i] - x[0] < 1.0 || x[x.length - 1] - x[i] < 1.0) continue;
            (x[i] >= wlo && x[i] <= whi ? inside : outside).add(new double[] {x[i], r});
        }
        inside.sort((a, b) -> Double.compare(b[1], a[1]));
        outside.sort((a, b) -> Double.compare(b[1], a[1]));
        List<Double> out = new ArrayList<>();
        for (List<double[]> list : List.of(inside, outside)) {
            for (double[] m : list) {
                if (out.size() == np) break;
                boolean far = true;
                for (double c : out) if (Math.abs(c - m[0]) < 1.0) far = false;
                if (far) out.add(m[0]);
            }
        }
        out.sort(Double::compare);
        return out;
    }
}
