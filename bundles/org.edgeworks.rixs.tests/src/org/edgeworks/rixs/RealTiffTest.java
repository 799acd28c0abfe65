package org.edgeworks.rixs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.january.dataset.DatasetUtils;
import org.eclipse.january.dataset.DoubleDataset;
import org.eclipse.january.dataset.ILazyDataset;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.rixs.image.DetectorImage;
import org.edgeworks.rixs.image.FrameKernels;
import org.edgeworks.rixs.io.TiffStack;
import org.edgeworks.testsupport.SharedData;
import org.junit.jupiter.api.Test;

/**
 * Real detector images from ../shared/data/rixs (see its README): a soft X-ray mRIXS
 * spectrometer image (LBNL, float32, 200 frames summed) and Pilatus HERFD images (int32).
 * Reference numbers were read with Pillow + numpy (/usr/bin/python3) from the same files.
 */
class RealTiffTest {

    static Path data(String rel) {
        return SharedData.dir().resolve("rixs").resolve(rel);
    }

    static double[] frame(ILazyDataset stack, int i) throws Exception {
        int[] s = stack.getShape();
        return DatasetUtils.cast(DoubleDataset.class, stack.getSlice(new int[] {i, 0, 0}, new int[] {i + 1, s[1], s[2]}, null)).getData();
    }

    @Test
    void tiffFramesLoadAsPillowReadsThem() throws Exception {
        ILazyDataset q = TiffStack.open(List.of(data("mrixs_qerlin/Sample1VL_200F_frames_1-200.tif")));
        assertArrayEquals(new int[] {1, 204, 384}, q.getShape());
        double[] f = frame(q, 0);
        double sum = 0;
        for (double v : f) sum += v;
        assertEquals(2382.0784907049674, sum, 1e-6, "float32 sum (numpy)");
        assertEquals(0.24824216961860657, f[100 * 384 + 300], 1e-7);
        ILazyDataset p = TiffStack.open(List.of(data("herfd_pilatus/example_elastic_9713_00001.tif"), data("herfd_pilatus/example-s32.tif")));
        assertArrayEquals(new int[] {2, 195, 487}, p.getShape());
        double s0 = 0, s1 = 0;
        for (double v : frame(p, 0)) s0 += v;
        for (double v : frame(p, 1)) s1 += v;
        assertEquals(2666837.0, s0, 0, "int32 sum (numpy)");
        assertEquals(2905166.0, s1, 0, "int32 sum (numpy)");
    }

    /** Full width at half maximum of the highest peak (pixels, linear interpolation at the half level). */
    static double fwhm(double[] s) {
        int m = 0;
        for (int i = 1; i < s.length; i++) if (s[i] > s[m]) m = i;
        double half = s[m] / 2;
        int a = m, b = m;
        while (a > 0 && s[a] > half) a--;
        while (b < s.length - 1 && s[b] > half) b++;
        double left = a + (half - s[a]) / (s[a + 1] - s[a]);
        double right = b - 1 + (s[b - 1] - half) / (s[b - 1] - s[b]);
        return right - left;
    }

