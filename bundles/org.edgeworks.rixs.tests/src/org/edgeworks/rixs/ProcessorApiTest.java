package org.edgeworks.rixs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.january.IMonitor;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.processing.Provenance;
import org.edgeworks.core.processing.Result;
import org.junit.jupiter.api.Test;

/**
 * The Processor API on the map builder (SYNTHETIC stacks): progress per frame and cancellation
 * through January's IMonitor, run settings kept out of the science parameters, the values the
 * builder resolved recorded, a version of its own, the declared output type.
 */
class ProcessorApiTest {

    /** Counts work; cancels once {@code cancelAfter} units were reported (never when negative). */
    static final class CountingMonitor implements IMonitor {
        final AtomicInteger worked = new AtomicInteger();
        final int cancelAfter;
        CountingMonitor(int cancelAfter) { this.cancelAfter = cancelAfter; }
        @Override public void worked(int amount) { worked.addAndGet(amount); }
        @Override public boolean isCancelled() { return cancelAfter >= 0 && worked.get() >= cancelAfter; }
        @Override public void subTask(String taskName) {}
    }

    @Test
    void progressIsOneUnitPerFrameAndTheNumbersDoNotDependOnTheMonitor() throws EdgeworksException {
        SyntheticRixs.Spec s = SyntheticRixs.Spec.of("charged", 21);
        BuildMap.Parameters p = BuildMap.Parameters.defaults().withDarkLevel(s.dark()).withThreads(2, 4);
        CountingMonitor m = new CountingMonitor(-1);
        Result<BuildMap.MapBuild> with = new BuildMap().apply(SyntheticRixs.rawStack(s, null), p, m);
        Result<BuildMap.MapBuild> without = new BuildMap().apply(SyntheticRixs.rawStack(s, null), p);
        assertEquals(s.points(), m.worked.get(), "one unit per frame streamed");
        assertArrayEquals(without.value().map().data(), with.value().map().data());
    }

    @Test
    void aCancelledMonitorStopsTheBuildWithOneLine() {
        SyntheticRixs.Spec s = SyntheticRixs.Spec.of("charged", 41);
        BuildMap.Parameters p = BuildMap.Parameters.defaults().withDarkLevel(s.dark()).withThreads(1, 1);
        CountingMonitor m = new CountingMonitor(5);
        EdgeworksException e = assertThrows(EdgeworksException.class, () -> new BuildMap().apply(SyntheticRixs.rawStack(s, null), p, m));
        assertEquals("synthetic_charged: cancelled", e.getMessage());
        assertTrue(m.worked.get() < s.points(), "stopped before the end: " + m.worked.get() + " of " + s.points());
    }

    @Test
    void provenanceRecordsTheValuesUsedAndKeepsRunSettingsApart() throws EdgeworksException {
        SyntheticRixs.Spec s = SyntheticRixs.Spec.of("charged", 21);
        BuildMap.Parameters p = BuildMap.Parameters.defaults().withDarkLevel(s.dark()).withThreads(2, 4);
        Result<BuildMap.MapBuild> r = new BuildMap().apply(SyntheticRixs.rawStack(s, null), p);
        Provenance prov = r.provenance();
        Map<String, Object> used = prov.parameters();
        assertFalse(used.containsKey("threads"), used.keySet().toString());
        assertFalse(used.containsKey("maxFramesInFlight"), used.keySet().toString());
        assertTrue(prov.notes().stream().anyMatch(n -> n.startsWith("run settings (not science): ") && n.contains("threads=2")),
            prov.notes().toString());
        // the defaults ask for a fit (null); what was used is the fitted polynomial, the same one the result carries
        assertArrayEquals(r.value().curvature().coefficients(), (double[]) used.get("curvature"));
        assertArrayEquals(r.value().calibration().coefficients(), (double[]) used.get("calibration"));
        assertEquals(1, used.get("repeats"));
        // emissionStep 0 means "one pixel at the detector centre": the step used is the map's own
        double[] em = r.value().map().emission().values();
        assertEquals(em[1] - em[0], (double) used.get("emissionStep"), 1e-9 * Math.abs(em[1] - em[0]));
        assertEquals("2", prov.processorVersion());
        assertEquals(BuildMap.MapBuild.class, new BuildMap().outputType());
    }
}
