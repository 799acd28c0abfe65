package org.edgeworks.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Channel;
import org.edgeworks.core.data.ChannelRole;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.processing.Param;
import org.edgeworks.core.processing.Processor;
import org.edgeworks.core.processing.Provenance;
import org.edgeworks.core.processing.Result;
import org.edgeworks.rixs.RawStack;

/**
 * Adapter: a raw RIXS scan (IMAGE_STACK frames x rows x columns, ENERGY per frame, I0, COUNT_TIME,
 * optional DARK) for the rixs map builder. The stack stays lazy: frames are read by the builder.
 */
public final class ScanToRawStack implements Processor<Scan, ScanToRawStack.Params, RawStack> {
    public static final String ID = "org.edgeworks.pipeline.rawStack";

    public record Params(
        @Param(label = "repeats", description = "frames taken at each excitation point; default 1", min = 1) int repeats) {
        public static Params defaults() { return new Params(1); }
    }

    @Override public String id() { return ID; }
    @Override public String version() { return "1.0"; }
    @Override public String label() { return "Adapter: raw RIXS image stack"; }
    @Override public Class<Scan> inputType() { return Scan.class; }
    @Override public Class<Params> parameterType() { return Params.class; }
    @Override public Params defaults() { return Params.defaults(); }

    @Override
    public Result<RawStack> apply(Scan scan, Params p) throws EdgeworksException {
        String file = String.valueOf(scan.source());
        Channel stack = scan.require(ChannelRole.IMAGE_STACK);
        if (stack.rank() != 3) throw new EdgeworksException(file, stack.sourcePath(), "image stack has rank " + stack.rank() + ", expected 3");
        double[] ex = scan.require(ChannelRole.ENERGY).readDoubles(file);
        double[] i0 = scan.first(ChannelRole.I0).isPresent() ? scan.require(ChannelRole.I0).readDoubles(file) : null;
        double[] t = scan.first(ChannelRole.COUNT_TIME).isPresent() ? scan.require(ChannelRole.COUNT_TIME).readDoubles(file) : null;
        Channel dark = scan.first(ChannelRole.DARK).orElse(null);
        Map<String, Object> used = new LinkedHashMap<>();
        used.put("frames", stack.name());
        used.put("repeats", p.repeats());
        used.put("dark", dark == null ? "" : dark.name());
        return new Result<>(new RawStack(scan.name(), stack.data(), ex, i0, t, dark == null ? null : dark.data(), p.repeats()),
            Provenance.of(ID, version(), used, List.of()));
    }
}
