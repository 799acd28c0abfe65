package org.edgeworks.xas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.xas.LcfProcessor.Params;
import org.edgeworks.xas.LcfProcessor.Rank;
import org.junit.jupiter.api.Test;

/**
 * LCF that fails loudly (issue 12): a reference clamped to weight 0 keeps shift 0 and leaves the
 * covariance (the issue's MnO / Pyrolusite / Mn foil --shifts command), references that do not cover
 * the window plus the shift bound are refused unless extrapolation is allowed (then noted), a shift
 * at its bound is flagged per reference, the combinatorial ranking is named and singular subsets
 * are reported, not dropped.
 */
class LcfFailsLoudlyTest {
    static Spectrum norm(String id, String name) throws Exception {
        double[][] em = PeerData.mu(PeerData.spec(id));
        return new NormalizeProcessor().apply(Spectrum.of(name, em[0], em[1]), NormalizeProcessor.Params.defaults()).value().normSpectrum();
    }

    static Spectrum cut(Spectrum s, double lo, double hi) {
        double[] e = s.energies(), y = s.signal();
        int a = 0, b = e.length;
        while (e[a] < lo) a++;
        while (e[b - 1] > hi) b--;
        return Spectrum.of(s.name(), Arrays.copyOfRange(e, a, b), Arrays.copyOfRange(y, a, b));
    }

    /** xas lcf MnO.dat --ref MnO=MnO.dat --ref MnO2=Pyrolusite.dat --ref Mnf=Mn_foil.dat --shifts --emin 6530 --emax 6600 */
    @Test
    void theIssuesShiftedFitWithZeroWeightsWorks() throws Exception {
        Spectrum sample = norm("mn_MnO", "MnO.dat");
        List<Spectrum> refs = List.of(norm("mn_MnO", "MnO"), norm("mn_MnO2_pyrolusite", "MnO2"), norm("mn_foil", "Mnf"));
        Params p = new Params(6530.0, 6600.0, true, false, true, 1.0, 0, 1);
        var r = new LcfProcessor().apply(new LcfProcessor.Input(sample, refs, List.of(2.0, 4.0, 0.0)), p);
        var c = r.value().components();
        // the sample is its own first reference: weight 1, shift 0, the others held at 0
        assertEquals(1.0, c.get(0).weight(), 1e-6, "MnO weight");
        assertEquals(0.0, c.get(0).shift(), 1e-4, "MnO shift");
        for (int j = 1; j < 3; j++) {
            assertEquals(0.0, c.get(j).weight(), 1e-9, c.get(j).name() + " weight 0");
            assertEquals(0.0, c.get(j).shift(), 0.0, c.get(j).name() + " shift fixed at 0");
            assertEquals(0.0, c.get(j).shiftStderr(), 0.0, c.get(j).name() + " shift not fitted");
            assertFalse(c.get(j).shiftAtBound());
        }
        // the three weights vary (the two zeros are not at the non-negativity bound, just zero), one shift: MnO's
        assertEquals(4, r.value().nvary(), "three weights and MnO's shift vary");
        assertTrue(r.provenance().notes().stream().anyMatch(n -> n.contains("shift fixed at 0")), r.provenance().notes().toString());
    }

    @Test
    void combinatorialModeRanksEverySubsetWithZeroWeights() throws Exception {
        Spectrum sample = norm("mn_MnO", "MnO.dat");
        List<Spectrum> refs = List.of(norm("mn_MnO", "MnO"), norm("mn_MnO2_pyrolusite", "MnO2"), norm("mn_foil", "Mnf"));
        for (Rank rank : Rank.values()) {
            Params p = new Params(6530.0, 6600.0, true, false, true, 1.0, 3, 1).ranked(rank, false);
            var r = new LcfProcessor().apply(new LcfProcessor.Input(sample, refs, null), p);
            assertEquals(7, r.value().ranking().size(), "every subset of 1-3 of 3 references is ranked");
            assertTrue(r.provenance().notes().stream().noneMatch(n -> n.contains("not ranked")), r.provenance().notes().toString());
            assertTrue(r.provenance().notes().stream().anyMatch(n -> n.contains("ranked by") && n.contains("(" + rank.label() + ")")), "named");
            assertEquals(rank, r.value().rank());
            assertEquals(rank.label(), r.provenance().parameters().get("rank"));
            var list = r.value().ranking();
            for (int i = 1; i < list.size(); i++) {
                double a = rank == Rank.CHI2 ? list.get(i - 1).reducedChi2() : list.get(i - 1).rFactor();
                double b = rank == Rank.CHI2 ? list.get(i).reducedChi2() : list.get(i).rFactor();
                assertTrue(a <= b, rank + " order at " + i);
            }
        }
    }

    @Test
    void referenceNotCoveringWindowPlusBoundIsRefusedOrNoted() throws Exception {
        Spectrum sample = norm("mn_MnO", "MnO.dat");
        Spectrum shortRef = cut(norm("mn_MnO2_pyrolusite", "MnO2"), 6400, 6600.5);
        List<Spectrum> refs = List.of(norm("mn_MnO", "MnO"), shortRef);
        Params p = new Params(6530.0, 6600.0, true, false, true, 1.0, 0, 1);
        EdgeworksException ex = assertThrows(EdgeworksException.class, () -> new LcfProcessor().apply(new LcfProcessor.Input(sample, refs, null), p));
        assertTrue(ex.getMessage().startsWith("MnO.dat") && ex.getMessage().contains("'MnO2' covers") && ex.getMessage().contains("--extrapolate"), ex.getMessage());
        // without shifts the window alone is covered: accepted
        new LcfProcessor().apply(new LcfProcessor.Input(sample, refs, null), new Params(6530.0, 6600.0, true, false, false, 1.0, 0, 1));
        var r = new LcfProcessor().apply(new LcfProcessor.Input(sample, refs, null), p.ranked(Rank.R_FACTOR, true));
        assertTrue(r.provenance().notes().stream().anyMatch(n -> n.startsWith("warning: MnO.dat: reference 'MnO2' covers") && n.contains("extrapolated")),
            r.provenance().notes().toString());
    }

    @Test
    void shiftAtItsBoundIsFlaggedPerReference() throws Exception {
        // the sample is the MnO2 reference moved up by 2.5 eV; the shift bound is 1 eV
        Spectrum ref = norm("mn_MnO2_pyrolusite", "MnO2");
        Spectrum sample = CalibrateProcessor.shifted(ref, 2.5).withName("moved");
        List<Spectrum> refs = List.of(ref, norm("mn_foil", "Mnf"));
        var r = new LcfProcessor().apply(new LcfProcessor.Input(sample, refs, null), new Params(6540.0, 6600.0, true, false, true, 1.0, 0, 1));
        var c = r.value().components().get(0);
        assertTrue(c.shiftAtBound(), "MnO2 shift " + c.shift() + " flagged");
        assertEquals(1.0, Math.abs(c.shift()), 1e-6, "at the bound");
        assertTrue(r.provenance().notes().stream().anyMatch(n -> n.startsWith("warning: moved: shift of reference 'MnO2' is at its bound")),
            r.provenance().notes().toString());
        // with room the shift is found and not flagged
        var free = new LcfProcessor().apply(new LcfProcessor.Input(sample, refs, null), new Params(6540.0, 6600.0, true, false, true, 4.0, 0, 1));
        assertEquals(2.5, free.value().components().get(0).shift(), 0.01, "shift");
        assertFalse(free.value().components().get(0).shiftAtBound());
    }
}
