package org.edgeworks.detector.sardana;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DoubleDataset;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Channel;
import org.edgeworks.core.data.ChannelRole;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.data.Unit;
import org.edgeworks.core.detector.FileProbe;
import org.edgeworks.detector.spec.SpecFileDetector;
import org.edgeworks.detector.spec.SpecFile;

/**
 * Balder's SPEC-like text exports ({@code #S} scan line, {@code #L} labels
 * {@code Pt_No mono1_energy_acs albaemNN_ti albaemNN_ch1 .. ch4 dt}, then numbers), read by the
 * SPEC bundle's parser and listed, chosen and refused as any SPEC file (SpecFileDetector).
 * One electrometer carries both chambers here: I0 = ch1 + ch2, It = ch3 + ch4 (as ParSeq-XAS reads them).
 */
public final class BalderSpecDetector extends SpecFileDetector {
    public static final String ID = "org.edgeworks.detector.sardana.balderspec";
    private static final Pattern CHANNEL = Pattern.compile("albaem0?(\\d+)_ch(\\d)");

    @Override public String id() { return ID; }

    @Override
    public int recognise(Path file, FileProbe probe) {
        if (!probe.isText()) return 0;
        String head = probe.headText();
        return head.contains("#S ") && head.contains("#L ") && head.contains("mono1_energy_acs") && head.contains("albaem") ? 20 : 0;
    }

    @Override
    protected Scan toScan(Path file, SpecFile.SpecScan s) throws EdgeworksException {
        String where = "#S " + s.id();
        if (s.points() == 0) throw new EdgeworksException(file, where, "no data rows");
        List<String> labels = s.table().labels();
        Map<String, String> meta = new LinkedHashMap<>(s.table().header());
        meta.put("scan", s.id() + " " + s.command());
        List<Channel> channels = new ArrayList<>();
        Map<String, double[]> byChannel = new LinkedHashMap<>();
        for (int c = 0; c < labels.size(); c++) {
            double[] v = s.table().columns()[c].clone();
            String name = labels.get(c);
            ChannelRole role = name.equals("mono1_energy_acs") ? ChannelRole.ENERGY : name.equals("dt") ? ChannelRole.COUNT_TIME : ChannelRole.OTHER;
            Matcher m = CHANNEL.matcher(name);
            if (m.matches()) byChannel.put(m.group(2), v);
            DoubleDataset d = DatasetFactory.createFromObject(DoubleDataset.class, v);
            d.setName(name);
            channels.add(new Channel(name, role, role == ChannelRole.ENERGY ? Unit.EV : Unit.NONE, d, "column " + c + " '" + name + "'", c));
        }
        if (channels.stream().noneMatch(c -> c.role() == ChannelRole.ENERGY))
            throw new EdgeworksException(file, where + " #L", "no mono1_energy_acs column");
        sum(channels, byChannel, "I0", ChannelRole.I0, "1", "2");
        sum(channels, byChannel, "It", ChannelRole.IT, "3", "4");
        return new Scan(file, where, ID, channels, meta);
    }

    private static void sum(List<Channel> channels, Map<String, double[]> ch, String name, ChannelRole role, String a, String b) {
        double[] x = ch.get(a), y = ch.get(b);
        if (x == null || y == null) return;
        double[] s = new double[x.length];
        for (int i = 0; i < s.length; i++) s[i] = x[i] + y[i];
        DoubleDataset d = DatasetFactory.createFromObject(DoubleDataset.class, s);
        d.setName(name);
        channels.add(new Channel(name, role, Unit.AMPERE, d, "ch" + a + " + ch" + b));
    }
}
