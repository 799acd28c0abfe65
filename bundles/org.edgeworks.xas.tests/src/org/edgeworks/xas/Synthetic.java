package org.edgeworks.xas;

import java.util.function.DoubleUnaryOperator;

import org.edgeworks.core.data.Spectrum;
import org.edgeworks.testsupport.XanesEdges;

/**
 * The synthetic spectra of org.edgeworks.testsupport.XanesEdges (arctan edges, pseudo-Voigt peaks of
 * known area, polynomial background, Gaussian noise; L2,3 edges; mixtures) as Spectrum objects. The
 * formulas live in the test-support bundle and call nothing of org.edgeworks.xas.
 */
public final class Synthetic {
    private Synthetic() {}

    public static Spectrum kEdgeSpectrum(String name, double e0, double step, XanesEdges.Peak[] peaks, double noise, long seed) {
        return Spectrum.of(name, XanesEdges.grid(e0), XanesEdges.kEdge(e0, step, peaks, noise, seed));
    }

    /** L2,3 edge with known L3 and L2 step heights h r and h (1 - r) ({@link XanesEdges#lEdge}). */
    public static Spectrum lEdge(String name, double l3, double l2, double h, double r, double w, double noise, long seed) {
        return Spectrum.of(name, XanesEdges.lEdgeGrid(l3, l2), XanesEdges.lEdge(l3, l2, h, r, w, noise, seed));
    }

    /** sum w_i ref_i(E - shift_i) on the given grid. */
    public static Spectrum mixture(String name, double[] e, DoubleUnaryOperator[] refs, double[] w, double[] shifts) {
        return Spectrum.of(name, e, XanesEdges.mixture(e, refs, w, shifts));
    }
}
