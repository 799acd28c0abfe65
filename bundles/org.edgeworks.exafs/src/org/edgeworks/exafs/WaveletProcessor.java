package org.edgeworks.exafs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.processing.Param;
import org.edgeworks.core.processing.Processor;
import org.edgeworks.core.processing.Provenance;
import org.edgeworks.core.processing.Result;
import org.hipparchus.transform.DftNormalization;
import org.hipparchus.transform.FastFourierTransformer;
import org.hipparchus.transform.TransformType;

/**
 * Continuous Cauchy wavelet transform of chi(k) k^w (Munoz, Argoul, Farges, Am. Mineral. 88, 694
 * (2003)), numerically Larch 0.9.58's {@code cauchy_wavelet}: chi k^w padded to nfft/2 points,
 * FFT of length 2 nfft, for each R of linspace(0, rmax_out, n) (first R 1e-19, n = round((rmax_out
 * - 1e-7)/rstep), rstep = pi/(2048 kstep)) the filter exp(log(2 pi) - log(n!) + n log(a omega) -
 * a omega) with a = n/(2R), inverse FFT, first len(k) points. The wavelet's order is n, so the
 * result depends on rmax_out (Larch's convention; 10 A by default). Output: modulus, real and
 * imaginary parts on R (rows) x k (columns); k as given (uniform grid from 0).
 */
public final class WaveletProcessor implements Processor<Chi, WaveletProcessor.Params, WaveletProcessor.Wavelet> {
    public static final String ID = "org.edgeworks.exafs.wavelet";

    public record Params(
        @Param(label = "k-weight", min = 0, max = 5) double kweight,
        @Param(label = "R max out", unit = "A", description = "sets the grid and the wavelet order (Larch rmax_out)") double rmaxOut,
        @Param(label = "FFT length") int nfft) {

        /** Larch defaults except kweight 2 (the CLI's): rmax_out 10, nfft 2048. */
        public static Params defaults() { return new Params(2, 10, 2048); }
    }

    /** The transform on r (A, rows) x k (1/A, columns). */
    public record Wavelet(String name, double[] k, double[] r, double[][] modulus, double[][] re, double[][] im, double kweight) {

        /** The rows with r <= rmax (the CLI keeps what it plots). */
        public Wavelet cut(double rmax) {
            int n = 0;
            while (n < r.length && r[n] <= rmax) n++;
            return new Wavelet(name, k, java.util.Arrays.copyOf(r, n), java.util.Arrays.copyOf(modulus, n), java.util.Arrays.copyOf(re, n),
                java.util.Arrays.copyOf(im, n), kweight);
        }
    }

    @Override public String id() { return ID; }
    @Override public String version() { return "1.0"; }
    @Override public String label() { return "Cauchy wavelet transform of chi(k)"; }
    @Override public Class<Chi> inputType() { return Chi.class; }
    @Override public Class<Params> parameterType() { return Params.class; }
    @Override public Params defaults() { return Params.defaults(); }

    @Override
    public Result<Wavelet> apply(Chi input, Params p) throws EdgeworksException {
        Chi c = input.validated();
        if (p.nfft() < 16 || Integer.bitCount(p.nfft()) != 1) throw EdgeworksException.of(c.name(), "nfft: must be a power of 2");
        if (!(p.rmaxOut() > 0)) throw EdgeworksException.of(c.name(), "rmax_out: must be > 0");
        if (!(p.kweight() >= 0)) throw EdgeworksException.of(c.name(), "kweight: must be >= 0");
        double[] k = c.k();
        double kstep = Math.round(1000. * (k[1] - k[0])) / 1000.0;
        for (int i = 1; i < k.length; i++)
            if (Math.abs(k[i] - k[0] - i * kstep) > 1e-3 * kstep)
                throw EdgeworksException.of(c.name(), "chi: the wavelet needs a uniform k grid (step " + kstep + ") from k = 0");
        if (Math.abs(k[0]) > 1e-9) throw EdgeworksException.of(c.name(), "chi: the wavelet needs a k grid starting at 0, not " + k[0]);
        int nfft = p.nfft(), nk = k.length, half = nfft / 2;
        double rstep = (Math.PI / 2048) / kstep;
        int nr = (int) Math.round((p.rmaxOut() - 1.e-7) / rstep);
        double[][] buf = new double[2][2 * nfft];
        for (int i = 0; i < Math.min(nk, half); i++) buf[0][i] = c.chi()[i] * Math.pow(k[i], p.kweight());
        FastFourierTransformer.transformInPlace(buf, DftNormalization.STANDARD, TransformType.FORWARD);
        double[] r = new double[nr];
        for (int i = 0; i < nr; i++) r[i] = nr == 1 ? 0 : p.rmaxOut() * i / (nr - 1);
        r[0] = 1.e-19;
        double lognFact = 0;
        for (int i = 1; i <= nr; i++) lognFact += Math.log(i);
        double cauchySum = Math.log(2 * Math.PI) - lognFact;
        double[][] mod = new double[nr][nk], re = new double[nr][nk], im = new double[nr][nk];
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
            for (int j = 0; j < nk; j++) {
                re[i][j] = w[0][j];
                im[i][j] = w[1][j];
                mod[i][j] = Math.hypot(w[0][j], w[1][j]);
            }
        }
        Map<String, Object> used = new LinkedHashMap<>();
        used.put("wavelet", "cauchy");
        used.put("kweight", p.kweight());
        used.put("rmax_out", p.rmaxOut());
        used.put("nfft", nfft);
        used.put("kstep", kstep);
        used.put("nr", nr);
        return new Result<>(new Wavelet(c.name(), k.clone(), r, mod, re, im, p.kweight()), Provenance.of(ID, version(), used, List.of()));
    }
}
