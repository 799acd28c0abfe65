package org.edgeworks.formats;

import java.nio.file.Path;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.xas.MuMode;
import org.edgeworks.xas.MuProcessor;
import org.edgeworks.xas.NormalizeProcessor;

/** Where the shared data and cases are, and the plain road scan -> mu -> Larch-default normalisation. */
final class Shared {
    static final Path DATA = Path.of(System.getProperty("edgeworks.shared.data", "../../../shared/data"));
    static final Path CASES = DATA.resolveSibling("cases");

    private Shared() {}

    /** mu = ln(I0/It) of the scan's I0 and IT channels. */
    static Spectrum transmission(Scan s) throws EdgeworksException {
        String f = s.source().toString();
        double[] e = s.require(org.edgeworks.core.data.ChannelRole.ENERGY).readDoubles(f);
        double[] i0 = s.require(org.edgeworks.core.data.ChannelRole.I0).readDoubles(f);
        double[] it = s.require(org.edgeworks.core.data.ChannelRole.IT).readDoubles(f);
        return new MuProcessor().apply(new MuProcessor.Channels(s.name(), e, i0, it, null, null),
            new MuProcessor.Params(MuMode.TRANSMISSION, false)).value();
    }

    static NormalizeProcessor.Normalized larchDefaults(Spectrum s) throws EdgeworksException {
        return new NormalizeProcessor().apply(s, NormalizeProcessor.Params.defaults()).value();
    }
}
