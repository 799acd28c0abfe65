package org.edgeworks.exafs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.processing.BaseProcessor;
import org.edgeworks.core.processing.Param;
import org.edgeworks.core.processing.Parameters;
import org.edgeworks.core.processing.Result;
import org.edgeworks.exafs.kernel.XafsFt;

/**
 * Forward XAFS Fourier transform chi(k) k^w -> chi(R) (docs/science.md#exafs-xftf), numerically
 * Larch 0.9.58's {@code xftf}: chi interpolated linearly onto k = 0, kstep, ... (numpy.interp),
 * weighted by k^kweight and the window (taper dk at both ends: Larch's dk2 = dk), zero-padded to
 * nfft, chi(R) = kstep/sqrt(pi) FFT on R = j pi/(kstep nfft) up to rmax_out (int(1.01 +
 * rmax_out/rstep) points). As Larch's xftf_prep, the transform stops at the data's last k: a
 * window reaching beyond it is cut there (a note says so). Units: k in 1/A, R in A, chi(R) in
 * A^-(kweight+1). The provenance records the window, dk and dk2, the grid (kstep, rstep, nfft)
 * and the points transformed.
 */
public final class FourierTransformProcessor extends BaseProcessor<Chi, FourierTransformProcessor.Params, FourierTransformProcessor.ChiR> {
    public static final String ID = "org.edgeworks.exafs.xftf";

    /**
     * Larch xftf parameters (dk2 = dk). Larch's own defaults (kmin 0, kmax 20, kaiser) take the whole
     * data; these are Edgeworks' (see {@link #defaults()}).
     */
    public record Params(
        @Param(label = "k min", unit = "1/A", min = 0, description = "window start; the default window is the path fit's (docs/science.md#exafs-kwindow)") double kmin,
        @Param(label = "k max", unit = "1/A", min = 0, description = "window end (the transform stops at the data's last k)") double kmax,
        @Param(label = "window taper dk", unit = "1/A", min = 0, description = "taper width at each end (Larch dk = dk2)") double dk,
        @Param(label = "window", description = "hanning | kaiser | sine | welch | gaussian | parzen") Window window,
        @Param(label = "k-weight", min = 0, max = 5) double kweight,
        @Param(label = "R max out", unit = "A", min = 0, description = "highest R written") double rmaxOut,
        @Param(label = "FFT length", min = 16, expert = true, description = "power of 2, Larch nfft") int nfft,
        @Param(label = "k step", unit = "1/A", min = 0, expert = true, description = "grid of the transform (Larch kstep)") double kstep) implements Parameters.Related {

        /** The window ends above its start. */
        @Override
        public String conflict() {
            return kmax > kmin ? null : "{kmax}: " + kmax + " 1/A is not above {kmin} " + kmin + " 1/A";
        }

        /**
         * The EXAFS k window of both the transform and the path fit ({@link FeffitProcessor.Params#defaults()}
         * takes it from here), one rule so that the |chi(R)| {@code xas ft} shows is the one {@code xas fit}
         * fits: k 3-14 1/A, dk 1, hanning, k-weight 2, the window of the shared Larch peers' first-shell fits
         * (docs/science.md#exafs-kwindow: below about 3 1/A chi is dominated by the background and near-edge
         * structure; Larch's own defaults, kmin 0, kmax 20, kaiser, take the whole data). rmax_out 10 A, nfft
         * 2048, kstep 0.05 1/A (Larch's).
         */
        public static Params defaults() { return new Params(3, 14, 1, Window.HANNING, 2, 10, XafsFt.NFFT, XafsFt.KSTEP); }
    }

    /**
     * chi(R) on r (A): real, imaginary parts and magnitude; kwin = the window on the chi grid
     * (k = 0, kstep, ..., length of the gridded chi).
     */
    public record ChiR(String name, double[] r, double[] re, double[] im, double[] mag, double[] k, double[] kwin,
                       double kweight) {}

    public FourierTransformProcessor() { super(ID, "1.0", "Fourier transform chi(k) -> chi(R)", Chi.class, Params.class); }

