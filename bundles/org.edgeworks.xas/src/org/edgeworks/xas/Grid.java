package org.edgeworks.xas;

import java.util.List;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.EnergyGrid;
import org.edgeworks.core.data.Spectrum;

/** A spectrum put in order by {@link EnergyGrid#clean} (the one way), with the notes it made. */
record Grid(String name, double[] energy, double[] signal, double[] uncertainty, List<String> notes) {

    static Grid of(Spectrum s, int minPoints) throws EdgeworksException {
        double[] e = s.energies(), y = s.signal(), u = s.uncertainty();
        if (tidy(e, y) && (u == null || tidy(e, u)) && s.size() >= minPoints) // clean would change nothing: skip its boxing and copies
            return new Grid(s.name(), e, y, u, List.of());
        EnergyGrid.Cleaned c = EnergyGrid.clean(s);
        Spectrum t = c.spectrum();
        if (t.size() < minPoints)
            throw EdgeworksException.of(s.name(), "energy: only " + t.size() + " usable points (at least " + minPoints + " needed)");
        return new Grid(s.name(), t.energies(), t.signal(), t.uncertainty(), c.notes());
    }

    int size() { return energy.length; }

    /** Strictly ascending energies, every value finite: EnergyGrid.clean would change nothing. */
    static boolean tidy(double[] e, double[] y) {
        for (int i = 0; i < e.length; i++) {
            if (!Double.isFinite(e[i]) || !Double.isFinite(y[i])) return false;
            if (i > 0 && !(e[i] > e[i - 1])) return false;
        }
        return true;
    }
}
