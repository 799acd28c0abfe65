package org.edgeworks.rixs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.january.DatasetException;
import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.DatasetUtils;
import org.eclipse.january.dataset.DoubleDataset;
import org.eclipse.january.dataset.IDataset;
import org.eclipse.january.dataset.ILazyDataset;
import org.eclipse.january.dataset.SliceND;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.FrameSource;
import org.edgeworks.core.data.RixsMap;
import org.edgeworks.core.processing.Monitors;
import org.edgeworks.core.processing.Param;
import org.edgeworks.core.processing.Result;
import org.edgeworks.rixs.image.Curvature;
import org.edgeworks.rixs.image.CurvatureFit;
import org.edgeworks.rixs.image.DetectorImage;
import org.edgeworks.rixs.image.ElasticLine;
import org.edgeworks.rixs.image.FrameKernels;
import org.edgeworks.rixs.image.PixelCalibration;

/**
 * Builds an mRIXS map from a raw image stack, streaming it frame by frame: each excitation
 * point's frames are sliced from the lazy stack, reduced (dark, cosmic rays), straightened
 * with the curvature and summed over the non-dispersive axis, then dropped, so the memory in
 * use is a bounded number of frames (maxFramesInFlight) plus one spectrum per point and the
 * map. Points are processed in parallel. The curvature is fitted first on a few frames spread
 * over the scan (read twice, a few percent more reading), the pixel-to-eV calibration on the
 * elastic line of every point after the pass; then I0 x time normalisation and regridding.
 */
public final class BuildMap extends RixsProcessor<RawStack, BuildMap.Parameters, BuildMap.MapBuild> {
    public static final String ID = "org.edgeworks.rixs.buildMap";

