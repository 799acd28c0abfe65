package org.edgeworks.rixs;

import java.util.List;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.processing.Param;
import org.edgeworks.core.processing.Result;
import org.edgeworks.rixs.image.Curvature;
import org.edgeworks.rixs.image.CurvatureFit;
import org.edgeworks.rixs.image.DetectorImage;

/**
 * Curvature (slope) correction, the fit: the position of the elastic (or any strong) line per
 * bin of non-dispersive rows, a low-order polynomial through those positions. Straightening
 * and summing use the result (see {@link org.edgeworks.rixs.image.FrameKernels#straightenAndSum}).
 */
public final class FitCurvature extends RixsProcessor<FitCurvature.Images, FitCurvature.Parameters, CurvatureFit> {
    public static final String ID = "org.edgeworks.rixs.curvature";

    /** Reduced images (e.g. a few frames of the scan); their line shifts are averaged. */
    public record Images(List<DetectorImage> images) {}

    public record Parameters(
        @Param(label = "Polynomial degree", description = "0 = no correction, 1 = slope, 2 = curvature", min = 0, max = 4) int degree,
        @Param(label = "Rows per bin", unit = "rows", description = "rows summed before locating the line", min = 1) int rowBin,
        @Param(label = "Largest shift", unit = "pixels", description = "search range of the line position across rows; 0 = the whole width", min = 0) int maxShift) {
        /** Quadratic (spectrometer images are parabolic to first order); 8-row bins; searched over the whole width. */
        public static Parameters defaults() { return new Parameters(2, 8, 0); }
    }

    public FitCurvature() { super(ID, "Curvature (slope) fit", Images.class, Parameters.class); }

    @Override public Parameters defaults() { return Parameters.defaults(); }

    @Override
    public Result<CurvatureFit> apply(Images input, Parameters p) throws EdgeworksException {
        List<String> notes = new java.util.ArrayList<>();
        CurvatureFit fit = Curvature.fit("curvature", input.images(), p.degree(), p.rowBin(), p.maxShift(), notes);
        notes.add("line position fitted on " + fit.binRows().length + " row bins, rms residual " + MapMath.fmt(fit.rmsResidual()) + " pixels");
        return result(fit, p, notes);
    }
}
