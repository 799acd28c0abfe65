package org.edgeworks.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
import org.edgeworks.xas.MuMode;
import org.edgeworks.pipeline.xas.XasInput;

/**
 * Adapter: a scan's mu(E). With mode "auto" the channels decide by the one rule the command line
 * and the workbench use ({@link XasInput#autoMode}): a MU channel as it is; I0 and IT:
 * transmission ln(I0/It); I0 and IF (else PFY): fluorescence If/I0; I0 and TEY: yield; the only
 * column besides energy. Fluorescence is dead-time corrected when the scan has ICR and OCR and
 * {@code deadTime} is set (the default). The channels are read and mu is made by
 * {@link XasInput#make} (the xas mu processor's arithmetic), so a scan gives the same mu from
 * {@code run}, {@code xas ...} and the workbench; the provenance names the channels and formula.
 */
public final class ScanToMu extends BaseProcessor<Scan, ScanToMu.Params, Spectrum> {
    public static final String ID = "org.edgeworks.pipeline.mu";

    public record Params(
        @Param(label = "mode", description = "auto | mu | transmission | fluorescence | yield; default auto") String mode,
        @Param(label = "energy channel", description = "role or channel name; default the ENERGY channel") String energy,
        @Param(label = "I0 channel", description = "default the I0 channel") String i0,
        @Param(label = "signal channel", description = "It / If / yield / mu channel; default by mode") String signal,
        @Param(label = "dead-time correction", description = "If x ICR/OCR when the scan has both; default true") boolean deadTime) {
        public static Params defaults() { return new Params("auto", "", "", "", true); }
    }

    public ScanToMu() { super(ID, "1.0", "Adapter: mu(E) from a scan's channels", Scan.class, Params.class); }

    @Override public Params defaults() { return Params.defaults(); }

    @Override
    public Result<Spectrum> apply(Scan scan, Params p) throws EdgeworksException {
        String file = String.valueOf(scan.source());
        String mode = (p.mode() == null || p.mode().isBlank() ? "auto" : p.mode()).toLowerCase(Locale.ROOT);
        if (!mode.equals("auto") && !mode.equals("mu")) mode = MuMode.parse(mode).label(); // refuses an unknown mode in one line
        String energy = channel(scan, p.energy(), "energy"), i0 = channel(scan, p.i0(), "i0"), signal = channel(scan, p.signal(), "signal");
        String decided = mode.equals("auto") ? XasInput.autoMode(scan, new XasInput.Selection(energy, null, null, i0, null, null, null, null)) : mode;
        XasInput.Selection sel = selection(scan, decided, energy, i0, signal, p.deadTime());
        XasInput.Made made = XasInput.make(scan, file, scan.name(), sel);
        EnergyGrid.Clean c = EnergyGrid.clean(scan.name(), made.spectrum().energies(), made.spectrum().signal());
        List<String> notes = new ArrayList<>(made.notes());
        for (String n : c.notes()) if (!notes.contains(n)) notes.add(n);
        Spectrum out = new Spectrum(scan.name(), Axis.energy(c.energy()), c.column(0), null, "mu");
        return result(out, made.used(), notes);
    }

    /**
     * The selection for {@link XasInput#make}: the explicit mode (or the mu column), with the
     * signal in the slot the mode reads; for fluorescence with dead-time correction the scan's
     * ICR and OCR channels when it has both, of the energy axis' length.
     */
    private static XasInput.Selection selection(Scan scan, String decided, String energy, String i0, String signal, boolean deadTime)
            throws EdgeworksException {
        if (decided.equals("mu")) return new XasInput.Selection(energy, signal, null, i0, null, null, null, null);
        MuMode m = MuMode.parse(decided);
        String icr = null, ocr = null;
        if (m == MuMode.FLUORESCENCE && deadTime && scan.first(ChannelRole.ICR).isPresent() && scan.first(ChannelRole.OCR).isPresent()) {
            Channel ci = scan.first(ChannelRole.ICR).get(), co = scan.first(ChannelRole.OCR).get();
            Channel ec = energy != null ? XasInput.ChannelSum.parse(scan, energy, String.valueOf(scan.source())).channels().get(0)
                : scan.first(ChannelRole.ENERGY).orElse(null);
            if (ci.rank() == 1 && co.rank() == 1 && ec != null && ec.rank() == 1 && ci.shape()[0] == ec.shape()[0]) {
                icr = ci.name();
                ocr = co.name();
            }
        }
        return new XasInput.Selection(energy, null, m.label(), i0, m == MuMode.TRANSMISSION ? signal : null, m == MuMode.TRANSMISSION ? null : signal, icr, ocr);
    }

    /** A selector as XasInput reads it: "" = null (the rule's default), a role name = that role's first channel, else as given (name, index, a+b). */
    private static String channel(Scan scan, String selector, String parameter) throws EdgeworksException {
        if (selector == null || selector.isBlank()) return null;
        if (scan.channel(selector).isPresent()) return selector;
        try {
            return ScanChannels.pick(scan, selector, null, parameter).name();
        } catch (EdgeworksException e) {
            if (selector.contains("+") || selector.matches("\\d+")) return selector; // sums and indices: XasInput reads them
            throw e;
        }
    }
}
