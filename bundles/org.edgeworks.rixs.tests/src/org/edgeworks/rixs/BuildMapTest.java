package org.edgeworks.rixs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.RixsMap;
import org.edgeworks.core.processing.Result;
import org.junit.jupiter.api.Test;

/** Map building on SYNTHETIC raw stacks with known curvature, calibration and features. */
class BuildMapTest {

    static BuildMap.MapBuild build(SyntheticRixs.Spec s) throws EdgeworksException {
        return new BuildMap().apply(SyntheticRixs.rawStack(s, null), BuildMap.Parameters.defaults().withDarkLevel(s.dark())).value();
    }

    @Test
    void recoversCurvatureAndCalibration() throws EdgeworksException {
        SyntheticRixs.Spec s = SyntheticRixs.Spec.of("charged", 1);
        Result<BuildMap.MapBuild> r = new BuildMap().apply(SyntheticRixs.rawStack(s, null),
            BuildMap.Parameters.defaults().withDarkLevel(s.dark()));
        BuildMap.MapBuild b = r.value();
        double[] c = b.curvature().coefficients();
        System.out.printf("curvature: a1 %.5f (true %.5f), a2 %.6f (true %.6f), rms %.3f px%n", c[1], s.a1(), c[2], s.a2(),
            b.curvature().rmsResidual());
        double[] k = b.calibration().coefficients();
        System.out.printf("calibration: dispersion %.6f eV/px (true %.6f), offset %.4f, rms residual %.4f eV%n", k[1],
            s.dispersion(), k[0], b.calibration().rmsResidual());
        System.out.println(r.provenance().notes());
        assertEquals(s.a1(), c[1], 0.003, "slope of the iso-energy line (px/row)");
        assertEquals(s.a2(), c[2], 0.0002, "curvature of the iso-energy line (px/row^2)");
        assertEquals(s.dispersion(), k[1], 0.0005, "dispersion eV/pixel");
        // straightened pixel p shows true pixel p + shift0 (the constant term of the fitted curvature)
        assertEquals(s.e0() + s.dispersion() * c[0], k[0], 0.03, "calibration offset eV");
        assertTrue(b.calibration().rmsResidual() < 0.02, "elastic residuals rms " + b.calibration().rmsResidual());
        assertTrue(b.stats().spikePixels() >= s.points() * s.cosmicsPerFrame() / 2, "cosmic pixels removed: " + b.stats().spikePixels());
    }

    @Test
    void mapMatchesTheSyntheticTruth() throws EdgeworksException {
        SyntheticRixs.Spec s = SyntheticRixs.Spec.of("charged", 2).noiseless();
        RixsMap m = build(s).map();
        double[] ex = m.excitation().values(), em = m.emission().values();
        // away from the elastic line (whose 1.5-pixel width linear interpolation broadens a little)
        double worst = 0, peak = 0, worstElastic = 0, peakElastic = 0;
        for (int i = 0; i < ex.length; i++)
            for (int j = 0; j < em.length; j++) {
                if (em[j] < 517 || em[j] > 534) continue;
                double t = SyntheticRixs.truthMap(s, ex[i], em[j]);
                double d = Math.abs(m.get(i, j) - t);
                if (Math.abs(em[j] - ex[i]) < 0.6) {
                    peakElastic = Math.max(peakElastic, t);
                    worstElastic = Math.max(worstElastic, d);
                } else {
                    peak = Math.max(peak, t);
                    worst = Math.max(worst, d);
                }
            }
        System.out.printf("noiseless map vs truth: inelastic max |diff| %.4f of peak %.4f; elastic %.4f of %.4f%n", worst, peak,
            worstElastic, peakElastic);
        assertTrue(worst < 0.01 * peak, "inelastic max deviation " + worst + " of peak " + peak);
        assertTrue(worstElastic < 0.06 * peakElastic, "elastic max deviation " + worstElastic + " of peak " + peakElastic);
    }

