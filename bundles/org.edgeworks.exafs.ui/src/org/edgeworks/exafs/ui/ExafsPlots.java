package org.edgeworks.exafs.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.exafs.AutobkProcessor;
import org.edgeworks.exafs.Chi;
import org.edgeworks.exafs.FeffitProcessor;
import org.edgeworks.exafs.FourierTransformProcessor;
import org.edgeworks.exafs.WaveletProcessor;
import org.edgeworks.plot.Colormap;
import org.edgeworks.plot.LinePlot;
import org.edgeworks.plot.MapPlot;
import org.edgeworks.plot.PngPlots;
import org.edgeworks.plot.Rendered;
import org.edgeworks.plot.Scaling;
import org.edgeworks.plot.Series;

/**
 * The pictures of the EXAFS viewers, drawn by org.edgeworks.plot (the same drawing as the CLI's
 * PNGs): chi(k) k^w with the background, |chi(R)| with Re and Im, the wavelet modulus map, the
 * fit overlay in k and R. No science here: every number comes from the processors' results; the
 * k-weight only multiplies for display.
 */
public final class ExafsPlots {
    private ExafsPlots() {}

    /** Draws {@code data} at the given size; kweight applies to chi(k) pictures. */
    public static Rendered render(Object data, double kweight, int width, int height) throws EdgeworksException {
        String kw = fmt(kweight);
        if (data instanceof AutobkProcessor.Autobk a) {
            return PngPlots.renderLinePlot(new LinePlot(a.name() + ": k^" + kw + " chi(k)", "k (1/A)", "k^" + kw + " chi",
                List.of(new Series("k^" + kw + " chi", a.k(), weighted(a.k(), a.chi(), kweight), false)), List.of()), width, height);
        }
        if (data instanceof Chi c) {
            return PngPlots.renderLinePlot(new LinePlot(c.name() + ": k^" + kw + " chi(k)", "k (1/A)", "k^" + kw + " chi",
                List.of(new Series("k^" + kw + " chi", c.k(), weighted(c.k(), c.chi(), kweight), false)), List.of()), width, height);
        }
        if (data instanceof FourierTransformProcessor.ChiR r) {
            return PngPlots.renderLinePlot(new LinePlot(r.name() + ": |chi(R)| (k^" + fmt(r.kweight()) + ")", "R (A)", "chi(R)",
                List.of(new Series("|chi(R)|", r.r(), r.mag(), false), new Series("Re", r.r(), r.re(), true),
                    new Series("Im", r.r(), r.im(), true)), List.of()), width, height);
        }
        if (data instanceof WaveletProcessor.Wavelet w) {
            int nr = w.r().length, nk = w.k().length;
            double[] flat = new double[nr * nk];
            for (int i = 0; i < nr; i++) System.arraycopy(w.modulus()[i], 0, flat, i * nk, nk);
            return PngPlots.renderMapPlot(new MapPlot(w.name() + ": " + (w.kind() == WaveletProcessor.Kind.MORLET ? "Morlet" : "Cauchy") + " wavelet |W| (k^" + fmt(w.kweight()) + ")", "k (1/A)", "R (A)",
                w.k(), w.r(), flat, Colormap.VIRIDIS, Scaling.linear()), width, height);
        }
        if (data instanceof FeffitProcessor.Fit f) {
            List<Series> k = new ArrayList<>(List.of(new Series("data", f.k(), weighted(f.k(), f.dataChi(), kweight), false),
                new Series("fit", f.k(), weighted(f.k(), f.modelChi(), kweight), false)));
            LinePlot pk = new LinePlot(String.format(Locale.ROOT, "%s: k^%s chi(k), R-factor %.4f", f.name(), kw, f.rFactor()), "k (1/A)",
                "k^" + kw + " chi", k, List.of(f.params().kmin(), f.params().kmax()));
            LinePlot pr = new LinePlot(f.name() + ": |chi(R)|", "R (A)", "|chi(R)|", List.of(new Series("data", f.r(), f.dataChirMag(), false),
                new Series("fit", f.r(), f.modelChirMag(), false)), List.of(f.params().rmin(), f.params().rmax()));
            // k above R, each the canvas width (the CLI's side-by-side panels do not fit a view)
            int h = Math.max(200, height / 2);
            java.awt.image.BufferedImage top = PngPlots.renderLinePlot(pk, width, h).image(), bottom = PngPlots.renderLinePlot(pr, width, h).image();
            java.awt.image.BufferedImage both = new java.awt.image.BufferedImage(width, 2 * h, java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = both.createGraphics();
            g.drawImage(top, 0, 0, null);
            g.drawImage(bottom, 0, h, null);
            g.dispose();
            return new Rendered(both, List.of());
        }
        throw EdgeworksException.of("EXAFS viewer", "cannot show " + (data == null ? "nothing" : data.getClass().getSimpleName()));
    }

    /** Whether the picture has a k-weight to switch. */
    public static boolean weighted(Object data) {
        return data instanceof AutobkProcessor.Autobk || data instanceof Chi || data instanceof FeffitProcessor.Fit;
    }

    static double[] weighted(double[] k, double[] chi, double w) {
        double[] out = new double[k.length];
        for (int i = 0; i < k.length; i++) out[i] = chi[i] * Math.pow(k[i], w);
        return out;
    }

    static String fmt(double v) { return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v); }
}
