package org.edgeworks.rixs;

import static org.edgeworks.testsupport.SyntheticNexus.group;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DoubleDataset;
import org.eclipse.january.dataset.ILazyDataset;
import org.eclipse.january.dataset.LazyDataset;
import org.eclipse.january.dataset.SliceND;
import org.eclipse.january.io.ILazyLoader;

import org.edgeworks.testsupport.RixsMaps;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.DatasetCreationOptions;
import io.jhdf.api.WritableGroup;

/**
 * SYNTHETIC ground truth for the mRIXS tests (not measured data). An O K-edge-like RIXS plane
 * I(E_ex, E_em) (counts per eV per detector row at I0 x t = 1e4):
 * <ul>
 * <li>the normal O K emission band (peaks at 525.0 and 522.8 eV emission) times an absorption-like
 *     excitation profile (pre-edge peak at 529.6 eV, edge step at 532 eV);</li>
 * <li>the oxidised-oxygen feature, a 2-D Gaussian at 531.0 eV excitation / 523.7 eV emission whose
 *     amplitude depends on the state (pristine / charged / discharged);</li>
 * <li>the elastic line at E_em = E_ex.</li>
 * </ul>
 * seen by a detector with a known pixel-to-eV line (E = e0 + dispersion x pixel, straightened
 * frame), a known curved iso-energy line (shift(u) = a1 u + a2 u^2 pixels, u = row - centre), a
 * dark level, Gaussian read noise, Poisson counting noise, cosmic-ray tracks, and I0 varying
 * by +-10 % from frame to frame.
 */
public final class SyntheticRixs {

    /** Everything the generator needs; the truth the tests compare with. */
    public record Spec(String state, double oxidisedAmplitude, int points, int rows, int columns, double exFrom, double exTo,
                       double e0, double dispersion, double a1, double a2, double dark, double readNoise,
                       int cosmicsPerFrame, boolean noise, long seed) {

        /** Small stacks like the committed samples: 41 frames x 64 x 256. */
        public static Spec of(String state, long seed) {
            return new Spec(state, amplitude(state), 41, 64, 256, 527.0, 535.0, 515.0, 0.08, 0.03, 0.002, 100, 3, 6, true, seed);
        }

        public Spec withSize(int points, int rows, int columns, double dispersion) {
            return new Spec(state, oxidisedAmplitude, points, rows, columns, exFrom, exTo, e0, dispersion, a1, a2, dark, readNoise,
                cosmicsPerFrame, noise, seed);
        }

        public Spec noiseless() {
            return new Spec(state, oxidisedAmplitude, points, rows, columns, exFrom, exTo, e0, dispersion, a1, a2, dark, 0, 0, false, seed);
        }

        public double excitation(int point) { return points == 1 ? exFrom : exFrom + (exTo - exFrom) * point / (points - 1); }

        public double i0(int point) { return 1e4 * (1 + 0.1 * Math.sin(0.7 * point + seed)); }

        public double countTime(int point) { return 1.0; }

        public double centreRow() { return (rows - 1) / 2.0; }
    }

    /** Oxidised-feature amplitude per state: strong when charged, nearly gone again when discharged. */
    public static double amplitude(String state) {
        return switch (state) {
            case "charged" -> 1.0;
            case "discharged" -> 0.3;
            default -> 0.15;
        };
    }

    static final double FLUORESCENCE = 300, OXIDISED = 250, ELASTIC = 600;
    static final double ELASTIC_SIGMA = 0.12, OX_SIGMA_EX = 0.25, OX_SIGMA_EM = 0.25;

    static double g(double x, double c, double s) { return RixsMaps.gauss(x, c, s); }

    /** Excitation profile of the normal emission: pre-edge peak + edge step. */
    static double absorption(double ex) {
        return 0.6 * g(ex, 529.6, 0.45) + 0.4 * (0.5 + Math.atan((ex - 532.0) / 0.8) / Math.PI) + 0.05;
    }

    /** Normal O K emission band shape. */
    static double emissionBand(double em) { return 0.7 * g(em, 525.0, 0.9) + 1.0 * g(em, 522.8, 1.3); }

    /** Counts per eV per row at I0 x t = 1e4, without the elastic line. */
    public static double inelastic(Spec s, double ex, double em) {
        return FLUORESCENCE * absorption(ex) * emissionBand(em)
            + OXIDISED * s.oxidisedAmplitude() * g(ex, 531.0, OX_SIGMA_EX) * g(em, 523.7, OX_SIGMA_EM);
    }

