package org.edgeworks.xas;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Which normalisation the norm array carries. */
public enum Normalization implements XasEnum {
    /** (mu - pre) / edge step, the Athena/Larch convention. */
    EDGE_STEP,
    /** (mu - pre) divided by its mean over the post-pre2 range (unit mean area per eV). */
    AREA,
    /** (mu - min) / (max - min). */
    MIN_MAX,
    /** mu unchanged. */
    NONE;

    @JsonCreator public static Normalization parse(String s) { return XasEnum.parse(Normalization.class, s, "normalization"); }
}
