package org.edgeworks.exafs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.xas.kernel.CubicSpline;

/**
 * One FEFF scattering path as FEFF writes it in {@code feffNNNN.dat} (FEFF6L/FEFF8L; read as
 * Larch 0.9.58's FeffDatFile does): nleg, degeneracy, reff (A), the path's atoms, and on FEFF's
 * k grid (1/A) the columns real[2*phc], mag[feff], phase[feff], red factor, lambda (A), real[p].
 * Larch's amp = mag x red factor and pha = 2 phc + phase[feff].
 */
public record FeffPath(String file, String title, int nleg, double degen, double reff, List<String> atoms,
                       double[] k, double[] pha, double[] amp, double[] lambda, double[] realP) {

    /** Reads a feffNNNN.dat; errors name the file (as given), the line and the problem. */
    public static FeffPath read(Path f) throws EdgeworksException {
        return parse(f.toString(), ChiCsv.lines(f, StandardCharsets.ISO_8859_1));
    }

    static FeffPath parse(String name, List<String> lines) throws EdgeworksException {
        String title = lines.isEmpty() ? "" : lines.get(0).strip();
        int i = 0;
        while (i < lines.size() && !lines.get(i).contains("----")) i++;
        if (i >= lines.size()) throw new EdgeworksException(name, null, "not a FEFF path file (no '----' line before the path header)");
        i++;
        if (i >= lines.size()) throw new EdgeworksException(name, "line " + (i + 1), "path header missing");
        String[] w = lines.get(i).trim().split("\\s+");
        int nleg;
        double degen, reff;
        try {
            nleg = Integer.parseInt(w[0]);
            degen = Double.parseDouble(w[1]);
            reff = Double.parseDouble(w[2]);
        } catch (RuntimeException e) {
            throw new EdgeworksException(name, "line " + (i + 1), "expected 'nleg deg reff ...', found '" + lines.get(i).strip() + "'");
        }
        if (nleg < 2 || !(reff > 0.05) || !(degen > 0))
            throw new EdgeworksException(name, "line " + (i + 1), "implausible path header (nleg " + nleg + ", degen " + degen + ", reff " + reff + ")");
        i += 2; // the 'x y z pot at#' line
        List<String> atoms = new ArrayList<>();
        for (int a = 0; a < nleg; a++, i++) {
            if (i >= lines.size()) throw new EdgeworksException(name, "line " + (i + 1), "path geometry ends early");
            String[] aw = lines.get(i).trim().split("\\s+");
            atoms.add(aw.length > 5 ? aw[5] : aw.length > 4 ? "Z" + aw[4] : "?");
        }
        while (i < lines.size() && !lines.get(i).trim().startsWith("k")) i++;
        if (i >= lines.size()) throw new EdgeworksException(name, null, "no 'k real[2*phc] ...' table header");
        i++;
        List<double[]> rows = new ArrayList<>();
        for (; i < lines.size(); i++) {
            String l = lines.get(i).trim();
            if (l.isEmpty()) continue;
            String[] c = l.split("\\s+");
            if (c.length != 7) throw new EdgeworksException(name, "line " + (i + 1), "expected 7 columns, found " + c.length);
            double[] r = new double[7];
            try {
                for (int j = 0; j < 7; j++) r[j] = Double.parseDouble(c[j]);
            } catch (NumberFormatException e) {
                throw new EdgeworksException(name, "line " + (i + 1), "not a number: '" + l + "'");
            }
            for (double v : r) if (!Double.isFinite(v)) throw new EdgeworksException(name, "line " + (i + 1), "value is not finite");
            if (!rows.isEmpty() && !(r[0] > rows.get(rows.size() - 1)[0]))
                throw new EdgeworksException(name, "line " + (i + 1), "k is not ascending");
            rows.add(r);
        }
        if (rows.size() < 5) throw new EdgeworksException(name, null, "only " + rows.size() + " rows in the path table");
        int n = rows.size();
        double[] k = new double[n], pha = new double[n], amp = new double[n], lam = new double[n], rp = new double[n];
        for (int j = 0; j < n; j++) {
            double[] r = rows.get(j);
            k[j] = r[0];
            pha[j] = r[1] + r[3];
            amp[j] = r[2] * r[4];
            lam[j] = r[5];
            rp[j] = r[6];
        }
        return new FeffPath(name, title, nleg, degen, reff, List.copyOf(atoms), k, pha, amp, lam, rp);
    }

    /** Splines of the four columns (not-a-knot, as Larch's UnivariateSpline(s=0)), built once per path. */
    public Splines splines() {
        return new Splines(CubicSpline.of(k, pha), CubicSpline.of(k, amp), CubicSpline.of(k, realP), CubicSpline.of(k, lambda));
    }

    public record Splines(CubicSpline pha, CubicSpline amp, CubicSpline rep, CubicSpline lam) {}

    /**
     * FEFF's columns looked up at q(k, e0) for one e0 shift (the spline evaluations, the costly
     * part of a path's chi, are redone only when e0 changes during a fit).
     */
    public static final class Tables {
        double e0 = Double.NaN;
        double[] q, pha, amp, rep, lam;
        final Splines sp;
        final double[] k;

        public Tables(Splines sp, double[] k) {
            this.sp = sp;
            this.k = k;
            int n = k.length;
            q = new double[n]; pha = new double[n]; amp = new double[n]; rep = new double[n]; lam = new double[n];
        }

        void at(double shift) {
            if (shift == e0) return;
            double s = shift * org.edgeworks.exafs.kernel.XafsFt.ETOK;
            for (int i = 0; i < k.length; i++) {
                double en = k[i] * k[i] - s;
                if (Math.abs(en) < 1.5e-6) en = 1.e-6;
                q[i] = Math.signum(en) * Math.sqrt(Math.abs(en));
            }
            sp.pha().values(q, 0, k.length, 0, pha);
            sp.amp().values(q, 0, k.length, 0, amp);
            sp.rep().values(q, 0, k.length, 0, rep);
            sp.lam().values(q, 0, k.length, 0, lam);
            e0 = shift;
        }
    }

    /**
     * chi(k) of a path by the EXAFS equation as Larch 0.9.58 computes it (feffdat._calc_chi with
     * ei = 0, fourth = 0): q = sign(k^2 - e0 ETOK) sqrt|k^2 - e0 ETOK|, p = real[p] + i/lambda,
     * chi = Im[ N S0^2 amp / (q (reff + delr)^2) exp(-2 reff Im p - 2 p^2 sigma2 + i (2 q reff + pha
     * + 2 p (delr - 2 sigma2/reff - 2 p^2 c3/3)))], the first point set to 2 chi[1] - chi[2].
     *
     * @param t the path's tables on the k grid (1/A); degen N, s02 S0^2, e0 shift (eV), delr (A),
     *          sigma2 (A^2), third cumulant c3 (A^3)
     */
    public static void chi(Tables t, double reff, double degen, double s02, double e0, double delr, double sigma2, double third,
                           double[] out) {
        t.at(e0);
        int n = t.k.length;
        double rr = (reff + delr) * (reff + delr);
        for (int i = 0; i < n; i++) {
            double q = t.q[i];
            // p = rep + i/lam; pp = p^2
            double pr = t.rep[i], pi = 1.0 / t.lam[i];
            double ppr = pr * pr - pi * pi, ppi = 2 * pr * pi;
            // exponent: -2 reff Im(p) - 2 pp sigma2 + i (2 q reff + pha + 2 p a), a = delr - 2 sigma2/reff - 2 pp c3/3
            double ar = delr - 2 * sigma2 / reff - 2 * ppr * third / 3, ai = -2 * ppi * third / 3;
            double tr = pr * ar - pi * ai, ti = pr * ai + pi * ar; // p * a
            double er = -2 * reff * pi - 2 * ppr * sigma2 - 2 * ti;
            double ei = -2 * ppi * sigma2 + 2 * q * reff + t.pha[i] + 2 * tr;
            out[i] = Math.exp(er) * degen * s02 * t.amp[i] / (q * rr) * Math.sin(ei);
        }
        if (n > 2) out[0] = 2 * out[1] - out[2];
    }
}
