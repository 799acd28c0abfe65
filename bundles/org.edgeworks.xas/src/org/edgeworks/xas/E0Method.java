package org.edgeworks.xas;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How E0 is found. */
public enum E0Method implements XasEnum {
    /** Maximum of dmu/dE (Larch find_e0). */
    DERIVATIVE("derivative"),
    /** Where the normalised spectrum first reaches 0.5 near the derivative E0 (interpolated). */
    HALF_STEP("half-step"),
    /** Zero crossing of d2mu/dE2 at the derivative maximum (interpolated). */
    SECOND_DERIVATIVE("second-derivative"),
    /** Given by the user. */
    FIXED("fixed");

    private final String label;

    E0Method(String label) { this.label = label; }

    @JsonValue @Override public String label() { return label; }

    @JsonCreator public static E0Method parse(String s) { return XasEnum.parse(E0Method.class, s, "e0Method"); }
}
