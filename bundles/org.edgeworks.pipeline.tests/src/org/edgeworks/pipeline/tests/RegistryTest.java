package org.edgeworks.pipeline.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.edgeworks.core.detector.DetectorRegistry;
import org.edgeworks.core.processing.Parameters;
import org.edgeworks.core.processing.Processor;
import org.edgeworks.core.registry.ProcessorRegistry;
import org.junit.jupiter.api.Test;

/** The registries as pipelines and the command line see them: one entry per id, parameters that survive JSON. */
class RegistryTest {

    @Test
    void everyProcessorIsRegisteredOnceAndItsDefaultsRoundTripThroughJson() throws Exception {
        Map<String, Processor<?, ?, ?>> all = ProcessorRegistry.load().all();
        assertFalse(all.isEmpty(), "processors are contributed through plugin.xml");
        assertTrue(all.keySet().stream().anyMatch(id -> id.startsWith("org.edgeworks.xas.")), all.keySet().toString());
        assertTrue(all.keySet().stream().anyMatch(id -> id.startsWith("org.edgeworks.rixs.")), all.keySet().toString());
        for (Processor<?, ?, ?> p : all.values()) roundTrip(p);
    }

    private static <P extends Record> void roundTrip(Processor<?, P, ?> p) throws Exception {
        P defaults = p.defaults();
        String json = Parameters.toJson(defaults);
        P back = Parameters.fromJson(Parameters.json().readTree(json), p.parameterType(), defaults, p.id());
        assertEquals(Parameters.toJson(defaults), Parameters.toJson(back), p.id());
        assertFalse(p.label().isBlank(), p.id());
        assertFalse(p.version().isBlank(), p.id());
    }

    @Test
    void detectorsIncludeTheTextAndNexusFallbacks() {
        var ids = DetectorRegistry.load().entries().stream().map(e -> e.detector().id()).toList();
        assertTrue(ids.contains("org.edgeworks.detector.ascii"), ids.toString());
        assertTrue(ids.contains("org.edgeworks.nexus.defaultplot"), ids.toString());
    }
}
