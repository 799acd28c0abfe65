package org.edgeworks.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer target for the columns reader (see Targets). Without JAZZER_FUZZ it replays the seeds in
 * src/test/resources/org/edgeworks/fuzz/ColumnsFuzzTestInputs/fuzzColumns/ (and every crash Jazzer saved
 * there); with JAZZER_FUZZ=1 it fuzzes for maxDuration. Longer runs: fuzz.sh.
 */
class ColumnsFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void fuzzColumns(byte[] data) throws Exception {
        Targets.columns(data);
    }

    /**
     * Called once by the Jazzer command line before fuzzing: class loading and the processor
     * registry take seconds on a busy machine and must not count against the per-input -timeout.
     */
    public static void fuzzerInitialize() throws Exception {
        Targets.columns(new byte[0]);
    }

    /** Entry point for the Jazzer command line (fuzz.sh). */
    public static void fuzzerTestOneInput(byte[] data) throws Exception {
        Targets.columns(data);
    }
}
