package org.edgeworks.rixs;

import java.util.List;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.RixsMap;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.core.processing.Param;
import org.edgeworks.core.processing.Result;

/**
 * A cut at fixed emission energy: the mean of the map columns with E_em inside e +- width/2,
 * against excitation energy; the nearest column when none lies inside.
 */
public final class CutAtEmission extends RixsProcessor<RixsMap, CutAtEmission.Parameters, Spectrum> {
    public static final String ID = "org.edgeworks.rixs.cutEmission";

    public record Parameters(
        @Param(label = "Emission energy", unit = "eV") double emission,
        @Param(label = "Width", unit = "eV", description = "full width of the emission window", min = 0) double width) {
        /** 523.7 eV, the oxidised-oxygen emission (docs/science.md#study); 0.2 eV. */
        public static Parameters defaults() { return new Parameters(523.7, 0.2); }
    }

    public CutAtEmission() { super(ID, "Cut at fixed emission energy", RixsMap.class, Parameters.class); }

    @Override public Parameters defaults() { return Parameters.defaults(); }

    @Override
    public Result<Spectrum> apply(RixsMap m, Parameters p) throws EdgeworksException {
        double[] em = m.emission().values();
        double e = p.emission(), h = p.width() / 2;
        if (e < em[0] - h || e > em[em.length - 1] + h)
            throw EdgeworksException.of(m.name(), "emission " + e + " eV is outside the map (" + MapMath.fmt(em[0]) + " to "
                + MapMath.fmt(em[em.length - 1]) + " eV)");
        int a = -1, b = -1, nearest = 0;
        for (int j = 0; j < em.length; j++) {
            if (Math.abs(em[j] - e) <= h + 1e-9) { if (a < 0) a = j; b = j; }
            if (Math.abs(em[j] - e) < Math.abs(em[nearest] - e)) nearest = j;
        }
        if (a < 0) { a = nearest; b = nearest; }
        int nr = m.rows(), nc = m.columns();
        double[] d = m.data(), out = new double[nr], err = m.errors(), var = new double[nr];
        for (int i = 0; i < nr; i++) {
            for (int j = a; j <= b; j++) out[i] += d[i * nc + j];
            out[i] /= (b - a + 1);
            if (err != null) {
                for (int j = a; j <= b; j++) var[i] += err[i * nc + j] * err[i * nc + j];
                var[i] /= (double) (b - a + 1) * (b - a + 1);
            }
        }
        Spectrum s = new Spectrum(m.name() + " @ E_em " + e + " eV", m.excitation(), out, err == null ? null : MapMath.sqrt(var), "rixs");
        return result(s, p, List.of("mean of " + (b - a + 1) + " emission column(s) " + MapMath.fmt(em[a]) + " to "
            + MapMath.fmt(em[b]) + " eV"));
    }
}
