package org.edgeworks.xas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.xas.kernel.EdgePosition;
import org.junit.jupiter.api.Test;

/**
 * The shared field cases (../shared/cases/NAME/README.md give the right results): a scan that
 * starts just below its edge, a scan 14 eV off its reference, user windows outside the data.
 */
class FieldCasesTest {
    static Path cases() { return PeerData.root().getParent().resolve("cases"); }

    /** Numeric rows of a text file (comment lines start with #). */
    static double[][] columns(Path f) throws IOException {
        List<double[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(f)) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            String[] tok = t.split("\\s+");
            double[] v = new double[tok.length];
            for (int i = 0; i < tok.length; i++) v[i] = Double.parseDouble(tok[i]);
            rows.add(v);
        }
        double[][] c = new double[rows.get(0).length][rows.size()];
        for (int i = 0; i < rows.size(); i++) for (int j = 0; j < c.length; j++) c[j][i] = rows.get(i)[j];
        return c;
    }

    static Spectrum xdi(String file, int muCol) throws IOException {
        double[][] c = columns(cases().resolve(file));
        return Spectrum.of(file, c[0], c[muCol]);
    }

    /** Columns Energy I0 It, mu = ln(I0/It). */
    static Spectrum transmission(String file) throws IOException {
        double[][] c = columns(cases().resolve(file));
        double[] mu = new double[c[0].length];
        for (int i = 0; i < mu.length; i++) mu[i] = Math.log(c[1][i] / c[2][i]);
        return Spectrum.of(file, c[0], mu);
    }

    // --- e0-near-scan-start: E0 8980.5 +- 0.5 eV (the steepest rise, as in the full scan), never 8991.5

    @Test
    void e0NearScanStartFindsTheSteepestRise() throws Exception {
        Spectrum s = xdi("e0-near-scan-start/cu_foil_from8975.xdi", 3);
        double[] e = s.energies(), mu = s.signal();
        EdgePosition.Choice c = EdgePosition.robustE0Index(e, mu, e.length, new double[e.length]);
        assertEquals(8980.5, e[c.index()], 0.5, "E0 of the cut scan");
        assertTrue(c.note() != null && c.note().contains("steepest rise"), "the replacement is noted: " + c.note());
        Spectrum full = xdi("e0-near-scan-start/cu_foil_full.xdi", 3);
        EdgePosition.Choice f = EdgePosition.robustE0Index(full.energies(), full.signal(), full.size(), new double[full.size()]);
        assertEquals(8980.5, full.energies()[f.index()], 1e-9, "the full scan's E0 is Larch's own");
        assertEquals(null, f.note(), "no note when Larch's choice stands");
    }

    @Test
    void e0NearScanStartRefusesTheAutomaticPreEdgeInOneLine() throws Exception {
        Spectrum s = xdi("e0-near-scan-start/cu_foil_from8975.xdi", 3);
        EdgeworksException ex = assertThrows(EdgeworksException.class,
            () -> new NormalizeProcessor().apply(s, NormalizeProcessor.Params.defaults()));
        String m = ex.getMessage();
        assertTrue(m.startsWith("e0-near-scan-start/cu_foil_from8975.xdi"), m);
        assertTrue(m.contains("pre-edge region is too short") && m.contains("8980.5"), m);
        assertFalse(m.contains("\n"), "one line: " + m);
    }

    @Test
    void e0NearScanStartWithUserPreEdgeGivesTheFullScansStep() throws Exception {
        Spectrum s = xdi("e0-near-scan-start/cu_foil_from8975.xdi", 3);
        var p = new NormalizeProcessor.Params(E0Method.DERIVATIVE, null, -5.5, -3.0, null, null, null, 0, null, Normalization.EDGE_STEP);
        var r = new NormalizeProcessor().apply(s, p);
        assertEquals(8980.5, r.value().e0(), 0.5, "E0");
        // README: within 10 % of the full scan's 2.837 (Larch 0.9.58 with e0=8980.5, pre -5.5..-3: 2.676)
        assertEquals(2.837, r.value().edgeStep(), 0.1 * 2.837, "edge step");
        assertTrue(r.provenance().notes().stream().anyMatch(n -> n.startsWith("warning: e0-near-scan-start/cu_foil_from8975.xdi: ") && n.contains("steepest rise")), "note kept: " + r.provenance().notes());
    }

    // --- empty-preedge-window: user windows outside the data are refused naming window and data range

    @Test
    void preEdgeWindowOutsideTheDataIsRefused() throws Exception {
        Spectrum s = xdi("empty-preedge-window/feo_short.xdi", 1);
        var p = new NormalizeProcessor.Params(E0Method.DERIVATIVE, null, -200.0, -100.0, null, null, null, 0, null, Normalization.EDGE_STEP);
        EdgeworksException ex = assertThrows(EdgeworksException.class, () -> new NormalizeProcessor().apply(s, p));
        String m = ex.getMessage();
        assertTrue(m.startsWith("empty-preedge-window/feo_short.xdi"), m);
        assertTrue(m.contains("pre-edge window [-200, -100]") && m.contains("data cover -15.8626 to 17.0392"), m);
        assertFalse(m.contains("\n"), m);
    }

    @Test
    void postEdgeWindowOutsideTheDataIsRefused() throws Exception {
        Spectrum s = xdi("empty-preedge-window/feo_short.xdi", 1);
        var p = new NormalizeProcessor.Params(E0Method.DERIVATIVE, null, null, null, 100.0, 400.0, null, 0, null, Normalization.EDGE_STEP);
        EdgeworksException ex = assertThrows(EdgeworksException.class, () -> new NormalizeProcessor().apply(s, p));
        assertTrue(ex.getMessage().contains("post-edge window [100, 400] eV rel. E0 holds 0 data points") && ex.getMessage().contains("data cover"), ex.getMessage());
    }

    @Test
    void postEdgeEndBeyondTheDataIsClippedAsLarchDoes() throws Exception {
        Spectrum s = xdi("empty-preedge-window/feo_short.xdi", 1);
        var p = new NormalizeProcessor.Params(E0Method.DERIVATIVE, null, null, null, 5.0, 400.0, null, 0, null, Normalization.EDGE_STEP);
        var n = new NormalizeProcessor().apply(s, p).value();
        assertEquals(0.8307, n.edgeStep(), 0.001 * 0.8307, "edge step (README; Larch 0.9.58: 0.8307037)");
        assertEquals(17.0392, n.norm2(), 1e-3, "norm2 clipped to the data end");
    }

    // --- align-large-offset: +14.01 +- 0.2 eV, or a warning naming the file at the bound

    @Test
    void largeOffsetIsFound() throws Exception {
        Spectrum ref = transmission("align-large-offset/fe_ref.dat"), scan = transmission("align-large-offset/fe_scan2_minus14.dat");
        var r = new AlignProcessor().apply(new AlignProcessor.Input(ref, scan), AlignProcessor.Params.defaults());
        assertEquals(14.01, r.value().shift(), 0.2, "shift");
        assertFalse(r.value().atBound(), "not at the bound");
    }

    @Test
    void offsetBeyondTheBoundIsAWarningNamingTheFile() throws Exception {
        Spectrum ref = transmission("align-large-offset/fe_ref.dat"), scan = transmission("align-large-offset/fe_scan2_minus14.dat");
        for (double bound : new double[] {10, 12}) {
            var r = new AlignProcessor().apply(new AlignProcessor.Input(ref, scan), new AlignProcessor.Params(-20, 40, bound, false));
            assertTrue(r.value().atBound(), "at the bound " + bound);
            assertTrue(r.provenance().notes().stream().anyMatch(n -> n.startsWith("warning: align-large-offset/fe_scan2_minus14.dat")
                && n.contains("max_shift")), "warning names the file: " + r.provenance().notes());
        }
    }

    @Test
    void offsetsOfTenToTwelveEvAreFound() throws Exception {
        Spectrum ref = transmission("align-large-offset/fe_ref.dat"), scan = transmission("align-large-offset/fe_scan2_minus14.dat");
        for (double extra : new double[] {-4, -3, -2}) { // the scan at -10, -11, -12 eV
            Spectrum moved = CalibrateProcessor.shifted(scan, -extra).withName("moved");
            var r = new AlignProcessor().apply(new AlignProcessor.Input(ref, moved), AlignProcessor.Params.defaults()).value();
            assertEquals(14.01 + extra, r.shift(), 0.2, "offset " + (14 + extra));
        }
    }
}
