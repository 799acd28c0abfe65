package org.edgeworks.cli.xas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.edgeworks.cli.CliRun;
import org.edgeworks.cli.Main;
import org.edgeworks.cli.RecordOptions;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.rixs.PartialYield;
import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The options of xas preedge, lcf, autobk, ft, wavelet, fit, stack, the rixs commands and rerun are
 * generated from their parameter records ({@link RecordOptions}): every option the hand-written
 * commands had is still there (public contract), --help shows the record's default, repeatable
 * list options take several values, a repeated value that would count data twice is refused,
 * joined options ("A:B") fill two components, and bounds are enforced before any file is read.
 */
class GeneratedOptionsTest {

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    /**
     * Every option name of the hand-written commands (their --help before the change), which are public contract; the
     * scan options xas ft, wavelet and fit listed but never used are hidden there and still accepted with a warning
     * (TextSubcommand; ExafsCommandTest.scanOptionsOfTextCommandsAreHiddenAndIgnoredWithAWarning).
     */
    static final String CONTRACT = """
        xas preedge: --baseline --centre --dt --e0 --ehi --elo --emax --emin --energy --eta --exclude --group --i0 --icr --if --input --it --mode --mu --name --ocr --out --outliers --overwrite --peaks --scan
        xas lcf: --allow-negative --combinations --dt --emax --emin --energy --exclude --extrapolate --group --i0 --icr --if --input --it --mode --mu --name --ocr --out --outliers --overwrite --rank --ref --scan --shift-bound --shifts --sum-to-one --valence
        xas autobk: --dk --dt --e0 --edge-step --energy --exclude --group --i0 --icr --if --input --it --kmax --kmin --kweight --mode --mu --nknots --ocr --out --outliers --overwrite --rbkg --scan --window
        xas ft: --dk --kmax --kmin --kweight --out --overwrite --rmax-out --window
        xas wavelet: --kweight --out --overwrite --rmax
        xas fit: --dk --fitspace --kmax --kmin --kweight --model --out --overwrite --path --rmax --rmin --window
        xas stack: --allow-negative --band-rows --combinations --data --e0 --e0-method --emax --emin --energies --energy-path --extrapolate --flat --input --mode --nnorm --norm1 --norm2 --normalization --nvict --out --overwrite --peak-window --pre1 --pre2 --rank --ref --shift-bound --shifts --step --step-threshold --sum-to-one
        rixs build: --calibration --calibration-degree --cosmic-threshold --curvature-degree --dark-level --emission-step --energy-decreases-with-pixel --excitation-energies --i0 --max-shift --out --overwrite --repeats --table --threads
        rixs cut: --emission --excitation --out --overwrite --width
        rixs pfy: --out --overwrite --window
        rixs ipfy: --e0 --e0-method --nnorm --norm1 --norm2 --normalization --nvict --out --overwrite --pfy-window --pre1 --pre2 --step --window
        rixs quantify: --box --feature --fit-window --frame --gap --method --neighbour --out --overwrite --reference --window
        rixs diff: --normalise-region --out --overwrite
        rerun: --new-versions --out --overwrite
        """;

    @Test
    void everyOptionOfTheContractIsStillThere() {
        for (String line : CONTRACT.strip().split("\n")) {
            String command = line.substring(0, line.indexOf(':')).strip();
            var r = run((command + " --help").split(" "));
            assertEquals(0, r.code(), command + ": " + r.err());
            for (String o : line.substring(line.indexOf(':') + 1).strip().split(" "))
                assertTrue(r.out().contains(o + "=") || r.out().contains(o + " ") || r.out().contains(o + "\n") || r.out().contains(o + "]"),
                    command + ": " + o + " missing from\n" + r.out());
        }
    }

    @Test
    void helpShowsTheRecordsDefaultUnitAndWhenAnOptionApplies() {
        String preedge = run("xas", "preedge", "--help").out().replaceAll("\\s+", " ");
        // PreEdgeProcessor.Params: emin -30 eV rel. E0 (Larch prepeaks), eta 0.5 from 0 to 1: written once, on the record
        assertTrue(preedge.contains("--emin=EV fit start [eV rel. E0]: Larch prepeaks' default; default -30."), preedge);
        assertTrue(preedge.contains("from 0 to 1; default 0.5."), preedge);
        String lcf = run("xas", "lcf", "--help").out().replaceAll("\\s+", " ");
        assertTrue(lcf.contains("--shift-bound=EV shift bound [eV]: |shift| <= bound; at least 0; applies with --shifts; default 1."), lcf);
        String build = run("rixs", "build", "--help").out().replaceAll("\\s+", " ");
        assertTrue(build.contains("--max-shift=N Largest line shift [pixels]"), build);
        assertTrue(build.contains("default 0."), build);
        String quantify = run("rixs", "quantify", "--help").out().replaceAll("\\s+", " ");
        assertTrue(quantify.contains("--feature=EX,EM Feature excitation, Feature emission [eV]; default 531,523.7."), quantify);
        assertTrue(quantify.contains("--fit-window=A:B"), quantify);
        // a required option shows no default
        String pfy = run("rixs", "pfy", "--help").out().replaceAll("\\s+", " ");
        assertFalse(pfy.contains("default 510:535"), pfy);
    }

