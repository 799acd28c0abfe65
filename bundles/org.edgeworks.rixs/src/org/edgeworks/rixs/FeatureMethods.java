package org.edgeworks.rixs;

import java.util.ArrayList;
import java.util.List;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.RixsMap;
import org.edgeworks.core.data.Spectrum;

/** The three quantification methods of {@link QuantifyFeature} (see there for what each measures). */
final class FeatureMethods {
    private FeatureMethods() {}

    /** What a method measured, before normalisation. */
    record Measured(double intensity, double sigma, double background, double centreExcitation, double centreEmission,
                    double reducedChiSquare, int featureCells, int backgroundCells, Spectrum profile, double[] profileFit, String note,
                    Shape shape) {
        /** How many sigma the feature stands out. */
        double significance() { return Math.abs(intensity) / sigma; }
    }

    /** A feature's centre and Gaussian sigma (eV) in excitation and emission, held fixed in a fit. */
    record Shape(double centreExcitation, double centreEmission, double widthExcitation, double widthEmission) {}

    /** Below this many sigma the feature's own centre and width are not determined by the data. */
    static final double SIGNIFICANT = 5;

    /**
     * The peak methods with their shape free, falling back to the named centre and
     * featureWidth when the feature is too weak to fix its own shape (below {@link #SIGNIFICANT}
     * sigma or a shape parameter at its bound): a free peak on noise finds the largest
     * fluctuation and is biased.
     */
    static Measured fitted(RixsMap m, QuantifyFeature.Parameters p, List<String> notes, Shape shape) throws EdgeworksException {
        boolean spfy = QuantifyFeature.SPFY.equals(p.method());
        if (shape != null) return spfy ? spfy(m, p, notes, shape) : model2d(m, p, notes, shape);
        List<String> free = new ArrayList<>();
        Measured f = spfy ? spfy(m, p, free, null) : model2d(m, p, free, null);
        boolean atBound = free.stream().anyMatch(x -> x.contains("stopped at its bound"));
        if (f.significance() >= SIGNIFICANT && !atBound) {
            notes.addAll(free);
            return f;
        }
        Shape nominal = new Shape(p.excitation(), p.emission(), p.featureWidth(), p.featureWidth());
        notes.add(m.name() + ": feature " + MapMath.fmt(f.significance()) + " sigma" + (atBound ? " with its shape at a bound" : "")
            + ": centre and width fixed at the named " + MapMath.fmt(p.excitation()) + " eV and featureWidth " + MapMath.fmt(p.featureWidth()) + " eV");
        return spfy ? spfy(m, p, notes, nominal) : model2d(m, p, notes, nominal);
    }

    private static final double SQRT_2PI = Math.sqrt(2 * Math.PI);
    /** How far a fitted peak centre may move from the one named (eV): a peak that wanders further is another peak. */
    static final double CENTRE_FREEDOM = 0.3;
    /** Gaussian sigma bounds of fitted peaks (eV): 0.05 eV is below any soft-X-ray resolution; 1 eV is wider than any feature of interest. */
    static final double MIN_WIDTH = 0.05, MAX_FEATURE_WIDTH = 1.0, MAX_NEIGHBOUR_WIDTH = 1.5;

    // ---------------------------------------------------------------- sPFY