    public record Parameters(
        @Param(label = "Dark level", unit = "counts", description = "constant subtracted when the stack has no dark frames") double darkLevel,
        @Param(label = "Cosmic-ray threshold", unit = "sigma", description = "0 = no spike removal", min = 0) double cosmicThreshold,
        @Param(label = "Detector gain", unit = "counts/photon", min = 0) double gain,
        @Param(label = "Curvature degree", description = "0 = none, 1 = slope, 2 = curvature", min = 0, max = 4) int curvatureDegree,
        @Param(label = "Rows per bin (curvature)", unit = "rows", min = 1) int curvatureRowBin,
        @Param(label = "Frames for the curvature fit", description = "spread evenly over the scan", min = 1) int curvatureFrames,
        @Param(label = "Largest line shift", unit = "pixels", description = "search range of the line across rows; 0 = the whole detector width; a shift at a given bound is a warning", min = 0) int curvatureMaxShift,
        @Param(label = "Curvature (given)", unit = "pixels", description = "shift(u) coefficients, u = row - centre; null = fit") double[] curvature,
        @Param(label = "Calibration degree", description = "pixel-to-eV polynomial: 1 or 2", min = 1, max = 2) int calibrationDegree,
        @Param(label = "Calibration (given)", unit = "eV", description = "E(pixel) coefficients; null = fit on the elastic line") double[] calibration,
        @Param(label = "Energy increases with pixel", description = "direction of the dispersive axis") boolean energyIncreasesWithPixel,
        @Param(label = "Elastic threshold", description = "peaks above this fraction of each spectrum's maximum are elastic-line candidates", min = 0, max = 1) double elasticThreshold,
        @Param(label = "Elastic half width", unit = "pixels", min = 1) int elasticHalfWidth,
        @Param(label = "Emission step", unit = "eV", description = "0 = one pixel at the detector centre for image stacks (rixs build: the median channel spacing for reduced spectra)", min = 0) double emissionStep,
        @Param(label = "Threads", description = "0 = all processors", min = 0, runSetting = true) int threads,
        @Param(label = "Frames in flight", description = "largest number of frames held at once; 0 = 2 x threads", min = 0, runSetting = true) int maxFramesInFlight) {
        /**
         * Reduction defaults as {@link ReduceImage.Parameters#defaults()}; a quadratic curvature
         * fitted on 5 frames with 8-row bins (enough counts per bin, still follows the bend),
         * searched over the whole detector width (a real tilt moves the line by 100 pixels);
         * a linear calibration; elastic-line candidates down to 5 % of each spectrum's maximum
         * (above the O K edge the elastic line can be 7 times weaker than the emission).
         */
        public static Parameters defaults() {
            return new Parameters(0, 8, 1, 2, 8, 5, 0, null, 1, null, true, 0.05, 6, 0, 0, 0);
        }

        public Parameters withCalibration(double[] c) {
            return new Parameters(darkLevel, cosmicThreshold, gain, curvatureDegree, curvatureRowBin, curvatureFrames,
                curvatureMaxShift, curvature, calibrationDegree, c, energyIncreasesWithPixel, elasticThreshold,
                elasticHalfWidth, emissionStep, threads, maxFramesInFlight);
        }

        public Parameters withThreads(int t, int inFlight) {
            return new Parameters(darkLevel, cosmicThreshold, gain, curvatureDegree, curvatureRowBin, curvatureFrames,
                curvatureMaxShift, curvature, calibrationDegree, calibration, energyIncreasesWithPixel, elasticThreshold,
                elasticHalfWidth, emissionStep, t, inFlight);
        }

        public Parameters withCurvature(int degree, double[] c) {
            return new Parameters(darkLevel, cosmicThreshold, gain, degree, curvatureRowBin, curvatureFrames,
                curvatureMaxShift, c, calibrationDegree, calibration, energyIncreasesWithPixel, elasticThreshold,
                elasticHalfWidth, emissionStep, threads, maxFramesInFlight);
        }

        public Parameters withDarkLevel(double level) {
            return new Parameters(level, cosmicThreshold, gain, curvatureDegree, curvatureRowBin, curvatureFrames,
                curvatureMaxShift, curvature, calibrationDegree, calibration, energyIncreasesWithPixel, elasticThreshold,
                elasticHalfWidth, emissionStep, threads, maxFramesInFlight);
        }

        public Parameters withEmissionStep(double step) {
            return new Parameters(darkLevel, cosmicThreshold, gain, curvatureDegree, curvatureRowBin, curvatureFrames,
                curvatureMaxShift, curvature, calibrationDegree, calibration, energyIncreasesWithPixel, elasticThreshold,
                elasticHalfWidth, step, threads, maxFramesInFlight);
        }
    }

    /** What the streaming pass did: frames and pixels read, the most frames held at once, spikes removed. */
    public record Stats(int framesRead, long pixelsRead, int maxFramesInFlight, int frameBound, int threads, long spikePixels) {}

    /**
     * The map plus everything needed to judge it: the curvature and calibration fits, the
     * elastic pixel found per point (-1 where none), the straightened normalised spectrum per
     * point (per pixel), and the streaming statistics.
     */
    public record MapBuild(RixsMap map, CurvatureFit curvature, PixelCalibration calibration, double[] elasticPixel,
                           double[][] pixelSpectra, Stats stats) {
        /** FWHM of the line in the sum of the straightened spectra over all points (the straightening's diagnostic). */
        public LineWidth summedLineWidth() {
            return LineWidth.of(LineWidth.summed(pixelSpectra), calibration);
        }

        /** The fits and the line width as plain numbers (for reports and the workbench). */
        public BuildDiagnostics diagnostics() {
            return BuildDiagnostics.of(this);
        }
    }

    public BuildMap() { super(ID, "mRIXS map from a raw image stack", RawStack.class, Parameters.class, "2"); } // 2: one map scale (counts per I0 x s x eV) whatever the repeats

    @Override public Parameters defaults() { return Parameters.defaults(); }

    @Override
    public Result<MapBuild> apply(RawStack stack, Parameters p) throws EdgeworksException {
        return apply(stack, p, null);
    }

