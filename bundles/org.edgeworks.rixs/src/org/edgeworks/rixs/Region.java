package org.edgeworks.rixs;

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

    /** The map's integral over this region (cells x widths). */
    public double integral(String subject, RixsMap map) throws EdgeworksException {
        return total ? MapMath.total(map) : MapMath.integrate(subject, map, exFrom, exTo, emFrom, emTo);
    }

    @Override public String toString() {
        return total ? "total" : exFrom + ":" + exTo + "," + emFrom + ":" + emTo;
    }
}
