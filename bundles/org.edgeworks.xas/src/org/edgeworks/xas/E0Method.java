package org.edgeworks.xas;

import com.fasterxml.jackson.annotation.JsonCreator;

/** How E0 is found. */
public enum E0Method implements XasEnum {
    /**
     * Maximum of dmu/dE. Normalisation: Larch find_e0's grid point (Larch 0.9.58, the default, so
     * parity holds); calibration, alignment and valence: the maximum of the cubic spline's
     * derivative between grid points ({@link EdgeFinder}).
     */
    DERIVATIVE,
    /** Larch 0.9.58's grid point of the largest dmu/dE everywhere (calibration and valence as before). */
    GRID,
    /** Maximum of the derivative of the Gaussian-smoothed spectrum (sigma = two grid steps), between grid points. */
    SMOOTHED_DERIVATIVE,
    /** Where the normalised spectrum first reaches 0.5 near the derivative E0 (interpolated). */
    HALF_STEP,
    /** Zero crossing of d2mu/dE2 at the derivative maximum (interpolated). */
    SECOND_DERIVATIVE,
    /** Given by the user. */
    FIXED;

    @JsonCreator public static E0Method parse(String s) { return XasEnum.parse(E0Method.class, s, "e0Method"); }
}
