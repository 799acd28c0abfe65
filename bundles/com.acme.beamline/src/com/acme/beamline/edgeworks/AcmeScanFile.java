package com.acme.beamline.edgeworks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeworks.core.EdgeworksException;

/**
 * The (made-up) ACME beamline scan format, as a third party would document it:
 * <pre>
 * ACME-BEAMLINE-SCAN v2
 * sample: Mn foil
 * dark: ion0=120.5 ion1=80.25
 * columns: mono_kev | ion0 | ion1 | pips
 * ---
 * 6.53000 13465.9 2975.1 346.9
 * </pre>
 * Energies are in keV; "dark" gives the ion-chamber dark counts to subtract.
 */
public record AcmeScanFile(Map<String, String> header, List<String> columns, double[][] data, Map<String, Double> dark) {
    public static final String MAGIC = "ACME-BEAMLINE-SCAN v2";

    public static AcmeScanFile read(Path file) throws EdgeworksException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EdgeworksException(file, null, "cannot read: " + e.getMessage(), e);
        }
        if (lines.isEmpty() || !lines.get(0).trim().equals(MAGIC)) throw new EdgeworksException(file, "line 1", "not an " + MAGIC + " file");
        Map<String, String> header = new LinkedHashMap<>();
        int i = 1;
        for (; i < lines.size() && !lines.get(i).trim().equals("---"); i++) {
            String l = lines.get(i);
            int colon = l.indexOf(':');
            if (colon > 0) header.put(l.substring(0, colon).trim(), l.substring(colon + 1).trim());
        }
        if (!header.containsKey("columns")) throw new EdgeworksException(file, "header", "no 'columns:' line");
        List<String> columns = List.of(header.get("columns").split("\\s*\\|\\s*"));
        List<double[]> rows = new ArrayList<>();
        for (i++; i < lines.size(); i++) {
            String l = lines.get(i).trim();
            if (l.isEmpty()) continue;
            String[] parts = l.split("\\s+");
            if (parts.length != columns.size())
                throw new EdgeworksException(file, "line " + (i + 1), parts.length + " values for " + columns.size() + " columns");
            double[] r = new double[parts.length];
            try {
                for (int c = 0; c < parts.length; c++) r[c] = Double.parseDouble(parts[c]);
            } catch (NumberFormatException e) {
                throw new EdgeworksException(file, "line " + (i + 1), "not a number: " + l);
            }
            rows.add(r);
        }
        double[][] data = new double[columns.size()][rows.size()];
        for (int r = 0; r < rows.size(); r++) for (int c = 0; c < columns.size(); c++) data[c][r] = rows.get(r)[c];
        Map<String, Double> dark = new LinkedHashMap<>();
        for (String kv : header.getOrDefault("dark", "").split("\\s+")) {
            String[] p = kv.split("=");
            if (p.length == 2) dark.put(p[0], Double.parseDouble(p[1]));
        }
        return new AcmeScanFile(header, columns, data, dark);
    }
}