    /**
     * As {@link #apply(RawStack, Parameters)}, reporting one unit of work per frame streamed to
     * {@code monitor} and stopping at the next excitation point once it is cancelled (the worker
     * threads are stopped too): the error is "NAME: cancelled".
     */
    @Override
    public Result<MapBuild> apply(RawStack stack, Parameters p, IMonitor monitor) throws EdgeworksException {
        String name = stack.name();
        int[] shape = stack.frames().getShape();
        if (shape.length != 3) throw EdgeworksException.of(name, "image stack must be frames x rows x columns, not " + java.util.Arrays.toString(shape));
        int frames = shape[0], rows = shape[1], cols = shape[2];
        List<String> notes = new ArrayList<>();
        int reps = repeats(stack, frames, notes);
        if (frames % reps != 0) throw EdgeworksException.of(name, frames + " frames are not a whole number of " + reps + " repeats");
        int points = frames / reps;
        double[] excitation = perPoint(name, "excitation energy", stack.excitation(), frames, reps, true);
        double[] norm = normalisation(name, stack, frames, reps);
        int threads = p.threads() > 0 ? p.threads() : Runtime.getRuntime().availableProcessors();
        int bound = Math.max(reps, p.maxFramesInFlight() > 0 ? p.maxFramesInFlight() : 2 * threads);
        Frames scan = new Frames(name, new FrameReader(name, stack.frames(), rows, cols), readDark(name, stack.dark(), rows, cols, notes),
            darkFrames(stack), rows, cols, reps, points);

        NoiseSample sample = readNoise(scan, p, notes);                                             // 0. read noise
        CurvatureFit curvature = curvature(scan, p, sample, notes);                                 // 1. curvature
        double[] shifts = curvature.shifts(rows);
        Streamed streamed = stream(scan, p, sample.readNoise(), shifts, threads, bound, monitor);    // 2. frame stream
        notes.add(frames + " frame(s) streamed on " + threads + " thread(s), at most " + streamed.maxHeld() + " held at once (bound "
            + bound + "); " + streamed.spikes() + " spike pixel(s) replaced");
        int[] kept = keepCoveredColumns(scan, shifts, streamed, notes);                            // 3. columns the shift left
        int first = kept[0], last = kept[1];
        double[] elastic = elasticLine(scan, p, excitation, streamed.pixelSpectra(), first, last, notes); // 4. elastic line
        PixelCalibration cal = calibration(scan, p, excitation, elastic, first, last, notes);       //    and pixel-to-eV
        Monitors.check(monitor, name); // a cancel pressed after the frames were read still stops the build
        for (int pt = 0; pt < points; pt++) if (Double.isNaN(elastic[pt])) elastic[pt] = -1;
        double step = p.emissionStep() > 0 ? p.emissionStep() : Math.abs(cal.dispersion((first + last) / 2.0));
        MapAssembly.Assembled a = regrid(scan, cal, excitation, norm, streamed, first, last, step);  // 5. per eV, normalise, regrid
        notes.addAll(a.notes());
        double[][] pixelSpectra = streamed.pixelSpectra();
        for (int pt = 0; pt < points; pt++)
            for (int c = 0; c < cols; c++) pixelSpectra[pt][c] /= norm[pt];
        Stats stats = new Stats(scan.reader().framesRead.get(), scan.reader().pixelsRead.get(), streamed.maxHeld(), bound, threads, streamed.spikes());
        Map<String, Object> used = new LinkedHashMap<>();
        used.put("repeats", reps);
        used.put("readNoise", sample.readNoise());
        used.put("curvature", curvature.coefficients());
        used.put("calibration", cal.coefficients());
        used.put("emissionStep", step);
        return result(new MapBuild(a.map(), curvature, cal, elastic, pixelSpectra, stats), p, used, notes);
    }

    /** The stack as the steps see it: frames read through {@code reader}, {@code reps} repeats per excitation point. */
    private record Frames(String name, FrameReader reader, double[] dark, int darkFrames, int rows, int cols, int reps, int points) {}

    /** The read noise (counts) and the dark-subtracted frames it was measured on (reused for the curvature). */
    private record NoiseSample(double readNoise, List<double[]> frames) {}

