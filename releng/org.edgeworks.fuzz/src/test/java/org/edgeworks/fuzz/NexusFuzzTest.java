package org.edgeworks.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer target for the nexus reader (see Targets). Without JAZZER_FUZZ it replays the seeds in
 * src/test/resources/org/edgeworks/fuzz/NexusFuzzTestInputs/fuzzNexus/ (and every crash Jazzer saved
 * there); with JAZZER_FUZZ=1 it fuzzes for maxDuration. Longer runs: fuzz.sh.
 */
class NexusFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void fuzzNexus(byte[] data) throws Exception {
        Targets.nexus(data);
    }

    /**
     * Called once by the Jazzer command line before fuzzing: class loading and the processor
     * registry take seconds on a busy machine and must not count against the per-input -timeout.
     */
    public static void fuzzerInitialize() throws Exception {
        Targets.nexus(new byte[0]);
    }

    /** Entry point for the Jazzer command line (fuzz.sh). */
    public static void fuzzerTestOneInput(byte[] data) throws Exception {
        Targets.nexus(data);
    }
}
