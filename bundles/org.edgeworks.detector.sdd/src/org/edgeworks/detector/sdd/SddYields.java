package org.edgeworks.detector.sdd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Axis;
import org.edgeworks.core.data.EnergyGrid;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.core.processing.Param;
import org.edgeworks.core.processing.Processor;
import org.edgeworks.core.processing.Provenance;
import org.edgeworks.core.processing.Result;

/**
 * PFY, TFY and iPFY from an energy-dispersive SDD (docs/science.md#sdd-yields): per element the
 * counts in an emission window are dead-time corrected (x ICR/OCR), then combined over elements
 * (mean or sum) and divided by I0. iPFY = I0 / PFY in a second, non-resonant window. Windows are
 * given in MCA bins (inclusive) or in eV through a linear bin calibration. An empty window, an
 * OCR of zero, or a non-resonant PFY of zero is an error naming the point, never an infinity.
 */
public final class SddYields implements Processor<Scan, SddYields.Params, SddYields.Yields> {
    public static final String ID = "org.edgeworks.sdd.yields";

    public enum WindowUnit { BIN, EV }

    public record Params(
        @Param(label = "PFY window from", description = "first bin (or eV) of the resonant emission window, inclusive") double pfyFrom,
        @Param(label = "PFY window to", description = "last bin (or eV), inclusive") double pfyTo,
        @Param(label = "iPFY window from", description = "non-resonant window for iPFY; from = to: no iPFY") double ipfyFrom,
        @Param(label = "iPFY window to") double ipfyTo,
        @Param(label = "window unit", description = "BIN (MCA channel numbers) or EV (through offset + gain x bin)") WindowUnit unit,
        @Param(label = "bin offset", unit = "eV", description = "energy of bin 0 when windows are in eV") double binOffset,
        @Param(label = "bin gain", unit = "eV/bin", description = "energy width of one bin when windows are in eV", min = 0) double binGain,
        @Param(label = "dead-time correction", description = "multiply each element's counts by ICR/OCR") boolean deadTime,
        @Param(label = "combine elements", description = "MEAN (as the MEX2 export does) or SUM") Combine combine) {
        /** Bins 280-300 (the MEX2 S K-alpha ROI of the shared data), no iPFY, dead time on, mean over elements. */
        public static Params defaults() { return new Params(280, 300, 0, 0, WindowUnit.BIN, 0, 10, true, Combine.MEAN); }
    }

    public enum Combine { MEAN, SUM }

    /** PFY and TFY divided by I0; iPFY = I0 / non-resonant PFY (null when no window was asked). */
    public record Yields(String name, double[] energy, double[] pfy, double[] tfy, double[] ipfy) {
        public Spectrum pfySpectrum() { return new Spectrum(name + " PFY", Axis.energy(energy), pfy, null, "pfy"); }
        public Spectrum tfySpectrum() { return new Spectrum(name + " TFY", Axis.energy(energy), tfy, null, "tfy"); }
        public Spectrum ipfySpectrum() { return ipfy == null ? null : new Spectrum(name + " iPFY", Axis.energy(energy), ipfy, null, "ipfy"); }
    }

    @Override public String id() { return ID; }
    @Override public String version() { return "1.0"; }
    @Override public String label() { return "SDD PFY / TFY / iPFY windows (dead-time corrected)"; }
    @Override public Class<Scan> inputType() { return Scan.class; }
    @Override public Class<Params> parameterType() { return Params.class; }
    @Override public Params defaults() { return Params.defaults(); }

    @Override
    public Result<Yields> apply(Scan scan, Params p) throws EdgeworksException {
        return apply(SddData.of(scan), p);
    }

