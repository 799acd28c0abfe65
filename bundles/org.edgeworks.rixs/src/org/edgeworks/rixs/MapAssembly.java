package org.edgeworks.rixs;

import java.util.ArrayList;
import java.util.List;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.EnergyGrid;
import org.edgeworks.core.data.RixsMap;

/**
 * The last steps shared by both map builders (raw images and already-reduced spectra):
 * divide each point's spectrum by I0 x counting time, put the emission axis in order
 * (EnergyGrid), interpolate every spectrum linearly onto one uniform emission axis, put the
 * excitation axis in order (sorted, repeated energies averaged) and make the RixsMap.
 */
public final class MapAssembly {
    private MapAssembly() {}

    public record Assembled(RixsMap map, List<String> notes) {}

    /**
     * @param spectra    spectra[point][channel], on the emission axis {@code emission} (one value per channel)
     * @param i0         per point, or null (1)
     * @param countTime  per point, or null (1)
     * @param step       emission step in eV; 0 = the median channel spacing
     */
    public static Assembled assemble(String name, double[] excitation, double[] emission, double[][] spectra,
                                     double[] i0, double[] countTime, double step) throws EdgeworksException {
        return assemble(name, excitation, emission, spectra, null, i0, countTime, step);
    }

    /**
     * The same with the variance of every spectrum value ({@code variances}, same shape, or null):
     * divided by (I0 x t)^2, carried through the linear interpolation with squared weights, and
     * averaged like the values where energies repeat (an upper bound: the mean of k independent
     * values has 1/k of that variance); the map then carries sigma = sqrt(variance) as its errors.
     */
    public static Assembled assemble(String name, double[] excitation, double[] emission, double[][] spectra, double[][] variances,
                                     double[] i0, double[] countTime, double step) throws EdgeworksException {
        int points = excitation.length;
        if (points == 0) throw EdgeworksException.of(name, "no excitation point");
        if (spectra.length != points)
            throw EdgeworksException.of(name, excitation.length + " excitation energies but " + spectra.length + " spectra");
        checkLength(name, "I0", i0, points);
        checkLength(name, "count_time", countTime, points);
        List<String> notes = new ArrayList<>();
        double[][] normalised = new double[points][];
        double[][] varianceRows = new double[points][];
        for (int p = 0; p < points; p++) {
            if (spectra[p].length != emission.length)
                throw EdgeworksException.of(name, "spectrum " + p + " has " + spectra[p].length + " channels, emission axis "
                    + emission.length);
            double n = (i0 == null ? 1 : i0[p]) * (countTime == null ? 1 : countTime[p]);
            if (!(n > 0) || !Double.isFinite(n))
                throw EdgeworksException.of(name, "I0 x count_time is " + n + " at point " + p + " (E_ex = "
                    + excitation[p] + " eV): cannot normalise");
            normalised[p] = new double[emission.length];
            for (int c = 0; c < emission.length; c++) normalised[p][c] = spectra[p][c] / n;
            if (variances != null) {
                double[] v = new double[emission.length];
                for (int c = 0; c < emission.length; c++) v[c] = variances[p][c] / (n * n);
                varianceRows[p] = v;
            }
        }
        double[][] all = normalised;
        if (variances != null) {
            all = java.util.Arrays.copyOf(normalised, 2 * points);
            System.arraycopy(varianceRows, 0, all, points, points);
        }
        EnergyGrid.Clean em = EnergyGrid.clean(name + " emission axis", emission, all);
        for (String s : em.notes()) notes.add("emission axis: " + s);
        double[] e = em.energy();
        if (e.length < 2) throw EdgeworksException.of(name, "emission axis has fewer than 2 distinct energies");
        double st = step > 0 ? step : MapMath.medianStep(e);
        double[] grid = MapMath.uniform(e[0], e[e.length - 1], st);
        int parts = variances == null ? 1 : 2;
        double[][] columns = new double[parts * grid.length][points];
        for (int p = 0; p < points; p++) {
            double[] row = em.column(p);
            for (int j = 0; j < grid.length; j++) columns[j][p] = MapMath.interpolate(e, row, grid[j]);
            if (variances != null) {
                double[] var = em.column(points + p);
                for (int j = 0; j < grid.length; j++) columns[grid.length + j][p] = MapMath.interpolateVariance(e, var, grid[j]);
            }
        }
        notes.add("spectra divided by I0 x count_time and interpolated onto " + grid.length + " emission points, step "
            + MapMath.fmt(st) + " eV");
        EnergyGrid.Clean ex = EnergyGrid.clean(name + " excitation axis", excitation, columns);
        for (String s : ex.notes()) notes.add("excitation axis: " + s);
        double[] exAxis = ex.energy();
        double[] data = new double[exAxis.length * grid.length];
        double[] errors = variances == null ? null : new double[data.length];
        for (int j = 0; j < grid.length; j++) {
            double[] col = ex.column(j);
            for (int i = 0; i < exAxis.length; i++) data[i * grid.length + j] = col[i];
            if (errors != null) {
                double[] var = ex.column(grid.length + j);
                for (int i = 0; i < exAxis.length; i++) errors[i * grid.length + j] = Math.sqrt(Math.max(0, var[i]));
            }
        }
        if (errors != null) notes.add("sigma per cell propagated from the counting statistics");
        return new Assembled(RixsMap.of(name, exAxis, grid, data, errors), notes);
    }

    static void checkLength(String name, String what, double[] a, int n) throws EdgeworksException {
        if (a != null && a.length != n)
            throw EdgeworksException.of(name, what + " has " + a.length + " values but there are " + n + " excitation points");
    }
}
