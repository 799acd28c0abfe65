package org.edgeworks.detector.ascii;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DoubleDataset;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Channel;
import org.edgeworks.core.data.ChannelRole;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.data.EnergyUnits;
import org.edgeworks.core.data.Unit;
import org.edgeworks.core.detector.Detector;
import org.edgeworks.core.detector.FileProbe;

/** XDI and column text files as scans: one channel per column, named by its label. */
public final class ColumnFileDetector implements Detector {
    public static final String ID = "org.edgeworks.detector.ascii";

    @Override public String id() { return ID; }

    @Override
    public int recognise(Path file, FileProbe probe) {
        if (!probe.isText()) return 0;
        String head = probe.headText();
        if (head.startsWith("# XDI/") || head.startsWith("#XDI/")) return 3;
        for (String line : head.split("\n")) if (ColumnFile.numbers(line) != null && ColumnFile.numbers(line).length >= 2) return 2;
        return 1; // text whose data start beyond the first 4 kB (long headers)
    }

    @Override
    public Scan read(Path file) throws EdgeworksException {
        return toScan(file, ColumnFile.read(file), "", ID);
    }

    /**
     * A table as a scan: one channel per column named by its label, the energy column found by
     * label or unit (an XDI angle abscissa converted with Mono.d_spacing, an energy without unit
     * and below 100 read as keV, both noted in the metadata as {@code note.energy}). Also used by
     * detector bundles whose files hold several tables (SPEC scans).
     */
    public static Scan toScan(Path file, ColumnFile cf, String entryPath, String detectorId) throws EdgeworksException {
        int energyColumn = energyColumn(cf);
        double[] angleEnergy = "XDI".equals(cf.format()) ? XdiAbscissa.energy(file, cf, energyColumn) : null;
        List<Channel> channels = new ArrayList<>();
        Map<String, String> meta = new LinkedHashMap<>(cf.header());
        meta.put("format", cf.format());
        for (int c = 0; c < cf.labels().size(); c++) {
            String label = cf.labels().get(c);
            ChannelRole role = c == energyColumn ? ChannelRole.ENERGY : role(label);
            if (role == ChannelRole.ENERGY && c != energyColumn) role = ChannelRole.OTHER;
            Unit unit = Unit.parse(cf.units().get(c));
            double[] values = cf.columns()[c];
            if (c == energyColumn && angleEnergy != null) {
                values = angleEnergy;
                unit = Unit.EV;
                meta.put("note.energy", XdiAbscissa.note(cf, c));
            } else if (c == energyColumn && unit == Unit.NONE) {
                EnergyUnits.Decision u = EnergyUnits.decide(label, unit, values);
                unit = u.unit();
                if (unit == Unit.KEV) meta.put("note.energy", u.note());
            }
            DoubleDataset d = DatasetFactory.createFromObject(DoubleDataset.class, values.clone());
            d.setName(label);
            channels.add(new Channel(label, role, unit, d, "column " + c + " '" + label + "'", c));
        }
        return new Scan(file, entryPath, detectorId, channels, meta);
    }

    public static int energyColumn(ColumnFile cf) {
        for (int c = 0; c < cf.labels().size(); c++) {
            String l = cf.labels().get(c).toLowerCase(Locale.ROOT);
            if (l.equals("energy") || l.equals("e") || l.startsWith("energy") || l.contains("_energy") || l.startsWith("mono")
                || l.equals("energy_ev") || Unit.parse(cf.units().get(c)).isEnergy()) return c;
        }
        // first column that is a monotonic-looking axis: a point counter ("Pt_No") is skipped
        if (cf.labels().size() > 1 && isCounter(cf.columns()[0])) return 1;
        return 0;
    }

    private static boolean isCounter(double[] v) {
        for (int i = 0; i < v.length; i++) if (v[i] != i && v[i] != i + 1) return false;
        return v.length > 2;
    }

    /** The role a column label suggests; the first word counts too ("I0 chamber" is I0, as SPEC labels go). */
    public static ChannelRole role(String label) {
        ChannelRole r = roleOfWord(label);
        String first = label.trim().split("[\\s]+")[0];
        return r == ChannelRole.OTHER && !first.equals(label.trim()) ? roleOfWord(first) : r;
    }

    private static ChannelRole roleOfWord(String label) {
        String l = label.toLowerCase(Locale.ROOT);
        if (l.equals("i0") || l.equals("io") || l.equals("mcs3") || l.equals("i0_avg")) return ChannelRole.I0;
        if (l.equals("it") || l.equals("i1") || l.equals("itrans") || l.equals("mcs4")) return ChannelRole.IT;
        if (l.equals("ir") || l.equals("iref") || l.equals("i2") || l.equals("mcs5")) return ChannelRole.IREF;
        if (l.equals("if") || l.equals("ifl") || l.equals("ifluor") || l.contains("fluor")) return ChannelRole.IF;
        if (l.equals("mu") || l.equals("xmu") || l.startsWith("mutrans") || l.startsWith("mufluor") || l.equals("norm")) return ChannelRole.MU;
        if (l.contains("icr")) return ChannelRole.ICR;
        if (l.contains("ocr")) return ChannelRole.OCR;
        if (l.contains("drain") || l.contains("tey")) return ChannelRole.TEY;
        if (l.equals("time") || l.equals("count_time")) return ChannelRole.COUNT_TIME;
        return ChannelRole.OTHER;
    }
}
