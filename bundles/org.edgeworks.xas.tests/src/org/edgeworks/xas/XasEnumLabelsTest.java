package org.edgeworks.xas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeworks.core.processing.Parameters;
import org.junit.jupiter.api.Test;

/**
 * Every enum of the bundle is written (JSON, command line, provenance) as the label users type, and
 * read back from it: the labels are the public contract of the pipeline JSON and the options, so
 * they are listed here by hand (in the constants' order), not derived.
 */
class XasEnumLabelsTest {
    @Test
    void labelsAreWrittenAndReadAsBefore() throws Exception {
        Map<Class<? extends Enum<?>>, String> labels = new LinkedHashMap<>();
        labels.put(E0Method.class, "derivative grid smoothed-derivative half-step second-derivative fixed");
        labels.put(MuMode.class, "transmission fluorescence yield");
        labels.put(Normalization.class, "edge-step area min-max none");
        labels.put(LEdgeProcessor.Scale.class, "post-edge l3-max");
        labels.put(PreEdgeProcessor.Baseline.class, "line+arctan line+erf spline");
        labels.put(LcfProcessor.Rank.class, "r_factor chi2");
        labels.put(ValenceProcessor.EdgeEnergy.class, "e0 half-height grid second-derivative smoothed-derivative");
        for (var l : labels.entrySet()) {
            Enum<?>[] constants = l.getKey().getEnumConstants();
            List<String> want = List.of(l.getValue().split(" "));
            assertEquals(want.size(), constants.length, l.getKey() + ": every constant listed");
            for (int k = 0; k < constants.length; k++) {
                Enum<?> c = constants[k];
                assertEquals(want.get(k), ((XasEnum) c).label(), c.name());
                assertEquals("\"" + want.get(k) + "\"", Parameters.json().writeValueAsString(c), c.name() + " as JSON");
                assertSame(c, Parameters.json().readValue("\"" + want.get(k) + "\"", l.getKey()), c.name() + " read back");
            }
        }
    }
}