    @Test
    void tiltedLineOfTheMrixsImageIsStraightenedIntoAMapRow() throws EdgeworksException {
        ILazyDataset q = TiffStack.open(List.of(data("mrixs_qerlin/Sample1VL_200F_frames_1-200.tif")));
        // one excitation point; no elastic scan to calibrate on, so a nominal pixel-to-eV is given
        RawStack stack = new RawStack("qerlin", q, new double[] {530.0}, new double[] {1}, new double[] {1}, null);
        BuildMap.Parameters p = new BuildMap.Parameters(0, 8, 1, 2, 12, 1, 160, null, 1, new double[] {510, 0.05}, true, 0.2, 6, 0, 0, 0);
        BuildMap.MapBuild b = new BuildMap().apply(stack, p).value();
        double[] raw;
        try {
            raw = FrameKernels.sumRows(frame(q, 0), 204, 384);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        double[] straight = b.pixelSpectra()[0];
        double slope = b.curvature().coefficients()[1];
        // independent estimate: intensity-weighted centroid of each 24-row band around its maximum, line fit
        double[] img = new DetectorImage(204, 384, frameOrFail(q)).pixels();
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int n = 0;
        for (int r0 = 48; r0 + 24 <= 180; r0 += 24) {
            double[] band = new double[384];
            for (int r = r0; r < r0 + 24; r++) for (int c = 0; c < 384; c++) band[c] += img[r * 384 + c];
            int m = 0;
            for (int c = 1; c < 384; c++) if (band[c] > band[m]) m = c;
            double w = 0, wc = 0;
            for (int c = Math.max(0, m - 15); c <= Math.min(383, m + 15); c++) { w += band[c]; wc += band[c] * c; }
            double x = r0 + 11.5, y = wc / w;
            sx += x; sy += y; sxx += x * x; sxy += x * y; n++;
        }
        double centroidSlope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        System.out.printf("QERLIN image: fitted slope %.3f px/row (band centroids %.3f); FWHM raw %.1f px, straightened %.1f px%n",
            slope, centroidSlope, fwhm(raw), fwhm(straight));
        assertEquals(centroidSlope, slope, 0.08, "slope of the tilted line");
        assertTrue(fwhm(straight) < fwhm(raw) / 3, "straightening narrows the line");
        assertEquals(1, b.map().rows());
    }

    /**
     * The case: default options (only a nominal calibration given, as `rixs build FILE.tif
     * --excitation-energies=530 --calibration=0,1` does). The tilt is about -0.8 px/row over 130
     * rows (~106 px), far beyond a 20 px search: the search must cover the detector, not stop at a bound.
     * Expected: the tilt of the independent band-centroid estimate and a line of a few pixels.
     */
    @Test
    void defaultOptionsFindTheRealTiltAndAThinLine() throws EdgeworksException {
        ILazyDataset q = TiffStack.open(List.of(data("mrixs_qerlin/Sample1VL_200F_frames_1-200.tif")));
        RawStack stack = new RawStack("Sample1VL_200F_frames_1-200.tif", q, new double[] {530.0}, new double[] {1}, new double[] {1}, null);
        var r = new BuildMap().apply(stack, BuildMap.Parameters.defaults().withCalibration(new double[] {0, 1}));
        BuildMap.MapBuild b = r.value();
        double slope = b.curvature().coefficients()[1], width = fwhm(b.pixelSpectra()[0]);
        System.out.printf("QERLIN, default options: tilt %.4f px/row, curvature %.2e px/row^2, line FWHM %.2f px; notes %s%n", slope,
            b.curvature().coefficients()[2], width, r.provenance().notes());
        assertEquals(-0.816, slope, 0.03, "tilt of the iso-energy line (px/row)");
        assertTrue(width < 4, "straightened line FWHM " + width + " px");
        assertTrue(r.provenance().notes().stream().noneMatch(n -> n.startsWith("warning")), r.provenance().notes().toString());

        // a search bound the line needs more than: a warning naming the file, never a silent clamp
        BuildMap.Parameters d = BuildMap.Parameters.defaults();
        BuildMap.Parameters bounded = new BuildMap.Parameters(d.darkLevel(), d.cosmicThreshold(), d.gain(), d.curvatureDegree(),
            d.curvatureRowBin(), d.curvatureFrames(), 20, null, 1, new double[] {0, 1}, true, d.elasticThreshold(), d.elasticHalfWidth(), 0, 0, 0);
        var w = new BuildMap().apply(stack, bounded);
        String warning = w.provenance().notes().stream().filter(n -> n.startsWith("warning")).findFirst().orElse("");
        System.out.println("QERLIN, --max-shift 20: " + warning);
        assertTrue(warning.startsWith("warning: Sample1VL_200F_frames_1-200.tif: the line shift of") && warning.contains("+-20 pixels"), warning);

        // the same geometry from either half of the detector rows (tilt only, degree 1)
        double[] img = frameOrFail(q);
        double[] halves = new double[2], errors = new double[2];
        for (int h = 0; h < 2; h++) {
            double[] part = java.util.Arrays.copyOfRange(img, h * 102 * 384, (h + 1) * 102 * 384);
            var fit = new FitCurvature().apply(new FitCurvature.Images(List.of(new DetectorImage(102, 384, part))),
                new FitCurvature.Parameters(1, 8, 0)).value();
            halves[h] = fit.coefficients()[1];
            errors[h] = fit.coefficientErrors()[1];
        }
        System.out.printf("QERLIN tilt from rows 0-101: %.4f +- %.4f, rows 102-203: %.4f +- %.4f px/row%n", halves[0], errors[0],
            halves[1], errors[1]);
        assertTrue(errors[0] > 0 && errors[1] > 0, "tilt uncertainties");
        assertEquals(halves[0], halves[1], Math.max(0.03, 3 * Math.hypot(errors[0], errors[1])), "one geometry, the same tilt from either half");
        assertEquals(slope, halves[0], 0.03);
    }

    static double[] frameOrFail(ILazyDataset q) {
        try {
            return frame(q, 0);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