    /** A noiseless stack with {@code reps} frames per point; repeat r has I0 x (1 + 0.2 r) and counts to match. */
    static RawStack repeated(SyntheticRixs.Spec s, int reps, boolean declare) {
        int rows = s.rows(), cols = s.columns(), frames = s.points() * reps;
        double[] all = new double[frames * rows * cols], ex = new double[frames], i0 = new double[frames], t = new double[frames];
        for (int p = 0; p < s.points(); p++) {
            double[] f = SyntheticRixs.expectedFrame(s, p);
            for (int r = 0; r < reps; r++) {
                int k = p * reps + r;
                double scale = 1 + 0.2 * r;
                for (int i = 0; i < f.length; i++) all[k * f.length + i] = (f[i] - s.dark()) * scale + s.dark();
                ex[k] = s.excitation(p);
                i0[k] = s.i0(p) * scale;
                t[k] = s.countTime(p);
            }
        }
        var data = org.eclipse.january.dataset.DatasetFactory.createFromObject(org.eclipse.january.dataset.DoubleDataset.class, all,
            frames, rows, cols);
        return new RawStack("rep" + reps, data, ex, i0, t, null, declare ? reps : 1);
    }

    @Test
    void oneScaleWhateverTheRepeatsDeclaredOrFound() throws EdgeworksException {
        SyntheticRixs.Spec s = SyntheticRixs.Spec.of("charged", 4).noiseless();
        BuildMap.Parameters p = BuildMap.Parameters.defaults().withDarkLevel(s.dark());
        RixsMap one = new BuildMap().apply(repeated(s, 1, true), p).value().map();
        for (int reps : new int[] {2, 3})
            for (boolean declare : new boolean[] {true, false}) {
                var r = new BuildMap().apply(repeated(s, reps, declare), p);
                RixsMap m = r.value().map();
                double worst = 0, peak = 0;
                for (int i = 0; i < one.rows(); i++)
                    for (int j = 0; j < one.columns(); j++) {
                        worst = Math.max(worst, Math.abs(m.get(i, j) - one.get(i, j)));
                        peak = Math.max(peak, Math.abs(one.get(i, j)));
                    }
                System.out.printf(java.util.Locale.ROOT, "repeats %d (%s): max |map - map(1 repeat)| = %.3g of peak %.4g%n", reps,
                    declare ? "declared" : "found", worst, peak);
                assertTrue(worst < 1e-6 * peak, reps + " repeats: map differs from 1 repeat by " + worst + " (peak " + peak + ")");
                if (!declare) assertTrue(String.join(";", r.provenance().notes()).contains(reps + " repeats per point found"),
                    r.provenance().notes().toString());
            }
    }

    @Test
    void reducedSpectraOnAnUnevenGridGiveTheSameMapAsImages() throws EdgeworksException {
        SyntheticRixs.Spec s = SyntheticRixs.Spec.of("charged", 5).noiseless();
        RixsMap fromImages = build(s).map();
        // channels whose spacing grows from 0.05 to 0.11 eV between 516 and 535 eV (a dispersion that varies across the
        // detector); each channel integrates the intensity over its extent (edges halfway to its neighbours)
        java.util.List<Double> e = new java.util.ArrayList<>();
        for (double x = 516; x <= 535; x += 0.05 + 0.06 * (x - 516) / 19) e.add(x);
        double[] em = e.stream().mapToDouble(Double::doubleValue).toArray();
        double[] ex = new double[s.points()], i0 = new double[s.points()];
        double[][] counts = new double[s.points()][em.length];
        for (int p = 0; p < s.points(); p++) {
            ex[p] = s.excitation(p);
            i0[p] = s.i0(p);
            for (int c = 0; c < em.length; c++) {
                double lo = c == 0 ? em[0] - (em[1] - em[0]) / 2 : (em[c - 1] + em[c]) / 2;
                double hi = c == em.length - 1 ? em[c] + (em[c] - em[c - 1]) / 2 : (em[c] + em[c + 1]) / 2;
                // the channel's integral by Simpson's rule over its extent
                double mid = (lo + hi) / 2;
                double integral = (hi - lo) / 6 * (SyntheticRixs.truthMap(s, ex[p], lo) + 4 * SyntheticRixs.truthMap(s, ex[p], mid)
                    + SyntheticRixs.truthMap(s, ex[p], hi));
                counts[p][c] = integral * i0[p] * s.countTime(p);
            }
        }
        RixsMap fromSpectra = new MapFromSpectra().apply(new EmissionSpectra("spectra", ex, em, counts, i0, null),
            new MapFromSpectra.Parameters(0.08)).value();
        double worst = 0, peak = 0;
        double[] ax = fromSpectra.emission().values(), bx = fromImages.emission().values();
        for (int i = 0; i < fromSpectra.rows(); i++)
            for (int j = 0; j < ax.length; j++) {
                if (ax[j] < 517 || ax[j] > 534 || Math.abs(ax[j] - ex[i]) < 0.6) continue; // inelastic (the elastic line is 0.12 eV wide)
                double t = SyntheticRixs.truthMap(s, ex[i], ax[j]);
                peak = Math.max(peak, t);
                worst = Math.max(worst, Math.abs(fromSpectra.get(i, j) - t));
            }
        System.out.printf(java.util.Locale.ROOT, "reduced spectra on an uneven grid vs truth: max |diff| %.4g of peak %.4g%n", worst, peak);
        // linear interpolation from 0.11 eV channels: error up to h^2/8 |f''| = 0.11^2/8/0.25^2 = 2.4 % of a 0.25 eV-sigma feature
        assertTrue(worst < 0.03 * peak, "map from spectra off the truth by " + worst + " (peak " + peak + ")");
        // and the same scale as the map from images: total over a common inelastic region
        double a = MapMath.integrate("s", fromSpectra, 528, 534, 518, 527), b = MapMath.integrate("i", fromImages, 528, 534, 518, 527);
        System.out.printf(java.util.Locale.ROOT, "integral 528-534 x 518-527 eV: spectra %.5g, images %.5g (ratio %.4f)%n", a, b, a / b);
        assertEquals(1, a / b, 0.01, "one scale for images and reduced spectra");
        assertTrue(bx.length > 0);
    }

