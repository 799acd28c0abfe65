package org.edgeworks.detector.ascii;

import java.nio.file.Path;
import java.util.Locale;

import org.edgeworks.core.EdgeworksException;

/**
 * The XDI abscissa as declared ({@code Column.1: angle degrees}, XDI 1.0 dictionary: the column
 * names {@code energy}, {@code angle}, {@code pixel}, {@code index}; angle units degrees or
 * radians): a monochromator angle becomes energy through the Bragg law with
 * {@code Mono.d_spacing} (Å), a pixel or index abscissa is refused (it has no energy without a
 * calibration the file does not give).
 *
 * <p>E [eV] = hc / (2 d sin theta), hc = 12398.419843320026 eV Å: CODATA 2018 (h and e exact
 * since the 2019 SI redefinition, c exact; NIST SP 961 / physics.nist.gov/cuu "h c in eV m" =
 * 1.239 841 984... e-6 eV m).
 */
final class XdiAbscissa {
    /** h c in eV Å, CODATA 2018 (exact to the digits given). */
    static final double HC_EV_ANGSTROM = 12398.419843320026;

    private XdiAbscissa() {}

    /**
     * The energies (eV) of an angle abscissa, or null when the abscissa column is an energy (or
     * undeclared). Refuses a pixel/index abscissa, an angle without {@code Mono.d_spacing}, an
     * unknown angle unit and angles outside (0, 90) degrees.
     */
    static double[] energy(Path file, ColumnFile cf, int column) throws EdgeworksException {
        String label = cf.labels().get(column).toLowerCase(Locale.ROOT);
        String unit = cf.units().get(column).toLowerCase(Locale.ROOT);
        String key = "Column." + (column + 1);
        if (label.equals("pixel") || label.equals("index") || unit.equals("pixel") || unit.equals("pixels"))
            throw new EdgeworksException(file, key, "the abscissa is a " + (label.equals("index") ? "point index" : "detector pixel")
                + " ('" + cf.labels().get(column) + "'), not an energy: no energy calibration in the file; give --energy COL of an energy column");
        boolean angle = label.equals("angle") || label.equals("theta") || label.startsWith("bragg") || unit.startsWith("deg") || unit.startsWith("rad");
        if (!angle) return null;
        double toRadians;
        if (unit.startsWith("deg")) toRadians = Math.PI / 180;
        else if (unit.startsWith("rad")) toRadians = 1;
        else if (unit.equals("mdeg") || unit.equals("millidegrees")) toRadians = Math.PI / 180 / 1000;
        else throw new EdgeworksException(file, key, "the abscissa is an angle ('" + cf.labels().get(column) + "') with unit '" + cf.units().get(column)
            + "': expected degrees or radians; cannot convert it to energy");
        String ds = cf.header().get("Mono.d_spacing");
        if (ds == null)
            throw new EdgeworksException(file, key, "the abscissa is a monochromator angle but Mono.d_spacing is missing: cannot convert it to energy "
                + "(E = hc / (2 d sin theta)); add '# Mono.d_spacing: d' (Å) to the header");
        double d;
        try {
            d = Double.parseDouble(ds.trim().split("\\s+")[0]);
        } catch (NumberFormatException e) {
            throw new EdgeworksException(file, "Mono.d_spacing", "'" + ds + "' is not a number (Å)");
        }
        if (!(d > 0) || !Double.isFinite(d)) throw new EdgeworksException(file, "Mono.d_spacing", "'" + ds + "' is not a positive spacing (Å)");
        double[] a = cf.columns()[column];
        double[] e = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double theta = a[i] * toRadians;
            if (!(theta > 0 && theta < Math.PI / 2))
                throw new EdgeworksException(file, key + " row " + (i + 1), "angle " + a[i] + " " + cf.units().get(column)
                    + " is outside (0, 90) degrees: not a Bragg angle");
            e[i] = HC_EV_ANGSTROM / (2 * d * Math.sin(theta));
        }
        return e;
    }

    static String note(ColumnFile cf, int column) {
        return "abscissa '" + cf.labels().get(column) + "' (" + cf.units().get(column) + ") is a monochromator angle: converted to energy E = "
            + HC_EV_ANGSTROM + " eV Å / (2 d sin theta) with Mono.d_spacing d = " + cf.header().get("Mono.d_spacing") + " Å (hc: CODATA 2018)";
    }
}