    static Measured spfy(RixsMap m, QuantifyFeature.Parameters p, List<String> notes, Shape shape) throws EdgeworksException {
        String name = m.name();
        double[] ex = m.excitation().values(), em = m.emission().values(), d = m.data(), err = m.errors();
        int nc = em.length;
        double hw = p.windowHalfWidth();
        if (!(hw > 0)) throw EdgeworksException.of(name, "sPFY window half width must be > 0 eV, not " + hw);
        requireCovered(name, "sPFY emission window", MapMath.extent(em), p.emission() - hw, p.emission() + hw, "emission");
        double lo = Math.min(p.fitFrom(), p.fitTo()), hi = Math.max(p.fitFrom(), p.fitTo());
        requireCovered(name, "sPFY fit window", new double[] {ex[0], ex[ex.length - 1]}, lo, hi, "excitation");
        if (p.excitation() <= lo || p.excitation() >= hi)
            throw EdgeworksException.of(name, "feature excitation " + p.excitation() + " eV is outside the fit window " + lo + ":" + hi + " eV");
        double[] wEm = MapMath.overlap(em, p.emission() - hw, p.emission() + hw);
        double[] y = new double[ex.length], s = err == null ? null : new double[ex.length];
        for (int i = 0; i < ex.length; i++) {
            double v = 0, var = 0;
            for (int j = 0; j < nc; j++) {
                if (wEm[j] == 0) continue;
                v += d[i * nc + j] * wEm[j];
                if (err != null) var += sq(err[i * nc + j] * wEm[j]);
            }
            y[i] = v;
            if (s != null) s[i] = Math.sqrt(var);
        }
        Spectrum profile = new Spectrum(name + " sPFY " + MapMath.fmt(p.emission()) + " +- " + MapMath.fmt(hw) + " eV",
            m.excitation(), y, s, "spfy");
        int[] idx = MapMath.indicesIn(name, "sPFY fit", ex, lo, hi);
        int n = idx[1] - idx[0] + 1;
        double[] x = new double[n], yy = new double[n], ss = s == null ? null : new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = ex[idx[0] + k];
            yy[k] = y[idx[0] + k];
            if (ss != null) ss[k] = s[idx[0] + k];
        }
        // masked (NaN) cells in the window leave their sPFY point out of the fit (a partial window sum would be low)
        int[] at = new int[n];
        int kept = 0;
        for (int k = 0; k < n; k++) {
            if (!Double.isFinite(yy[k]) || (ss != null && !Double.isFinite(ss[k]))) continue;
            x[kept] = x[k];
            yy[kept] = yy[k];
            if (ss != null) ss[kept] = ss[k];
            at[kept++] = idx[0] + k;
        }
        if (kept < n) notes.add(name + ": " + (n - kept) + " sPFY point(s) with masked (NaN) cells in the emission window left out of the fit");
        n = kept;
        double[] neighbours = p.neighbourPeaks() == null ? new double[0] : p.neighbourPeaks().clone();
        for (double c : neighbours)
            if (c < lo || c > hi || Math.abs(c - p.excitation()) < 2 * CENTRE_FREEDOM)
                throw EdgeworksException.of(name, "neighbouring peak " + c + " eV must lie in the fit window " + lo + ":" + hi
                    + " eV and more than " + 2 * CENTRE_FREEDOM + " eV from the feature");
        double e0 = p.excitation();
        int peaks = 1 + neighbours.length;
        int m3 = 3 * peaks;
        int np = m3 + 3 + 2;
        double[] start = new double[np], lower = new double[np], upper = new double[np];
        boolean[] linear = new boolean[np];
        double step = MapMath.medianStep(x);
        for (int k = 0; k < peaks; k++) {
            double c = k == 0 ? e0 : neighbours[k - 1];
            start[3 * k] = 0;
            linear[3 * k] = true;
            lower[3 * k] = Double.NEGATIVE_INFINITY;
            upper[3 * k] = Double.POSITIVE_INFINITY;
            start[3 * k + 1] = c;
            lower[3 * k + 1] = c - CENTRE_FREEDOM;
            upper[3 * k + 1] = c + CENTRE_FREEDOM;
            start[3 * k + 2] = 0.3;
            lower[3 * k + 2] = Math.max(MIN_WIDTH, step / 2);
            upper[3 * k + 2] = k == 0 ? MAX_FEATURE_WIDTH : MAX_NEIGHBOUR_WIDTH;
        }
        if (shape != null) {
            start[1] = lower[1] = upper[1] = shape.centreExcitation();
            start[2] = lower[2] = upper[2] = shape.widthExcitation();
        }
        // edge step: height (linear), centre above the feature, width 0.3-3 eV
        start[m3] = 0;
        linear[m3] = true;
        lower[m3] = Double.NEGATIVE_INFINITY;
        upper[m3] = Double.POSITIVE_INFINITY;
        start[m3 + 1] = 0.5 * (e0 + 0.5 + hi);
        lower[m3 + 1] = e0 + 0.5;
        upper[m3 + 1] = hi;
        start[m3 + 2] = 0.8;
        lower[m3 + 2] = 0.3;
        upper[m3 + 2] = 3.0;
        for (int k = m3 + 3; k < np; k++) {
            linear[k] = true;
            lower[k] = Double.NEGATIVE_INFINITY;
            upper[k] = Double.POSITIVE_INFINITY;
        }
        ModelFit.Model model = (i, q, g) -> spfyModel(x[i] - e0, x[i], q, g, peaks, m3);
        ModelFit.Fit fit = ModelFit.fit(name, "sPFY fit", n, yy, ss, model, start, linear, lower, upper);
        double[] q = fit.parameters();
        double[] fitted = new double[ex.length];
        java.util.Arrays.fill(fitted, Double.NaN);
        for (int k = 0; k < n; k++) fitted[at[k]] = fit.fitted()[k];
        // background under the feature: the model without the feature peak over centre +- 2 sigma
        double c = q[1], w = q[2], bg = 0;
        int steps = 200;
        double h = 4 * w / steps;
        double[] noFeature = q.clone();
        noFeature[0] = 0;
        double[] g = new double[np];
        for (int k = 0; k <= steps; k++) {
            double xx = c - 2 * w + k * h;
            bg += (k == 0 || k == steps ? 0.5 : 1) * spfyModel(xx - e0, xx, noFeature, g, peaks, m3) * h;
        }
        String note = "sPFY over " + MapMath.fmt(p.emission() - hw) + ":" + MapMath.fmt(p.emission() + hw) + " eV emission, "
            + n + " point(s) fitted over " + MapMath.fmt(lo) + ":" + MapMath.fmt(hi) + " eV (feature + " + neighbours.length
            + " neighbour peak(s) + edge step + line); centre " + MapMath.fmt(q[1]) + " eV, sigma " + MapMath.fmt(q[2])
            + " eV, reduced chi-square " + MapMath.fmt(fit.reducedChiSquare());
        if (shape == null) {
            atBound(notes, name, "feature centre", q[1], lower[1], upper[1]);
            atBound(notes, name, "feature width", q[2], lower[2], upper[2]);
        } else {
            note += " (shape held fixed)";
        }
        return new Measured(q[0], fit.sigma(0), bg, q[1], p.emission(), fit.reducedChiSquare(), n, n, profile, fitted, note,
            new Shape(q[1], p.emission(), q[2], p.windowHalfWidth()));
    }

    /** Peaks (area, centre, sigma) + edge step (height, centre, width) + line (b0 + b1 u) at x (u = x - feature). */
    private static double spfyModel(double u, double x, double[] q, double[] g, int peaks, int m3) {
        double v = 0;
        for (int k = 0; k < peaks; k++) {
            double a = q[3 * k], c = q[3 * k + 1], s = q[3 * k + 2];
            double t = (x - c) / s;
            double shape = Math.exp(-0.5 * t * t) / (s * SQRT_2PI);
            v += a * shape;
            g[3 * k] = shape;
            g[3 * k + 1] = a * shape * t / s;
            g[3 * k + 2] = a * shape * (t * t - 1) / s;
        }
        double hgt = q[m3], cs = q[m3 + 1], ws = q[m3 + 2];
        double t = (x - cs) / ws;
        double at = 0.5 + Math.atan(t) / Math.PI;
        double dat = 1 / (Math.PI * (1 + t * t));
        v += hgt * at;
        g[m3] = at;
        g[m3 + 1] = -hgt * dat / ws;
        g[m3 + 2] = -hgt * dat * t / ws;
        v += q[m3 + 3] + q[m3 + 4] * u;
        g[m3 + 3] = 1;
        g[m3 + 4] = u;
        return v;
    }

    // ---------------------------------------------------------------- 2-D model

    static Measured model2d(RixsMap m, QuantifyFeature.Parameters p, List<String> notes, Shape shape) throws EdgeworksException {
        String name = m.name();
        double[] ex = m.excitation().values(), em = m.emission().values(), d = m.data(), err = m.errors();
        int nc = em.length;
        double rx = p.regionExcitation(), rm = p.regionEmission();
        double x0 = p.excitation(), y0 = p.emission();
        requireCovered(name, "2-D fit region", new double[] {ex[0], ex[ex.length - 1]}, x0 - rx, x0 + rx, "excitation");
        requireCovered(name, "2-D fit region", new double[] {em[0], em[nc - 1]}, y0 - rm, y0 + rm, "emission");
        List<int[]> cells = new ArrayList<>();
        for (int i = 0; i < ex.length; i++)
            for (int j = 0; j < nc; j++)
                if (Math.abs(ex[i] - x0) <= rx + 1e-9 && Math.abs(em[j] - y0) <= rm + 1e-9) cells.add(new int[] {i, j});
        int n = cells.size();
        double[] u = new double[n], v = new double[n], yy = new double[n], ss = err == null ? null : new double[n];
        for (int k = 0; k < n; k++) {
            int i = cells.get(k)[0], j = cells.get(k)[1];
            u[k] = ex[i] - x0;
            v[k] = em[j] - y0;
            yy[k] = d[i * nc + j];
            if (ss != null) ss[k] = err[i * nc + j];
        }
        int deg = p.backgroundDegree();
        int[][] powers = powers(deg);
        int np = 5 + powers.length;
        double[] start = new double[np], lower = new double[np], upper = new double[np];
        boolean[] linear = new boolean[np];
        double minW = Math.max(MIN_WIDTH, 0.5 * Math.max(MapMath.medianStep(ex), MapMath.medianStep(em)));
        double[] s0 = {0, 0, 0, 0.3, 0.3};
        double[] l0 = {Double.NEGATIVE_INFINITY, -CENTRE_FREEDOM, -CENTRE_FREEDOM, minW, minW};
        double[] u0 = {Double.POSITIVE_INFINITY, CENTRE_FREEDOM, CENTRE_FREEDOM, MAX_FEATURE_WIDTH, MAX_FEATURE_WIDTH};
        for (int k = 0; k < 5; k++) { start[k] = s0[k]; lower[k] = l0[k]; upper[k] = u0[k]; }
        linear[0] = true;
        if (shape != null) {
            double[] fix = {0, shape.centreExcitation() - x0, shape.centreEmission() - y0, shape.widthExcitation(), shape.widthEmission()};
            for (int k = 1; k < 5; k++) start[k] = lower[k] = upper[k] = fix[k];
        }
        for (int k = 5; k < np; k++) {
            linear[k] = true;
            lower[k] = Double.NEGATIVE_INFINITY;
            upper[k] = Double.POSITIVE_INFINITY;
        }
        ModelFit.Model model = (k, q, g) -> model2dValue(u[k], v[k], q, g, powers);
        ModelFit.Fit fit = ModelFit.fit(name, "2-D feature fit", n, yy, ss, model, start, linear, lower, upper);
        double[] q = fit.parameters();
        // background under the feature: the polynomial over centre +- 2 sigma in both directions
        double bg = 0;
        double[] cu = {q[1] - 2 * q[3], q[1] + 2 * q[3]}, cv = {q[2] - 2 * q[4], q[2] + 2 * q[4]};
        for (int t = 0; t < powers.length; t++) {
            int a = powers[t][0], b = powers[t][1];
            double iu = (Math.pow(cu[1], a + 1) - Math.pow(cu[0], a + 1)) / (a + 1);
            double iv = (Math.pow(cv[1], b + 1) - Math.pow(cv[0], b + 1)) / (b + 1);
            bg += q[5 + t] * iu * iv;
        }
        if (shape == null) {
            atBound(notes, name, "feature excitation centre", q[1], lower[1], upper[1]);
            atBound(notes, name, "feature emission centre", q[2], lower[2], upper[2]);
            atBound(notes, name, "feature excitation width", q[3], lower[3], upper[3]);
            atBound(notes, name, "feature emission width", q[4], lower[4], upper[4]);
        }
        String note = "2-D Gaussian + degree-" + deg + " polynomial over " + MapMath.fmt(x0 - rx) + ":" + MapMath.fmt(x0 + rx) + " x "
            + MapMath.fmt(y0 - rm) + ":" + MapMath.fmt(y0 + rm) + " eV (" + n + " cells); centre " + MapMath.fmt(x0 + q[1]) + " / "
            + MapMath.fmt(y0 + q[2]) + " eV, sigma " + MapMath.fmt(q[3]) + " / " + MapMath.fmt(q[4]) + " eV, reduced chi-square "
            + MapMath.fmt(fit.reducedChiSquare());
        if (shape != null) note += " (shape held fixed)";
        return new Measured(q[0], fit.sigma(0), bg, x0 + q[1], y0 + q[2], fit.reducedChiSquare(), n, n, null, null, note,
            new Shape(x0 + q[1], y0 + q[2], q[3], q[4]));
    }

    /** 2-D Gaussian (integral, centres, sigmas) + polynomial terms u^a v^b. */
    private static double model2dValue(double u, double v, double[] q, double[] g, int[][] powers) {
        double a = q[0], cu = q[1], cv = q[2], su = q[3], sv = q[4];
        double tu = (u - cu) / su, tv = (v - cv) / sv;
        double shape = Math.exp(-0.5 * (tu * tu + tv * tv)) / (2 * Math.PI * su * sv);
        double val = a * shape;
        g[0] = shape;
        g[1] = val * tu / su;
        g[2] = val * tv / sv;
        g[3] = val * (tu * tu - 1) / su;
        g[4] = val * (tv * tv - 1) / sv;
        for (int t = 0; t < powers.length; t++) {
            double b = Math.pow(u, powers[t][0]) * Math.pow(v, powers[t][1]);
            g[5 + t] = b;
            val += q[5 + t] * b;
        }
        return val;
    }

    /** Exponent pairs (a, b) with a + b <= degree. */
    static int[][] powers(int degree) {
        List<int[]> l = new ArrayList<>();
        for (int t = 0; t <= degree; t++) for (int a = t; a >= 0; a--) l.add(new int[] {a, t - a});
        return l.toArray(new int[0][]);
    }

    // ---------------------------------------------------------------- box

    static Measured box(RixsMap m, QuantifyFeature.Parameters p, List<String> notes) throws EdgeworksException {
        String name = m.name();
        double[] ex = m.excitation().values(), em = m.emission().values(), d = m.data(), err = m.errors();
        int nc = em.length;
        double x0 = p.excitation(), y0 = p.emission();
        double hx = p.halfExcitation(), hm = p.halfEmission();
        if (!(hx > 0) || !(hm > 0)) throw EdgeworksException.of(name, "box half widths must be > 0 eV");
        double ix = hx + p.gap(), im = hm + p.gap();
        double ox = ix + p.frameExcitation(), om = im + p.frameEmission();
        requireCovered(name, "box and frame", MapMath.extent(ex), x0 - ox, x0 + ox, "excitation");
        requireCovered(name, "box and frame", MapMath.extent(em), y0 - om, y0 + om, "emission");
        double[] wx = MapMath.overlap(ex, x0 - hx, x0 + hx), wm = MapMath.overlap(em, y0 - hm, y0 + hm);
        List<int[]> frame = new ArrayList<>();
        for (int i = 0; i < ex.length; i++)
            for (int j = 0; j < nc; j++) {
                double du = Math.abs(ex[i] - x0), dv = Math.abs(em[j] - y0);
                boolean inOuter = du <= ox + 1e-9 && dv <= om + 1e-9;
                boolean inInner = du < ix - 1e-9 && dv < im - 1e-9;
                if (inOuter && !inInner) frame.add(new int[] {i, j});
            }
        int[][] powers = powers(1);
        int n = frame.size(), np = powers.length;
        if (n < powers(2).length + 2)
            throw EdgeworksException.of(name, "background frame around the box has " + n + " cell(s) to test its plane; widen frameExcitation/frameEmission");
        if (n < np + 2)
            throw EdgeworksException.of(name, "background frame around the box has " + n + " cell(s) for a plane; widen frameExcitation/frameEmission");
        double[] u = new double[n], v = new double[n], yy = new double[n], ss = err == null ? null : new double[n];
        for (int k = 0; k < n; k++) {
            int i = frame.get(k)[0], j = frame.get(k)[1];
            u[k] = ex[i] - x0;
            v[k] = em[j] - y0;
            yy[k] = d[i * nc + j];
            if (ss != null) ss[k] = err[i * nc + j];
        }
        ModelFit.Fit fit = surfaceFit(name, "box background", powers, u, v, yy, ss);
        double[] q = fit.parameters();
        double box = 0, varBox = 0, bg = 0, sumW2 = 0;
        double[] grad = new double[np];
        int cells = 0;
        for (int i = 0; i < ex.length; i++) {
            if (wx[i] == 0) continue;
            for (int j = 0; j < nc; j++) {
                if (wm[j] == 0) continue;
                double a = wx[i] * wm[j];
                box += d[i * nc + j] * a;
                if (err != null) varBox += sq(err[i * nc + j] * a);
                sumW2 += a * a;
                double uu = ex[i] - x0, vv = em[j] - y0;
                for (int t = 0; t < np; t++) {
                    double b = Math.pow(uu, powers[t][0]) * Math.pow(vv, powers[t][1]) * a;
                    grad[t] += b;
                    bg += q[t] * b;
                }
                cells++;
            }
        }
        // no map errors: every cell as uncertain as the frame's scatter about the background
        if (err == null) varBox = fit.reducedChiSquare() * sumW2;
        double varBg = 0;
        for (int a = 0; a < np; a++) for (int b = 0; b < np; b++) varBg += grad[a] * fit.covariance()[a][b] * grad[b];
        // the plane's test (see planarityTest): the quadratic minus the plane, integrated over the box; a warning
        // (not a refusal): on backgrounds whose higher orders cancel the curvature's bias (the tuned defaults on the
        // synthetic bands of QuantifyFeatureTest) the box is still right, which no frame-only test can tell
        double[] curved = planarityTest(name, u, v, yy, ss, q, ex, em, wx, wm, x0, y0);
        if (Math.abs(curved[0]) > CURVATURE_Z * curved[1] && Math.abs(curved[0]) > Math.sqrt(varBox + varBg))
            notes.add("warning: " + name + ": " + String.format(java.util.Locale.ROOT,
                "box background is not planar: a quadratic on the frame puts %.4g +- %.4g more under the box than the plane "
                    + "(%.1f sigma; the box result may be biased by about that, more than its own sigma %.4g); use --method spfy or model2d",
                curved[0], curved[1], Math.abs(curved[0]) / curved[1], Math.sqrt(varBox + varBg)));
        String note = "box " + MapMath.fmt(x0 - hx) + ":" + MapMath.fmt(x0 + hx) + " x " + MapMath.fmt(y0 - hm) + ":" + MapMath.fmt(y0 + hm)
            + " eV (" + cells + " cells) minus a plane fitted on " + n
            + " frame cell(s) beyond a " + MapMath.fmt(p.gap()) + " eV gap, reduced chi-square " + MapMath.fmt(fit.reducedChiSquare());
        return new Measured(box - bg, Math.sqrt(varBox + varBg), bg, x0, y0, err == null ? Double.NaN : fit.reducedChiSquare(), cells, n,
            null, null, note, null);
    }

    /**
     * Warning threshold of the box method's planarity test, in standard deviations of the curvature's
     * contribution to the box (see {@link #planarityTest}).
     */
    static final double CURVATURE_Z = 3;

    /**
     * The box method's check of its own assumption. A full quadratic (u, v, u^2, uv, v^2 about the
     * feature) is fitted on the same frame cells as the plane; the statistic is
     * D = integral over the box of (quadratic - plane), i.e. how much the background's curvature,
     * as seen on the frame, would change the subtracted background. Its standard deviation s_D is
     * the quadratic's background-integral sigma from the fit covariance (an upper bound of the
     * sigma of the difference, as the plane is nested in the quadratic: the test errs toward
     * accepting). The box warns (a "warning: MAP: ..." note, printed on the terminal and kept in the
     * JSON) when |D| > 3 s_D (curvature detected at the 0.3 % two-sided false-alarm
     * rate of a Gaussian, so planar maps with noise pass) AND |D| > the box result's own sigma
     * (the bias matters at the result's precision; a curvature far below the error bar is harmless).
     * Why this statistic: the plane's failure is a bias of exactly D to first order in the curvature,
     * in the result's units, so the threshold compares like with like; a chi-square of the plane's
     * residuals instead mixes noise and misfit and needs map errors, which maps may not carry.
     *
     * @return {D, s_D} in map units x eV^2
     */
    static double[] planarityTest(String name, double[] u, double[] v, double[] y, double[] s, double[] plane, double[] ex, double[] em,
                                  double[] wx, double[] wm, double x0, double y0) throws EdgeworksException {
        int[][] p2 = powers(2), p1 = powers(1);
        ModelFit.Fit quad = surfaceFit(name, "box background check (quadratic)", p2, u, v, y, s);
        double[] q = quad.parameters(), grad = new double[p2.length];
        double d = 0;
        for (int i = 0; i < ex.length; i++) {
            if (wx[i] == 0) continue;
            for (int j = 0; j < em.length; j++) {
                if (wm[j] == 0) continue;
                double a = wx[i] * wm[j], uu = ex[i] - x0, vv = em[j] - y0;
                for (int t = 0; t < p2.length; t++) {
                    double b = Math.pow(uu, p2[t][0]) * Math.pow(vv, p2[t][1]) * a;
                    grad[t] += b;
                    d += q[t] * b;
                }
                for (int t = 0; t < p1.length; t++) d -= plane[t] * Math.pow(uu, p1[t][0]) * Math.pow(vv, p1[t][1]) * a;
            }
        }
        double var = 0;
        for (int a = 0; a < p2.length; a++) for (int b = 0; b < p2.length; b++) var += grad[a] * quad.covariance()[a][b] * grad[b];
        return new double[] {d, Math.sqrt(Math.max(var, 0))};
    }

    /** Linear least squares of a 2-D polynomial with the given powers of (u, v) ({@link ModelFit}, weighted when s is non-null). */
    static ModelFit.Fit surfaceFit(String name, String what, int[][] powers, double[] u, double[] v, double[] y, double[] s)
        throws EdgeworksException {
        int np = powers.length;
        double[] start = new double[np], lower = new double[np], upper = new double[np];
        boolean[] linear = new boolean[np];
        java.util.Arrays.fill(lower, Double.NEGATIVE_INFINITY);
        java.util.Arrays.fill(upper, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(linear, true);
        ModelFit.Model model = (k, q, g) -> {
            double val = 0;
            for (int t = 0; t < np; t++) {
                g[t] = Math.pow(u[k], powers[t][0]) * Math.pow(v[k], powers[t][1]);
                val += q[t] * g[t];
            }
            return val;
        };
        return ModelFit.fit(name, what, y.length, y, s, model, start, linear, lower, upper);
    }

    // ---------------------------------------------------------------- helpers

    static void requireCovered(String name, String what, double[] range, double from, double to, String axis) throws EdgeworksException {
        double lo = Math.min(range[0], range[1]), hi = Math.max(range[0], range[1]);
        if (from < lo - 1e-9 || to > hi + 1e-9)
            throw EdgeworksException.of(name, what + " " + MapMath.fmt(from) + ":" + MapMath.fmt(to) + " eV " + axis
                + " is not covered by the map (" + MapMath.fmt(lo) + " to " + MapMath.fmt(hi) + " eV)");
    }

    private static void atBound(List<String> notes, String name, String what, double v, double lo, double hi) {
        if (Math.abs(v - lo) < 1e-9 * Math.max(1, Math.abs(lo)) || Math.abs(v - hi) < 1e-9 * Math.max(1, Math.abs(hi)))
            notes.add("warning: " + name + ": " + what + " " + MapMath.fmt(v) + " stopped at its bound (" + MapMath.fmt(lo) + " to "
                + MapMath.fmt(hi) + "): the feature may not be where it was named");
    }

    static double sq(double x) { return x * x; }
}
