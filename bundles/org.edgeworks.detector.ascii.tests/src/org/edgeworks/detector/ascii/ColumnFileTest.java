package org.edgeworks.detector.ascii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.ChannelRole;
import org.edgeworks.core.data.Scan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ColumnFileTest {
    static final Path DATA = Path.of(System.getProperty("edgeworks.shared.data", "../../../shared/data"));

    /** Every text spectrum in shared/data with the labels its energy and first signal columns must get. */
    static List<Object[]> files() {
        return List.of(
            new Object[] {"xanes/mn_k/MnO.dat", "energy_eV", "mu", 2},
            new Object[] {"xanes/mn_k/mn3o4.201", "energy", "mcs3", 5},
            new Object[] {"xanes/mn_k/mn.stan", "Energy", "I0", 5},
            new Object[] {"xanes/fe_k/fexanes_a.001", "Energy", null, 36},
            new Object[] {"xanes/fe_k/fe_xanes_8ch.xdi", "Energy", null, -1},
            new Object[] {"xanes/fe_k/feo_rt1.xdi", "energy", "mutrans", 3},
            new Object[] {"xanes/fe_k/fe2o3_rt1.xmu", "energy", "mu", 3},
            new Object[] {"xanes/fe_k/fe.060", "Energy", "I0", 3},
            new Object[] {"xanes/cu_k/cu_metal_rt.xdi", "energy", "i0", 4},
            new Object[] {"xanes/cu_k/cu_10k.xmu", null, null, 2},
            new Object[] {"xanes/other_k/ni_metal_rt.xdi", "energy", "mutrans", 3},
            new Object[] {"xanes/other_k/znse_zn_xafs.001", "Energy", "I0", 4},
            new Object[] {"xanes/ru_k/RU0074.DAT", null, null, 3},
            new Object[] {"xanes/ru_k/CE0074.DAT", null, null, 3},
            new Object[] {"xanes/foils_balder/Cu-foil_EXAFS_23068.dat", "mono1_energy_acs", "albaem02_ti", 8},
            new Object[] {"xanes/deglitch/uhup.003", "energy", "joerger_timer", 6},
            new Object[] {"xanes/deglitch/ZT20.000", null, null, -1},
            new Object[] {"xanes/lcf/cu-ref-mix.res", "E", "cu-foil_ave1", -1},
            new Object[] {"soft_xray/sxr129598.asc", null, null, -1},
            new Object[] {"tender_mca/MEX2_5641_processed.xdi", "energy", "bragg", 10},
            new Object[] {"rixs/herfd_pilatus/example.001", "energy", "time", 12});
    }

    @ParameterizedTest
    @MethodSource("files")
    void everySharedTextFileLoadsWithNamedChannels(String rel, String energyLabel, String secondLabel, int ncols) throws Exception {
        Path f = DATA.resolve(rel);
        byte[] before = Files.readAllBytes(f);
        Scan s = new ColumnFileDetector().read(f);
        assertTrue(Files.exists(f));
        org.junit.jupiter.api.Assertions.assertArrayEquals(before, Files.readAllBytes(f), "raw file unchanged");
        if (ncols > 0) assertEquals(ncols, s.channels().size(), rel + " columns " + s.channels().keySet());
        var energy = s.require(ChannelRole.ENERGY);
        if (energyLabel != null) assertEquals(energyLabel, energy.name(), rel);
        if (secondLabel != null) assertTrue(s.channels().containsKey(secondLabel), rel + " has " + s.channels().keySet());
        double[] e = energy.readDoubles(rel);
        assertTrue(e.length > 10, rel);
        assertTrue(e[e.length / 2] > 200 && e[e.length / 2] < 30000, rel + " energy in eV: " + e[e.length / 2]);
    }

    @Test
    void xdiFieldsAndUnitsAreRead() throws Exception {
        Scan s = new ColumnFileDetector().read(DATA.resolve("xanes/cu_k/cu_metal_rt.xdi"));
        assertEquals("XDI", s.metadata().get("format"));
        assertTrue(s.metadata().keySet().stream().anyMatch(k -> k.startsWith("Scan.edge")), s.metadata().keySet().toString());
    }

    @Test
    void malformedXdiHeaderNamesTheLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.xdi");
        Files.writeString(f, "# XDI/1.0\n# Column.1: energy eV\n# this line is not a field\n# ///\n#----\n# energy mu\n1 2\n3 4\n");
        EdgeworksException e = assertThrows(EdgeworksException.class, () -> new ColumnFileDetector().read(f));
        assertTrue(e.getMessage().startsWith(f + ": line 3: malformed XDI header field"), e.getMessage());
    }

    @Test
    void raggedColumnsAreAnError(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("ragged.dat");
        Files.writeString(f, "# energy i0 it\n1 2 3\n2 3 4\n3 4\n4 5 6\n");
        EdgeworksException e = assertThrows(EdgeworksException.class, () -> new ColumnFileDetector().read(f));
        assertTrue(e.getMessage().contains("line 4: has 2 columns, expected 3"), e.getMessage());
    }

    @Test
    void kevEnergiesAreConvertedAndNoted(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("kev.dat");
        Files.writeString(f, "# energy mu\n6.530 0.1\n6.540 0.5\n6.550 1.0\n");
        Scan s = new ColumnFileDetector().read(f);
        assertEquals(6540.0, s.require(ChannelRole.ENERGY).readDoubles("kev")[1], 1e-9);
        assertTrue(s.metadata().get("note.energy").contains("keV"));
    }

    @Test
    void blankLineInsideTheDataKeepsEveryRow() throws Exception {
        // fe.060 (XDAC) has a blank line mid-scan: all 511 rows, as Larch and xasload.py read them
        Scan s = new ColumnFileDetector().read(DATA.resolve("xanes/fe_k/fe.060"));
        assertEquals(511, s.require(ChannelRole.ENERGY).readDoubles("fe.060").length);
    }

    @Test
    void columnsByLabelAreUnique() throws Exception {
        ColumnFile cf = ColumnFile.parse(Path.of("x"), List.of("# a a b", "1 2 3", "4 5 6"));
        assertEquals(List.of("a", "a_2", "b"), cf.labels());
        assertEquals(Map.of("line.1", "# a a b"), cf.header());
    }

    /** Missing values are empty cells (Edgeworks' CSV writers, pandas): read as NaN, the row stays in the data block. */
    @Test
    void emptyCellsAreMissingValues() throws Exception {
        ColumnFile cf = ColumnFile.parse(Path.of("s.ipfy.csv"), List.of("energy,ipfy,pfy,tfy,norm", "640.0,2.5,,0.7,0.01",
            "640.5,2.6,,0.8,", "641.0,2.7,,0.9,0.03"));
        assertEquals(List.of("energy", "ipfy", "pfy", "tfy", "norm"), cf.labels());
        assertEquals(3, cf.rows());
        assertEquals(2.6, cf.columns()[1][1], 0);
        assertTrue(Double.isNaN(cf.columns()[2][0]) && Double.isNaN(cf.columns()[2][2]), "empty pfy column");
        assertTrue(Double.isNaN(cf.columns()[4][1]), "empty last cell");
        assertEquals(0.03, cf.columns()[4][2], 0);
        ColumnFile tabs = ColumnFile.parse(Path.of("t.tsv"), List.of("# e\ta\tb", "1\t\t3", "2\t5\t6"));
        assertEquals(2, tabs.rows());
        assertTrue(Double.isNaN(tabs.columns()[1][0]));
    }
}
