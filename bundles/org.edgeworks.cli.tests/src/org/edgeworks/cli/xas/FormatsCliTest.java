package org.edgeworks.cli.xas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.edgeworks.cli.CliRun;
import org.edgeworks.cli.Main;
import org.edgeworks.core.processing.Parameters;
import org.edgeworks.testsupport.Python;
import org.edgeworks.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The files users already have, on the command line: the two shared cases with their right values
 * (../shared/cases: Larch 0.9.58 pre_edge on each SPEC scan's ln(I0/IT); the Cu foil XDI with an
 * angle abscissa), `info` listings, Athena groups normalised with their stored parameters (values
 * of peers/athena/Fe.groups.json, Larch with the stored parameters), and `xas export --athena`.
 */
class FormatsCliTest {
    static final Path DATA = SharedData.dir();
    static final Path CASES = DATA.resolveSibling("cases");
    @TempDir Path dir;

    static CliRun run(String... args) { return CliRun.of(args); }

    static JsonNode json(Path p) throws Exception { return Parameters.json().readTree(p.toFile()); }

    @Test
    void specTwoScansNoChoiceProcessesBothEachNamedFileHashN() throws Exception {
        Path spec = CASES.resolve("spec-two-scans/spec_two_scans.spec");
        CliRun r = run("xas", "normalize", spec.toString(), "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode a = json(dir.resolve("spec_two_scans#1.json")), b = json(dir.resolve("spec_two_scans#2.json"));
        assertEquals(7104.9984, a.get("e0").asDouble(), 1e-4);
        assertEquals(2.82662, a.get("edge_step").asDouble(), 1e-3 * 2.82662);
        assertEquals(2.82637, b.get("edge_step").asDouble(), 1e-3 * 2.82637);
        Path only = dir.resolve("only");
        r = run("xas", "normalize", spec.toString(), "--scan", "2", "--out", only.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(only.resolve("spec_two_scans#2.json")));
        assertFalse(Files.exists(only.resolve("spec_two_scans#1.json")), "--scan 2 processes scan 2 only");
        r = run("xas", "normalize", spec.toString(), "--scan", "7", "--out", only.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().trim().startsWith("edgeworks: " + spec + ": 7: no such scan"), r.err());
        assertEquals(1, r.err().trim().lines().count());
    }

    @Test
    void infoListsScansAndGroups() {
        CliRun r = run("info", CASES.resolve("spec-two-scans/spec_two_scans.spec").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("scans: 2"), r.out());
        assertTrue(r.out().contains("  1  points=511  ascan  Mono Energy"), r.out());
        assertTrue(r.out().contains("  2  points=511"), r.out());
        assertFalse(r.out().contains("6911.98862 41410.4000"), "data rows are not header lines");
        r = run("info", DATA.resolve("athena/Fe.prj").toString());
        assertEquals(0, r.code(), r.err());
        for (String g : new String[] {"Fe foil", "Ferrihydrite", "Goerthite", "Hematite", "Lepidocrocite"})
            assertTrue(r.out().contains("  " + g + "  points="), g + " in\n" + r.out());
    }

    @Test
    void xdiAngleAbscissaGivesTheCopperEdge() throws Exception {
        CliRun r = run("xas", "normalize", CASES.resolve("xdi-angle-abscissa/cu_angle_deg.xdi").toString(), "--mu", "mutrans", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = json(dir.resolve("cu_angle_deg.json"));
        assertEquals(8980.5, j.get("e0").asDouble(), 0.5);
        assertEquals(2.83723, j.get("edge_step").asDouble(), 2e-3 * 2.83723);
        assertTrue(j.get("provenance").get("notes").toString().contains("Mono.d_spacing"), "the conversion is noted: " + j.get("provenance"));
    }

    @Test
    void athenaGroupsUseTheirStoredParametersAndExportReadsBack() throws Exception {
        Path prj = DATA.resolve("athena/Fe.prj");
        JsonNode peer = Parameters.json().readTree(DATA.resolve("peers/athena/Fe.groups.json").toFile()).get("groups");
        CliRun r = run("xas", "normalize", prj.toString(), "--group", "Fe foil", "--group", "Hematite", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        for (String[] g : new String[][] {{"Fe foil", "Fe#Fe_foil"}, {"Hematite", "Fe#Hematite"}}) {
            JsonNode j = json(dir.resolve(g[1] + ".json")), l = peer.get(g[0]).get("larch");
            assertEquals("file", j.get("parameters_from").asText());
            assertEquals(l.get("e0").asDouble(), j.get("e0").asDouble(), 1e-9, g[0]);
            assertEquals(l.get("edge_step").asDouble(), j.get("edge_step").asDouble(), 1e-6 * l.get("edge_step").asDouble(), g[0]);
            assertEquals(l.get("nnorm").asInt(), j.get("nnorm").asInt(), g[0]);
        }
        assertFalse(Files.exists(dir.resolve("Fe#Goerthite.json")), "--group chooses");
        // an option overrides the stored parameters
        Path opt = dir.resolve("opt");
        r = run("xas", "normalize", prj.toString(), "--group", "Hematite", "--nnorm", "1", "--out", opt.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("options", json(opt.resolve("Fe#Hematite.json")).get("parameters_from").asText());
        // export the five groups to a new project and read it back: same groups, stored parameters kept
        Path back = dir.resolve("back.prj");
        r = run("xas", "export", prj.toString(), "--athena", back.toString());
        assertEquals(0, r.code(), r.err());
        r = run("info", back.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("scans: 5"), r.out());
        Path again = dir.resolve("again");
        r = run("xas", "normalize", back.toString(), "--group", "Fe#Hematite", "--out", again.toString());
        // the group label Fe#Hematite (FILE#GROUP of the first run) keeps its #
        assertEquals(0, r.code(), r.err());
        JsonNode j = json(again.resolve("back#Fe#Hematite.json")), l = peer.get("Hematite").get("larch");
        assertEquals(l.get("edge_step").asDouble(), j.get("edge_step").asDouble(), 1e-6 * l.get("edge_step").asDouble(), "fixed step kept");
        assertEquals(l.get("e0").asDouble(), j.get("e0").asDouble(), 1e-9);
    }

    @Test
    void demoOpensTheBundledAthenaProject() throws Exception {
        Path samples = SharedData.samples();
        StringWriter log = new StringWriter();
        new AthenaDemo().run(samples, dir, new PrintWriter(log, true));
        assertTrue(log.toString().contains("scans: 8"), log.toString());
        // Mn3O4: e-shift +19.1 eV applied, stored E0 kept; the values of peers/athena/Mn.groups.json (Larch, stored parameters)
        JsonNode peer = Parameters.json().readTree(DATA.resolve("peers/athena/Mn.groups.json").toFile()).get("groups").get("Mn3O4").get("larch");
        JsonNode j = json(dir.resolve("normalize/Mn#Mn3O4.json"));
        assertEquals(peer.get("e0").asDouble(), j.get("e0").asDouble(), 1e-9);
        assertEquals(peer.get("edge_step").asDouble(), j.get("edge_step").asDouble(), 1e-6 * peer.get("edge_step").asDouble());
        assertTrue(Files.isRegularFile(dir.resolve("Mn_edgeworks.prj")));
        assertTrue(Files.isRegularFile(dir.resolve("xdi/Mn#Mn3O4.xdi")));
    }

    @Test
    void multiElementGlobSumsTheDeadTimeCorrectedElements() throws Exception {
        // GSECARS 7-element SDD: the dead-time corrected sum over I0 is the peers' mu (Sum_Fe_Ka / I0, Larch pre_edge defaults)
        Path f = DATA.resolve("xanes/fe_k/fexanes_a.001");
        CliRun r = run("xas", "normalize", f.toString(), "--mode", "fluorescence", "--i0", "I0", "--if", "Fe_Ka_mca*", "--dt", "DTFactor_mca*",
            "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = json(dir.resolve("fexanes_a.001.json"));
        JsonNode larch = Parameters.json().readTree(DATA.resolve("peers/larch_pre_edge.json").toFile()).get("fe_xanes_a");
        assertEquals(larch.get("e0").asDouble(), j.get("e0").asDouble(), 1e-9);
        assertEquals(larch.get("edge_step").asDouble(), j.get("edge_step").asDouble(), 1e-5 * larch.get("edge_step").asDouble());
        assertTrue(j.get("provenance").get("notes").toString().contains("summed 7 of 7 elements"), j.get("provenance").toString());
        // a list with one element excluded by name
        Path ex = dir.resolve("ex");
        r = run("xas", "normalize", f.toString(), "--mode", "fluorescence", "--i0", "I0", "--if", "Fe_Ka_mca1,Fe_Ka_mca2,Fe_Ka_mca3",
            "--dt", "DTFactor_mca*", "--exclude", "Fe_Ka_mca2", "--out", ex.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(json(ex.resolve("fexanes_a.001.json")).get("provenance").get("notes").toString().contains("element Fe_Ka_mca2 not summed: excluded by name"));
        r = run("xas", "normalize", f.toString(), "--mode", "fluorescence", "--i0", "I0", "--if", "Nope_*", "--out", ex.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("--if 'Nope_*' matches no channel"), r.err());
    }

    /**
     * Raw counters exported as NXxas are read back by Edgeworks (the NXxas detector: same energy,
     * I0 and It as the XDI columns) and by h5py + silx (/usr/bin/python3): every field the NXxas
     * application definition requires is there and /entry/data is valid NXdata.
     */
    @Test
    void rawScanExportedAsNxxasOpensEverywhere() throws Exception {
        Path xdi = DATA.resolve("xanes/cu_k/cu_metal_rt.xdi");
        CliRun r = run("xas", "export", xdi.toString(), "--nxxas", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        Path nx = dir.resolve("cu_metal_rt.nxxas.nxs");
        var reg = org.edgeworks.core.detector.DetectorRegistry.load();
        var back = reg.read(nx);
        var orig = reg.read(xdi);
        for (var role : new org.edgeworks.core.data.ChannelRole[] {org.edgeworks.core.data.ChannelRole.ENERGY,
            org.edgeworks.core.data.ChannelRole.I0, org.edgeworks.core.data.ChannelRole.IT})
            org.junit.jupiter.api.Assertions.assertArrayEquals(orig.require(role).readDoubles("x"), back.require(role).readDoubles("n"), 0, role.toString());
        String script = String.join("\n",
            "import sys, h5py",
            "from silx.io.nxdata import is_valid_nxdata",
            "e = h5py.File(sys.argv[1], 'r')['entry']",
            "need = ('title', 'start_time', 'definition', 'instrument/source/type', 'instrument/source/name', 'instrument/source/probe',",
            "  'instrument/monochromator/energy', 'instrument/incoming_beam/data', 'instrument/absorbed_beam/data', 'sample/name',",
            "  'monitor/mode', 'monitor/preset', 'monitor/data', 'data/energy', 'data/absorbed_beam')",
            "missing = [p for p in need if p not in e]",
            "assert not missing, missing",
            "d = e['definition'][()]",
            "assert (d.decode() if isinstance(d, bytes) else d) == 'NXxas'",
            "assert is_valid_nxdata(e['data'])",
            "print('ok', len(e['data/energy']))");
        String out = Python.run(script, nx.toString());
        assertTrue(out.startsWith("ok "), out);
    }

    /**
     * A numeric COL is the file's zero-based column (data README: in sxr129598.asc 3 = calculated
     * photon energy, 12 = TEY sample drain, 13 = I0), not a position in the channel list (the
     * mda2ascii Index column is no channel): it gives Larch's O K-edge (peers/larch_pre_edge.json
     * oK_sxr129598_tey), and info prints the same numbers next to the labels that mean the same.
     */
    @Test
    void numericColumnsAreTheFilesZeroBasedColumnsAsInfoPrintsThem() throws Exception {
        Path asc = DATA.resolve("soft_xray/sxr129598.asc");
        JsonNode peer = json(DATA.resolve("peers/larch_pre_edge.json")).get("oK_sxr129598_tey");
        CliRun r = run("xas", "normalize", asc.toString(), "--energy", "3", "--mode", "yield", "--if", "12", "--i0", "13", "--out", dir.resolve("n").toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = json(dir.resolve("n/sxr129598.json"));
        assertEquals(peer.get("e0").asDouble(), j.get("e0").asDouble(), 0.01);
        assertEquals(peer.get("edge_step").asDouble(), j.get("edge_step").asDouble(), 1e-3 * peer.get("edge_step").asDouble());

        CliRun info = run("info", asc.toString());
        assertEquals(0, info.code(), info.err());
        java.util.Map<Integer, String> byColumn = new java.util.HashMap<>();
        var line = java.util.regex.Pattern.compile("^  \\[(\\d+)\\] (\\S+)  role=.*from column (\\d+) .*$");
        for (String l : info.out().lines().toList()) {
            var m = line.matcher(l);
            if (m.matches()) {
                assertEquals(m.group(1), m.group(3), "one numbering in " + l);
                byColumn.put(Integer.parseInt(m.group(1)), m.group(2));
            }
        }
        assertFalse(byColumn.containsKey(0), "column 0 is the Index, no channel:\n" + info.out());
        r = run("xas", "normalize", asc.toString(), "--energy", byColumn.get(3), "--mode", "yield", "--if", byColumn.get(12), "--i0", byColumn.get(13),
            "--out", dir.resolve("l").toString());
        assertEquals(0, r.code(), r.err());
        JsonNode byLabel = json(dir.resolve("l/sxr129598.json"));
        assertEquals(j.get("e0").asDouble(), byLabel.get("e0").asDouble(), 0.0);
        assertEquals(j.get("edge_step").asDouble(), byLabel.get("edge_step").asDouble(), 0.0);

        r = run("xas", "normalize", asc.toString(), "--energy", "0", "--mode", "yield", "--if", "12", "--i0", "13", "--out", dir.resolve("x").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().trim().startsWith("edgeworks: " + asc + ": column 0 is not a data channel"), r.err());
        assertEquals(1, r.err().trim().lines().count());
    }
}
