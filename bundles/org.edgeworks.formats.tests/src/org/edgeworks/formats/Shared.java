package org.edgeworks.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntToDoubleFunction;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.ChannelRole;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.core.detector.Detector;
import org.edgeworks.core.detector.DetectorRegistry;
import org.edgeworks.xas.MuMode;
import org.edgeworks.xas.MuProcessor;
import org.edgeworks.xas.NormalizeProcessor;
import org.edgeworks.testsupport.DatasetAsserts;
import org.edgeworks.testsupport.SharedData;

/** Where the shared data and cases are, and the plain road scan -> mu -> Larch-default normalisation. */
final class Shared {
    static final Path DATA = SharedData.dir();
    static final Path CASES = SharedData.cases();

    private Shared() {}

    /** mu = ln(I0/It) of the scan's I0 and IT channels. */
    static Spectrum transmission(Scan s) throws EdgeworksException {
        String f = s.source().toString();
        double[] e = s.require(ChannelRole.ENERGY).readDoubles(f);
        double[] i0 = s.require(ChannelRole.I0).readDoubles(f);
        double[] it = s.require(ChannelRole.IT).readDoubles(f);
        return new MuProcessor().apply(new MuProcessor.Channels(s.name(), e, i0, it, null, null),
            new MuProcessor.Params(MuMode.TRANSMISSION, false)).value();
    }

    /**
     * A generated file's constructed transmission scan, at every point: energy(i) in eV (within
     * energyTolerance: keV files are converted) and ln(I0/It) = mu(E) within 1e-9.
     */
    static void assertConstructedTransmission(Scan s, IntToDoubleFunction energy, double energyTolerance, DoubleUnaryOperator mu, int points)
            throws EdgeworksException {
        String f = s.source().toString();
        double[] e = s.require(ChannelRole.ENERGY).readDoubles(f);
        double[] i0 = s.require(ChannelRole.I0).readDoubles(f), it = s.require(ChannelRole.IT).readDoubles(f);
        double[] eTrue = new double[points], muTrue = new double[points], muRead = new double[points];
        for (int i = 0; i < points; i++) {
            eTrue[i] = energy.applyAsDouble(i);
            muTrue[i] = mu.applyAsDouble(eTrue[i]);
            muRead[i] = Math.log(i0[i] / it[i]);
        }
        DatasetAsserts.assertClose(eTrue, e, 0, energyTolerance, s.name() + " energy in eV");
        DatasetAsserts.assertClose(muTrue, muRead, 0, 1e-9, s.name() + " ln(I0/It)");
    }

    /**
     * A generated multi-scan file: the detector that recognises it, its scan ids in order, and a read
     * without a choice refused in one line that starts "FILE: holds N scans (ID, ID, ...)"; the registry
     * for more reads.
     */
    static DetectorRegistry assertScans(Path f, String detectorId, List<String> ids) throws EdgeworksException {
        DetectorRegistry reg = DetectorRegistry.load();
        assertEquals(detectorId, reg.select(f).detector().id(), f + ": detector");
        assertEquals(ids, reg.scans(f).stream().map(Detector.ScanEntry::id).toList(), f + ": scans");
        EdgeworksException ex = assertThrows(EdgeworksException.class, () -> reg.read(f));
        assertTrue(ex.getMessage().startsWith(f + ": holds " + ids.size() + " scans (" + String.join(", ", ids) + ")"), ex.getMessage());
        return reg;
    }

    static NormalizeProcessor.Normalized larchDefaults(Spectrum s) throws EdgeworksException {
        return new NormalizeProcessor().apply(s, NormalizeProcessor.Params.defaults()).value();
    }
}
