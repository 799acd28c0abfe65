package org.edgeworks.xas;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Axis;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.core.processing.Param;
import org.edgeworks.core.processing.Parameters;
import org.edgeworks.core.processing.BaseProcessor;
import org.edgeworks.core.processing.Result;

/**
 * Energy calibration against a reference foil measured with the sample: shift = tabulated E0 -
 * measured E0 of the reference (by default the maximum of dmu/dE between grid points, {@link EdgeFinder};
 * {@code grid} gives Larch find_e0's grid point);
 * the same shift is added to the energy axis of every sample measured with it.
 */
public final class CalibrateProcessor extends BaseProcessor<CalibrateProcessor.Input, CalibrateProcessor.Params, CalibrateProcessor.Calibration> {
    public static final String ID = "org.edgeworks.xas.calibrate";

    /** The reference foil's mu and the spectra measured with it (may be empty). */
    public record Input(Spectrum reference, List<Spectrum> samples) {}

    public record Params(
        @Param(label = "tabulated E0", unit = "eV", description = "the reference's edge energy, e.g. Mn metal 6539.0, Fe 7112.0, Cu 8979.0, Ru 22117.0") double referenceE0,
        @Param(label = "E0 method", description = "how the reference's E0 is measured: derivative (between grid points) | grid (Larch find_e0) | half-step | second-derivative | smoothed-derivative") E0Method e0Method)
        implements Parameters.Related {

        /** The reference's E0 is measured: a fixed one would make the shift zero by construction. */
        @Override
        public String conflict() {
            return e0Method == E0Method.FIXED ? "{e0Method}: fixed makes no sense for calibration (the reference's E0 is measured; its tabulated value is {referenceE0})" : null;
        }
        public static Params defaults() { return new Params(Double.NaN, E0Method.DERIVATIVE); }
        public static Params of(double e0) { return new Params(e0, E0Method.DERIVATIVE); }
    }

    /** measuredE0Stderr = shiftStderr: the edge position's standard error ({@link EdgeFinder}). */
    public record Calibration(String reference, double measuredE0, double referenceE0, double shift, Spectrum calibratedReference,
                              List<Spectrum> calibratedSamples, double shiftStderr) {}

    public CalibrateProcessor() { super(ID, "1.0", "Calibrate against a reference foil", Input.class, Params.class); }

    @Override public Params defaults() { return Params.defaults(); }

    @Override
    public Result<Calibration> apply(Input in, Params p) throws EdgeworksException {
        String name = in.reference().name();
        if (p == null || !Double.isFinite(p.referenceE0())) throw EdgeworksException.of(name, "referenceE0: the tabulated edge energy is required");
        Grid g = Grid.of(in.reference(), 7);
        E0Method m = p.e0Method() == null ? E0Method.DERIVATIVE : p.e0Method();
        String conflict = p.conflict();
        if (conflict != null) throw new Parameters.Conflict(name, conflict);
        EdgeFinder.Edge edge = EdgeFinder.find(name, g.energy(), g.signal(), m);
        double measured = edge.energy();
        double shift = p.referenceE0() - measured;
        List<Spectrum> samples = new ArrayList<>();
        List<String> notes = new ArrayList<>(g.notes());
        notes.addAll(edge.notes());
        for (Spectrum s : in.samples() == null ? List.<Spectrum>of() : in.samples()) {
            samples.add(shifted(s, shift));
            notes.add(s.name() + ": energy shifted by " + shift + " eV");
        }
        Spectrum ref = new Spectrum(name, Axis.energy(add(g.energy(), shift)), g.signal(), g.uncertainty(), in.reference().channel());
        Map<String, Object> used = new LinkedHashMap<>();
        used.put("reference_e0", p.referenceE0());
        used.put("measured_e0", measured);
        used.put("e0_method", m.label());
        used.put("shift", shift);
        used.put("shift_stderr", edge.stderr());
        return result(new Calibration(name, measured, p.referenceE0(), shift, ref, samples, edge.stderr()), used, notes);
    }

    static Spectrum shifted(Spectrum s, double shift) {
        return new Spectrum(s.name(), Axis.of(s.energy().name(), s.energy().unit(), add(s.energies(), shift)), s.signal(), s.uncertainty(), s.channel());
    }

    static double[] add(double[] e, double shift) {
        double[] o = e.clone();
        for (int i = 0; i < o.length; i++) o[i] += shift;
        return o;
    }
}
