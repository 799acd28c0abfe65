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
import org.edgeworks.core.data.Unit;
import org.edgeworks.core.detector.Detector;
import org.edgeworks.core.detector.FileProbe;

/**
 * Result tables as a file kind of their own: a CSV whose first line names the columns and whose
 * rows hold text in some column (Edgeworks' quantification.csv: map and method; xas lcf's lcf.csv:
 * sample), which the column-file reader refuses ("text after the data block"). One channel per
 * numeric column (an empty cell is a missing value, NaN), the text columns and the row count in
 * the metadata ({@code format = table}); {@code info} shows them, the workbench opens them as a
 * scan whose columns the user picks. Ranked above the column reader only for such tables.
 */
public final class TableFileDetector implements Detector {
    public static final String ID = "org.edgeworks.detector.ascii.table";

    @Override public String id() { return ID; }

    @Override
    public int recognise(Path file, FileProbe probe) {
        if (!probe.isText() || !file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) return 0;
        String head = probe.headText();
        String[] lines = head.split("\r?\n");
        if (lines.length < 2 || lines[0].startsWith("#")) return 0;
        int n = cells(lines[0]).length;
        if (n < 2) return 0;
        boolean text = false;
        // the head may end inside a line: only complete lines count
        int complete = head.endsWith("\n") ? lines.length : lines.length - 1;
        for (int i = 1; i < complete; i++) {
            String[] c = cells(lines[i]);
            if (c.length != n) return 0;
            for (String v : c) text |= !v.isEmpty() && !numeric(v);
        }
        return text ? 5 : 0;
    }

    @Override
    public Scan read(Path file) throws EdgeworksException {
        List<String> lines = ColumnFile.lines(file);
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) lines.remove(lines.size() - 1);
        if (lines.size() < 2) throw new EdgeworksException(file, null, "a table needs a header line and at least one row");
        String[] header = cells(lines.get(0));
        int rows = lines.size() - 1;
        String[][] cell = new String[rows][];
        for (int r = 0; r < rows; r++) {
            cell[r] = cells(lines.get(r + 1));
            if (cell[r].length != header.length)
                throw new EdgeworksException(file, "line " + (r + 2), cell[r].length + " cells, the header names " + header.length);
        }
        List<Channel> channels = new ArrayList<>();
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", "table");
        meta.put("rows", Integer.toString(rows));
        List<String> textColumns = new ArrayList<>();
        for (int c = 0; c < header.length; c++) {
            boolean isText = false;
            for (int r = 0; r < rows; r++) isText |= !cell[r][c].isEmpty() && !numeric(cell[r][c]);
            if (isText) {
                List<String> values = new ArrayList<>();
                for (int r = 0; r < rows; r++) values.add(cell[r][c]);
                textColumns.add(header[c]);
                meta.put("text." + header[c], String.join(", ", values));
                continue;
            }
            double[] v = new double[rows];
            for (int r = 0; r < rows; r++) v[r] = cell[r][c].isEmpty() ? Double.NaN : Double.parseDouble(cell[r][c]);
            DoubleDataset d = DatasetFactory.createFromObject(DoubleDataset.class, v);
            d.setName(header[c]);
            channels.add(new Channel(header[c], ChannelRole.OTHER, Unit.NONE, d, "column " + c + " '" + header[c] + "'", c));
        }
        meta.put("text_columns", String.join(", ", textColumns));
        return new Scan(file, "", ID, channels, meta);
    }

    private static String[] cells(String line) {
        String[] c = line.split(",", -1);
        for (int i = 0; i < c.length; i++) c[i] = c[i].trim();
        return c;
    }

    private static boolean numeric(String v) {
        try {
            Double.parseDouble(v);
            return !v.equalsIgnoreCase("nan") && !v.toLowerCase(Locale.ROOT).contains("inf");
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
