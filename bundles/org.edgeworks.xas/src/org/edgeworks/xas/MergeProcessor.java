package org.edgeworks.xas;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Axis;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.core.processing.Param;
import org.edgeworks.core.processing.BaseProcessor;
import org.edgeworks.core.processing.Result;
import org.edgeworks.xas.kernel.CubicSpline;
import org.edgeworks.xas.kernel.LarchIndex;

/**
 * Merge repeated scans: each is interpolated onto a common grid (the first scan's points inside
 * the range all scans cover, or a uniform grid of the given step) and averaged; the per-point
 * standard error is the sample standard deviation (n - 1) over sqrt(n). When every scan carries
 * its sigma, the mean is weighted by 1/sigma^2 (sigma interpolated with squared weights) and its
 * standard error is 1/sqrt(sum of weights), scaled by sqrt(reduced chi-square) where the scans
 * scatter more than their sigma says (the error bar never claims less than the scans show).
 */
public final class MergeProcessor extends BaseProcessor<MergeProcessor.Input, MergeProcessor.Params, MergeProcessor.Merged> {
    public static final String ID = "org.edgeworks.xas.merge";

    public record Input(String name, List<Spectrum> spectra) {}

    public record Params(
        @Param(label = "grid step", unit = "eV", description = "uniform grid step; default: the first scan's points") Double step,
        @Param(label = "cubic interpolation", description = "not-a-knot cubic spline instead of linear") boolean cubic) {
        public static Params defaults() { return new Params(null, false); }
    }

    public record Merged(String name, double[] energy, double[] mean, double[] stderr, int count, Spectrum spectrum) {}

    public MergeProcessor() { super(ID, "1.0", "Merge repeated scans", Input.class, Params.class); }

    @Override public Params defaults() { return Params.defaults(); }

