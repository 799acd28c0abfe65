package org.edgeworks.detector.mda;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.edgeworks.core.data.EnergyUnits;
import org.edgeworks.core.data.Unit;
import org.edgeworks.core.detector.Detector;
import org.edgeworks.core.detector.FileProbe;

/**
 * The text export of an MDA file (EPICS mda2ascii, 1-D scans): the "# Column Descriptions" block
 * names each column's PV, description and unit, so the columns get the same roles as the binary
 * file's (same rules, {@link PvRoles}), and the same channel names.
 */
public final class MdaAsciiDetector implements Detector {
    public static final String ID = "org.edgeworks.detector.mda.ascii";
    private static final Pattern COLUMN = Pattern.compile("^#\\s+(\\d+)\\s+\\[\\s*(\\d)-D (Positioner|Detector)\\s+(\\d+)\\]\\s+(.*)$");

    @Override public String id() { return ID; }

    @Override
    public int recognise(Path file, FileProbe probe) {
        return probe.isText() && probe.headText().startsWith("## mda2ascii") ? 6 : 0;
    }

    @Override
    public Scan read(Path file) throws EdgeworksException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw EdgeworksException.unreadable(file, e);
        }
        List<MdaFile.Column> columns = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        Map<String, String> meta = new LinkedHashMap<>();
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            Matcher m = COLUMN.matcher(l);
            if (m.matches()) {
                if (!m.group(2).equals("1")) continue; // only the 1-D columns are in the table
                boolean pos = m.group(3).equals("Positioner");
                String[] f = Arrays.stream(m.group(5).split(",", -1)).map(String::trim).toArray(String[]::new);
                columns.add(pos
                    ? new MdaFile.Column(Integer.parseInt(m.group(4)) - 1, true, get(f, 0), get(f, 1), get(f, 3), get(f, 4), get(f, 5), get(f, 6))
                    : new MdaFile.Column(Integer.parseInt(m.group(4)) - 1, false, get(f, 0), get(f, 1), get(f, 2), "", "", ""));
                positions.add(Integer.parseInt(m.group(1)) - 1);
            } else if (l.startsWith("# MDA File Version") || l.startsWith("# Scan number") || l.startsWith("# Points completed")) {
                int eq = l.indexOf('=');
                if (eq > 0) meta.put(l.substring(2, eq).trim(), l.substring(eq + 1).trim());
            } else if (!l.startsWith("#") && !l.isBlank()) {
                String[] p = l.trim().split("\\s+");
                double[] r = new double[p.length];
                try {
                    for (int c = 0; c < p.length; c++) r[c] = Double.parseDouble(p[c]);
                } catch (NumberFormatException e) {
                    throw new EdgeworksException(file, "line " + (i + 1), "not a number in '" + l.trim() + "'");
                }
                rows.add(r);
            }
        }
        if (columns.isEmpty() || rows.isEmpty()) throw new EdgeworksException(file, null, "no column descriptions or no data (not an mda2ascii 1-D export)");
        int energy = MdaDetector.energyColumn(columns);
        List<Channel> channels = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            MdaFile.Column col = columns.get(c);
            int at = positions.get(c);
            double[] v = new double[rows.size()];
            for (int r = 0; r < v.length; r++) {
                if (rows.get(r).length <= at) throw new EdgeworksException(file, "row " + (r + 1), "has no column " + at + " (zero-based)");
                v[r] = rows.get(r)[at];
            }
            ChannelRole role = c == energy ? ChannelRole.ENERGY : PvRoles.role(col);
            if (role == ChannelRole.ENERGY && c != energy) role = ChannelRole.OTHER;
            Unit unit = Unit.parse(col.positioner() && !col.readbackUnit().isEmpty() ? col.readbackUnit() : col.unit());
            if (role == ChannelRole.ENERGY && !unit.isEnergy()) unit = EnergyUnits.decide(col.name(), unit, v).unit();
            DoubleDataset d = DatasetFactory.createFromObject(DoubleDataset.class, v);
            d.setName(col.name());
            channels.add(new Channel(col.name(), role, unit, d, "column " + at + " [" + col.label(1) + "]", at));
        }
        meta.put("format", "EPICS mda2ascii export");
        return new Scan(file, "", ID, channels, meta);
    }

    private static String get(String[] f, int i) {
        return i < f.length ? f[i] : "";
    }
}
