package org.edgeworks.exafs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.january.IMonitor;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.processing.MonitoredProcessor;
import org.edgeworks.core.processing.Monitors;
import org.edgeworks.core.processing.Param;
import org.edgeworks.core.processing.Parameters;
import org.edgeworks.core.processing.Result;
import org.hipparchus.transform.DftNormalization;
import org.hipparchus.transform.FastFourierTransformer;
import org.hipparchus.transform.TransformType;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Continuous wavelet transform of chi(k) k^w on R (rows) x k (columns), with one of two wavelets
 * (docs/science.md#exafs-wavelet).
 * <p>
 * <b>Cauchy</b> (the default; Munoz, Argoul, Farges, Am. Mineral. 88, 694 (2003)), numerically Larch
 * 0.9.58's {@code cauchy_wavelet}: chi k^w padded to nfft/2 points, FFT of length 2 nfft, for each R of
 * linspace(0, rmax_out, n) (first R 1e-19, n = round((rmax_out - 1e-7)/rstep), rstep = pi/(2048 kstep))
 * the filter exp(log(2 pi) - log(n!) + n log(a omega) - a omega) with a = n/(2R), inverse FFT, first
 * len(k) points. The wavelet's order is n, so the result depends on rmax_out (Larch's convention; 10 A
 * by default).
 * <p>
 * <b>Morlet</b> (Funke, Scheinost, Chukalina, Phys. Rev. B 71, 094110 (2005)): the mother wavelet
 * psi(t) = exp(i eta t) exp(-t^2 / (2 sigma^2)) / (sqrt(2 pi) sigma) and, with the scale a = eta/(2r) so that
 * a shell at distance R has its ridge at r = R (the r axis of the Fourier transform),
 * W(k, r) = sqrt(2r/eta) integral chi(k') k'^w conj(psi((2r/eta)(k' - k))) dk'.
 * eta (default 10) is the wavelet's frequency, sigma (default 1) its half-width; their product sets the
 * resolution trade-off: at distance r a Gaussian of standard deviation eta sigma/(2r) in k and about
 * r/(eta sigma) in r. These defaults are Edgeworks' choice (the paper tunes eta and sigma per sample);
 * the admissibility correction exp(-eta^2 sigma^2 / 2) of the complete Morlet wavelet is omitted as in
 * the paper (2e-22 at the defaults; eta sigma below 5 is refused, where it would exceed 4e-6). The
 * integral is the sum over the data grid times kstep (chi is zero outside it), evaluated directly with the
 * kernel tabulated on index differences of the uniform grid (no padding or wrap-around questions; Hipparchus
 * has no wavelet transforms, hence written here). Same R grid as the Cauchy transform; at r = 0 the
 * transform is its limit 0. For a pure sine A sin(2Rk) under a Gaussian envelope of standard deviation g
 * centred at k0, |W| is largest near (k0, R) with value (A/2) g / (sqrt(2R/eta) sqrt(g^2 + (eta sigma/2R)^2)).
 * <p>
 * Steps: the parameters' checks, the k grid (uniform from 0), the R grid, one row per R (the step
 * that takes the time: one unit of progress per row, cancellation checked between rows).
 * Output: modulus, real and imaginary parts on R (rows) x k (columns); k as given (uniform grid from 0).
 */
public final class WaveletProcessor extends MonitoredProcessor<Chi, WaveletProcessor.Params, WaveletProcessor.Wavelet> {
    public static final String ID = "org.edgeworks.exafs.wavelet";

    /** The mother wavelet. */
    public enum Kind {
        /** Munoz et al. 2003, Larch's cauchy_wavelet */
        CAUCHY("cauchy"),
        /** Funke et al. 2005 */
        MORLET("morlet");

        private final String label;

        Kind(String label) { this.label = label; }

        @JsonValue public String label() { return label; }

        @JsonCreator
        public static Kind parse(String text) {
            String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
            for (Kind k : values()) if (k.label.equals(t)) return k;
            throw new IllegalArgumentException("wavelet: '" + text + "' is not one of cauchy|morlet");
        }
    }

    public record Params(
        @Param(label = "k-weight", min = 0, max = 5) double kweight,
        @Param(label = "R max out", unit = "A", min = 0, description = "sets the grid and the Cauchy wavelet's order (Larch rmax_out)") double rmaxOut,
        @Param(label = "FFT length", min = 16, expert = true, description = "power of 2, Larch nfft") int nfft,
        @Param(label = "wavelet", description = "cauchy | morlet") Kind wavelet,
        @Param(label = "Morlet eta", description = "Morlet frequency (Funke et al. 2005)", min = 0, enableIf = "wavelet=morlet") double eta,
        @Param(label = "Morlet sigma", description = "Morlet half-width (Funke et al. 2005); eta x sigma sets the resolution: eta sigma/(2R) in k, about R/(eta sigma) in R", min = 0, enableIf = "wavelet=morlet") double sigma) {

        /** Larch defaults except kweight 2 (the CLI's): rmax_out 10, nfft 2048; Cauchy; Morlet eta 10, sigma 1 (unused by Cauchy). */
        public static Params defaults() { return new Params(2, 10, 2048, Kind.CAUCHY, 10, 1); }

        /** Larch's Cauchy transform with these settings. */
        public static Params cauchy(double kweight, double rmaxOut) { return new Params(kweight, rmaxOut, 2048, Kind.CAUCHY, 10, 1); }

        /** The Morlet transform with these settings, on the grid of rmax_out. */
        public static Params morlet(double kweight, double rmaxOut, double eta, double sigma) {
            return new Params(kweight, rmaxOut, 2048, Kind.MORLET, eta, sigma);
        }
    }

    /** The transform on r (A, rows) x k (1/A, columns), made with the wavelet {@code kind}. */
    public record Wavelet(String name, double[] k, double[] r, double[][] modulus, double[][] re, double[][] im, double kweight, Kind kind) {

        /** The rows with r <= rmax (the CLI keeps what it plots). */
        public Wavelet cut(double rmax) {
            int n = 0;
            while (n < r.length && r[n] <= rmax) n++;
            return new Wavelet(name, k, java.util.Arrays.copyOf(r, n), java.util.Arrays.copyOf(modulus, n), java.util.Arrays.copyOf(re, n),
                java.util.Arrays.copyOf(im, n), kweight, kind);
        }
    }

    public WaveletProcessor() { super(ID, "1.0", "Wavelet transform of chi(k) (Cauchy or Morlet)", Chi.class, Params.class); }

    @Override public Params defaults() { return Params.defaults(); }

    /**
     * As {@link #apply(Chi, Params)}, reporting one unit of work per R row to {@code monitor}
     * (about rmax_out/rstep rows: 326 at rmax_out 10 A on a 0.05 1/A grid) and stopping within one row
     * once it is cancelled: the error is "NAME: cancelled".
     */
    @Override
    public Result<Wavelet> apply(Chi input, Params p, IMonitor monitor) throws EdgeworksException {
        Chi c = input.validated();
        check(c.name(), p);
        double kstep = kstep(c), rstep = (Math.PI / 2048) / kstep;
        int nr = (int) Math.round((p.rmaxOut() - 1.e-7) / rstep);
        if (nr < 2) throw EdgeworksException.of(c.name(), "rmax_out: " + p.rmaxOut() + " A holds fewer than 2 R rows of " + rstep + " A");
        Kind kind = p.wavelet() == Kind.MORLET ? Kind.MORLET : Kind.CAUCHY;
        Rows rows = new Rows(nr, c.k().length);
        double[] r = rGrid(p.rmaxOut(), nr);
        Map<String, Object> used = new LinkedHashMap<>();
        used.put("wavelet", kind.label());
        used.put("kweight", p.kweight());
        used.put("rmax_out", p.rmaxOut());
        if (kind == Kind.MORLET) {
            morlet(c, p, kstep, r, rows, monitor);
            used.put("eta", p.eta());
            used.put("sigma", p.sigma());
        } else {
            cauchy(c, p, kstep, r, rows, monitor);
            used.put("nfft", p.nfft());
        }
        used.put("kstep", kstep);
        used.put("nr", nr);
        used.put("rstep", rstep);
        if (kind == Kind.MORLET) used.put("reference", "Funke, Scheinost, Chukalina, Phys. Rev. B 71, 094110 (2005)");
        return result(new Wavelet(c.name(), c.k().clone(), r, rows.mod(), rows.re(), rows.im(), p.kweight(), kind), used, List.of());
    }

    /** Refuses what no chi can be transformed with: a bad FFT length or rmax_out, then the record's bounds; Morlet's eta and sigma. */
    private static void check(String name, Params p) throws EdgeworksException {
        if (p.nfft() < 16 || Integer.bitCount(p.nfft()) != 1) throw EdgeworksException.of(name, "nfft: must be a power of 2");
        if (!(p.rmaxOut() > 0)) throw EdgeworksException.of(name, "rmax_out: must be > 0");
        if (!(p.kweight() >= 0)) throw EdgeworksException.of(name, "kweight: must be >= 0");
        if (p.wavelet() == Kind.MORLET) {
            double eta = p.eta(), sigma = p.sigma();
            if (!(eta > 0) || !(sigma > 0) || !Double.isFinite(eta * sigma))
                throw EdgeworksException.of(name, "wavelet: Morlet eta and sigma must be > 0, not " + eta + " and " + sigma);
            if (eta * sigma < 5)
                throw EdgeworksException.of(name, "wavelet: Morlet eta x sigma = " + eta * sigma
                    + " is below 5, where the omitted admissibility term exp(-eta^2 sigma^2/2) is no longer negligible");
        }
        Parameters.validate(p, name);
    }

    /** The k step of a grid uniform from k = 0 (rounded to 0.001 1/A, as Larch), refusing any other grid. */
    private static double kstep(Chi c) throws EdgeworksException {
        double[] k = c.k();
        double kstep = Math.round(1000. * (k[1] - k[0])) / 1000.0;
        for (int i = 1; i < k.length; i++)
            if (Math.abs(k[i] - k[0] - i * kstep) > 1e-3 * kstep)
                throw EdgeworksException.of(c.name(), "chi: the wavelet needs a uniform k grid (step " + kstep + ") from k = 0");
        if (Math.abs(k[0]) > 1e-9) throw EdgeworksException.of(c.name(), "chi: the wavelet needs a k grid starting at 0, not " + k[0]);
        return kstep;
    }

    /** linspace(0, rmax_out, nr): the R rows of both wavelets. */
    private static double[] rGrid(double rmaxOut, int nr) {
        double[] r = new double[nr];
        for (int i = 0; i < nr; i++) r[i] = nr == 1 ? 0 : rmaxOut * i / (nr - 1);
        return r;
    }

    /** The output rows: modulus, real and imaginary parts, nr x nk. */
    private record Rows(double[][] mod, double[][] re, double[][] im) {
        Rows(int nr, int nk) { this(new double[nr][nk], new double[nr][nk], new double[nr][nk]); }

        void set(int i, int j, double x, double y) {
            re[i][j] = x;
            im[i][j] = y;
            mod[i][j] = Math.hypot(x, y);
        }
    }

    /** One row done: progress, then a cancellation check. */
    private static void rowDone(IMonitor monitor, String name) throws EdgeworksException {
        Monitors.worked(monitor, 1);
        Monitors.check(monitor, name);
    }

    /** The Cauchy transform (class comment) into rows; r[0] becomes Larch's 1e-19. */
    private static void cauchy(Chi c, Params p, double kstep, double[] r, Rows out, IMonitor monitor) throws EdgeworksException {
        double[] k = c.k();
        int nfft = p.nfft(), nk = k.length, half = nfft / 2, nr = r.length;
        double[][] buf = new double[2][2 * nfft];
        for (int i = 0; i < Math.min(nk, half); i++) buf[0][i] = c.chi()[i] * Math.pow(k[i], p.kweight());
        FastFourierTransformer.transformInPlace(buf, DftNormalization.STANDARD, TransformType.FORWARD);
        r[0] = 1.e-19;
        double lognFact = 0;
        for (int i = 1; i <= nr; i++) lognFact += Math.log(i);
        double cauchySum = Math.log(2 * Math.PI) - lognFact;
        double[][] w = new double[2][2 * nfft];
        for (int i = 0; i < nr; i++) {
            double a = nr / (2 * r[i]);
            java.util.Arrays.fill(w[0], 0);
            java.util.Arrays.fill(w[1], 0);
            for (int j = 0; j < nfft; j++) {
                double omega = 2 * Math.PI * (1.0 / kstep) * j / (2.0 * nfft);
                double aom = a * omega;
                if (aom == 0) aom = 1.e-19;
                double f = Math.exp(cauchySum + nr * Math.log(aom) - aom);
                w[0][j] = f * buf[0][j];
                w[1][j] = f * buf[1][j];
            }
            FastFourierTransformer.transformInPlace(w, DftNormalization.STANDARD, TransformType.INVERSE);
            for (int j = 0; j < nk; j++) out.set(i, j, w[0][j], w[1][j]);
            rowDone(monitor, c.name());
        }
    }

    /** The Morlet transform (class comment): direct sum, kernel tabulated on index differences. */
    private static void morlet(Chi c, Params p, double kstep, double[] r, Rows out, IMonitor monitor) throws EdgeworksException {
        double eta = p.eta(), sigma = p.sigma();
        double[] k = c.k();
        int nk = k.length, nr = r.length;
        double[] f = new double[nk];
        for (int i = 0; i < nk; i++) f[i] = c.chi()[i] * Math.pow(k[i], p.kweight());
        double norm = 1 / (Math.sqrt(2 * Math.PI) * sigma);
        double[] kr = new double[2 * nk - 1], ki = new double[2 * nk - 1];
        for (int ir = 0; ir < nr; ir++) {
            if (r[ir] <= 0) { rowDone(monitor, c.name()); continue; } // the limit r -> 0 is 0 (sqrt(2r/eta) -> 0, the kernel stays bounded)
            double s = 2 * r[ir] / eta, scale = Math.sqrt(s) * kstep * norm;
            // conj(psi(s d)) for d = (i - j) kstep, index i - j + nk - 1
            for (int d = -(nk - 1); d <= nk - 1; d++) {
                double t = s * d * kstep, g = scale * Math.exp(-t * t / (2 * sigma * sigma));
                kr[d + nk - 1] = g * Math.cos(eta * t);
                ki[d + nk - 1] = -g * Math.sin(eta * t);
            }
            for (int j = 0; j < nk; j++) {
                double sr = 0, si = 0;
                for (int i = 0; i < nk; i++) {
                    int d = i - j + nk - 1;
                    sr += f[i] * kr[d];
                    si += f[i] * ki[d];
                }
                out.set(ir, j, sr, si);
            }
            rowDone(monitor, c.name());
        }
    }
}