    public Result<Yields> apply(SddData d, Params p) throws EdgeworksException {
        String name = d.name();
        int n = d.points();
        if (d.i0() == null) throw EdgeworksException.of(name, "i0: channel missing (PFY is divided by I0)");
        int bins = d.elements().get(0).bins();
        int[] pfy = window(name, "PFY", p.pfyFrom(), p.pfyTo(), p, bins);
        boolean wantIpfy = p.ipfyFrom() != p.ipfyTo();
        int[] ipfyWin = wantIpfy ? window(name, "iPFY", p.ipfyFrom(), p.ipfyTo(), p, bins) : null;
        double[] resonant = new double[n], nonResonant = new double[n], total = new double[n];
        boolean corrected = false;
        for (SddData.Element e : d.elements()) {
            boolean dt = p.deadTime() && e.icr() != null && e.ocr() != null;
            corrected |= dt;
            for (int i = 0; i < n; i++) {
                double factor = 1;
                if (dt) {
                    if (!(e.ocr()[i] > 0))
                        throw EdgeworksException.of(name, "ocr: element " + e.name() + " has OCR " + e.ocr()[i] + " at E = " + d.energy()[i] + " eV");
                    factor = e.icr()[i] / e.ocr()[i];
                }
                double[] c = e.counts()[i];
                resonant[i] += factor * sum(c, pfy[0], pfy[1]);
                if (wantIpfy) nonResonant[i] += factor * sum(c, ipfyWin[0], ipfyWin[1]);
                total[i] += factor * sum(c, 0, c.length - 1);
            }
        }
        double scale = p.combine() == Combine.MEAN ? 1.0 / d.elements().size() : 1.0;
        double[] pf = new double[n], tf = new double[n], ip = wantIpfy ? new double[n] : null;
        for (int i = 0; i < n; i++) {
            double i0 = d.i0()[i];
            if (!(i0 != 0) || !Double.isFinite(i0))
                throw EdgeworksException.of(name, "i0: I0 is " + i0 + " at E = " + d.energy()[i] + " eV: cannot normalise");
            pf[i] = resonant[i] * scale / i0;
            tf[i] = total[i] * scale / i0;
            if (wantIpfy) {
                if (!(nonResonant[i] > 0))
                    throw EdgeworksException.of(name, "ipfyFrom: non-resonant window holds " + nonResonant[i] + " counts at E = "
                        + d.energy()[i] + " eV: iPFY would be infinite");
                ip[i] = i0 / (nonResonant[i] * scale);
            }
        }
        EnergyGrid.Clean clean = wantIpfy ? EnergyGrid.clean(name, d.energy(), pf, tf, ip) : EnergyGrid.clean(name, d.energy(), pf, tf);
        List<String> notes = new ArrayList<>(clean.notes());
        notes.add((corrected ? "dead-time corrected (counts x ICR/OCR per element), " : "no dead-time correction, ")
            + p.combine().name().toLowerCase(Locale.ROOT) + " over " + d.elements().size() + " element(s), divided by I0");
        Map<String, Object> used = new LinkedHashMap<>(org.edgeworks.core.processing.Parameters.toMap(p));
        used.put("pfy_bins", pfy[0] + ":" + pfy[1]);
        if (wantIpfy) used.put("ipfy_bins", ipfyWin[0] + ":" + ipfyWin[1]);
        used.put("elements", d.elements().stream().map(SddData.Element::name).toList());
        Yields y = new Yields(name, clean.energy(), clean.column(0), clean.column(1), wantIpfy ? clean.column(2) : null);
        return new Result<>(y, Provenance.of(ID, version(), used, notes));
    }

    private static double sum(double[] c, int from, int to) {
        double s = 0;
        for (int b = from; b <= to; b++) s += c[b];
        return s;
    }

    /** Inclusive bin range of a window; an empty or out-of-range window is an error. */
    static int[] window(String name, String what, double from, double to, Params p, int bins) throws EdgeworksException {
        double lo = Math.min(from, to), hi = Math.max(from, to);
        int a, b;
        if (p.unit() == WindowUnit.EV) {
            if (!(p.binGain() > 0)) throw EdgeworksException.of(name, "binGain: must be > 0 for windows in eV");
            a = (int) Math.ceil((lo - p.binOffset()) / p.binGain() - 1e-9);
            b = (int) Math.floor((hi - p.binOffset()) / p.binGain() + 1e-9);
        } else {
            a = (int) Math.ceil(lo);
            b = (int) Math.floor(hi);
        }
        a = Math.max(a, 0);
        b = Math.min(b, bins - 1);
        if (a > b) throw EdgeworksException.of(name, what.toLowerCase(Locale.ROOT) + "From: window " + from + ":" + to + " "
            + p.unit() + " holds no MCA bin (bins 0-" + (bins - 1) + ")");
        return new int[] {a, b};
    }
}
