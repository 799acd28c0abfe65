package org.edgeworks.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.edgeworks.core.EdgeworksException;

/**
 * The one place that puts an energy axis in order before any processor uses it: rows with a
 * non-finite energy or value are masked (dropped), a descending axis is sorted ascending,
 * repeated energies are merged by averaging their values. What was done is returned as notes
 * for the provenance, so nothing happens silently: "note: SUBJECT: ..." (the prefix marks a
 * change made to the data, which the command line prints on the terminal too).
 */
public final class EnergyGrid {
    private EnergyGrid() {}

    /** The cleaned axis and columns, plus notes on what was changed. */
    public record Clean(double[] energy, double[][] columns, List<String> notes) {
        public double[] column(int i) { return columns[i]; }
    }

    public static Clean clean(String subject, double[] energy, double[]... columns) throws EdgeworksException {
        int n = energy.length;
        for (double[] c : columns)
            if (c.length != n)
                throw EdgeworksException.of(subject, "energy has " + n + " points but a channel has " + c.length);
        List<String> notes = new ArrayList<>();
        // 1. mask non-finite rows
        int kept = 0;
        boolean[] keep = new boolean[n];
        for (int i = 0; i < n; i++) {
            boolean ok = Double.isFinite(energy[i]);
            for (double[] c : columns) ok &= Double.isFinite(c[i]);
            keep[i] = ok;
            if (ok) kept++;
        }
        if (kept < n) notes.add(note(subject, "masked " + (n - kept) + " point(s) with NaN or infinite values"));
        if (kept == 0) throw EdgeworksException.of(subject, "no finite data points");
        Integer[] order = new Integer[kept];
        for (int i = 0, k = 0; i < n; i++) if (keep[i]) order[k++] = i;
        // 2. sort ascending (stable, so repeated points keep their order)
        boolean ascending = true, descending = true;
        for (int k = 1; k < kept; k++) {
            if (energy[order[k]] < energy[order[k - 1]]) ascending = false;
            if (energy[order[k]] > energy[order[k - 1]]) descending = false;
        }
        if (!ascending) {
            Arrays.sort(order, (a, b) -> Double.compare(energy[a], energy[b]));
            notes.add(note(subject, descending ? "energy axis was descending: reversed" : "energy axis was not monotonic: sorted"));
        }
        // 3. merge duplicates by averaging
        double[] e = new double[kept];
        double[][] cols = new double[columns.length][kept];
        int m = 0, merged = 0;
        for (int k = 0; k < kept; ) {
            int j = k;
            double ek = energy[order[k]];
            while (j + 1 < kept && energy[order[j + 1]] == ek) j++;
            int cnt = j - k + 1;
            e[m] = ek;
            for (int c = 0; c < columns.length; c++) {
                double s = 0;
                for (int q = k; q <= j; q++) s += columns[c][order[q]];
                cols[c][m] = s / cnt;
            }
            merged += cnt - 1;
            m++;
            k = j + 1;
        }
        if (merged > 0) notes.add(note(subject, "averaged " + merged + " repeated energy point(s)"));
        double[] eOut = Arrays.copyOf(e, m);
        double[][] cOut = new double[columns.length][];
        for (int c = 0; c < columns.length; c++) cOut[c] = Arrays.copyOf(cols[c], m);
        return new Clean(eOut, cOut, notes);
    }

    /** "note: SUBJECT: what" (without the subject when there is none). */
    private static String note(String subject, String what) {
        return "note: " + (subject == null || subject.isEmpty() ? "" : subject + ": ") + what;
    }

    /** The same for a spectrum; returns the cleaned spectrum and the notes. */
    public static Cleaned clean(Spectrum s) throws EdgeworksException {
        double[] unc = s.uncertainty();
        Clean c = unc == null ? clean(s.name(), s.energies(), s.signal()) : clean(s.name(), s.energies(), s.signal(), unc);
        Spectrum out = new Spectrum(s.name(), Axis.of(s.energy().name(), s.energy().unit(), c.energy()), c.column(0),
            unc == null ? null : c.column(1), s.channel());
        return new Cleaned(out, c.notes());
    }

    public record Cleaned(Spectrum spectrum, List<String> notes) {}
}
