package com.acme.beamline.edgeworks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DoubleDataset;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Channel;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.processing.Param;
import org.edgeworks.core.processing.Processor;
import org.edgeworks.core.processing.Provenance;
import org.edgeworks.core.processing.Result;

/**
 * ACME's own reduction step: subtracts the ion-chamber dark counts recorded in the file header
 * (metadata "dark.NAME") from those channels, scaled by a factor; the scan comes out with the
 * same channels and roles, so any Edgeworks step can follow.
 */
public final class AcmeDarkSubtraction implements Processor<Scan, AcmeDarkSubtraction.Params, Scan> {
    public static final String ID = "com.acme.beamline.darkSubtraction";

    public record Params(@Param(label = "dark scale", description = "multiplies the recorded dark counts; default 1", min = 0) double scale) {
        public static Params defaults() { return new Params(1); }
    }

    @Override public String id() { return ID; }
    @Override public String version() { return "1.0"; }
    @Override public String label() { return "ACME: subtract ion-chamber dark counts"; }
    @Override public Class<Scan> inputType() { return Scan.class; }
    @Override public Class<Params> parameterType() { return Params.class; }
    @Override public Params defaults() { return Params.defaults(); }

    @Override
    public Result<Scan> apply(Scan scan, Params p) throws EdgeworksException {
        List<Channel> out = new ArrayList<>();
        Map<String, Object> used = new LinkedHashMap<>();
        used.put("scale", p.scale());
        for (Channel c : scan.channels().values()) {
            String dark = scan.metadata().get("dark." + c.name());
            if (dark == null) { out.add(c); continue; }
            double[] v = c.readDoubles(String.valueOf(scan.source()));
            double d = Double.parseDouble(dark) * p.scale();
            for (int i = 0; i < v.length; i++) v[i] -= d;
            DoubleDataset ds = DatasetFactory.createFromObject(DoubleDataset.class, v);
            ds.setName(c.name());
            out.add(new Channel(c.name(), c.role(), c.unit(), ds, c.sourcePath() + " - dark"));
            used.put("dark." + c.name(), d);
        }
        return new Result<>(new Scan(scan.source(), scan.entryPath(), scan.detectorId(), out, scan.metadata()),
            Provenance.of(ID, version(), used, List.of("dark counts from the file header subtracted")));
    }
}
