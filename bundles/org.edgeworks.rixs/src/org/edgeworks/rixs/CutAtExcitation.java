package org.edgeworks.rixs;

import java.util.List;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Axis;
import org.edgeworks.core.data.RixsMap;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.core.data.Unit;
import org.edgeworks.core.processing.Param;
import org.edgeworks.core.processing.Result;

/**
 * A RIXS spectrum: the mean of the map rows with E_ex inside x +- width/2, against emission
 * energy. When no row lies inside (a window narrower than the excitation step), the two rows
 * around x are interpolated linearly, and the note says so.
 */
public final class CutAtExcitation extends RixsProcessor<RixsMap, CutAtExcitation.Parameters, Spectrum> {
    public static final String ID = "org.edgeworks.rixs.cutExcitation";

    public record Parameters(
        @Param(label = "Excitation energy", unit = "eV") double excitation,
        @Param(label = "Width", unit = "eV", description = "full width of the excitation window (the rows averaged)", min = 0) double width) {
        /** 530.8 eV, one of the cuts of the NLMRO study (docs/science.md#study); 0.2 eV, about one excitation step. */
        public static Parameters defaults() { return new Parameters(530.8, 0.2); }
    }

    public CutAtExcitation() { super(ID, "RIXS spectrum at fixed excitation", RixsMap.class, Parameters.class); }

    @Override public Parameters defaults() { return Parameters.defaults(); }

    @Override
    public Result<Spectrum> apply(RixsMap m, Parameters p) throws EdgeworksException {
        double[] ex = m.excitation().values();
        int nc = m.columns();
        double[] d = m.data(), out = new double[nc], err = m.errors(), var = new double[nc];
        double x = p.excitation(), h = p.width() / 2;
        if (x < ex[0] - h || x > ex[ex.length - 1] + h)
            throw EdgeworksException.of(m.name(), "excitation " + x + " eV is outside the map (" + MapMath.fmt(ex[0]) + " to "
                + MapMath.fmt(ex[ex.length - 1]) + " eV)");
        int count = 0;
        for (int i = 0; i < ex.length; i++) {
            if (Math.abs(ex[i] - x) <= h + 1e-9) {
                for (int j = 0; j < nc; j++) out[j] += d[i * nc + j];
                if (err != null) for (int j = 0; j < nc; j++) var[j] += err[i * nc + j] * err[i * nc + j];
                count++;
            }
        }
        String note;
        if (count > 0) {
            for (int j = 0; j < nc; j++) out[j] /= count;
            for (int j = 0; j < nc; j++) var[j] /= (double) count * count;
            note = "mean of " + count + " row(s) with E_ex in " + MapMath.fmt(x - h) + ":" + MapMath.fmt(x + h) + " eV";
        } else {
            int hi = 1;
            while (hi < ex.length - 1 && ex[hi] < x) hi++;
            int lo = hi - 1;
            double t = Math.min(1, Math.max(0, (x - ex[lo]) / (ex[hi] - ex[lo])));
            for (int j = 0; j < nc; j++) out[j] = (1 - t) * d[lo * nc + j] + t * d[hi * nc + j];
            if (err != null)
                for (int j = 0; j < nc; j++) var[j] = Math.pow((1 - t) * err[lo * nc + j], 2) + Math.pow(t * err[hi * nc + j], 2);
            note = "no row within +-" + MapMath.fmt(h) + " eV of " + x + " eV: interpolated between rows at "
                + MapMath.fmt(ex[lo]) + " and " + MapMath.fmt(ex[hi]) + " eV";
        }
        Spectrum s = new Spectrum(m.name() + " @ " + x + " eV", Axis.of("emission", Unit.EV, m.emission().values()), out,
            err == null ? null : MapMath.sqrt(var), "rixs");
        return result(s, p, List.of(note));
    }
}
