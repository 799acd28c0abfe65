package org.edgeworks.exafs;

import org.edgeworks.core.EdgeworksException;

/**
 * EXAFS chi(k) without k-weight: k in 1/A (ascending), chi dimensionless (edge-step normalised),
 * optional 1-sigma uncertainty per point (null when unknown). Arrays are not copied.
 */
public record Chi(String name, double[] k, double[] chi, double[] stderr) {

    /** Checks shape and order: one line naming the problem, never a silent default. */
    public Chi validated() throws EdgeworksException {
        if (k == null || chi == null || k.length != chi.length)
            throw EdgeworksException.of(name, "chi: k and chi must have the same length");
        if (stderr != null && stderr.length != k.length)
            throw EdgeworksException.of(name, "chi: stderr has " + stderr.length + " points, chi " + k.length);
        if (k.length < 4) throw EdgeworksException.of(name, "chi: only " + k.length + " points (at least 4 needed)");
        for (int i = 0; i < k.length; i++) {
            if (!Double.isFinite(k[i]) || !Double.isFinite(chi[i]))
                throw EdgeworksException.of(name, "chi: point " + i + " is not finite (k=" + k[i] + ", chi=" + chi[i] + ")");
            if (i > 0 && !(k[i] > k[i - 1])) throw EdgeworksException.of(name, "chi: k is not strictly ascending at point " + i);
        }
        if (k[0] < 0) throw EdgeworksException.of(name, "chi: k starts below 0 (" + k[0] + " 1/A)");
        return this;
    }

    public double kmaxData() { return k[k.length - 1]; }
}
