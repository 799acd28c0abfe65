package org.edgeworks.xas;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The series table of peak fits of files given together (a study's states of charge): one row per
 * file, for each peak its centre, area and fwhm with standard errors, and the shift of its centre
 * relative to the same peak of the first file (stderr: both fits' errors in quadrature, the fits
 * being independent). Peaks are matched by order (the fit sorts them by centre). JSON keys:
 * {@code rows}, {@code name}, {@code peaks}, {@code centre}, {@code centre_stderr}, {@code area},
 * {@code area_stderr}, {@code fwhm}, {@code fwhm_stderr}, {@code shift}, {@code shift_stderr};
 * a shift that does not exist (the first file has fewer peaks) is null in JSON and an empty CSV cell.
 */
public final class PreEdgeSeries {
    private PreEdgeSeries() {}

    public record Cell(double centre, double centreStderr, double area, double areaStderr, double fwhm, double fwhmStderr,
                       Double shift, Double shiftStderr) {}

    public record Row(String name, List<Cell> peaks, double totalArea, double totalAreaStderr, double centroid, double centroidStderr,
                      Double centroidShift) {}

    public static List<Row> of(List<PreEdgeProcessor.PreEdge> fits) {
        List<Row> rows = new ArrayList<>();
        if (fits.isEmpty()) return rows;
        PreEdgeProcessor.PreEdge first = fits.get(0);
        for (PreEdgeProcessor.PreEdge f : fits) {
            List<Cell> cells = new ArrayList<>();
            for (int j = 0; j < f.peaks().size(); j++) {
                PreEdgeProcessor.Peak p = f.peaks().get(j);
                Double shift = null, se = null;
                if (j < first.peaks().size()) {
                    PreEdgeProcessor.Peak q = first.peaks().get(j);
                    shift = p.centre() - q.centre();
                    se = f == first ? 0.0 : Math.hypot(p.centreStderr(), q.centreStderr());
                }
                cells.add(new Cell(p.centre(), p.centreStderr(), p.area(), p.areaStderr(), p.fwhm(), p.fwhmStderr(), shift, se));
            }
            rows.add(new Row(f.name(), cells, f.totalArea(), f.totalAreaStderr(), f.centroid(), f.centroidStderr(), f.centroid() - first.centroid()));
        }
        return rows;
    }

    /** The JSON form (snake_case keys of the issue). */
    public static Map<String, Object> json(List<Row> rows) {
        List<Object> out = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", r.name());
            m.put("peaks", peaks(r.peaks()));
            m.put("total_area", r.totalArea());
            m.put("total_area_stderr", r.totalAreaStderr());
            m.put("centroid", r.centroid());
            m.put("centroid_stderr", r.centroidStderr());
            m.put("centroid_shift", r.centroidShift());
            out.add(m);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("rows", out);
        return json;
    }

    /** The peaks of one row with the snake_case keys. */
    public static List<Object> peaks(List<Cell> cells) {
        List<Object> peaks = new ArrayList<>();
        for (Cell c : cells) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("centre", c.centre());
            p.put("centre_stderr", c.centreStderr());
            p.put("area", c.area());
            p.put("area_stderr", c.areaStderr());
            p.put("fwhm", c.fwhm());
            p.put("fwhm_stderr", c.fwhmStderr());
            p.put("shift", c.shift());
            p.put("shift_stderr", c.shiftStderr());
            peaks.add(p);
        }
        return peaks;
    }

    /** CSV: name, then per peak k (1-based) centre_k, centre_stderr_k, area_k, area_stderr_k, fwhm_k, fwhm_stderr_k, shift_k, shift_stderr_k; then totals. */
    public static String csv(List<Row> rows) {
        int np = 0;
        for (Row r : rows) np = Math.max(np, r.peaks().size());
        StringBuilder sb = new StringBuilder("name");
        for (int k = 1; k <= np; k++)
            for (String c : new String[] {"centre", "centre_stderr", "area", "area_stderr", "fwhm", "fwhm_stderr", "shift", "shift_stderr"})
                sb.append(',').append(c).append('_').append(k);
        sb.append(",total_area,total_area_stderr,centroid,centroid_stderr,centroid_shift\n");
        for (Row r : rows) {
            sb.append(r.name().replace(',', ' '));
            for (int k = 0; k < np; k++) {
                if (k < r.peaks().size()) {
                    Cell c = r.peaks().get(k);
                    for (Double v : new Double[] {c.centre(), c.centreStderr(), c.area(), c.areaStderr(), c.fwhm(), c.fwhmStderr(), c.shift(), c.shiftStderr()})
                        sb.append(',').append(cell(v));
                } else {
                    sb.append(",,,,,,,,");
                }
            }
            for (Double v : new Double[] {r.totalArea(), r.totalAreaStderr(), r.centroid(), r.centroidStderr(), r.centroidShift()}) sb.append(',').append(cell(v));
            sb.append('\n');
        }
        return sb.toString();
    }

    /** A CSV cell: empty for a missing or non-finite value, never "NaN". */
    static String cell(Double v) { return v == null || !Double.isFinite(v) ? "" : Double.toString(v); }
}
