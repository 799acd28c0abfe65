package org.edgeworks.rixs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Axis;
import org.edgeworks.core.data.EnergyGrid;
import org.edgeworks.core.data.RixsMap;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.core.processing.Param;
import org.edgeworks.core.processing.Result;

/**
 * iPFY (Achkar et al., PRB 83, 081106(R), 2011; docs/science.md#rixs-ipfy): iPFY(E) = I0(E) /
 * PFY_X(E), with X a window on a non-resonant emission line (e.g. O K 510-535 eV while the Mn
 * L-edge is scanned). Returned with the PFY of a second window (the resonant line, optional)
 * and the TFY, both divided by I0, so the distortions can be seen side by side. A window with
 * no channel, or a PFY that is zero or near zero at any point, is an error, never an infinity.
 */
public final class InversePartialYield extends RixsProcessor<EmissionSpectra, InversePartialYield.Parameters, InversePartialYield.Yields> {
    public static final String ID = "org.edgeworks.rixs.ipfy";

    public record Parameters(
        @Param(label = "Non-resonant window from", unit = "eV") double windowFrom,
        @Param(label = "Non-resonant window to", unit = "eV") double windowTo,
        @Param(label = "PFY window from", unit = "eV", description = "resonant-line PFY returned alongside; from = to = 0: none") double pfyFrom,
        @Param(label = "PFY window to", unit = "eV") double pfyTo,
        @Param(label = "Near-zero fraction", description = "PFY below this fraction of its median is an error", min = 0, max = 1) double nearZeroFraction) {
        /** O K emission 510-535 eV (docs/science.md#rixs-ipfy); no resonant PFY; 1e-3 of the median counts as zero. */
        public static Parameters defaults() { return new Parameters(510, 535, 0, 0, 1e-3); }

        public boolean hasPfyWindow() { return pfyFrom != pfyTo; }
    }

    /** iPFY, PFY (null when no window was asked) and TFY on one excitation axis. */
    public record Yields(Spectrum ipfy, Spectrum pfy, Spectrum tfy) {}

    public InversePartialYield() { super(ID, "Inverse partial fluorescence yield (iPFY)", EmissionSpectra.class, Parameters.class); }

    @Override public Parameters defaults() { return Parameters.defaults(); }

