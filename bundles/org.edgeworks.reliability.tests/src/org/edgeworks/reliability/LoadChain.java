package org.edgeworks.reliability;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Axis;
import org.edgeworks.core.data.Channel;
import org.edgeworks.core.data.ChannelRole;
import org.edgeworks.core.data.EnergyGrid;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.core.detector.DetectorRegistry;
import org.edgeworks.core.processing.Result;
import org.edgeworks.xas.MuMode;
import org.edgeworks.xas.MuProcessor;
import org.edgeworks.xas.NormalizeProcessor;

/**
 * The path a user's file takes through the public API, end to end: detector registry -> scan ->
 * every channel read -> mu (MuProcessor when raw currents are there, else the mu/signal channel
 * through EnergyGrid.clean) -> XANES normalisation. What the corpus runs every file case through.
 */
final class LoadChain {
    private LoadChain() {}

    /** Numbers a case produced and the notes recorded on the way (scan metadata notes + provenance). */
    record Outcome(Map<String, double[]> arrays, List<String> notes, double e0) {}

    static Outcome run(Path file) throws EdgeworksException {
        Scan scan = DetectorRegistry.load().read(file);
        String f = file.toString();
        List<String> notes = new ArrayList<>();
        scan.metadata().forEach((k, v) -> { if (k.startsWith("note.")) notes.add(v); });
        Channel energy = scan.require(ChannelRole.ENERGY);
        double[] e = energy.readDoubles(f);
        Optional<Channel> i0 = scan.first(ChannelRole.I0);
        Optional<Channel> it = scan.first(ChannelRole.IT);
        Spectrum spectrum;
        if (i0.isPresent() && it.isPresent()) {
            Result<Spectrum> mu = new MuProcessor().apply(new MuProcessor.Channels(scan.name(), e, i0.get().readDoubles(f),
                it.get().readDoubles(f), null, null), new MuProcessor.Params(MuMode.TRANSMISSION, false));
            notes.addAll(mu.provenance().notes());
            spectrum = mu.value();
        } else {
            Channel signal = scan.first(ChannelRole.MU).orElse(null);
            if (signal == null) {
                String sig = scan.metadata().get("signal");
                for (Channel c : scan.channels().values())
                    if (sig != null && sig.equals(c.sourcePath())) signal = c;
            }
            if (signal == null) throw new EdgeworksException(file, scan.entryPath(), "no mu or signal channel");
            if (signal.rank() != 1) throw new EdgeworksException(file, signal.sourcePath(), "signal has rank " + signal.rank() + ", expected a 1-D spectrum");
            double[] s = signal.readDoubles(f);
            EnergyGrid.Clean clean;
            try {
                clean = EnergyGrid.clean(scan.name(), e, s);
            } catch (EdgeworksException ex) {
                throw new EdgeworksException(file, signal.sourcePath(), ex.problem(), ex);
            }
            notes.addAll(clean.notes());
            spectrum = new Spectrum(scan.name(), Axis.energy(clean.energy()), clean.column(0), null, signal.name());
        }
        Result<NormalizeProcessor.Normalized> norm;
        try {
            norm = new NormalizeProcessor().apply(spectrum, NormalizeProcessor.Params.defaults());
        } catch (EdgeworksException ex) {
            throw new EdgeworksException(file, scan.entryPath(), ex.getMessage(), ex);
        }
        notes.addAll(norm.provenance().notes());
        NormalizeProcessor.Normalized n = norm.value();
        return new Outcome(Map.of("energy", n.energy(), "mu", n.mu(), "norm", n.norm(), "flat", n.flat()), notes, n.e0());
    }
}
