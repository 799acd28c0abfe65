package org.edgeworks.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.edgeworks.core.data.ChannelRole;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.detector.Detector;
import org.edgeworks.core.detector.DetectorRegistry;
import org.edgeworks.detector.ascii.ColumnFile;
import org.edgeworks.xas.NormalizeProcessor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The multi-scan SPEC files of shared/data/spec (made by peers/make_spec.py from Balder foil
 * scans): every scan listed with its points and the aborted one marked as scans.json says; each
 * scan's columns equal the plain per-scan file; mu = ln((ch1+ch2)/(ch3+ch4)) normalised with
 * Larch's defaults gives the e0 and edge step Larch found (scans.json larch_pre_edge_defaults).
 */
class SpecFilesTest {
    @ParameterizedTest
    @ValueSource(strings = {"cu_foil_balder", "fe_foil_balder"})
    void everyScanAsTheManifestSays(String name) throws Exception {
        Path spec = Shared.DATA.resolve("spec/" + name + ".spec");
        JsonNode manifest = new ObjectMapper().readTree(Shared.DATA.resolve("spec/" + name + ".scans.json").toFile());
        DetectorRegistry reg = DetectorRegistry.load();
        List<Detector.ScanEntry> scans = reg.scans(spec);
        assertEquals(manifest.get("scans").size(), scans.size());
        for (int k = 0; k < scans.size(); k++) {
            JsonNode m = manifest.get("scans").get(k);
            Detector.ScanEntry e = scans.get(k);
            assertEquals(m.get("scan").asText(), e.id());
            assertEquals(m.get("npts").asInt(), e.points(), "scan " + e.id() + " points");
            assertEquals(!m.get("aborted").asBoolean(), e.usable(), "scan " + e.id() + " usable");
            Scan s = reg.read(spec, e.id());
            ColumnFile plain = ColumnFile.read(Shared.DATA.resolve("spec/" + m.get("plain_file").asText()));
            double[] energy = s.require(ChannelRole.ENERGY).readDoubles("e");
            assertArrayEquals(plain.columns()[1], energy, 0.0, "energy column = plain file");
            if (!m.has("larch_pre_edge_defaults")) continue;
            JsonNode l = m.get("larch_pre_edge_defaults");
            NormalizeProcessor.Normalized n = Shared.larchDefaults(Shared.transmission(s));
            assertEquals(l.get("e0").asDouble(), n.e0(), 1e-6, "scan " + e.id() + " e0");
            assertEquals(l.get("edge_step").asDouble(), n.edgeStep(), 1e-6 * l.get("edge_step").asDouble(), "scan " + e.id() + " edge step");
        }
    }
}
