package org.edgeworks.cli.xas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.edgeworks.cli.CliRun;
import org.edgeworks.cli.Main;
import org.junit.jupiter.api.Test;

/**
 * {@code xas normalize}'s processor options are generated from the parameter records: every
 * option the command had by hand is still there, the help carries the record's labels and
 * bounds, and a value outside a {@code @Param} bound is refused with one line naming the option.
 */
class NormalizeOptionsTest {

    static CliRun run(String... args) { return CliRun.of(args); }

    /** The options of the hand-written command (before issue 17), which are public contract. */
    static final List<String> CONTRACT = List.of("--e0=", "--e0-method=", "--pre1=", "--pre2=", "--norm1=", "--norm2=", "--nnorm=",
        "--nvict=", "--normalization=", "--ledge ", "--l3=", "--l2=", "--splitting=", "--branching=", "--step-width=", "--ledge-scale=",
        "--energy=", "--mu=", "--mode=", "--i0=", "--it=", "--if=", "--icr=", "--ocr=", "--input=", "--out=", "--overwrite");

    @Test
    void everyOptionOfTheContractIsThereWithTheRecordsHelp() {
        CliRun r = run("xas", "normalize", "--help");
        assertEquals(0, r.code(), r.err());
        for (String o : CONTRACT) assertTrue(r.out().contains(o), o + " missing from\n" + r.out());
        // label, unit and bounds from NormalizeProcessor.Params' @Param
        assertTrue(r.out().contains("post-edge degree"), r.out());
        assertTrue(r.out().replaceAll("\\s+", " ").contains("from 0 to 3"), r.out());
        assertTrue(r.out().contains("[eV rel. E0]"), r.out());
    }

    @Test
    void deglitchAndMergeKeepTheirOptionsFromTheRecords() {
        CliRun d = run("xas", "deglitch", "--help");
        for (String o : List.of("--window=", "--k=", "--remove")) assertTrue(d.out().contains(o), o + " missing from\n" + d.out());
        CliRun a = run("xas", "align", "--help");
        for (String o : List.of("--emin=", "--emax=", "--max-shift=", "--name=")) assertTrue(a.out().contains(o), o + " missing from\n" + a.out());
        CliRun m = run("xas", "merge", "--help");
        for (String o : List.of("--step=", "--cubic", "--name=")) assertTrue(m.out().contains(o), o + " missing from\n" + m.out());
        // DeglitchProcessor.Params: window at least 3
        CliRun bad = run("xas", "deglitch", "x.dat", "--window", "1", "--out", "unused");
        assertEquals("edgeworks: --window: 1 is below the minimum 3", bad.err().strip());
    }

    @Test
    void valuesOutsideTheRecordsBoundsAreRefusedNamingTheOption() {
        CliRun r = run("xas", "normalize", "x.dat", "--nnorm", "5", "--out", "unused");
        assertEquals(Main.EXIT_USAGE, r.code()); // a usage error (README): exit 2
        assertEquals("edgeworks: --nnorm: 5 is above the maximum 3", r.err().strip());
        r = run("xas", "normalize", "x.dat", "--ledge", "--branching", "1.5", "--out", "unused");
        assertEquals("edgeworks: --branching: 1.5 is above the maximum 1", r.err().strip());
        r = run("xas", "normalize", "x.dat", "--normalization", "sideways", "--out", "unused");
        assertEquals("edgeworks: --normalization: 'sideways' is not one of edge-step|area|min-max|none", r.err().strip());
    }
}