    @Override public Params defaults() { return Params.defaults(); }

    @Override
    public Result<ChiR> apply(Chi input, Params p) throws EdgeworksException {
        Chi c = input.validated();
        check(c.name(), p);
        ChiR out = transform(c, p);
        Map<String, Object> used = used(p);
        used.put("dk2", p.dk());
        used.put("rstep", XafsFt.rstep(p.kstep(), p.nfft()));
        used.put("kmax_data", c.kmaxData());
        used.put("npts", out.k().length);
        List<String> notes = new ArrayList<>();
        if (p.kmax() + p.dk() / 2 > c.kmaxData())
            notes.add("the window (k max " + p.kmax() + " + dk/2) reaches beyond the data's last k " + c.kmaxData()
                + " 1/A: the transform stops there (Larch xftf)");
        return result(out, used, notes);
    }

    /** Refuses parameters no chi can be transformed with (the record's bounds, then what bounds cannot say). */
    static void check(String name, Params p) throws EdgeworksException {
        if (p.window() == null) throw EdgeworksException.of(name, "window: missing");
        if (!(p.dk() >= 0)) throw EdgeworksException.of(name, "dk: must be >= 0, not " + p.dk());
        if (!(p.rmaxOut() > 0)) throw EdgeworksException.of(name, "rmax_out: must be > 0");
        if (p.nfft() < 16 || Integer.bitCount(p.nfft()) != 1) throw EdgeworksException.of(name, "nfft: must be a power of 2 >= 16, not " + p.nfft());
        if (!(p.kstep() > 0)) throw EdgeworksException.of(name, "kstep: must be > 0");
        if (!Double.isFinite(p.kweight()) || p.kweight() < 0) throw EdgeworksException.of(name, "kweight: must be >= 0");
        Parameters.validate(p, name);
    }

    /** The parameters as given, snake_case (the CLI's chir.json; the provenance adds the derived values). */
    public static Map<String, Object> used(Params p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kmin", p.kmin());
        m.put("kmax", p.kmax());
        m.put("dk", p.dk());
        m.put("window", p.window().label());
        m.put("kweight", p.kweight());
        m.put("rmax_out", p.rmaxOut());
        m.put("nfft", p.nfft());
        m.put("kstep", p.kstep());
        return m;
    }

    /** The transform of an already validated chi (no provenance): Larch's xftf_prep + xftf_fast. */
    public static ChiR transform(Chi c, Params p) {
        double kstep = p.kstep();
        int nfft = p.nfft();
        double kdata = c.kmaxData();
        int npts = (int) (1.01 + kdata / kstep);
        double kgrid = Math.max(kdata, p.kmax() + p.dk());
        double[] kk = XafsFt.grid(kstep, (int) (1.01 + kgrid / kstep));
        double[] chiG = XafsFt.interp(kk, c.k(), c.chi());
        double[] win = XafsFt.window(kk, p.kmin(), p.kmax(), p.dk(), p.dk(), p.window());
        npts = Math.min(npts, kk.length);
        double[] w = new double[npts];
        for (int i = 0; i < npts; i++) w[i] = chiG[i] * Math.pow(kk[i], p.kweight()) * win[i];
        double[][] f = XafsFt.forward(w, nfft, kstep);
        double rstep = XafsFt.rstep(kstep, nfft);
        int irmax = (int) Math.min(nfft / 2, 1.01 + p.rmaxOut() / rstep);
        double[] r = XafsFt.grid(rstep, irmax), re = new double[irmax], im = new double[irmax], mag = new double[irmax];
        for (int i = 0; i < irmax; i++) {
            re[i] = f[0][i];
            im[i] = f[1][i];
            mag[i] = Math.sqrt(re[i] * re[i] + im[i] * im[i]);
        }
        return new ChiR(c.name(), r, re, im, mag, java.util.Arrays.copyOf(kk, npts), java.util.Arrays.copyOf(win, npts), p.kweight());
    }
}
