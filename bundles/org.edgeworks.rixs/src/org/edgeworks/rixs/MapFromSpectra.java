package org.edgeworks.rixs;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.RixsMap;
import org.edgeworks.core.processing.Param;
import org.edgeworks.core.processing.Result;

/**
 * The same map from already-reduced emission spectra (one per excitation point, e.g. a
 * beamline's reduced output or an energy-resolved SDD scan): no image steps, only I0 x time
 * normalisation and regridding onto one uniform emission axis.
 */
public final class MapFromSpectra extends RixsProcessor<EmissionSpectra, MapFromSpectra.Parameters, RixsMap> {
    public static final String ID = "org.edgeworks.rixs.mapFromSpectra";

    public record Parameters(
        @Param(label = "Emission step", unit = "eV", description = "0 = the median channel spacing", min = 0) double emissionStep) {
        /** The spectra's own channel spacing: no resolution is invented or thrown away. */
        public static Parameters defaults() { return new Parameters(0); }
    }

    public MapFromSpectra() { super(ID, "mRIXS map from reduced emission spectra", EmissionSpectra.class, Parameters.class); }

    @Override public Parameters defaults() { return Parameters.defaults(); }

    @Override
    public Result<RixsMap> apply(EmissionSpectra s, Parameters p) throws EdgeworksException {
        MapAssembly.Assembled a = MapAssembly.assemble(s.name(), s.excitation(), s.emission(), s.counts(), s.i0(), s.countTime(),
            p.emissionStep());
        return result(a.map(), p, a.notes());
    }
}
