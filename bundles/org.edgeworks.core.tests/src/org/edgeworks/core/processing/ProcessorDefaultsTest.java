package org.edgeworks.core.processing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.eclipse.january.IMonitor;
import org.edgeworks.core.EdgeworksException;
import org.junit.jupiter.api.Test;

/** The Processor API's defaults: declared output type, cancellation, run settings apart from science. */
class ProcessorDefaultsTest {

    record Params(@Param(label = "scale") double scale, @Param(label = "threads", runSetting = true) int threads) {}

    record Bounded(@Param(label = "degree", min = 0, max = 3) Integer degree,
                   @Param(label = "widths", min = 0) List<Double> widths,
                   @Param(label = "step", min = 0.5) double step) {}

    /** Doubles every value: a processor declared as Processor<double[], Params, List<Double>>. */
    static final class Twice implements Processor<double[], Params, List<Double>> {
        int calls;
        @Override public String id() { return "test.twice"; }
        @Override public String version() { return "1"; }
        @Override public String label() { return "twice"; }
        @Override public Class<double[]> inputType() { return double[].class; }
        @Override public Class<Params> parameterType() { return Params.class; }
        @Override public Params defaults() { return new Params(2, 0); }
        @Override public Result<List<Double>> apply(double[] in, Params p) {
            calls++;
            return new Result<>(List.of(in[0] * p.scale()), Provenance.of(id(), version(), Parameters.science(p), List.of()));
        }
    }

    static IMonitor monitor(boolean cancelled) {
        return new IMonitor.Stub() { @Override public boolean isCancelled() { return cancelled; } };
    }

    @Test
    void outputTypeIsTheDeclaredOne() {
        assertEquals(List.class, new Twice().outputType());
    }

    @Test
    void aCancelledMonitorStopsBeforeTheStepAndNoneOrALiveOneRunsIt() throws EdgeworksException {
        Twice t = new Twice();
        EdgeworksException e = assertThrows(EdgeworksException.class, () -> t.apply(new double[] {3}, t.defaults(), monitor(true)));
        assertEquals("test.twice: cancelled", e.getMessage());
        assertEquals(0, t.calls);
        assertEquals(List.of(6.0), t.apply(new double[] {3}, t.defaults(), null).value());
        assertEquals(List.of(6.0), t.apply(new double[] {3}, t.defaults(), monitor(false)).value());
    }

    @Test
    void boundsAreEnforcedWhenARecordIsBuilt() throws Exception {
        Bounded defaults = new Bounded(null, List.of(1.0), 1);
        var json = Parameters.json();
        EdgeworksException e = assertThrows(EdgeworksException.class,
            () -> Parameters.fromJson(json.readTree("{\"degree\": 4}"), Bounded.class, defaults, "p.json"));
        assertEquals("p.json: degree: 4 is above the maximum 3", e.getMessage());
        e = assertThrows(EdgeworksException.class,
            () -> Parameters.fromJson(json.readTree("{\"widths\": [1, -0.25]}"), Bounded.class, defaults, "p.json"));
        assertEquals("p.json: widths: -0.25 is below the minimum 0", e.getMessage());
        e = assertThrows(EdgeworksException.class, () -> Parameters.validate(new Bounded(3, List.of(), 0.25), "cli"));
        assertEquals("cli: step: 0.25 is below the minimum 0.5", e.getMessage());
        // the bounds themselves, null (automatic) and the defaults pass
        assertEquals(new Bounded(3, List.of(0.0), 0.5),
            Parameters.fromJson(json.readTree("{\"degree\": 3, \"widths\": [0], \"step\": 0.5}"), Bounded.class, defaults, "p.json"));
        assertEquals(defaults, Parameters.fromJson(null, Bounded.class, defaults, "p.json"));
    }

    @Test
    void runSettingsAreNotScience() {
        Params p = new Params(2, 8);
        assertEquals(Map.of("scale", 2.0), Parameters.science(p));
        assertEquals(Map.of("threads", 8), Parameters.runSettings(p));
        assertEquals(Map.of("scale", 2.0, "threads", 8), Parameters.toMap(p));
    }
}
