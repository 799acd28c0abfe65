package org.edgeworks.core.data;

/**
 * The one place that decides the unit of an energy axis a detector reads, and the one keV -> eV
 * conversion ({@link #toEv}, used by {@link Channel} for ENERGY and EMISSION_AXIS channels and by
 * {@link Axis}). A declared unit wins (eV, or keV converted to eV). Where none is declared, one
 * documented heuristic: an axis whose finite values are all above 0 and below
 * {@link #KEV_BELOW} eV is keV (no X-ray absorption edge Edgeworks treats lies below 100 eV, and
 * no keV energy lies above 100 keV here); the decision comes with a note the detector puts into the
 * scan's metadata ({@code note.energy}), so it is reported, never silent. See
 * docs/science.md#units.
 */
public final class EnergyUnits {
    private EnergyUnits() {}

    /** Undeclared energies whose finite values all lie in (0, KEV_BELOW) are keV. */
    public static final double KEV_BELOW = 100.0;

    /**
     * The unit of an energy axis and what to report.
     *
     * @param unit  eV or keV (never NONE)
     * @param note  one line for the scan's metadata when the unit was guessed, else null
     */
    public record Decision(Unit unit, String note) {}

    /**
     * The unit of the energy axis {@code name} whose declared unit is {@code declared} (NONE or a
     * non-energy unit when the file says nothing usable) and whose values are {@code values}.
     */
    public static Decision decide(String name, Unit declared, double[] values) {
        if (declared != null && declared.isEnergy()) return new Decision(declared, null);
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) if (Double.isFinite(v)) max = Math.max(max, v);
        boolean kev = max > 0 && max < KEV_BELOW;
        String note = "energy '" + name + "' has no unit; " + (kev
            ? "all values are below " + (int) KEV_BELOW + ": read as keV and converted to eV"
            : "values reach " + (int) KEV_BELOW + " or more: read as eV");
        return new Decision(kev ? Unit.KEV : Unit.EV, note);
    }

    /**
     * Energies in the declared {@code unit} as eV: keV values are multiplied by 1000 in place; any
     * other unit leaves them as they are. Returns {@code values}.
     */
    public static double[] toEv(Unit unit, double[] values) {
        if (unit == Unit.KEV) for (int i = 0; i < values.length; i++) values[i] *= 1000.0;
        return values;
    }
}
