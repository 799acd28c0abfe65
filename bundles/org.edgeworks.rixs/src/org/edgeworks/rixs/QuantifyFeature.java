package org.edgeworks.rixs;

import java.util.ArrayList;
import java.util.List;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.RixsMap;
import org.edgeworks.core.processing.Param;
import org.edgeworks.core.processing.Result;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealVector;

/**
 * Feature quantification (SCIENCE.md section 9.7): the integral of the map over a box around a
 * feature minus a background, the background being a plane a + b E_ex + c E_em fitted by least
 * squares (Hipparchus QR) to the cells of a frame around the box and integrated over the box;
 * then divided by the integral of a reference region (or the whole map). The uncertainty is the
 * scatter of the frame cells about the plane, propagated over the box cells.
 */
public final class QuantifyFeature extends RixsProcessor<RixsMap, QuantifyFeature.Parameters, QuantifyFeature.Quantification> {
    public static final String ID = "org.edgeworks.rixs.quantify";

    public record Parameters(
        @Param(label = "Feature excitation", unit = "eV") double excitation,
        @Param(label = "Feature emission", unit = "eV") double emission,
        @Param(label = "Box half width, excitation", unit = "eV", min = 0) double halfExcitation,
        @Param(label = "Box half width, emission", unit = "eV", min = 0) double halfEmission,
        @Param(label = "Frame width, excitation", unit = "eV", description = "background frame beyond the box on each side", min = 0) double frameExcitation,
        @Param(label = "Frame width, emission", unit = "eV", min = 0) double frameEmission,
        @Param(label = "Reference region", description = "'total' or 'exFrom:exTo,emFrom:emTo' (eV)") String reference) {
        /**
         * The oxidised-oxygen feature of the NLMRO study, 531.0 +- 0.3 eV excitation and
         * 523.7 +- 0.5 eV emission (SCIENCE.md section 9.7); a frame as wide as the box half
         * widths; normalised to the map total.
         */
        public static Parameters defaults() { return new Parameters(531.0, 523.7, 0.3, 0.5, 0.3, 0.5, "total"); }
    }

    /**
     * @param featureIntensity    box integral minus background (map units x eV^2)
     * @param uncertainty         one standard deviation of featureIntensity from the frame scatter
     * @param boxIntegral         the raw box integral
     * @param background          the background integrated over the box
     * @param referenceIntensity  integral of the reference region
     * @param normalisedIntensity featureIntensity / referenceIntensity
     */
    public record Quantification(String map, double featureIntensity, double uncertainty, double boxIntegral, double background,
                                 double referenceIntensity, double normalisedIntensity, int boxCells, int frameCells) {}

    public QuantifyFeature() { super(ID, "Feature quantification (box minus background)", RixsMap.class, Parameters.class); }

    @Override public Parameters defaults() { return Parameters.defaults(); }

    @Override
    public Result<Quantification> apply(RixsMap m, Parameters p) throws EdgeworksException {
        List<String> notes = new ArrayList<>();
        Quantification q = quantify(m, p, notes);
        return result(q, p, notes);
    }

    static Quantification quantify(RixsMap m, Parameters p, List<String> notes) throws EdgeworksException {
        String name = m.name();
        double[] ex = m.excitation().values(), em = m.emission().values(), d = m.data();
        double[] wx = MapMath.widths(ex), wm = MapMath.widths(em);
        int nc = em.length;
        double exLo = p.excitation() - p.halfExcitation(), exHi = p.excitation() + p.halfExcitation();
        double emLo = p.emission() - p.halfEmission(), emHi = p.emission() + p.halfEmission();
        int[] ri = MapMath.indicesIn(name, "feature box excitation", ex, exLo, exHi);
        int[] ci = MapMath.indicesIn(name, "feature box emission", em, emLo, emHi);
        double fexLo = exLo - p.frameExcitation(), fexHi = exHi + p.frameExcitation();
        double femLo = emLo - p.frameEmission(), femHi = emHi + p.frameEmission();
        List<double[]> frame = new ArrayList<>();
        for (int i = 0; i < ex.length; i++) {
            if (ex[i] < fexLo - 1e-9 || ex[i] > fexHi + 1e-9) continue;
            for (int j = 0; j < nc; j++) {
                if (em[j] < femLo - 1e-9 || em[j] > femHi + 1e-9) continue;
                boolean inBox = i >= ri[0] && i <= ri[1] && j >= ci[0] && j <= ci[1];
                if (!inBox) frame.add(new double[] {ex[i] - p.excitation(), em[j] - p.emission(), d[i * nc + j]});
            }
        }
        if (frame.size() < 4)
            throw EdgeworksException.of(name, "background frame around the box has " + frame.size()
                + " cell(s); widen frameExcitation/frameEmission or check the map covers "
                + MapMath.fmt(fexLo) + ":" + MapMath.fmt(fexHi) + " x " + MapMath.fmt(femLo) + ":" + MapMath.fmt(femHi) + " eV");
        Array2DRowRealMatrix a = new Array2DRowRealMatrix(frame.size(), 3);
        ArrayRealVector y = new ArrayRealVector(frame.size());
        for (int k = 0; k < frame.size(); k++) {
            double[] f = frame.get(k);
            a.setEntry(k, 0, 1);
            a.setEntry(k, 1, f[0]);
            a.setEntry(k, 2, f[1]);
            y.setEntry(k, f[2]);
        }
        RealVector plane;
        try {
            plane = new QRDecomposition(a, 1e-12).getSolver().solve(y);
        } catch (RuntimeException e) {
            throw EdgeworksException.of(name, "background plane cannot be fitted on the frame (" + e.getMessage() + ")");
        }
        double ss = 0;
        for (int k = 0; k < frame.size(); k++) {
            double[] f = frame.get(k);
            double r = f[2] - (plane.getEntry(0) + plane.getEntry(1) * f[0] + plane.getEntry(2) * f[1]);
            ss += r * r;
        }
        double sigmaCell = Math.sqrt(ss / Math.max(1, frame.size() - 3));
        double box = 0, bg = 0, var = 0;
        int cells = 0;
        for (int i = ri[0]; i <= ri[1]; i++) {
            for (int j = ci[0]; j <= ci[1]; j++) {
                double area = wx[i] * wm[j];
                box += d[i * nc + j] * area;
                bg += (plane.getEntry(0) + plane.getEntry(1) * (ex[i] - p.excitation()) + plane.getEntry(2) * (em[j] - p.emission())) * area;
                var += sigmaCell * sigmaCell * area * area;
                cells++;
            }
        }
        Region ref = Region.parse(name, p.reference());
        double reference = ref.integral(name, m);
        if (!(Math.abs(reference) > 0))
            throw EdgeworksException.of(name, "reference region " + ref + " integrates to zero: cannot normalise");
        double feature = box - bg;
        notes.add("box " + cells + " cell(s), background plane from " + frame.size() + " frame cell(s), reference " + ref);
        return new Quantification(name, feature, Math.sqrt(var), box, bg, reference, feature / reference, cells, frame.size());
    }
}
