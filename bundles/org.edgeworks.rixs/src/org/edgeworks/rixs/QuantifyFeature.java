package org.edgeworks.rixs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.RixsMap;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.core.processing.Param;
import org.edgeworks.core.processing.Result;

/**
 * Feature quantification (docs/science.md#rixs-quantify): a number proportional to the intensity of
 * one map feature (the oxidised-oxygen feature at 531.0 eV excitation / 523.7 eV emission),
 * whatever sits beside it, with its standard error; then divided by the integral of a
 * reference region (or the whole map). Three methods, all proven by linearity on synthetic maps
 * (feature amplitude 0 ... 1 over fixed structured backgrounds: zero intercept, slope = the true
 * integral) in {@code QuantifyFeatureTest}:
 * <ul>
 * <li>{@code spfy} (default; Dai et al., Joule 3, 518 (2019)): the super-partial fluorescence
 *     yield, the map integrated over a narrow emission window (emission +- windowHalfWidth, cells
 *     weighted by their overlap with the window) against excitation; over the fit window
 *     fitFrom:fitTo a Gaussian at the feature plus Gaussians at the neighbouring peaks, on an
 *     edge step (arctangent) and a straight line, is fitted by weighted least squares
 *     ({@link ModelFit}). The intensity is the feature Gaussian's area: the feature's integral
 *     over the emission window (map units x eV^2). Suits maps whose feature is separated from its
 *     neighbours in excitation (the usual O K case); the neighbours must be named.</li>
 * <li>{@code model2d}: a 2-D Gaussian plus a 2-D polynomial (total degree backgroundDegree) fitted
 *     over the box and its gap and frame; the intensity is the Gaussian's whole integral. For
 *     features that overlap others in emission; needs a background that is a low-order
 *     polynomial over the region.</li>
 * <li>{@code box}: the map integrated over the box minus a plane fitted on a
 *     frame around it, beyond a gap (so the feature's tails do not lift the background); the
 *     intensity is the feature's integral inside the box. Model-free in the feature shape, but
 *     only right where the background is close to planar across box and frame (biased next to a
 *     pre-edge peak or a curved band).</li>
 * </ul>
 * Sigma: from the map's {@code errors} (propagated) when present; otherwise from the residual
 * scatter (and said so in the notes).
 */
public final class QuantifyFeature extends RixsProcessor<RixsMap, QuantifyFeature.Parameters, QuantifyFeature.Quantification> {
    public static final String ID = "org.edgeworks.rixs.quantify";

    public static final String SPFY = "spfy", MODEL2D = "model2d", BOX = "box";

    public record Parameters(
        @Param(label = "Method", description = "spfy, model2d or box") String method,
        @Param(label = "Feature excitation", unit = "eV") double excitation,
        @Param(label = "Feature emission", unit = "eV") double emission,
        @Param(label = "Feature width", unit = "eV", description = "Gaussian sigma used when the feature is too weak to fix its own (and as the start)", min = 0) double featureWidth,
        @Param(label = "sPFY window half width", unit = "eV", description = "spfy: emission window = emission +- this", min = 0) double windowHalfWidth,
        @Param(label = "Fit from", unit = "eV", description = "spfy: excitation fit window start") double fitFrom,
        @Param(label = "Fit to", unit = "eV", description = "spfy: excitation fit window end") double fitTo,
        @Param(label = "Neighbouring peaks", unit = "eV", description = "spfy: excitation energies of other peaks in the fit window, fitted with the feature (e.g. the TM-O pre-edge)") double[] neighbourPeaks,
        @Param(label = "2-D region half width, excitation", unit = "eV", description = "model2d: fit region = feature +- this", min = 0) double regionExcitation,
        @Param(label = "2-D region half width, emission", unit = "eV", description = "model2d", min = 0) double regionEmission,
        @Param(label = "Box half width, excitation", unit = "eV", description = "box", min = 0) double halfExcitation,
        @Param(label = "Box half width, emission", unit = "eV", description = "box", min = 0) double halfEmission,
        @Param(label = "Gap", unit = "eV", description = "box: between box and frame", min = 0) double gap,
        @Param(label = "Frame width, excitation", unit = "eV", description = "background frame beyond the gap on each side", min = 0) double frameExcitation,
        @Param(label = "Frame width, emission", unit = "eV", min = 0) double frameEmission,
        @Param(label = "Background degree", description = "model2d: total degree of the 2-D polynomial background", min = 0, max = 3) int backgroundDegree,
        @Param(label = "Reference region", description = "'total' or 'exFrom:exTo,emFrom:emTo' (eV)") String reference) {

        /**
         * sPFY at the oxidised-oxygen feature of the NLMRO study (531.0 / 523.7 eV, window
         * +- 0.25 eV, fit window 528-534 eV, docs/science.md#rixs-quantify) with the TM-O pre-edge peak
         * at 529.6 eV as the neighbour, a 0.25 eV feature sigma when it is too weak to fix its
         * own; model2d over +- 0.8 eV (excitation) x +- 0.7 eV (emission) with a cubic background
         * (the least biased of a scan over region and degree on the synthetic background of the
         * tests: wider regions reach the pre-edge peak, which no low-order polynomial follows); box +- 0.75 eV, gap 0.2 eV, frame
         * 0.2 eV (excitation) and 0.5 eV (emission), plane background: the least biased of a scan
         * over box, gap and frame on the near-planar synthetic background of the tests (the box
         * method stays sensitive to them and is biased next to a pre-edge peak); normalised to the
         * map total.
         */
        public static Parameters defaults() {
            return new Parameters(SPFY, 531.0, 523.7, 0.25, 0.25, 528.0, 534.0, new double[] {529.6}, 0.8, 0.7, 0.75, 0.75, 0.2, 0.2, 0.5, 3,
                "total");
        }

        /** The box method with the given box and frame (default gap and background degree). */
        public Parameters(double excitation, double emission, double halfExcitation, double halfEmission,
                          double frameExcitation, double frameEmission, String reference) {
            this(BOX, excitation, emission, 0.25, 0.25, 528.0, 534.0, new double[] {529.6}, 1.0, 1.0, halfExcitation, halfEmission, 0.2,
                frameExcitation, frameEmission, 2, reference);
        }

        public Parameters withMethod(String m) {
            return new Parameters(m, excitation, emission, featureWidth, windowHalfWidth, fitFrom, fitTo, neighbourPeaks, regionExcitation, regionEmission, halfExcitation,
                halfEmission, gap, frameExcitation, frameEmission, backgroundDegree, reference);
        }

        public Parameters withReference(String r) {
            return new Parameters(method, excitation, emission, featureWidth, windowHalfWidth, fitFrom, fitTo, neighbourPeaks, regionExcitation, regionEmission, halfExcitation,
                halfEmission, gap, frameExcitation, frameEmission, backgroundDegree, r);
        }
    }