    /** The streaming pass' straightened spectra (per pixel) and their variances, per excitation point. */
    private record Streamed(double[][] pixelSpectra, double[][] pixelVariance, int maxHeld, long spikes) {}

    /**
     * One frame group's buffers, handed from a finished task to the next (the frames only when the
     * stack reads into the caller's buffers: {@link FrameSource}). Each is written whole before it
     * is read, so nothing of the last point survives.
     */
    private static final class Scratch {
        final double[][] frames;
        final double[] mean, variance;

        Scratch(int reps, int pixels) {
            frames = new double[reps][];
            mean = reps > 1 ? new double[pixels] : null;
            variance = new double[pixels];
        }
    }

    private static int darkFrames(RawStack stack) {
        return stack.dark() == null ? 0 : stack.dark().getShape().length == 3 ? stack.dark().getShape()[0] : 1;
    }

    /**
     * Step 0: the read noise of the detector, once for the scan (median over a few frames spread
     * over it: a per-frame estimate costs a sort per frame and says the same).
     */
    private static NoiseSample readNoise(Frames s, Parameters p, List<String> notes) throws EdgeworksException {
        int points = s.points(), k = Math.min(points, Math.max(1, p.curvatureFrames()));
        int[] samplePoints = new int[k];
        for (int j = 0; j < k; j++) samplePoints[j] = k == 1 ? points / 2 : (int) Math.round(j * (points - 1.0) / (k - 1));
        List<double[]> sampleFrames = new ArrayList<>();
        double[] noise = new double[k];
        try {
            for (int j = 0; j < k; j++) {
                double[] f = s.reader().read(samplePoints[j] * s.reps());
                FrameKernels.subtractDark(f, s.dark(), p.darkLevel());
                noise[j] = FrameKernels.readNoise(f, s.rows(), s.cols());
                sampleFrames.add(f);
            }
        } catch (UncheckedEdgeworks u) {
            throw u.error;
        }
        java.util.Arrays.sort(noise);
        double readNoise = noise[k / 2];
        notes.add("read noise " + MapMath.fmt(readNoise) + " counts (median over " + k + " frame(s))");
        return new NoiseSample(readNoise, sampleFrames);
    }

    /** Step 1: the curvature (given, none, or fitted on the read-noise frames). */
    private static CurvatureFit curvature(Frames s, Parameters p, NoiseSample sample, List<String> notes) throws EdgeworksException {
        int rows = s.rows(), cols = s.cols();
        CurvatureFit curvature;
        if (p.curvature() != null) {
            curvature = CurvatureFit.given(p.curvature(), rows);
            notes.add("curvature given");
        } else if (p.curvatureDegree() == 0) {
            curvature = CurvatureFit.none(rows);
        } else {
            ReduceImage.Parameters rpNoDark = new ReduceImage.Parameters(0, p.cosmicThreshold(), p.gain());
            List<DetectorImage> images = new ArrayList<>();
            for (double[] f : sample.frames()) images.add(ReduceImage.reduce(new double[][] {f}, rows, cols, null, rpNoDark, sample.readNoise()).image());
            curvature = Curvature.fit(s.name(), images, p.curvatureDegree(), p.curvatureRowBin(), p.curvatureMaxShift(), notes);
            images.clear();
            notes.add("curvature fitted on " + sample.frames().size() + " frame(s), rms residual " + MapMath.fmt(curvature.rmsResidual()) + " pixels");
        }
        sample.frames().clear();
        return curvature;
    }

