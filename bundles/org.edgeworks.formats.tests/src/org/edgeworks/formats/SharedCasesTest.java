package org.edgeworks.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.ChannelRole;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.core.detector.Detector;
import org.edgeworks.core.detector.DetectorRegistry;
import org.edgeworks.xas.NormalizeProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two shared cases with their right values (../shared/cases/&lt;name&gt;/README.md): the values
 * are Larch 0.9.58 pre_edge with defaults on mu = ln(I0/IT) of each scan (E0 7104.9984 eV, edge
 * step 2.82662 and 2.82637), and on the Cu foil's mutrans against E = hc / (2 d sin theta)
 * (E0 8980.5 eV, step 2.83723, the same spectrum as peers/larch_pre_edge.json cu_foil_13id).
 */
class SharedCasesTest {
    static final Path SPEC = Shared.CASES.resolve("spec-two-scans/spec_two_scans.spec");
    static final Path XDI = Shared.CASES.resolve("xdi-angle-abscissa/cu_angle_deg.xdi");

    @Test
    void specTwoScansAreListedAndEachHasItsValues() throws Exception {
        DetectorRegistry reg = DetectorRegistry.load();
        List<Detector.ScanEntry> scans = reg.scans(SPEC);
        assertEquals(List.of("1", "2"), scans.stream().map(Detector.ScanEntry::id).toList());
        for (Detector.ScanEntry e : scans) {
            assertEquals(511, e.points(), "scan " + e.id() + " points");
            assertTrue(e.usable());
            assertTrue(e.label().startsWith("ascan  Mono Energy"), e.label());
        }
        double[] steps = {2.82662, 2.82637};
        for (int k = 0; k < 2; k++) {
            Scan s = reg.read(SPEC, scans.get(k).id());
            assertEquals("Mono Energy", s.require(ChannelRole.ENERGY).name());
            NormalizeProcessor.Normalized n = Shared.larchDefaults(Shared.transmission(s));
            assertEquals(7104.9984, n.e0(), 1e-4, "scan " + (k + 1) + " E0");
            assertEquals(steps[k], n.edgeStep(), 1e-3 * steps[k], "scan " + (k + 1) + " edge step");
        }
    }

    @Test
    void specScansAreDifferentData() throws Exception {
        DetectorRegistry reg = DetectorRegistry.load();
        double[] a = reg.read(SPEC, "1").require(ChannelRole.I0).readDoubles("a");
        double[] b = reg.read(SPEC, "2").require(ChannelRole.I0).readDoubles("b");
        assertEquals(511, a.length);
        assertFalse(java.util.Arrays.equals(a, b), "scan 2 is not scan 1 again");
        // the first data row of each #S block, as written in the file
        assertEquals(41410.4, a[0], 0);
    }

    @Test
    void specWithSeveralScansIsNeverReadAsOneSilently() {
        EdgeworksException e = assertThrows(EdgeworksException.class, () -> DetectorRegistry.load().read(SPEC));
        assertTrue(e.getMessage().startsWith(SPEC.toString() + ": holds 2 scans (#S 1, 2)"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void xdiAngleAbscissaIsConvertedWithTheDSpacing() throws Exception {
        Scan s = DetectorRegistry.load().read(XDI);
        double[] e = s.require(ChannelRole.ENERGY).readDoubles("x");
        // first row: 13.01500348 degrees, d = 3.13553 Å; hc = 12398.419843320026 eV Å (CODATA 2018)
        double expected = 12398.419843320026 / (2 * 3.13553 * Math.sin(Math.toRadians(13.01500348)));
        assertEquals(expected, e[0], 1e-9 * expected);
        assertTrue(s.metadata().get("note.energy").contains("Mono.d_spacing"), s.metadata().toString());
        double[] mu = s.require("mutrans").readDoubles("x");
        NormalizeProcessor.Normalized n = Shared.larchDefaults(Spectrum.of("cu", e, mu));
        assertEquals(8980.5, n.e0(), 0.5, "E0");
        assertEquals(2.83723, n.edgeStep(), 2e-3 * 2.83723, "edge step");
    }

    @Test
    void pixelAbscissaAndAngleWithoutDSpacingAreRefusedWithOneLine(@TempDir Path dir) throws Exception {
        List<String> lines = Files.readAllLines(XDI);
        Path noD = dir.resolve("no_d.xdi");
        Files.write(noD, lines.stream().filter(l -> !l.contains("d_spacing")).toList());
        EdgeworksException e = assertThrows(EdgeworksException.class, () -> DetectorRegistry.load().read(noD));
        assertTrue(e.getMessage().startsWith(noD + ": Column.1: the abscissa is a monochromator angle"), e.getMessage());
        Path pixel = dir.resolve("pixel.xdi");
        Files.write(pixel, lines.stream().map(l -> l.replace("Column.1: angle degrees", "Column.1: pixel")).toList());
        e = assertThrows(EdgeworksException.class, () -> DetectorRegistry.load().read(pixel));
        assertTrue(e.getMessage().startsWith(pixel + ": Column.1: the abscissa is a detector pixel"), e.getMessage());
        Path radians = dir.resolve("rad.xdi");
        Files.write(radians, lines.stream().map(l -> l.replace("Column.1: angle degrees", "Column.1: angle radians")).toList());
        e = assertThrows(EdgeworksException.class, () -> DetectorRegistry.load().read(radians)); // 13 rad is not a Bragg angle
        assertTrue(e.getMessage().contains("outside (0, 90) degrees"), e.getMessage());
    }
}