    /**
     * @param method                    spfy, model2d or box
     * @param featureIntensity          the feature's intensity (map units x eV^2; see the class comment for what each method integrates)
     * @param uncertainty               one standard deviation of featureIntensity
     * @param background                the background under the feature (box: integrated over the box; spfy, model2d:
     *                                  the background model integrated over the feature's +- 2 sigma)
     * @param referenceIntensity        integral of the reference region
     * @param referenceIntensityStderr  its standard deviation (0 when the map has no errors)
     * @param normalisedIntensity       featureIntensity / referenceIntensity
     * @param normalisedIntensityStderr its standard deviation
     * @param centreExcitation          fitted (or box) feature centre, eV
     * @param centreEmission            fitted (or box) feature centre, eV
     * @param reducedChiSquare          of the fit (NaN for box without map errors)
     * @param boxCells                  points or cells the intensity comes from (sPFY points / region cells / box cells)
     * @param frameCells                points or cells the background comes from (sPFY points / region cells / frame cells)
     * @param profile                   spfy: the sPFY spectrum with its sigma; null otherwise
     * @param profileFit                spfy: the fitted model on the profile's points (NaN outside the fit window); null otherwise
     */
    public record Quantification(String map, String method, double featureIntensity, double uncertainty, double background,
                                 double referenceIntensity, double referenceIntensityStderr, double normalisedIntensity,
                                 double normalisedIntensityStderr, double centreExcitation, double centreEmission,
                                 double reducedChiSquare, int boxCells, int frameCells, Spectrum profile, double[] profileFit) {}

    public QuantifyFeature() { super(ID, "Feature quantification (sPFY fit, 2-D fit or box)", RixsMap.class, Parameters.class, "2"); } // 2: spfy/model2d/box with sigma

    @Override public Parameters defaults() { return Parameters.defaults(); }

    @Override
    public Result<Quantification> apply(RixsMap m, Parameters p) throws EdgeworksException {
        List<String> notes = new ArrayList<>();
        Quantification q = quantify(m, p, notes);
        return result(q, p, notes);
    }

    static Quantification quantify(RixsMap m, Parameters p, List<String> notes) throws EdgeworksException {
        return normalise(m, p, measure(m, p, notes, null), notes);
    }

    /** The method's measurement; {@code shape} non-null holds the feature's centre and width fixed (spfy, model2d). */
    static FeatureMethods.Measured measure(RixsMap m, Parameters p, List<String> notes, FeatureMethods.Shape shape) throws EdgeworksException {
        return switch (method(m, p)) {
            case SPFY, MODEL2D -> FeatureMethods.fitted(m, p.withMethod(method(m, p)), notes, shape);
            default -> FeatureMethods.box(m, p, notes);
        };
    }

    static String method(RixsMap m, Parameters p) throws EdgeworksException {
        String method = p.method() == null ? SPFY : p.method().trim().toLowerCase(Locale.ROOT);
        if (!List.of(SPFY, MODEL2D, BOX).contains(method))
            throw EdgeworksException.of(m.name(), "quantification method '" + p.method() + "' is not one of spfy, model2d, box");
        return method;
    }

    /** Divides by the reference region and makes the row. */
    static Quantification normalise(RixsMap m, Parameters p, FeatureMethods.Measured f, List<String> notes) throws EdgeworksException {
        String method = method(m, p);
        Region ref = Region.parse(m.name(), p.reference());
        double[] reference = ref.integralWithError(m.name(), m);
        if (!(Math.abs(reference[0]) > 0))
            throw EdgeworksException.of(m.name(), "reference region " + ref + " integrates to zero: cannot normalise");
        double n = f.intensity() / reference[0];
        double nSigma = Math.hypot(f.sigma() / reference[0], f.intensity() * reference[1] / (reference[0] * reference[0]));
        notes.add(method + ": " + f.note() + "; reference " + ref);
        String masked = ref.maskNote(m.name(), m);
        if (!masked.isEmpty()) notes.add(masked);
        if (!m.hasErrors()) notes.add(m.name() + ": the map carries no errors; sigma from the residual scatter");
        return new Quantification(m.name(), method, f.intensity(), f.sigma(), f.background(), reference[0], reference[1], n, nSigma,
            f.centreExcitation(), f.centreEmission(), f.reducedChiSquare(), f.featureCells(), f.backgroundCells(), f.profile(),
            f.profileFit());
    }
}