    @Override
    public Result<Yields> apply(EmissionSpectra s, Parameters p) throws EdgeworksException {
        String name = s.name();
        int n = s.points();
        double[][] counts = s.counts();
        if (counts.length != n) throw EdgeworksException.of(name, n + " excitation energies but " + counts.length + " spectra");
        MapAssembly.checkLength(name, "I0", s.i0(), n);
        double[] em = s.emission();
        int[] win = channels(name, "iPFY", em, p.windowFrom(), p.windowTo());
        int[] pfyWin = p.hasPfyWindow() ? channels(name, "PFY", em, p.pfyFrom(), p.pfyTo()) : null;
        double[] i0 = s.i0() == null ? ones(n) : s.i0();
        double[] nonResonant = new double[n], resonant = new double[n], total = new double[n];
        for (int i = 0; i < n; i++) {
            if (counts[i].length != em.length)
                throw EdgeworksException.of(name, "spectrum " + i + " has " + counts[i].length + " channels, emission axis " + em.length);
            if (!(i0[i] > 0) || !Double.isFinite(i0[i]))
                throw EdgeworksException.of(name, "I0 is " + i0[i] + " at E = " + s.excitation()[i] + " eV: cannot normalise");
            for (int c : win) nonResonant[i] += counts[i][c];
            if (pfyWin != null) for (int c : pfyWin) resonant[i] += counts[i][c];
            for (int c = 0; c < em.length; c++) total[i] += counts[i][c];
        }
        // a point whose window holds a masked (NaN) cell stays NaN: EnergyGrid.clean leaves it out with a note
        double[] sorted = Arrays.stream(nonResonant).filter(Double::isFinite).sorted().toArray();
        if (sorted.length == 0) throw EdgeworksException.of(name, "every point of the iPFY window " + p.windowFrom() + ":" + p.windowTo() + " eV is masked (NaN)");
        double median = sorted[sorted.length / 2];
        double limit = p.nearZeroFraction() * Math.abs(median);
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(nonResonant[i])) continue;
            if (!(nonResonant[i] > limit) || !(nonResonant[i] > 0))
                throw EdgeworksException.of(name, "PFY in the iPFY window " + p.windowFrom() + ":" + p.windowTo() + " eV is "
                    + MapMath.fmt(nonResonant[i]) + " at E = " + s.excitation()[i] + " eV (median " + MapMath.fmt(median)
                    + "): zero or near zero, iPFY would be infinite");
        }
        double[] ipfy = new double[n], pfy = new double[n], tfy = new double[n];
        double[] ipfyErr = new double[n], pfyErr = new double[n], tfyErr = new double[n];
        // raw counts (spectra with their I0): Poisson sigma of each window sum (at least one count);
        // spectra without I0 (a map's rows, already normalised) carry no counting statistics here
        boolean raw = s.i0() != null;
        for (int i = 0; i < n; i++) {
            ipfy[i] = i0[i] / nonResonant[i];
            pfy[i] = resonant[i] / i0[i];
            tfy[i] = total[i] / i0[i];
            ipfyErr[i] = ipfy[i] * Math.sqrt(Math.max(nonResonant[i], 1)) / nonResonant[i];
            pfyErr[i] = Math.sqrt(Math.max(resonant[i], 1)) / i0[i];
            tfyErr[i] = Math.sqrt(Math.max(total[i], 1)) / i0[i];
        }
        EnergyGrid.Clean c = raw ? EnergyGrid.clean(name, s.excitation(), ipfy, pfy, tfy, ipfyErr, pfyErr, tfyErr)
            : EnergyGrid.clean(name, s.excitation(), ipfy, pfy, tfy);
        List<String> notes = new ArrayList<>(c.notes());
        notes.add("iPFY = I0 / PFY over " + win.length + " channel(s) in " + p.windowFrom() + ":" + p.windowTo() + " eV");
        Axis e = Axis.energy(c.energy());
        Spectrum ip = new Spectrum(name + " iPFY", e, c.column(0), raw ? c.column(3) : null, "ipfy");
        Spectrum pf = pfyWin == null ? null : new Spectrum(name + " PFY", e, c.column(1), raw ? c.column(4) : null, "pfy");
        Spectrum tf = new Spectrum(name + " TFY", e, c.column(2), raw ? c.column(5) : null, "tfy");
        return result(new Yields(ip, pf, tf), p, notes);
    }

    /** The mRIXS-iPFY input: a map already divided by I0, its rows as spectra (counts = intensity x channel width). */
    public static EmissionSpectra fromMap(RixsMap m) {
        double[] em = m.emission().values(), w = MapMath.widths(em), d = m.data();
        double[][] counts = new double[m.rows()][em.length];
        for (int i = 0; i < m.rows(); i++)
            for (int j = 0; j < em.length; j++) counts[i][j] = d[i * em.length + j] * w[j];
        return new EmissionSpectra(m.name(), m.excitation().values(), em, counts, null, null);
    }

    private static int[] channels(String name, String what, double[] em, double from, double to) throws EdgeworksException {
        double lo = Math.min(from, to), hi = Math.max(from, to);
        int k = 0;
        int[] idx = new int[em.length];
        for (int c = 0; c < em.length; c++) if (em[c] >= lo && em[c] <= hi) idx[k++] = c;
        if (k == 0)
            throw EdgeworksException.of(name, what + " window " + MapMath.fmt(lo) + ":" + MapMath.fmt(hi) + " eV holds no emission channel");
        return Arrays.copyOf(idx, k);
    }

    private static double[] ones(int n) {
        double[] a = new double[n];
        Arrays.fill(a, 1);
        return a;
    }
}
