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
        int points = excitation.length;
        if (points == 0) throw EdgeworksException.of(name, "no excitation point");
        if (spectra.length != points)
            throw EdgeworksException.of(name, excitation.length + " excitation energies but " + spectra.length + " spectra");
        checkLength(name, "I0", i0, points);
        checkLength(name, "count_time", countTime, points);
        List<String> notes = new ArrayList<>();
        double[][] normalised = new double[points][];
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
        }
        EnergyGrid.Clean em = EnergyGrid.clean(name + " emission axis", emission, normalised);
        for (String s : em.notes()) notes.add("emission axis: " + s);
        double[] e = em.energy();
        if (e.length < 2) throw EdgeworksException.of(name, "emission axis has fewer than 2 distinct energies");
        double st = step > 0 ? step : MapMath.medianStep(e);
        double[] grid = MapMath.uniform(e[0], e[e.length - 1], st);
        double[][] columns = new double[grid.length][points];
        for (int p = 0; p < points; p++) {
            double[] row = em.column(p);
            for (int j = 0; j < grid.length; j++) columns[j][p] = MapMath.interpolate(e, row, grid[j]);
        }
        notes.add("spectra divided by I0 x count_time and interpolated onto " + grid.length + " emission points, step "
            + MapMath.fmt(st) + " eV");
        EnergyGrid.Clean ex = EnergyGrid.clean(name + " excitation axis", excitation, columns);
        for (String s : ex.notes()) notes.add("excitation axis: " + s);
        double[] exAxis = ex.energy();
        double[] data = new double[exAxis.length * grid.length];
        for (int j = 0; j < grid.length; j++) {
            double[] col = ex.column(j);
            for (int i = 0; i < exAxis.length; i++) data[i * grid.length + j] = col[i];
        }
        return new Assembled(RixsMap.of(name, exAxis, grid, data), notes);
    }

    static void checkLength(String name, String what, double[] a, int n) throws EdgeworksException {
        if (a != null && a.length != n)
            throw EdgeworksException.of(name, what + " has " + a.length + " values but there are " + n + " excitation points");
    }
}
