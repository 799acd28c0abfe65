package org.edgeworks.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Axis;
import org.edgeworks.core.data.Channel;
import org.edgeworks.core.data.ChannelRole;
import org.edgeworks.core.data.EnergyGrid;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.core.processing.Param;
import org.edgeworks.core.processing.BaseProcessor;
import org.edgeworks.core.processing.Result;

/** Adapter: one channel of a scan against energy, as it is (sorted, duplicates averaged, NaNs masked). */
public final class ScanToSpectrum extends BaseProcessor<Scan, ScanToSpectrum.Params, Spectrum> {
    public static final String ID = "org.edgeworks.pipeline.spectrum";

    public record Params(
        @Param(label = "energy channel", description = "role or channel name; default the ENERGY channel") String energy,
        @Param(label = "signal channel", description = "role or channel name; default MU") String signal) {
        public static Params defaults() { return new Params("", "MU"); }
    }

    public ScanToSpectrum() { super(ID, "1.0", "Adapter: one channel against energy", Scan.class, Params.class); }

    @Override public Params defaults() { return Params.defaults(); }

    @Override
    public Result<Spectrum> apply(Scan scan, Params p) throws EdgeworksException {
        Channel e = ScanChannels.pick(scan, p.energy(), ChannelRole.ENERGY, "energy");
        Channel s = ScanChannels.pick(scan, p.signal(), ChannelRole.MU, "signal");
        if (s.rank() != 1) throw new EdgeworksException(String.valueOf(scan.source()), s.sourcePath(), "signal: '" + s.name() + "' is not 1-D");
        EnergyGrid.Clean c = EnergyGrid.clean(scan.name(), ScanChannels.read(scan, e), ScanChannels.read(scan, s));
        Map<String, Object> used = new LinkedHashMap<>();
        used.put("energy", e.name());
        used.put("signal", s.name());
        return result(new Spectrum(scan.name(), Axis.energy(c.energy()), c.column(0), null, s.name()), used, c.notes());
    }
}
