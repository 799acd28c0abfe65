package org.edgeworks.exafs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.processing.BaseProcessor;
import org.edgeworks.core.processing.Param;
import org.edgeworks.core.processing.Parameters;
import org.edgeworks.core.processing.Result;
import org.edgeworks.exafs.FourierTransformProcessor.ChiR;
import org.edgeworks.exafs.kernel.XafsFt;

/**
 * Back transform chi(R) -> chi(q) (docs/science.md#exafs-xftr), numerically Larch 0.9.58's
 * {@code xftr} for a complex chi(R): chi(R) times the R window (taper dr at both ends: Larch's
 * dr2 = dr) and R^rweight on R = j rstep, zero-padded to nfft, chi(q) = 0.5 x 4 sqrt(pi)/kstep
 * IFFT with kstep = pi/(rstep nfft), q = linspace(0, qmax_out, int(1.05 + qmax_out/kstep)). R in
 * A, q in 1/A. The provenance records the R window and the grid used (rstep of the input, the
 * kstep it implies).
 */
public final class BackTransformProcessor extends BaseProcessor<ChiR, BackTransformProcessor.Params, BackTransformProcessor.ChiQ> {
    public static final String ID = "org.edgeworks.exafs.xftr";

    public record Params(
        @Param(label = "R min", unit = "A", min = 0) double rmin,
        @Param(label = "R max", unit = "A", min = 0) double rmax,
        @Param(label = "window taper dR", unit = "A", min = 0, description = "taper width at each end (Larch dr = dr2)") double dr,
        @Param(label = "window", description = "hanning | kaiser | sine | welch | gaussian | parzen") Window window,
        @Param(label = "R-weight", min = 0, description = "chi(R) multiplied by R^rweight (Larch rw)") double rweight,
        @Param(label = "q max out", unit = "1/A", min = 0, description = "highest q written") double qmaxOut,
        @Param(label = "FFT length", min = 16, expert = true, description = "power of 2, Larch nfft") int nfft) implements Parameters.Related {

        /** The R window ends above its start. */
        @Override
        public String conflict() {
            return rmax > rmin ? null : "{rmax}: " + rmax + " A is not above {rmin} " + rmin + " A";
        }

        /** rmin 1, rmax 3, dr 0.5, hanning, rweight 0, qmax_out 20, nfft 2048 (a first shell; Larch's own: R 0-20, kaiser). */
        public static Params defaults() { return new Params(1, 3, 0.5, Window.HANNING, 0, 20, XafsFt.NFFT); }
    }

    /** chi(q) on q (1/A): real, imaginary, magnitude; rwin = the R window on the input R grid. */
    public record ChiQ(String name, double[] q, double[] re, double[] im, double[] mag, double[] rwin) {}

    public BackTransformProcessor() { super(ID, "1.0", "Back transform chi(R) -> chi(q)", ChiR.class, Params.class); }

    @Override public Params defaults() { return Params.defaults(); }

    @Override
    public Result<ChiQ> apply(ChiR in, Params p) throws EdgeworksException {
        check(in, p);
        int nfft = p.nfft();
        double rstep = in.r()[1] - in.r()[0];
        double kstep = Math.PI / (rstep * nfft);
        double[] rr = XafsFt.grid(rstep, nfft);
        double[] win = XafsFt.window(rr, p.rmin(), p.rmax(), p.dr(), p.dr(), p.window());
        int n = Math.min(in.re().length, nfft);
        double[] re = new double[n], im = new double[n];
        for (int i = 0; i < n; i++) {
            double w = win[i] * Math.pow(rr[i], p.rweight());
            re[i] = in.re()[i] * w;
            im[i] = in.im()[i] * w;
        }
        double[][] q = XafsFt.reverse(re, im, nfft, kstep);
        int nq = Math.min(nfft / 2, (int) (1.05 + p.qmaxOut() / kstep));
        double[] qq = new double[nq], qre = new double[nq], qim = new double[nq], mag = new double[nq];
        for (int i = 0; i < nq; i++) {
            qq[i] = nq == 1 ? 0 : p.qmaxOut() * i / (nq - 1);
            qre[i] = 0.5 * q[0][i];
            qim[i] = 0.5 * q[1][i];
            mag[i] = Math.hypot(qre[i], qim[i]);
        }
        Map<String, Object> used = new LinkedHashMap<>();
        used.put("rmin", p.rmin());
        used.put("rmax", p.rmax());
        used.put("dr", p.dr());
        used.put("window", p.window().label());
        used.put("rweight", p.rweight());
        used.put("qmax_out", p.qmaxOut());
        used.put("nfft", nfft);
        used.put("kstep", kstep);
        used.put("dr2", p.dr());
        used.put("rstep", rstep);
        used.put("nq", nq);
        return result(new ChiQ(in.name(), qq, qre, qim, mag, java.util.Arrays.copyOf(win, in.r().length)), used, List.of());
    }

    /** Refuses what no chi(R) can be back-transformed with (then the record's bounds). */
    private static void check(ChiR in, Params p) throws EdgeworksException {
        if (in.r().length < 2) throw EdgeworksException.of(in.name(), "chir: fewer than 2 R points");
        if (p.window() == null) throw EdgeworksException.of(in.name(), "window: missing");
        if (p.nfft() < 16 || Integer.bitCount(p.nfft()) != 1) throw EdgeworksException.of(in.name(), "nfft: must be a power of 2");
        if (!(p.qmaxOut() > 0)) throw EdgeworksException.of(in.name(), "qmax_out: must be > 0");
        if (!(p.rweight() >= 0) || !(p.dr() >= 0)) throw EdgeworksException.of(in.name(), "rweight/dr: must be >= 0, not " + p.rweight() + ", " + p.dr());
        Parameters.validate(p, in.name());
    }
}
