package org.edgeworks.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Channel;
import org.edgeworks.core.data.ChannelRole;
import org.edgeworks.core.data.RixsMap;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.processing.BaseProcessor;
import org.edgeworks.core.processing.Param;
import org.edgeworks.core.processing.Result;

/**
 * Adapter: a RIXS map as a file holds it (a plane excitation x emission: {@code rixs build}'s
 * NAME.map.nxs, {@code rixs diff}'s NAME.diff.nxs, or any reduced NXdata without a monitor) for
 * the map processors (cuts, PFY, quantification, difference): rows from the ENERGY channel,
 * columns from EMISSION_AXIS (both eV), the [rows, columns] signal and, when the scan has it,
 * its one-standard-deviation channel NAME_errors (the NeXus FIELDNAME_errors rule).
 */
public final class ScanToRixsMap extends BaseProcessor<Scan, ScanToRixsMap.Params, RixsMap> {
    public static final String ID = "org.edgeworks.pipeline.rixsMap";

    public record Params(
        @Param(label = "map channel", description = "default: the 2-D channel of shape [excitation, emission] (not NAME_errors)") String map) {
        public static Params defaults() { return new Params(""); }
    }

    public ScanToRixsMap() { super(ID, "1.0", "Adapter: RIXS map (excitation x emission)", Scan.class, Params.class); }

    @Override public Params defaults() { return Params.defaults(); }

    @Override
    public Result<RixsMap> apply(Scan scan, Params p) throws EdgeworksException {
        String file = String.valueOf(scan.source());
        double[] ex = scan.require(ChannelRole.ENERGY).readDoubles(file);
        double[] em = scan.require(ChannelRole.EMISSION_AXIS).readDoubles(file);
        Channel s = ScanChannels.plane(scan, p.map(), ex.length, em.length, "map");
        Channel e = scan.channel(s.name() + "_errors").filter(c -> java.util.Arrays.equals(c.shape(), s.shape())).orElse(null);
        double[] errors = e == null ? null : e.readDoubles(file);
        Map<String, Object> used = new LinkedHashMap<>();
        used.put("map", s.name());
        used.put("errors", e == null ? "" : e.name());
        try {
            return result(RixsMap.of(scan.name(), ex, em, s.readDoubles(file), errors), used, List.of());
        } catch (IllegalArgumentException bad) {
            throw new EdgeworksException(file, s.sourcePath(), bad.getMessage());
        }
    }
}
