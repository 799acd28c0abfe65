package org.edgeworks.rixs;

import java.util.List;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.RixsMap;

/**
 * A rectangle of a map, written {@code exFrom:exTo,emFrom:emTo} (eV), or the whole map,
 * written {@code total}. Used for normalisation regions (quantification, difference maps).
 */
public record Region(boolean total, double exFrom, double exTo, double emFrom, double emTo) {

    public static final Region TOTAL = new Region(true, 0, 0, 0, 0);

    public static Region parse(String subject, String text) throws EdgeworksException {
        if (text == null || text.isBlank() || text.trim().equalsIgnoreCase("total")) return TOTAL;
        String[] parts = text.trim().split(",");
        if (parts.length != 2)
            throw EdgeworksException.of(subject, "region '" + text + "' must be 'total' or 'exFrom:exTo,emFrom:emTo' (eV)");
        double[] ex = range(subject, text, parts[0]), em = range(subject, text, parts[1]);
        return new Region(false, ex[0], ex[1], em[0], em[1]);
    }

    private static double[] range(String subject, String text, String part) throws EdgeworksException {
        String[] ab = part.trim().split(":");
        try {
            if (ab.length != 2) throw new NumberFormatException();
            double a = Double.parseDouble(ab[0].trim()), b = Double.parseDouble(ab[1].trim());
            if (!Double.isFinite(a) || !Double.isFinite(b) || a == b) throw new NumberFormatException();
            return new double[] {Math.min(a, b), Math.max(a, b)};
        } catch (NumberFormatException e) {
            throw EdgeworksException.of(subject, "region '" + text + "': '" + part + "' is not a range A:B in eV");
        }
    }

    /**
     * The rectangle every map covers (cell extents), for normalising maps to the same region:
     * "total" over each map's own axes would integrate different ranges. An empty overlap is an
     * error naming the maps.
     */
    public static Region commonOverlap(List<RixsMap> maps) throws EdgeworksException {
        double exLo = Double.NEGATIVE_INFINITY, exHi = Double.POSITIVE_INFINITY, emLo = Double.NEGATIVE_INFINITY, emHi = Double.POSITIVE_INFINITY;
        StringBuilder names = new StringBuilder();
        for (RixsMap m : maps) {
            double[] x = MapMath.extent(m.excitation().values()), y = MapMath.extent(m.emission().values());
            exLo = Math.max(exLo, x[0]);
            exHi = Math.min(exHi, x[1]);
            emLo = Math.max(emLo, y[0]);
            emHi = Math.min(emHi, y[1]);
            names.append(names.length() == 0 ? "" : ", ").append(m.name());
        }
        if (!(exHi > exLo) || !(emHi > emLo))
            throw EdgeworksException.of(names.toString(), "the maps share no region (common excitation " + MapMath.fmt(exLo) + " to "
                + MapMath.fmt(exHi) + " eV, emission " + MapMath.fmt(emLo) + " to " + MapMath.fmt(emHi) + " eV): cannot normalise them alike");
        return new Region(false, exLo, exHi, emLo, emHi);
    }

    /** This region, or the maps' common overlap when it is "total". */
    public Region orCommon(List<RixsMap> maps) throws EdgeworksException { return total ? commonOverlap(maps) : this; }

    /** The map's integral over this region (cells x widths). */
    public double integral(String subject, RixsMap map) throws EdgeworksException {
        return total ? MapMath.total(map) : MapMath.integrate(subject, map, exFrom, exTo, emFrom, emTo);
    }

    /**
     * The map's integral over this region and its standard deviation (from the map's errors; 0
     * when it has none): every cell weighted by its overlap with the region. A region the map
     * does not cover entirely is an error naming the map and the region (a partial integral
     * would silently scale the result).
     */
    public double[] integralWithError(String subject, RixsMap map) throws EdgeworksException {
        double[] w = cellWeights(subject, map), d = map.data(), e = map.errors();
        double s = 0, var = 0;
        for (int k = 0; k < w.length; k++) {
            if (w[k] == 0) continue;
            s += d[k] * w[k];
            if (e != null) var += e[k] * w[k] * e[k] * w[k];
        }
        return new double[] {s, Math.sqrt(var)};
    }

    /**
     * The weight (eV x eV) of each cell of the map in this region's integral (flattened row-major like
     * {@link RixsMap#data()}): cell widths, times the covered fraction for an explicit region; a masked
     * cell (NaN value or sigma) weighs 0 and the others are scaled by region area / unmasked area (the
     * integral is the mean over the unmasked cells times the area). An error naming {@code subject} when
     * the map does not cover the region or every cell in it is masked.
     */
    public double[] cellWeights(String subject, RixsMap map) throws EdgeworksException {
        double[] ex = map.excitation().values(), em = map.emission().values();
        double[] wx, wm;
        if (total) {
            wx = MapMath.widths(ex);
            wm = MapMath.widths(em);
        } else {
            double[] rx = MapMath.extent(ex), rm = MapMath.extent(em);
            if (exFrom < rx[0] - 1e-9 || exTo > rx[1] + 1e-9 || emFrom < rm[0] - 1e-9 || emTo > rm[1] + 1e-9)
                throw EdgeworksException.of(subject, "region " + this + " is not covered by the map (excitation "
                    + MapMath.fmt(rx[0]) + " to " + MapMath.fmt(rx[1]) + " eV, emission " + MapMath.fmt(rm[0]) + " to "
                    + MapMath.fmt(rm[1]) + " eV)");
            wx = MapMath.overlap(ex, exFrom, exTo);
            wm = MapMath.overlap(em, emFrom, emTo);
        }
        int nc = em.length;
        double[] w = new double[ex.length * nc], d = map.data(), e = map.errors();
        double all = 0, covered = 0;
        for (int i = 0; i < ex.length; i++)
            for (int j = 0; j < nc; j++) {
                int k = i * nc + j;
                w[k] = wx[i] * wm[j];
                all += w[k];
                if (!Double.isFinite(d[k]) || (e != null && !Double.isFinite(e[k]))) w[k] = 0; // masked
                covered += w[k];
            }
        if (all > 0 && !(covered > 0)) throw EdgeworksException.of(subject, "region " + this + " holds only masked (NaN) cells");
        if (covered < all) for (int k = 0; k < w.length; k++) w[k] *= all / covered;
        return w;
    }

    /** "" or a note saying how many masked (NaN) cells of the map the region integral leaves out. */
    public String maskNote(String subject, RixsMap map) throws EdgeworksException {
        double[] w = cellWeights(subject, map), d = map.data(), e = map.errors();
        int masked = 0;
        for (int k = 0; k < d.length; k++) if (w[k] == 0 && (!Double.isFinite(d[k]) || (e != null && !Double.isFinite(e[k])))) masked++;
        return masked == 0 ? "" : subject + ": " + masked + " masked (NaN) cell(s) left out of the integral over " + this
            + ", which is scaled by the covered area";
    }

    @Override public String toString() {
        return total ? "total" : MapMath.fmt(exFrom) + ":" + MapMath.fmt(exTo) + "," + MapMath.fmt(emFrom) + ":" + MapMath.fmt(emTo);
    }
}
