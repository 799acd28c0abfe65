package org.edgeworks.xas;

import com.fasterxml.jackson.annotation.JsonCreator;

/** How mu(E) is made from raw channels (docs/science.md#xas-mu). */
public enum MuMode implements XasEnum {
    /** ln(I0 / It). */
    TRANSMISSION,
    /** If / I0 (If dead-time corrected by ICR/OCR when both are given). */
    FLUORESCENCE,
    /** Electron yield: I / I0. */
    YIELD;

    @JsonCreator public static MuMode parse(String s) { return XasEnum.parse(MuMode.class, s, "mode"); }
}
