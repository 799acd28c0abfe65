package org.edgeworks.xas;

import java.util.ArrayList;
import java.util.List;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.xas.kernel.EdgePosition;
import org.edgeworks.xas.kernel.Gradient;
import org.edgeworks.xas.kernel.LarchIndex;
import org.edgeworks.xas.kernel.Normalizer;

/**
 * The edge position of one spectrum between grid points, with its standard error, by any
 * {@link E0Method} (used by calibration, alignment start values and valence; normalisation keeps
 * Larch 0.9.58's grid point):
 * <ul>
 * <li>derivative: maximum of dmu/dE of the cubic spline through the data smoothed by a Gaussian of
 * one grid step, next to the grid-point E0 ({@link EdgePosition#smoothedDerivativeMaximum});</li>
 * <li>half-step: where the cubic spline through norm reaches 0.5 (Larch-default pre- and post-edge
 * lines, the edge step taken at the derivative maximum between grid points);</li>
 * <li>second-derivative: zero of numpy.gradient twice (Larch's d2mude) next to the derivative maximum;</li>
 * <li>smoothed-derivative: the same with sigma = two grid steps, for noisy data;</li>
 * <li>grid: Larch 0.9.58's grid point of the largest dmu/dE, as before.</li>
 * </ul>
 * The standard error is the noise of mu ({@link EdgePosition#noise}) propagated linearly through
 * the estimator (derivative of the edge energy with respect to each point within 10 eV of it,
 * by finite differences); for the grid method it is the half grid step (its quantisation).
 */
public final class EdgeFinder {
    private EdgeFinder() {}

    /**
     * dmu/dE as Larch computes it (numpy.gradient: central differences inside, one-sided at the
     * ends), same length as e; for viewers and anything outside this bundle (the kernel is internal).
     */
    public static double[] derivative(double[] e, double[] mu) {
        return Gradient.of(e, mu);
    }

    /**
     * Larch 0.9.58 {@code _finde0}'s grid index of the largest dmu/dE (away from the first and last
     * 5 %, neighbours above 10 % of the maximum), or -1 when there is none.
     */
    public static int gridE0Index(double[] e, double[] mu) {
        return Normalizer.findE0Index(e, mu, e.length, new double[e.length]);
    }

    /** energy and stderr in eV; gridE0 the Larch grid point (or the steepest rise, see notes). */
    public record Edge(double energy, double stderr, E0Method method, double gridE0, List<String> notes) {}

    public static Edge find(String name, double[] e, double[] mu, E0Method method) throws EdgeworksException {
        E0Method m = method == null ? E0Method.DERIVATIVE : method;
        if (m == E0Method.FIXED) throw EdgeworksException.of(name, "e0Method: fixed is not a way to find an edge");
        int n = e.length;
        EdgePosition.Choice c = EdgePosition.robustE0Index(e, mu, n, new double[n]);
        if (c.index() < 0) throw EdgeworksException.of(name, "e0: no absorption edge found (dmu/dE has no clear maximum)");
        List<String> notes = new ArrayList<>();
        if (c.note() != null) notes.add("warning: " + name + ": " + c.note());
        int i0 = c.index();
        double grid = e[i0];
        if (m == E0Method.GRID) {
            double h = 0.5 * (e[Math.min(n - 1, i0 + 1)] - e[Math.max(0, i0 - 1)]);
            return new Edge(grid, h / 2, m, grid, notes);
        }
        double value = position(name, e, mu, m, i0);
        if (!Double.isFinite(value))
            throw EdgeworksException.of(name, "e0: no " + m.label() + " edge position found near " + grid + " eV");
        // linear propagation of the noise of mu through the estimator
        double sigma = EdgePosition.noise(e, mu, n);
        double var = 0;
        if (sigma > 0) {
            double h = 1e-3 * sigma;
            double[] work = mu.clone();
            for (int j = 0; j < n; j++) {
                if (Math.abs(e[j] - value) > 10) continue;
                work[j] = mu[j] + h;
                double v = position(name, e, work, m, i0);
                work[j] = mu[j];
                if (!Double.isFinite(v)) continue;
                double d = (v - value) / h * sigma;
                var += d * d;
            }
        }
        return new Edge(value, Math.sqrt(var), m, grid, notes);
    }

    private static double position(String name, double[] e, double[] mu, E0Method m, int i0) throws EdgeworksException {
        int n = e.length;
        return switch (m) {
            case DERIVATIVE -> EdgePosition.smoothedDerivativeMaximum(e, mu, n, i0, Double.NaN);
            case SMOOTHED_DERIVATIVE -> EdgePosition.smoothedDerivativeMaximum(e, mu, n, i0, 2 * EdgePosition.localStep(e, n, i0));
            case SECOND_DERIVATIVE -> NormalizeProcessor.secondDerivativeZero(e, mu, n, i0);
            case HALF_STEP -> {
                Normalizer k = new Normalizer();
                Normalizer.Outcome o;
                try {
                    o = k.run(e, mu, n, Normalizer.Settings.LARCH.withE0(e[i0]));
                } catch (Normalizer.Refused r) {
                    throw EdgeworksException.of(name, r.problem());
                }
                // Larch's ranges and edge step, but relative to the derivative maximum between grid points
                // instead of Larch's grid point, so that the half step moves with the spectrum, not in grid steps
                double at = EdgePosition.smoothedDerivativeMaximum(e, mu, n, i0, Double.NaN);
                if (Double.isFinite(at)) {
                    Normalizer r = new Normalizer();
                    double d = at - e[LarchIndex.indexNearest(e, n, at)];
                    try {
                        o = r.run(e, mu, n, new Normalizer.Settings(at, o.pre1() + d, o.pre2() + d, o.norm1() + d, o.norm2() + d, o.nnorm(), 0,
                            Double.NaN, true));
                        k = r;
                    } catch (Normalizer.Refused keepLarchs) {
                        // the grid-point normalisation above stands
                    }
                }
                double st = Double.isFinite(at) ? k.postValue(at) : o.edgeStep();
                double[] norm = new double[n], pre = k.pre();
                for (int i = 0; i < n; i++) norm[i] = (mu[i] - pre[i]) / st;
                yield EdgePosition.levelCrossing(e, norm, n, 0.5, o.e0() - 15, o.e0() + 25);
            }
            default -> e[i0];
        };
    }
}
