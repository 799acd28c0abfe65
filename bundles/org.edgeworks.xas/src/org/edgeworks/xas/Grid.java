package org.edgeworks.xas;

import java.util.List;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.EnergyGrid;
import org.edgeworks.core.data.Spectrum;

/** A spectrum put in order by {@link EnergyGrid#clean} (the one way), with the notes it made. */
record Grid(String name, double[] energy, double[] signal, double[] uncertainty, List<String> notes) {

    static Grid of(Spectrum s, int minPoints) throws EdgeworksException {
        EnergyGrid.Cleaned c = EnergyGrid.clean(s);
        Spectrum t = c.spectrum();
        if (t.size() < minPoints)
            throw EdgeworksException.of(s.name(), "energy: only " + t.size() + " usable points (at least " + minPoints + " needed)");
        return new Grid(s.name(), t.energies(), t.signal(), t.uncertainty(), c.notes());
    }

    int size() { return energy.length; }
}