    /**
     * The map's sigma from the counting statistics equals the scatter of the map over repeated
     * noisy measurements of the same scan (16 seeds, no cosmic rays): a Monte Carlo check made
     * from the generator alone.
     */
    @Test
    void mapSigmaMatchesTheScatterOfRepeatedMeasurements() throws EdgeworksException {
        int runs = 16;
        SyntheticRixs.Spec base = SyntheticRixs.Spec.of("charged", 0);
        java.util.List<RixsMap> maps = new java.util.ArrayList<>();
        for (int k = 0; k < runs; k++) {
            SyntheticRixs.Spec s = new SyntheticRixs.Spec("charged", base.oxidisedAmplitude(), base.points(), base.rows(), base.columns(),
                base.exFrom(), base.exTo(), base.e0(), base.dispersion(), base.a1(), base.a2(), base.dark(), base.readNoise(), 0, true, 500 + k);
            // one geometry for all runs (given), so that only the counting noise differs between them
            BuildMap.Parameters p = BuildMap.Parameters.defaults().withDarkLevel(s.dark()).withCurvature(2, new double[] {0, s.a1(), s.a2()})
                .withCalibration(new double[] {s.e0(), s.dispersion()});
            maps.add(new BuildMap().apply(SyntheticRixs.rawStack(s, null), p).value().map());
        }
        RixsMap first = maps.get(0);
        assertTrue(first.hasErrors(), "the built map carries sigma");
        double[] ex = first.excitation().values(), em = first.emission().values();
        java.util.List<Double> ratios = new java.util.ArrayList<>();
        for (int i = 0; i < ex.length; i += 2)
            for (int j = 0; j < em.length; j += 3) {
                if (em[j] < 518 || em[j] > 528 || Math.abs(em[j] - ex[i]) < 1) continue;
                double mean = 0, sq = 0, sigma = 0;
                for (RixsMap m : maps) mean += m.get(i, j) / runs;
                for (RixsMap m : maps) { sq += Math.pow(m.get(i, j) - mean, 2); sigma += m.errors()[i * em.length + j] / runs; }
                ratios.add(Math.sqrt(sq / (runs - 1)) / sigma);
            }
        java.util.Collections.sort(ratios);
        double median = ratios.get(ratios.size() / 2);
        System.out.printf(java.util.Locale.ROOT, "map sigma vs scatter over %d runs: median(scatter/sigma) = %.3f over %d cells%n", runs, median,
            ratios.size());
        assertEquals(1.0, median, 0.12, "scatter / reported sigma");
    }
}