    @Override
    public Result<Merged> apply(Input in, Params p) throws EdgeworksException {
        if (p == null) p = Params.defaults();
        String name = in.name() == null ? "merge" : in.name();
        if (in.spectra() == null || in.spectra().size() < 2) throw EdgeworksException.of(name, "spectra: at least 2 scans are needed to merge");
        List<Grid> grids = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        double lo = Double.NEGATIVE_INFINITY, hi = Double.POSITIVE_INFINITY;
        for (Spectrum s : in.spectra()) {
            Grid g = Grid.of(s, 2);
            grids.add(g);
            for (String note : g.notes()) notes.add(g.name() + ": " + note);
            lo = Math.max(lo, g.energy()[0]);
            hi = Math.min(hi, g.energy()[g.size() - 1]);
        }
        if (!(hi > lo)) throw EdgeworksException.of(name, "energy: the scans share no energy range");
        // Refused, not warned: a scan merged twice (the same file typed twice, or a copy) is not an
        // independent measurement, so the spread gives sigma 0 (unweighted) or a sigma sqrt(2) too
        // small (weighted), and a zero sigma becomes an infinite weight in every later fit. A beamline
        // scientist merges repeated scans to estimate the noise; a duplicate is a mistake to be told
        // of, naming both scans (new-user finding s4-3).
        for (int a = 0; a < grids.size(); a++)
            for (int b = a + 1; b < grids.size(); b++)
                if (java.util.Arrays.equals(grids.get(a).energy(), grids.get(b).energy())
                    && java.util.Arrays.equals(grids.get(a).signal(), grids.get(b).signal()))
                    throw EdgeworksException.of(grids.get(b).name(), "identical to scan " + (a + 1) + " (" + grids.get(a).name()
                        + "): the same data merged twice has no spread to give a sigma");
        double[] grid;
        if (p.step() != null) {
            if (!(p.step() > 0)) throw EdgeworksException.of(name, "step: must be positive");
            int n = (int) Math.floor((hi - lo) / p.step() + 1e-9) + 1;
            grid = new double[n];
            for (int i = 0; i < n; i++) grid[i] = lo + i * p.step();
        } else {
            double[] e = grids.get(0).energy();
            int from = LarchIndex.indexOf(e, lo);
            if (e[from] < lo) from++;
            int to = LarchIndex.indexOf(e, hi) + 1;
            grid = java.util.Arrays.copyOfRange(e, from, to);
        }
        if (grid.length < 2) throw EdgeworksException.of(name, "energy: fewer than 2 common grid points");
        int n = grid.length, k = grids.size();
        double[] mean = new double[n], m2 = new double[n], v = new double[n];
        for (int j = 0; j < k; j++) {
            Grid g = grids.get(j);
            if (p.cubic() && g.size() >= 4) CubicSpline.of(g.energy(), g.signal()).values(grid, 0, n, 0, v);
            else linear(g.energy(), g.signal(), grid, v);
            for (int i = 0; i < n; i++) { // Welford running mean and variance
                double d = v[i] - mean[i];
                mean[i] += d / (j + 1);
                m2[i] += d * (v[i] - mean[i]);
            }
        }
        double[] se = new double[n];
        for (int i = 0; i < n; i++) se[i] = Math.sqrt(m2[i] / (k - 1) / k);
        boolean weighted = grids.stream().allMatch(g -> g.uncertainty() != null);
        if (!weighted)
            for (int i = 0; i < n; i++)
                if (!(se[i] > 0)) // never a silent sigma 0 or NaN: the spread is the only error estimate here
                    throw EdgeworksException.of(name, "stderr: the scans agree exactly at " + grid[i]
                        + " eV, so their spread gives no sigma (copies of one measurement?)");
        if (weighted) {
            double[] sw = new double[n], swy = new double[n], swyy = new double[n], u = new double[n];
            for (Grid g : grids) {
                double[] var = new double[g.size()];
                for (int i = 0; i < var.length; i++) var[i] = g.uncertainty()[i] * g.uncertainty()[i];
                linear(g.energy(), g.signal(), grid, v);
                linearVariance(g.energy(), var, grid, u);
                for (int i = 0; i < n; i++) {
                    if (!(u[i] > 0)) throw EdgeworksException.of(g.name(), "uncertainty: zero or missing sigma at " + grid[i] + " eV");
                    double w = 1 / u[i];
                    sw[i] += w;
                    swy[i] += w * v[i];
                    swyy[i] += w * v[i] * v[i];
                }
            }
            for (int i = 0; i < n; i++) {
                mean[i] = swy[i] / sw[i];
                double chi2 = Math.max(0, swyy[i] - sw[i] * mean[i] * mean[i]) / (k - 1);
                se[i] = Math.sqrt(Math.max(1, chi2) / sw[i]);
            }
            notes.add("mean weighted by the scans' 1/sigma^2; sigma of the mean scaled by sqrt(reduced chi-square) where it exceeds 1");
        }
        Map<String, Object> used = new LinkedHashMap<>();
        used.put("grid", p.step() == null ? "first scan's points in the common range" : "uniform step " + p.step() + " eV");
        used.put("interpolation", weighted ? "linear (weighted by the scans' sigma)" : p.cubic() ? "cubic" : "linear");
        used.put("scans", grids.stream().map(Grid::name).toList());
        used.put("emin", grid[0]);
        used.put("emax", grid[n - 1]);
        Spectrum out = new Spectrum(name, Axis.energy(grid), mean, se, "merged");
        return result(new Merged(name, grid, mean, se, k, out), used, notes);
    }

    /** The variance of {@link #linear} for independent values of variance {@code var}: squared weights. */
    static void linearVariance(double[] x, double[] var, double[] at, double[] out) {
        int j = 0, n = x.length;
        for (int i = 0; i < at.length; i++) {
            double v = at[i];
            while (j < n - 2 && x[j + 1] < v) j++;
            double t = (v - x[j]) / (x[j + 1] - x[j]);
            out[i] = (1 - t) * (1 - t) * var[j] + t * t * var[j + 1];
        }
    }

    static void linear(double[] x, double[] y, double[] at, double[] out) {
        int j = 0, n = x.length;
        for (int i = 0; i < at.length; i++) {
            double v = at[i];
            while (j < n - 2 && x[j + 1] < v) j++;
            out[i] = y[j] + (y[j + 1] - y[j]) * (v - x[j]) / (x[j + 1] - x[j]);
        }
    }
}