    @Test
    void aListOptionIsRepeatableOrACommaListAndARepeatedValueIsRefused() throws EdgeworksException {
        PreEdgeCommand a = new PreEdgeCommand(), b = new PreEdgeCommand();
        new CommandLine(a).parseArgs("f.dat", "--out", "o", "--peaks", "2", "--centre", "6540.5", "--centre", "6542.5");
        new CommandLine(b).parseArgs("f.dat", "--out", "o", "--peaks", "2", "--centre", "6540.5,6542.5");
        assertEquals(List.of(6540.5, 6542.5), a.options.build(null).centres());
        assertEquals(List.of(6540.5, 6542.5), b.options.build(null).centres());
        assertEquals(2, a.options.build(null).peaks());

        var twice = run("xas", "fit", "chi.csv", "--path", "feff0001.dat", "--kweight", "2", "--kweight", "2.0", "--out", "unused");
        assertEquals(Main.EXIT_USAGE, twice.code());
        assertEquals("edgeworks: --kweight: 2.0 is given twice", twice.err().strip());
        FitCommand f = new FitCommand();
        new CommandLine(f).parseArgs("chi.csv", "--path", "p.dat", "--out", "o", "--kweight", "1", "--kweight", "2,3");
        assertEquals("[1.0, 2.0, 3.0]", Arrays.toString(f.options.build(null).kweights()));
    }

    @Test
    void boundsAreEnforcedBeforeAnyFileIsRead() {
        var r = run("xas", "preedge", "no-such-file.dat", "--peaks", "9", "--out", "unused");
        assertEquals("edgeworks: --peaks: 9 is above the maximum 6", r.err().strip());
        r = run("xas", "lcf", "no-such-file.dat", "--ref", "A=a.dat", "--shift-bound=-1", "--out", "unused");
        assertEquals("edgeworks: --shift-bound: -1 is below the minimum 0", r.err().strip());
        r = run("rixs", "ipfy", "no-such-file.nxs", "--window", "490:550", "--near-zero-fraction", "2", "--out", "unused");
        assertEquals("edgeworks: --near-zero-fraction: 2 is above the maximum 1", r.err().strip());
        r = run("rixs", "build", "no-such-file.nxs", "--curvature-degree", "7", "--out", "unused");
        assertEquals("edgeworks: --curvature-degree: 7 is above the maximum 4", r.err().strip());
        r = run("xas", "fit", "chi.csv", "--path", "p.dat", "--fitspace", "z", "--out", "unused");
        assertEquals("edgeworks: --fitspace: 'z' is not one of r|k|q", r.err().strip());
    }

    @Test
    void aJoinedRangeFillsTwoComponentsInOrderAndRefusesEqualEnds() throws EdgeworksException {
        RecordOptions<PartialYield.Parameters> ro = new RecordOptions<>(PartialYield.Parameters.class, PartialYield.Parameters.defaults())
            .range("--window", "from", "to");
        CommandSpec spec = CommandSpec.create();
        ro.addTo(spec);
        new CommandLine(spec).parseArgs("--window", "524.5:523");
        PartialYield.Parameters p = ro.build(null);
        assertEquals(523.0, p.from());
        assertEquals(524.5, p.to());
        assertEquals("524.5:523", ro.text("--window"));
        RecordOptions<PartialYield.Parameters> same = new RecordOptions<>(PartialYield.Parameters.class, PartialYield.Parameters.defaults())
            .range("--window", "from", "to");
        CommandSpec s2 = CommandSpec.create();
        same.addTo(s2);
        new CommandLine(s2).parseArgs("--window", "523:523");
        EdgeworksException e = assertThrows(EdgeworksException.class, () -> same.build(null));
        assertEquals("--window: '523:523' is not a range A:B in eV", e.getMessage());
    }

    @Test
    void aRepeatedNeighbourPeakIsRefused() {
        var r = run("rixs", "quantify", "m.nxs", "--neighbour", "529.6,529.6", "--out", "unused");
        assertEquals("edgeworks: --neighbour: 529.6 is given twice", r.err().strip());
    }
}
