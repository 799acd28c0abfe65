package org.edgeworks.xas;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Which normalisation the norm array carries. */
public enum Normalization implements XasEnum {
    /** (mu - pre) / edge step, the Athena/Larch convention. */
    EDGE_STEP("edge-step"),
    /** (mu - pre) divided by its mean over the post-pre2 range (unit mean area per eV). */
    AREA("area"),
    /** (mu - min) / (max - min). */
    MIN_MAX("min-max"),
    /** mu unchanged. */
    NONE("none");

    private final String label;

    Normalization(String label) { this.label = label; }

    @JsonValue @Override public String label() { return label; }

    @JsonCreator public static Normalization parse(String s) { return XasEnum.parse(Normalization.class, s, "normalization"); }
}