    public static double intensity(Spec s, double ex, double em) {
        return inelastic(s, ex, em) + ELASTIC * g(em, ex, ELASTIC_SIGMA);
    }

    /**
     * The map the builder should produce without noise: sum over rows of counts / (I0 t) per eV,
     * i.e. rows x I / 1e4.
     */
    public static double truthMap(Spec s, double ex, double em) { return s.rows() * intensity(s, ex, em) / 1e4; }

    /** The true oxidised-feature integral over the whole plane (map units x eV^2). */
    public static double trueFeatureIntegral(Spec s) {
        return s.rows() * OXIDISED * s.oxidisedAmplitude() * 2 * Math.PI * OX_SIGMA_EX * OX_SIGMA_EM / 1e4;
    }

    /** Expected (noise-free, dark included) counts of one frame, row-major. */
    public static double[] expectedFrame(Spec s, int point) {
        int rows = s.rows(), cols = s.columns();
        double ex = s.excitation(point);
        double scale = s.i0(point) * s.countTime(point) / 1e4;
        // one straightened profile on a fine grid, then every row is that profile shifted by the curvature
        int over = 8, margin = 64;
        int n = (cols + 2 * margin) * over;
        double[] fine = new double[n];
        for (int k = 0; k < n; k++) {
            double px = (double) k / over - margin;
            fine[k] = intensity(s, ex, s.e0() + s.dispersion() * px) * s.dispersion() * scale;
        }
        double[] out = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            double u = r - s.centreRow();
            double shift = s.a1() * u + s.a2() * u * u;
            for (int c = 0; c < cols; c++) {
                double x = (c - shift + margin) * over;
                int i = (int) Math.floor(x);
                double f = x - i;
                double v = i >= 0 && i + 1 < n ? (1 - f) * fine[i] + f * fine[i + 1] : 0;
                out[r * cols + c] = v + s.dark();
            }
        }
        return out;
    }

    /** One raw frame: expected counts with Poisson and read noise and cosmic-ray tracks (deterministic per point). */
    public static double[] rawFrame(Spec s, int point) {
        double[] f = expectedFrame(s, point);
        if (!s.noise()) return f;
        Random rnd = new Random(s.seed() * 1_000_003L + point);
        for (int i = 0; i < f.length; i++) {
            double signal = f[i] - s.dark();
            double photons = poisson(rnd, Math.max(0, signal));
            f[i] = Math.max(0, Math.rint(s.dark() + photons + s.readNoise() * rnd.nextGaussian()));
        }
        for (int k = 0; k < s.cosmicsPerFrame(); k++) {
            int r = rnd.nextInt(s.rows()), c = rnd.nextInt(s.columns());
            int len = 1 + rnd.nextInt(3);
            double amp = 500 + 2500 * rnd.nextDouble();
            boolean horizontal = rnd.nextBoolean();
            for (int j = 0; j < len; j++) {
                int rr = horizontal ? r : Math.min(s.rows() - 1, r + j), cc = horizontal ? Math.min(s.columns() - 1, c + j) : c;
                f[rr * s.columns() + cc] += Math.rint(amp * (1 - 0.3 * j));
            }
        }
        for (int i = 0; i < f.length; i++) f[i] = Math.min(65535, f[i]);
        return f;
    }

    /** Poisson counts (org.edgeworks.testsupport.RixsMaps#poisson). */
    static double poisson(Random rnd, double lambda) { return RixsMaps.poisson(rnd, lambda); }

    /** Dark frames: the dark level plus read noise. */
    public static double[] darkFrame(Spec s, int index) {
        Random rnd = new Random(s.seed() * 7919L + 100_000 + index);
        double[] d = new double[s.rows() * s.columns()];
        for (int i = 0; i < d.length; i++) d[i] = s.noise() ? Math.max(0, Math.rint(s.dark() + s.readNoise() * rnd.nextGaussian())) : s.dark();
        return d;
    }

    /** Counts frames handed out and how many are alive at once (the caller releases by {@link #release()}). */
    public static final class FrameCounter {
        public final AtomicInteger framesServed = new AtomicInteger();
        public final AtomicLong bytesServed = new AtomicLong();
    }

    /**
     * The stack as a lazy dataset generating each requested frame on the fly (nothing is held):
     * the way to test streaming on a stack larger than the heap.
     */
    public static ILazyDataset lazyStack(Spec s, FrameCounter counter) {
        ILazyLoader loader = new ILazyLoader() {
            private static final long serialVersionUID = 1L;
            @Override public boolean isFileReadable() { return true; }
            @Override public Dataset getDataset(IMonitor mon, SliceND slice) throws IOException {
                int[] start = slice.getStart(), shape = slice.getShape();
                int n = shape[0];
                if (slice.getStep()[0] != 1) throw new IOException("synthetic stack: frame step must be 1");
                int frameSize = s.rows() * s.columns();
                double[] all = new double[n * frameSize];
                for (int k = 0; k < n; k++) {
                    System.arraycopy(rawFrame(s, start[0] + k), 0, all, k * frameSize, frameSize);
                    if (counter != null) {
                        counter.framesServed.incrementAndGet();
                        counter.bytesServed.addAndGet(8L * frameSize);
                    }
                }
                Dataset d = DatasetFactory.createFromObject(DoubleDataset.class, all, n, s.rows(), s.columns());
                int[] st = start.clone(), sp = slice.getStop().clone();
                st[0] = 0;
                sp[0] = n;
                return (st[1] == 0 && st[2] == 0 && sp[1] == s.rows() && sp[2] == s.columns()) ? d : d.getSlice(st, sp, slice.getStep());
            }
        };
        return new LazyDataset(loader, "synthetic " + s.state(), DoubleDataset.class, s.points(), s.rows(), s.columns());
    }

    public static RawStack rawStack(Spec s, FrameCounter counter) {
        double[] ex = new double[s.points()], i0 = new double[s.points()], t = new double[s.points()];
        for (int p = 0; p < s.points(); p++) { ex[p] = s.excitation(p); i0[p] = s.i0(p); t[p] = s.countTime(p); }
        return new RawStack("synthetic_" + s.state(), lazyStack(s, counter), ex, i0, t, null);
    }

    /**
     * Writes the raw scan as NeXus (HDF5, jHDF writer): /entry (NXentry) with
     * instrument/detector (NXdetector) data frames x rows x columns uint16 (chunked per frame,
     * deflate), count_time, dark (dark frames); instrument/monochromator (NXmonochromator)
     * energy (eV); monitor (NXmonitor) data = I0; sample (NXsample) name.
     */
    public static void writeNexus(Spec s, Path file, int darkFrames) {
        int rows = s.rows(), cols = s.columns(), n = s.points();
        int[][][] data = new int[n][rows][cols];
        for (int p = 0; p < n; p++) {
            double[] f = rawFrame(s, p);
            for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) data[p][r][c] = (int) f[r * cols + c];
        }
        double[] ex = new double[n], i0 = new double[n], t = new double[n];
        for (int p = 0; p < n; p++) { ex[p] = s.excitation(p); i0[p] = s.i0(p); t[p] = s.countTime(p); }
        try (WritableHdfFile h = HdfFile.write(file)) {
            WritableGroup entry = group(h, "entry", "NXentry");
            entry.putDataset("title", "SYNTHETIC O K-edge mRIXS raw scan, state " + s.state() + " (generated, not measured)");
            entry.putDataset("definition", "NXrixs-raw-synthetic");
            group(entry, "sample", "NXsample").putDataset("name", "synthetic " + s.state());
            WritableGroup inst = group(entry, "instrument", "NXinstrument");
            WritableGroup det = group(inst, "detector", "NXdetector");
            DatasetCreationOptions opts = DatasetCreationOptions.builder().unsigned().chunkDimensions(1, rows, cols).deflate(4).build();
            var d = det.putDataset("data", toShorts(data), opts);
            d.putAttribute("units", "counts");
            var ct = det.putDataset("count_time", t);
            ct.putAttribute("units", "s");
            if (darkFrames > 0) {
                int[][][] dark = new int[darkFrames][rows][cols];
                for (int k = 0; k < darkFrames; k++) {
                    double[] f = darkFrame(s, k);
                    for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) dark[k][r][c] = (int) f[r * cols + c];
                }
                det.putDataset("dark", toShorts(dark), DatasetCreationOptions.builder().unsigned().chunkDimensions(1, rows, cols).deflate(4).build());
            }
            group(inst, "monochromator", "NXmonochromator").putDataset("energy", ex).putAttribute("units", "eV");
            group(entry, "monitor", "NXmonitor").putDataset("data", i0);
        }
    }

    private static short[][][] toShorts(int[][][] a) {
        short[][][] out = new short[a.length][a[0].length][a[0][0].length];
        for (int i = 0; i < a.length; i++)
            for (int j = 0; j < a[i].length; j++)
                for (int k = 0; k < a[i][j].length; k++) out[i][j][k] = (short) a[i][j][k];
        return out;
    }
}
