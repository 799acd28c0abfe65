package org.edgeworks.rixs;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.RixsMap;
import org.edgeworks.core.processing.Param;
import org.edgeworks.core.processing.Result;

/**
 * The same map from already-reduced emission spectra (one per excitation point, e.g. a
 * beamline's reduced output or an energy-resolved SDD scan): no image steps, only counts per
 * channel divided by the channel's width in eV (half the distance between its neighbours, so an
 * uneven channel grid gives the same map), I0 x time normalisation and regridding onto one
 * uniform emission axis: the same scale as the map from images, counts per (I0 unit x s x eV
 * of emission).
 */
public final class MapFromSpectra extends RixsProcessor<EmissionSpectra, MapFromSpectra.Parameters, RixsMap> {
    public static final String ID = "org.edgeworks.rixs.mapFromSpectra";

    public record Parameters(
        @Param(label = "Emission step", unit = "eV", description = "0 = the median channel spacing", min = 0) double emissionStep) {
        /** The spectra's own channel spacing: no resolution is invented or thrown away. */
        public static Parameters defaults() { return new Parameters(0); }
    }

    public MapFromSpectra() { super(ID, "mRIXS map from reduced emission spectra", EmissionSpectra.class, Parameters.class, "2"); } // 2: divided by channel widths (same scale as from images)

    @Override public Parameters defaults() { return Parameters.defaults(); }

    @Override
    public Result<RixsMap> apply(EmissionSpectra s, Parameters p) throws EdgeworksException {
        double[] w = MapMath.widths(s.emission());
        double[][] perEv = new double[s.points()][], variance = new double[s.points()][];
        for (int i = 0; i < perEv.length; i++) {
            double[] c = s.counts()[i];
            if (c.length != w.length)
                throw EdgeworksException.of(s.name(), "spectrum " + i + " has " + c.length + " channels, emission axis " + w.length);
            perEv[i] = new double[w.length];
            variance[i] = new double[w.length];
            for (int j = 0; j < w.length; j++) {
                if (!(w[j] > 0))
                    throw EdgeworksException.of(s.name(), "emission channel " + j + " has zero width (repeated emission energy "
                        + s.emission()[j] + " eV)");
                perEv[i][j] = c[j] / w[j];
                // raw counts: Poisson; a channel with no count is given the variance of one (never a zero sigma)
                variance[i][j] = Math.max(c[j], 1) / (w[j] * w[j]);
            }
        }
        MapAssembly.Assembled a = MapAssembly.assemble(s.name(), s.excitation(), s.emission(), perEv, variance, s.i0(), s.countTime(),
            p.emissionStep());
        a.notes().add(0, "counts per channel divided by the channel width (eV)");
        return result(a.map(), p, a.notes());
    }
}
