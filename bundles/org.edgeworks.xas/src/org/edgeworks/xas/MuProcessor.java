package org.edgeworks.xas;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Axis;
import org.edgeworks.core.data.EnergyGrid;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.core.processing.Param;
import org.edgeworks.core.processing.BaseProcessor;
import org.edgeworks.core.processing.Result;

/**
 * mu(E) from raw channels: transmission ln(I0/It), fluorescence If/I0, electron yield I/I0; an SDD
 * fluorescence signal is dead-time corrected as If*ICR/OCR when ICR and OCR are given. Points
 * where the ratio is not finite (a zero or negative current) are masked by EnergyGrid.clean and
 * the provenance says how many.
 */
public final class MuProcessor extends BaseProcessor<MuProcessor.Channels, MuProcessor.Params, Spectrum> {
    public static final String ID = "org.edgeworks.xas.mu";

    /**
     * Raw channels of one scan; the signal is It (transmission), If (fluorescence) or the yield
     * current. icr/ocr may be null.
     */
    public record Channels(String name, double[] energy, double[] i0, double[] signal, double[] icr, double[] ocr) {}

    public record Params(
        @Param(label = "mode", description = "transmission | fluorescence | yield; default transmission") MuMode mode,
        @Param(label = "dead-time correction", description = "multiply the fluorescence signal by ICR/OCR when given; default true") boolean deadTime) {
        public static Params defaults() { return new Params(MuMode.TRANSMISSION, true); }
    }

    public MuProcessor() { super(ID, "1.0", "Absorption from raw channels", Channels.class, Params.class); }

    @Override public Params defaults() { return Params.defaults(); }

    @Override
    public Result<Spectrum> apply(Channels c, Params p) throws EdgeworksException {
        if (p == null) p = Params.defaults();
        MuMode mode = p.mode() == null ? MuMode.TRANSMISSION : p.mode();
        String name = c.name();
        int n = c.energy().length;
        if (c.i0() == null) throw EdgeworksException.of(name, "i0: channel missing");
        if (c.signal() == null) throw EdgeworksException.of(name, (mode == MuMode.TRANSMISSION ? "it" : mode == MuMode.FLUORESCENCE ? "if" : "yield") + ": channel missing");
        if (c.i0().length != n || c.signal().length != n) throw EdgeworksException.of(name, "channels: lengths differ from the energy axis (" + n + ")");
        boolean dt = mode == MuMode.FLUORESCENCE && p.deadTime() && c.icr() != null && c.ocr() != null;
        if (dt && (c.icr().length != n || c.ocr().length != n)) throw EdgeworksException.of(name, "icr: lengths differ from the energy axis");
        double[] mu = new double[n];
        for (int i = 0; i < n; i++) {
            double s = c.signal()[i];
            if (dt) s = s * c.icr()[i] / c.ocr()[i];
            mu[i] = switch (mode) {
                case TRANSMISSION -> Math.log(c.i0()[i] / s);
                case FLUORESCENCE, YIELD -> s / c.i0()[i];
            };
        }
        EnergyGrid.Clean clean = EnergyGrid.clean(name, c.energy(), mu);
        if (clean.energy().length < 2) throw EdgeworksException.of(name, "energy: fewer than 2 finite points");
        List<String> notes = new ArrayList<>(clean.notes());
        if (dt) notes.add("fluorescence dead-time corrected: If * ICR / OCR");
        Map<String, Object> used = new LinkedHashMap<>();
        used.put("mode", mode.label());
        used.put("dead_time_corrected", dt);
        used.put("formula", switch (mode) {
            case TRANSMISSION -> "ln(I0/It)";
            case FLUORESCENCE -> dt ? "If*ICR/OCR/I0" : "If/I0";
            case YIELD -> "I/I0";
        });
        Spectrum out = new Spectrum(name, Axis.energy(clean.energy()), clean.column(0), null, "mu");
        return result(out, used, notes);
    }
}
