package org.edgeworks.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Axis;
import org.edgeworks.core.data.Channel;
import org.edgeworks.core.data.ChannelRole;
import org.edgeworks.core.data.EnergyGrid;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.core.processing.Param;
import org.edgeworks.core.processing.Processor;
import org.edgeworks.core.processing.Provenance;
import org.edgeworks.core.processing.Result;
import org.edgeworks.xas.MuMode;
import org.edgeworks.xas.MuProcessor;

/**
 * Adapter: a scan's mu(E). With mode "auto" the channels decide, in this order: a MU channel as
 * it is; I0 and IT: transmission ln(I0/It); I0 and IF (else PFY): fluorescence If/I0, dead-time
 * corrected when ICR and OCR exist; I0 and TEY: yield. The arithmetic is the xas mu processor's;
 * the provenance names the channels and the formula.
 */
public final class ScanToMu implements Processor<Scan, ScanToMu.Params, Spectrum> {
    public static final String ID = "org.edgeworks.pipeline.mu";

    public record Params(
        @Param(label = "mode", description = "auto | mu | transmission | fluorescence | yield; default auto") String mode,
        @Param(label = "energy channel", description = "role or channel name; default the ENERGY channel") String energy,
        @Param(label = "I0 channel", description = "default the I0 channel") String i0,
        @Param(label = "signal channel", description = "It / If / yield / mu channel; default by mode") String signal,
        @Param(label = "dead-time correction", description = "If x ICR/OCR when the scan has both; default true") boolean deadTime) {
        public static Params defaults() { return new Params("auto", "", "", "", true); }
    }

    @Override public String id() { return ID; }
    @Override public String version() { return "1.0"; }
    @Override public String label() { return "Adapter: mu(E) from a scan's channels"; }
    @Override public Class<Scan> inputType() { return Scan.class; }
    @Override public Class<Params> parameterType() { return Params.class; }
    @Override public Params defaults() { return Params.defaults(); }

    @Override
    public Result<Spectrum> apply(Scan scan, Params p) throws EdgeworksException {
        String file = String.valueOf(scan.source());
        String mode = (p.mode() == null ? "auto" : p.mode()).toLowerCase(Locale.ROOT);
        Channel e = ScanChannels.pick(scan, p.energy(), ChannelRole.ENERGY, "energy");
        if (mode.equals("auto")) mode = autoMode(scan, p);
        Map<String, Object> used = new LinkedHashMap<>();
        used.put("mode", mode);
        used.put("energy", e.name());
        List<String> notes = new ArrayList<>();
        double[] energy = e.readDoubles(file);
        if (mode.equals("mu")) {
            Channel mu = ScanChannels.pick(scan, p.signal(), ChannelRole.MU, "signal");
            used.put("signal", mu.name());
            EnergyGrid.Clean c = EnergyGrid.clean(scan.name(), energy, mu.readDoubles(file));
            return new Result<>(new Spectrum(scan.name(), Axis.energy(c.energy()), c.column(0), null, "mu"),
                Provenance.of(ID, version(), used, c.notes()));
        }
        MuMode m = MuMode.parse(mode);
        Channel i0 = ScanChannels.pick(scan, p.i0(), ChannelRole.I0, "i0");
        Channel sig = switch (m) {
            case TRANSMISSION -> ScanChannels.pick(scan, p.signal(), ChannelRole.IT, "signal");
            case FLUORESCENCE -> ScanChannels.pick(scan, p.signal(), scan.first(ChannelRole.IF).isPresent() ? ChannelRole.IF : ChannelRole.PFY, "signal");
            case YIELD -> ScanChannels.pick(scan, p.signal(), ChannelRole.TEY, "signal");
        };
        double[] icr = null, ocr = null;
        if (m == MuMode.FLUORESCENCE && p.deadTime() && scan.first(ChannelRole.ICR).isPresent() && scan.first(ChannelRole.OCR).isPresent()) {
            Channel ci = scan.first(ChannelRole.ICR).get(), co = scan.first(ChannelRole.OCR).get();
            if (ci.rank() == 1 && co.rank() == 1 && ci.shape()[0] == energy.length) {
                icr = ci.readDoubles(file);
                ocr = co.readDoubles(file);
                used.put("icr", ci.name());
                used.put("ocr", co.name());
            }
        }
        used.put("i0", i0.name());
        used.put("signal", sig.name());
        Result<Spectrum> r = new MuProcessor().apply(new MuProcessor.Channels(scan.name(), energy, i0.readDoubles(file),
            sig.readDoubles(file), icr, ocr), new MuProcessor.Params(m, p.deadTime()));
        used.putAll(r.provenance().parameters());
        notes.addAll(r.provenance().notes());
        return new Result<>(r.value(), Provenance.of(ID, version(), used, notes));
    }

    private static String autoMode(Scan scan, Params p) throws EdgeworksException {
        if (p.signal() != null && !p.signal().isBlank() && p.i0().isBlank() && scan.first(ChannelRole.MU).isPresent()) return "mu";
        if (scan.first(ChannelRole.MU).isPresent()) return "mu";
        boolean i0 = scan.first(ChannelRole.I0).isPresent() || !p.i0().isBlank();
        if (i0 && scan.first(ChannelRole.IT).isPresent()) return "transmission";
        if (i0 && (scan.first(ChannelRole.IF).isPresent() || scan.first(ChannelRole.PFY).isPresent())) return "fluorescence";
        if (i0 && scan.first(ChannelRole.TEY).isPresent()) return "yield";
        throw new EdgeworksException(String.valueOf(scan.source()), scan.entryPath(),
            "mode: auto finds no MU channel and no I0 with IT, IF/PFY or TEY (channels: " + String.join(", ", scan.channels().keySet()) + ")");
    }
}
