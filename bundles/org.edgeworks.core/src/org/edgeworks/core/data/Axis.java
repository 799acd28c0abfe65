package org.edgeworks.core.data;

import java.util.Arrays;

import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DoubleDataset;

/**
 * An immutable 1-D axis: values plus unit. Energy axes are always held in eV: {@link #of}
 * converts keV on construction so no processor ever sees keV.
 */
public final class Axis {
    private final String name;
    private final Unit unit;
    private final double[] values;

    private Axis(String name, Unit unit, double[] values) {
        this.name = name;
        this.unit = unit;
        this.values = values;
    }

    /** Makes an axis, converting keV to eV. The array is copied. */
    public static Axis of(String name, Unit unit, double[] values) {
        double[] v = values.clone();
        Unit u = unit == null ? Unit.NONE : unit;
        if (u == Unit.KEV) {
            EnergyUnits.toEv(u, v);
            u = Unit.EV;
        }
        return new Axis(name, u, v);
    }

    public static Axis energy(double[] eV) { return of("energy", Unit.EV, eV); }

    public String name() { return name; }
    public Unit unit() { return unit; }
    public int size() { return values.length; }
    public double get(int i) { return values[i]; }
    /** A copy of the values. */
    public double[] values() { return values.clone(); }
    /** The values as a January dataset (a copy). */
    public DoubleDataset dataset() { return DatasetFactory.createFromObject(DoubleDataset.class, values.clone()); }

    public double min() { return Arrays.stream(values).filter(Double::isFinite).min().orElse(Double.NaN); }
    public double max() { return Arrays.stream(values).filter(Double::isFinite).max().orElse(Double.NaN); }

    @Override public String toString() { return name + " [" + size() + " " + unit.symbol() + "]"; }
}
