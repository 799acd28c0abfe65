package org.edgeworks.xas;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How mu(E) is made from raw channels (docs/science.md#xas-mu). */
public enum MuMode implements XasEnum {
    /** ln(I0 / It). */
    TRANSMISSION("transmission"),
    /** If / I0 (If dead-time corrected by ICR/OCR when both are given). */
    FLUORESCENCE("fluorescence"),
    /** Electron yield: I / I0. */
    YIELD("yield");

    private final String label;

    MuMode(String label) { this.label = label; }

    @JsonValue @Override public String label() { return label; }

    @JsonCreator public static MuMode parse(String s) { return XasEnum.parse(MuMode.class, s, "mode"); }
}
