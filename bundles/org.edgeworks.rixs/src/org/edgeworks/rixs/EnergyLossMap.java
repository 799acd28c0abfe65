package org.edgeworks.rixs;

import java.util.List;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Axis;
import org.edgeworks.core.data.RixsMap;
import org.edgeworks.core.data.Unit;
import org.edgeworks.core.processing.Param;
import org.edgeworks.core.processing.Result;

/**
 * The energy-loss view: each row (excitation E_ex) re-expressed against E_loss = E_ex - E_em
 * and interpolated onto one uniform loss axis covering every row; cells a row does not reach
 * are 0 (noted). The returned map's second axis is named "energy loss" (eV).
 */
public final class EnergyLossMap extends RixsProcessor<RixsMap, EnergyLossMap.Parameters, RixsMap> {
    public static final String ID = "org.edgeworks.rixs.energyLoss";

    public record Parameters(
        @Param(label = "Loss step", unit = "eV", description = "0 = the map's emission step", min = 0) double lossStep) {
        /** The emission step: the loss axis has the resolution the map has. */
        public static Parameters defaults() { return new Parameters(0); }
    }

    public EnergyLossMap() { super(ID, "Energy-loss view", RixsMap.class, Parameters.class); }

    @Override public Parameters defaults() { return Parameters.defaults(); }

    @Override
    public Result<RixsMap> apply(RixsMap m, Parameters p) throws EdgeworksException {
        double[] ex = m.excitation().values(), em = m.emission().values();
        if (em.length < 2) throw EdgeworksException.of(m.name(), "emission axis has fewer than 2 points");
        double step = p.lossStep() > 0 ? p.lossStep() : MapMath.medianStep(em);
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double x : ex) { lo = Math.min(lo, x - em[em.length - 1]); hi = Math.max(hi, x - em[0]); }
        double[] loss = MapMath.uniform(lo, hi, step);
        double[] d = m.data(), out = new double[ex.length * loss.length], e = m.errors();
        double[] err = e == null ? null : new double[out.length];
        int outside = 0;
        double[] lossOfRow = new double[em.length], row = new double[em.length], var = new double[em.length];
        for (int i = 0; i < ex.length; i++) {
            // loss ascends when emission descends: reverse to keep the axis ascending
            for (int j = 0; j < em.length; j++) {
                lossOfRow[j] = ex[i] - em[em.length - 1 - j];
                row[j] = d[i * em.length + em.length - 1 - j];
                if (e != null) var[j] = Math.pow(e[i * em.length + em.length - 1 - j], 2);
            }
            for (int k = 0; k < loss.length; k++) {
                if (loss[k] < lossOfRow[0] - 1e-9 || loss[k] > lossOfRow[em.length - 1] + 1e-9) { outside++; continue; }
                out[i * loss.length + k] = MapMath.interpolate(lossOfRow, row, loss[k]);
                if (err != null) err[i * loss.length + k] = Math.sqrt(MapMath.interpolateVariance(lossOfRow, var, loss[k]));
            }
        }
        var data = org.eclipse.january.dataset.DatasetFactory.createFromObject(
            org.eclipse.january.dataset.DoubleDataset.class, out, ex.length, loss.length);
        var errors = err == null ? null : org.eclipse.january.dataset.DatasetFactory.createFromObject(
            org.eclipse.january.dataset.DoubleDataset.class, err, ex.length, loss.length);
        RixsMap lossMap = new RixsMap(m.name() + " energy loss", m.excitation(), Axis.of("energy loss", Unit.EV, loss), data, errors);
        return result(lossMap, p, List.of("energy loss = E_ex - E_em on " + loss.length + " points, step " + MapMath.fmt(step)
            + " eV; " + outside + " cell(s) outside the measured range set to 0"));
    }
}
