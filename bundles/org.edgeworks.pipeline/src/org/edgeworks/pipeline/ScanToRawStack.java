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
import org.edgeworks.rixs.RawStack;

/**
 * Adapter: a raw RIXS scan (IMAGE_STACK frames x rows x columns, ENERGY per frame, I0, COUNT_TIME,
 * optional DARK) for the rixs map builder. The stack stays lazy: frames are read by the builder.
 */
public final class ScanToRawStack extends BaseProcessor<Scan, ScanToRawStack.Params, RawStack> {
    public static final String ID = "org.edgeworks.pipeline.rawStack";

    public record Params(
        @Param(label = "repeats", description = "consecutive frames taken at each excitation point", min = 1) int repeats) {
        public static Params defaults() { return new Params(1); }
    }

    public ScanToRawStack() { super(ID, "1.0", "Adapter: raw RIXS image stack", Scan.class, Params.class); }

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
        return result(new RawStack(scan.name(), stack.data(), ex, i0, t, dark == null ? null : dark.data(), p.repeats()), used, List.of());
    }
}
