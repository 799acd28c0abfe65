package org.edgeworks.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeworks.core.processing.Parameters;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Result JSON: record properties in snake_case plus their former camelCase alias; map keys as given. */
class JsonOutTest {

    record Row(String name, double edgeEnergy, double valenceStderr) {}

    @Test
    void recordPropertiesAreSnakeCaseWithTheOldNameAsAliasAndMapKeysStay() throws Exception {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("slope_eV_per_valence", 1.5);
        doc.put("rows", List.of(new Row("MnO", 6544.5, 0.02)));
        doc.put("weights", Map.of("MnO", 0.25));
        doc.put("parameters", Map.of("e0Method", "derivative"));
        JsonNode j = Parameters.json().readTree(JsonOut.write(doc));
        JsonNode row = j.get("rows").get(0);
        assertEquals(6544.5, row.get("edge_energy").asDouble());
        assertEquals(6544.5, row.get("edgeEnergy").asDouble(), "alias for one release");
        assertEquals(0.02, row.get("valence_stderr").asDouble());
        assertEquals("MnO", row.get("name").asText());
        assertEquals(1.5, j.get("slope_eV_per_valence").asDouble());
        assertEquals(0.25, j.get("weights").get("MnO").asDouble());
        assertEquals("derivative", j.get("parameters").get("e0Method").asText());
        assertFalse(j.get("weights").has("mn_o"));
    }
}
