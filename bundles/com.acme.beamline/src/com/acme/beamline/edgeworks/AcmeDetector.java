package com.acme.beamline.edgeworks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DoubleDataset;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Channel;
import org.edgeworks.core.data.ChannelRole;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.data.Unit;
import org.edgeworks.core.detector.Detector;
import org.edgeworks.core.detector.FileProbe;

/** ACME scans: mono_kev = energy (keV), ion0 = I0, ion1 = It, pips = fluorescence diode. */
public final class AcmeDetector implements Detector {
    public static final String ID = "com.acme.beamline.scan";

    private static final Map<String, ChannelRole> ROLES = Map.of(
        "mono_kev", ChannelRole.ENERGY, "ion0", ChannelRole.I0, "ion1", ChannelRole.IT, "pips", ChannelRole.IF);

    @Override public String id() { return ID; }

    @Override
    public int recognise(Path file, FileProbe probe) {
        return probe.isText() && probe.headText().startsWith(AcmeScanFile.MAGIC) ? 50 : 0;
    }

    @Override
    public Scan read(Path file) throws EdgeworksException {
        AcmeScanFile f = AcmeScanFile.read(file);
        List<Channel> channels = new ArrayList<>();
        for (int c = 0; c < f.columns().size(); c++) {
            String name = f.columns().get(c);
            ChannelRole role = ROLES.getOrDefault(name, ChannelRole.OTHER);
            DoubleDataset d = DatasetFactory.createFromObject(DoubleDataset.class, f.data()[c]);
            d.setName(name);
            channels.add(new Channel(name, role, role == ChannelRole.ENERGY ? Unit.KEV : Unit.COUNTS, d, "column " + c));
        }
        Map<String, String> meta = new LinkedHashMap<>(f.header());
        f.dark().forEach((k, v) -> meta.put("dark." + k, String.valueOf(v)));
        return new Scan(file, "", ID, channels, meta);
    }
}
