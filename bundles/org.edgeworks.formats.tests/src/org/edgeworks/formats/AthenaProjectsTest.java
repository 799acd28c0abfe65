package org.edgeworks.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.ChannelRole;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.core.detector.Detector;
import org.edgeworks.core.detector.DetectorRegistry;
import org.edgeworks.xas.NormalizeProcessor;
import org.edgeworks.xas.StoredNormalization;
import org.edgeworks.testsupport.DatasetAsserts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The five real Athena projects of shared/data/athena (32 groups) against the independent peer
 * (shared/data/peers/athena_peers.py: its own parser + Larch 0.9.58 pre_edge with the stored
 * parameters): every group listed with its label and points, its energy (@x + bkg_eshift) and mu
 * equal to the peer's CSV (10 significant digits), and the normalisation with the stored
 * parameters (no option given) equal to Larch's: e0, edge step, norm and flat.
 */
class AthenaProjectsTest {
    static final List<String> PROJECTS = List.of("Mn", "Mn_all", "Copper", "Fe", "AgAu_merged");

    static JsonNode groups(String project) throws IOException {
        return new ObjectMapper().readTree(Shared.DATA.resolve("peers/athena/" + project + ".groups.json").toFile());
    }

    static Stream<Arguments> everyGroup() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (String p : PROJECTS)
            for (Iterator<String> it = groups(p).get("groups").fieldNames(); it.hasNext();) out.add(Arguments.of(p, it.next()));
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("org.edgeworks.formats.AthenaProjectsTest#projects")
    void everyGroupIsListedInOrder(String project) throws Exception {
        Path prj = Shared.DATA.resolve("athena/" + project + ".prj");
        JsonNode g = groups(project).get("groups");
        List<Detector.ScanEntry> scans = DetectorRegistry.load().scans(prj);
        List<String> expected = new ArrayList<>();
        g.fieldNames().forEachRemaining(expected::add);
        assertEquals(expected, scans.stream().map(Detector.ScanEntry::id).toList());
        for (Detector.ScanEntry e : scans) assertTrue(e.usable(), e.id() + " is mu(E)");
    }

    static List<String> projects() { return PROJECTS; }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyGroup")
    void groupEqualsThePeer(String project, String key) throws Exception {
        Path prj = Shared.DATA.resolve("athena/" + project + ".prj");
        JsonNode peer = groups(project).get("groups").get(key);
        Scan s = DetectorRegistry.load().read(prj, key);
        double[] e = s.require(ChannelRole.ENERGY).readDoubles("e");
        double[] mu = s.require(ChannelRole.MU).readDoubles("mu");
        Map<String, double[]> csv = csv(Shared.DATA.resolve("peers/athena/" + peer.get("csv").asText()));
        assertEquals(peer.get("npts").asInt(), e.length, "points");
        assertClose(csv.get("energy"), e, 1e-9, "energy = @x + bkg_eshift");
        assertClose(csv.get("mu"), mu, 1e-9, "mu");
        JsonNode stored = peer.get("stored");
        assertEquals(stored.get("bkg_e0").asDouble(), Double.parseDouble(s.metadata().get("stored.e0")), 0, "bkg_e0 as stored");
        JsonNode larch = peer.get("larch");
        assertEquals(larch.get("call").get("nnorm").asInt(), Integer.parseInt(s.metadata().get("stored.nnorm")), "nnorm = bkg_nnorm - 1");
        NormalizeProcessor.Params p = StoredNormalization.of(key, s.metadata()).orElseThrow();
        NormalizeProcessor.Normalized n = new NormalizeProcessor().apply(Spectrum.of(key, e, mu), p).value();
        assertEquals(larch.get("e0").asDouble(), n.e0(), 1e-9, "e0 (Larch moves it to the grid)");
        assertEquals(larch.get("edge_step").asDouble(), n.edgeStep(), 1e-6 * Math.abs(larch.get("edge_step").asDouble()), "edge step");
        assertEquals(larch.get("norm1").asDouble(), n.norm1(), 1e-9, "norm1");
        assertEquals(larch.get("norm2").asDouble(), n.norm2(), 1e-9, "norm2");
        assertClose(csv.get("larch_norm"), n.norm(), 1e-6, "norm");
        assertClose(csv.get("larch_flat"), n.flat(), 1e-6, "flat");
    }

    @Test
    void projectWithSeveralGroupsIsNeverReadAsOneSilently() {
        Path prj = Shared.DATA.resolve("athena/Fe.prj");
        EdgeworksException e = assertThrows(EdgeworksException.class, () -> DetectorRegistry.load().read(prj));
        assertTrue(e.getMessage().startsWith(prj + ": holds 5 groups (Fe foil, Ferrihydrite, Goerthite, Hematite, Lepidocrocite)"), e.getMessage());
    }

    @Test
    void truncatedProjectIsOneLine(@TempDir Path dir) throws Exception {
        byte[] text;
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(Shared.DATA.resolve("athena/Copper.prj")))) {
            text = in.readAllBytes();
        }
        String s = new String(text, java.nio.charset.StandardCharsets.ISO_8859_1);
        Path cut = dir.resolve("cut.prj");
        Files.writeString(cut, s.substring(0, s.indexOf("[record]")), java.nio.charset.StandardCharsets.ISO_8859_1);
        EdgeworksException e = assertThrows(EdgeworksException.class, () -> DetectorRegistry.load().scans(cut));
        assertTrue(e.getMessage().startsWith(cut + ": group 'xsypw': the file ends before"), e.getMessage());
        Path json = dir.resolve("larch.prj");
        Files.writeString(json, "{\"_____header1\": \"# Athena project file -- Larch\"}");
        assertThrows(EdgeworksException.class, () -> DetectorRegistry.load().scans(json));
    }

    static Map<String, double[]> csv(Path f) throws IOException {
        List<String> lines = Files.readAllLines(f);
        String[] names = lines.get(0).split(",");
        Map<String, double[]> out = new java.util.LinkedHashMap<>();
        for (int c = 0; c < names.length; c++) {
            double[] v = new double[lines.size() - 1];
            for (int r = 1; r < lines.size(); r++) v[r - 1] = Double.parseDouble(lines.get(r).split(",")[c]);
            out.put(names[c], v);
        }
        return out;
    }

    /** Relative to the array's scale (max |expected|), as the peers' 10 significant digits allow. */
    static void assertClose(double[] expected, double[] actual, double rel, String what) {
        DatasetAsserts.assertCloseToScale(expected, actual, rel, what);
    }
}