    /**
     * Step 2: the streaming pass, one task per excitation point on {@code threads} threads, at
     * most {@code bound} frames held; each point's repeats reduced (dark, spikes), straightened
     * and summed over rows, with the counting variance per pixel of the mean of the repeats,
     * (gain x counts + read noise^2) / reps, plus the dark's own variance common to the repeats
     * (read noise^2 / dark frames; a given constant: none).
     */
    private static Streamed stream(Frames s, Parameters p, double readNoise, double[] shifts, int threads, int bound, IMonitor monitor)
            throws EdgeworksException {
        String name = s.name();
        int rows = s.rows(), cols = s.cols(), reps = s.reps(), points = s.points();
        ReduceImage.Parameters rp = new ReduceImage.Parameters(p.darkLevel(), p.cosmicThreshold(), p.gain());
        double[][] pixelSpectra = new double[points][], pixelVariance = new double[points][];
        double darkVariance = s.darkFrames() > 0 ? readNoise * readNoise / s.darkFrames() : 0;
        AtomicInteger held = new AtomicInteger(), maxHeld = new AtomicInteger();
        AtomicLong spikes = new AtomicLong();
        Semaphore permits = new Semaphore(bound);
        Queue<Scratch> spare = new ConcurrentLinkedQueue<>(); // at most one per task running at once
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "rixs-map-" + name);
            t.setDaemon(true);
            return t;
        });
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int pt = 0; pt < points; pt++) {
                final int point = pt;
                Monitors.check(monitor, name);
                permits.acquireUninterruptibly(reps);
                futures.add(pool.submit(() -> {
                    Scratch sc = spare.poll();
                    if (sc == null) sc = new Scratch(reps, rows * cols);
                    try {
                        double[][] group = new double[reps][];
                        for (int f = 0; f < reps; f++) {
                            maxHeld.accumulateAndGet(held.incrementAndGet(), Math::max);
                            group[f] = sc.frames[f] = s.reader().read(point * reps + f, sc.frames[f]);
                        }
                        ReduceImage.Reduced red = ReduceImage.reduce(group, rows, cols, s.dark(), rp, readNoise, sc.mean);
                        spikes.addAndGet(red.spikePixels());
                        double[] spec = new double[cols], varSpec = new double[cols];
                        double[] px = red.image().pixels(), var = sc.variance; // every element written below
                        for (int i = 0; i < px.length; i++)
                            var[i] = (p.gain() * Math.max(px[i], 0) + readNoise * readNoise) / reps + darkVariance;
                        FrameKernels.straightenAndSum(px, rows, cols, shifts, spec, null);
                        FrameKernels.straightenAndSumVariance(var, rows, cols, shifts, varSpec);
                        pixelSpectra[point] = spec;
                        pixelVariance[point] = varSpec;
                        Monitors.worked(monitor, reps);
                        return null;
                    } finally {
                        held.addAndGet(-reps);
                        permits.release(reps);
                        spare.offer(sc); // whatever a failed task left in it is overwritten by the next
                    }
                }));
                // fail fast: stop submitting once a task has failed
                if (pt % 16 == 15) for (Future<?> f : futures) if (f.isDone()) get(f, name);
            }
            for (Future<?> f : futures) get(f, name);
            Monitors.check(monitor, name);
        } finally {
            pool.shutdownNow();
        }
        return new Streamed(pixelSpectra, pixelVariance, maxHeld.get(), spikes.get());
    }

    /**
     * Step 3: compensates columns that not every row reached after the shift and drops those
     * reached by under half; returns the first and last column kept.
     */
    private static int[] keepCoveredColumns(Frames s, double[] shifts, Streamed streamed, List<String> notes) throws EdgeworksException {
        int rows = s.rows(), cols = s.cols();
        int[] coverage = new int[cols];
        FrameKernels.straightenAndSum(new double[rows * cols], rows, cols, shifts, new double[cols], coverage);
        int first = -1, last = -1;
        for (int c = 0; c < cols; c++) if (coverage[c] * 2 >= rows) { if (first < 0) first = c; last = c; }
        if (first < 0 || last - first < 2) throw EdgeworksException.of(s.name(), "curvature shifts leave no usable column");
        if (first > 0 || last < cols - 1) notes.add("columns " + first + " to " + last + " kept (edges lost to the curvature shift)");
        for (int pt = 0; pt < s.points(); pt++) {
            double[] sp = streamed.pixelSpectra()[pt], v = streamed.pixelVariance()[pt];
            for (int c = 0; c < cols; c++) {
                double scale = coverage[c] > 0 ? (double) rows / coverage[c] : 0;
                sp[c] *= scale;
                v[c] *= scale * scale;
            }
        }
        return new int[] {first, last};
    }

    /**
     * Step 4a: the elastic line (the peak that moves with the excitation energy), its pixel per
     * point (NaN where none); tracked across the scan when at least 3 excitation energies differ.
     */
    private static double[] elasticLine(Frames s, Parameters p, double[] excitation, double[][] pixelSpectra, int first, int last,
                                        List<String> notes) throws EdgeworksException {
        int points = s.points();
        double[] elastic = new double[points];
        double[][] usable = new double[points][];
        for (int pt = 0; pt < points; pt++) usable[pt] = java.util.Arrays.copyOfRange(pixelSpectra[pt], first, last + 1);
        boolean scanned = java.util.Arrays.stream(excitation).distinct().count() >= 3;
        if (scanned) {
            ElasticLine.Track t = ElasticLine.track(usable, excitation, p.elasticThreshold(), p.elasticHalfWidth());
            for (int pt = 0; pt < points; pt++) elastic[pt] = first + t.pixel()[pt];
            if (t.frames() > 0 && (t.slope() > 0) != p.energyIncreasesWithPixel() && p.calibration() == null)
                throw EdgeworksException.of(s.name(), "the elastic line moves to " + (t.slope() > 0 ? "higher" : "lower")
                    + " pixels as the excitation energy rises, but energyIncreasesWithPixel is " + p.energyIncreasesWithPixel()
                    + ": check the declared dispersion direction");
            List<String> missing = new ArrayList<>();
            for (int pt = 0; pt < points; pt++) if (Double.isNaN(elastic[pt])) missing.add(MapMath.fmt(excitation[pt]));
            if (!missing.isEmpty())
                notes.add("elastic line not found in " + missing.size() + " of " + points + " point(s) (E_ex = " + String.join(", ", missing)
                    + " eV): left out of the calibration");
        } else {
            for (int pt = 0; pt < points; pt++) {
                OptionalDouble e = ElasticLine.find(usable[pt], p.energyIncreasesWithPixel(), p.elasticThreshold(), p.elasticHalfWidth());
                elastic[pt] = e.isPresent() ? first + e.getAsDouble() : Double.NaN;
            }
        }
        return elastic;
    }

    /** Step 4b: pixel-to-eV, given or fitted on the elastic line (refused against the declared direction). */
    private static PixelCalibration calibration(Frames s, Parameters p, double[] excitation, double[] elastic, int first, int last,
                                                List<String> notes) throws EdgeworksException {
        if (p.calibration() != null) {
            notes.add("pixel-to-eV calibration given");
            return PixelCalibration.given(p.calibration());
        }
        PixelCalibration cal = CalibrateEmission.fit(s.name(), excitation, elastic, p.calibrationDegree(), 5, notes);
        notes.add("pixel-to-eV fitted on the elastic line, rms residual " + MapMath.fmt(cal.rmsResidual()) + " eV");
        double mid = cal.dispersion((first + last) / 2.0);
        if ((mid > 0) != p.energyIncreasesWithPixel())
            throw EdgeworksException.of(s.name(), "the pixel-to-eV fit has energy " + (mid > 0 ? "rising" : "falling")
                + " with pixel, against the declared energyIncreasesWithPixel = " + p.energyIncreasesWithPixel());
        return cal;
    }

    /** Step 5: counts per pixel -> counts per eV on the calibrated axis, normalised, regridded at {@code step} eV. */
    private static MapAssembly.Assembled regrid(Frames s, PixelCalibration cal, double[] excitation, double[] norm, Streamed streamed,
                                                int first, int last, double step) throws EdgeworksException {
        int points = s.points(), n = last - first + 1;
        double[] emission = new double[n];
        double[][] perEv = new double[points][n], perEvVariance = new double[points][n];
        for (int c = 0; c < n; c++) {
            double px = first + c;
            emission[c] = cal.energy(px);
            double d = Math.abs(cal.dispersion(px));
            if (!(d > 0)) throw EdgeworksException.of(s.name(), "pixel-to-eV calibration has zero dispersion at pixel " + px);
            for (int pt = 0; pt < points; pt++) {
                perEv[pt][c] = streamed.pixelSpectra()[pt][first + c] / d;
                perEvVariance[pt][c] = streamed.pixelVariance()[pt][first + c] / (d * d);
            }
        }
        return MapAssembly.assemble(s.name(), excitation, emission, perEv, perEvVariance, norm, null, step);
    }

    private static void get(Future<?> f, String name) throws EdgeworksException {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw EdgeworksException.of(name, "interrupted");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof UncheckedEdgeworks u) throw u.error;
            if (c instanceof EdgeworksException ee) throw ee;
            throw EdgeworksException.of(name, "map building failed: " + c);
        }
    }

    /** Per-point values from per-point or per-frame arrays (per-frame: mean, or sum when {@code mean} is false). */
    private static double[] perPoint(String name, String what, double[] v, int frames, int reps, boolean mean) throws EdgeworksException {
        int points = frames / reps;
        if (v.length == points) return v.clone();
        if (v.length == frames) {
            double[] out = new double[points];
            for (int f = 0; f < frames; f++) out[f / reps] += v[f];
            if (mean) for (int i = 0; i < points; i++) out[i] /= reps;
            return out;
        }
        throw EdgeworksException.of(name, what + " has " + v.length + " values for " + frames + " frames ("
            + points + " points)");
    }

    /**
     * Repeats as declared, or, when none are declared and the excitation energy is given per
     * frame, found as runs of equal consecutive energies of one common length (a scan that
     * repeats each point k times). Equal energies in runs of different lengths are left alone
     * (the map assembly averages them) and said so.
     */
    static int repeats(RawStack stack, int frames, List<String> notes) {
        if (stack.repeats() > 1) return stack.repeats();
        double[] e = stack.excitation();
        if (e.length != frames || frames < 2) return 1;
        int run = 1, common = -1;
        boolean uneven = false;
        for (int f = 1; f <= frames; f++) {
            if (f < frames && e[f] == e[f - 1]) { run++; continue; }
            if (common < 0) common = run; else if (run != common) uneven = true;
            run = 1;
        }
        if (common > 1 && !uneven) {
            notes.add(common + " repeats per point found from consecutive equal excitation energies");
            return common;
        }
        if (common > 1 || uneven) notes.add("consecutive equal excitation energies in runs of different lengths: not taken as repeats");
        return 1;
    }

    /**
     * Per point, the mean over its frames of I0 x count_time (both default to 1): the reduction
     * averages the repeated frames, so mean counts / mean (I0 x t) = summed counts / summed
     * (I0 x t), one scale whatever the number of repeats.
     */
    private static double[] normalisation(String name, RawStack s, int frames, int reps) throws EdgeworksException {
        double[] i0 = s.i0() == null ? filled(frames, 1) : expand(name, "I0", s.i0(), frames, reps);
        double[] t = s.countTime() == null ? filled(frames, 1) : expand(name, "count_time", s.countTime(), frames, reps);
        double[] out = new double[frames / reps];
        for (int f = 0; f < frames; f++) out[f / reps] += i0[f] * t[f] / reps;
        for (int i = 0; i < out.length; i++)
            if (!(out[i] > 0) || !Double.isFinite(out[i]))
                throw EdgeworksException.of(name, "I0 x count_time is " + out[i] + " at point " + i + ": cannot normalise");
        return out;
    }

    private static double[] expand(String name, String what, double[] v, int frames, int reps) throws EdgeworksException {
        if (v.length == frames) return v;
        if (v.length == 1) return filled(frames, v[0]);
        if (v.length == frames / reps) {
            double[] out = new double[frames];
            for (int f = 0; f < frames; f++) out[f] = v[f / reps];
            return out;
        }
        throw EdgeworksException.of(name, what + " has " + v.length + " values for " + frames + " frames");
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    private static double[] readDark(String name, ILazyDataset dark, int rows, int cols, List<String> notes) throws EdgeworksException {
        if (dark == null) return null;
        int[] s = dark.getShape();
        int n = s.length == 3 ? s[0] : 1;
        if (s[s.length - 2] != rows || s[s.length - 1] != cols)
            throw EdgeworksException.of(name, "dark frames are " + java.util.Arrays.toString(s) + ", images " + rows + " x " + cols);
        double[] mean = new double[rows * cols];
        if (s.length == 2) {
            try {
                double[] f = DatasetUtils.cast(DoubleDataset.class, dark.getSlice()).getData();
                System.arraycopy(f, 0, mean, 0, mean.length);
            } catch (DatasetException | RuntimeException e) {
                throw EdgeworksException.of(name, "cannot read the dark frame: " + e.getMessage());
            }
        } else {
            FrameReader r = new FrameReader(name + " dark", dark, rows, cols);
            try {
                double[] f = null;
                for (int i = 0; i < n; i++) {
                    f = r.read(i, f);
                    for (int k = 0; k < mean.length; k++) mean[k] += f[k] / n;
                }
            } catch (UncheckedEdgeworks u) {
                throw u.error;
            }
        }
        notes.add("dark: mean of " + n + " dark frame(s) subtracted");
        return mean;
    }

    /** Carries a checked error out of a worker task. */
    static final class UncheckedEdgeworks extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient EdgeworksException error;
        UncheckedEdgeworks(EdgeworksException e) { super(e.getMessage(), e); this.error = e; }
    }

    /**
     * Reads single frames of the lazy stack as doubles and counts what it read: into a buffer the
     * caller reuses when the stack is a {@link FrameSource} (NeXus and TIFF stacks: the stored
     * elements converted once, straight into that buffer), else as January slices (a fresh array
     * per frame). The same values either way.
     */
    static final class FrameReader {
        final String name;
        final ILazyDataset stack;
        final FrameSource source;
        final int rows, cols;
        final int[] shape;
        final AtomicInteger framesRead = new AtomicInteger();
        final AtomicLong pixelsRead = new AtomicLong();

        FrameReader(String name, ILazyDataset stack, int rows, int cols) {
            this.name = name;
            this.stack = stack;
            this.rows = rows;
            this.cols = cols;
            this.shape = stack.getShape();
            this.source = stack instanceof FrameSource fs && java.util.Arrays.equals(fs.shape(), shape) ? fs : null;
        }

        /** Frame {@code frame} in a fresh array. */
        double[] read(int frame) {
            return read(frame, null);
        }

        /**
         * Frame {@code frame} in {@code reuse} when the stack reads into buffers and {@code reuse}
         * holds rows x cols, else in a fresh array; returns the array that holds it.
         */
        double[] read(int frame, double[] reuse) {
            if (source != null) {
                double[] into = reuse != null && reuse.length == rows * cols ? reuse : new double[rows * cols];
                try {
                    source.readFrame(frame, into);
                } catch (EdgeworksException e) {
                    throw new UncheckedEdgeworks(EdgeworksException.of(name, "cannot read frame " + frame + ": " + e.getMessage()));
                }
                framesRead.incrementAndGet();
                pixelsRead.addAndGet((long) rows * cols);
                return into;
            }
            try {
                IDataset d = stack.getSlice(new SliceND(shape, new int[] {frame, 0, 0}, new int[] {frame + 1, rows, cols}, null));
                framesRead.incrementAndGet();
                pixelsRead.addAndGet((long) rows * cols);
                DoubleDataset dd = d instanceof DoubleDataset x ? x : DatasetUtils.cast(DoubleDataset.class, d);
                double[] buf = dd.getData();
                // a fresh slice owns its buffer; a view (strided or offset) must be copied
                if (buf.length != rows * cols || dd.getStrides() != null || dd.getOffset() != 0) buf = dd.clone().getData();
                return buf;
            } catch (DatasetException | RuntimeException e) {
                if (e instanceof UncheckedEdgeworks u) throw u;
                throw new UncheckedEdgeworks(EdgeworksException.of(name, "cannot read frame " + frame + ": " + e.getMessage()));
            }
        }
    }
}
