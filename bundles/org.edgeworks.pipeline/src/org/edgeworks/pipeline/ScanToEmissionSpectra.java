package org.edgeworks.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Channel;
import org.edgeworks.core.data.ChannelRole;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.processing.Param;
import org.edgeworks.core.processing.BaseProcessor;
import org.edgeworks.core.processing.Result;
import org.edgeworks.rixs.EmissionSpectra;

/**
 * Adapter: already-reduced emission spectra (an EMISSION_AXIS channel and a [points, channels]
 * signal) with the excitation ENERGY, I0 and COUNT_TIME per point, for the rixs map and iPFY
 * processors.
 */
public final class ScanToEmissionSpectra extends BaseProcessor<Scan, ScanToEmissionSpectra.Params, EmissionSpectra> {
    public static final String ID = "org.edgeworks.pipeline.emissionSpectra";

    public record Params(
        @Param(label = "spectra channel", description = "default: the 2-D channel of shape [excitation, emission] (not NAME_errors)") String spectra) {
        public static Params defaults() { return new Params(""); }
    }

    public ScanToEmissionSpectra() { super(ID, "1.0", "Adapter: reduced emission spectra", Scan.class, Params.class); }

    @Override public Params defaults() { return Params.defaults(); }

    @Override
    public Result<EmissionSpectra> apply(Scan scan, Params p) throws EdgeworksException {
        String file = String.valueOf(scan.source());
        double[] ex = scan.require(ChannelRole.ENERGY).readDoubles(file);
        double[] em = scan.require(ChannelRole.EMISSION_AXIS).readDoubles(file);
        Channel s = ScanChannels.plane(scan, p.spectra(), ex.length, em.length, "spectra");
        double[][] counts = ScanChannels.rows(s.readDoubles(file), ex.length, em.length);
        double[] i0 = scan.first(ChannelRole.I0).isPresent() ? scan.require(ChannelRole.I0).readDoubles(file) : null;
        double[] t = scan.first(ChannelRole.COUNT_TIME).isPresent() ? scan.require(ChannelRole.COUNT_TIME).readDoubles(file) : null;
        Map<String, Object> used = new LinkedHashMap<>();
        used.put("spectra", s.name());
        used.put("points", ex.length);
        used.put("channels", em.length);
        return result(new EmissionSpectra(scan.name(), ex, em, counts, i0, t), used, List.of());
    }
}
