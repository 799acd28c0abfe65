package org.edgeworks.stack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.nexus.NexusFile;
import org.edgeworks.xas.LcfProcessor;
import org.edgeworks.xas.NormalizeProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stacks made by generator/make_stacks.py (h5py, numpy; no Edgeworks code): expected values are
 * the generator's construction (fractions, edge energies), never this code's output.
 */
class StackAnalysisTest {
    static final Path DIR = Path.of(System.getProperty("edgeworks.test.stacks", "target/stacks"));

    static List<StackAnalysis.Reference> references() throws Exception {
        List<StackAnalysis.Reference> refs = new ArrayList<>();
        for (String n : List.of("A", "B", "C")) {
            List<double[]> rows = new ArrayList<>();
            for (String line : Files.readAllLines(DIR.resolve("ref_" + n + ".dat"))) {
                if (line.startsWith("#") || line.isBlank()) continue;
                String[] p = line.trim().split("\\s+");
                rows.add(new double[] {Double.parseDouble(p[0]), Double.parseDouble(p[1])});
            }
            refs.add(new StackAnalysis.Reference(n, rows.stream().mapToDouble(r -> r[0]).toArray(), rows.stream().mapToDouble(r -> r[1]).toArray()));
        }
        return refs;
    }

    static StackAnalysis.Params transmission() {
        StackAnalysis.Params d = StackAnalysis.Params.defaults();
        return new StackAnalysis.Params(d.normalize(), StackAnalysis.MuKind.TRANSMISSION, null, 0, 30, d.lcf(), 6);
    }

    /** The stack the road every input takes: the detector's Scan of the file, the ScanStack adapter ({@link StackSpec#open}). */
    static StackSource open(String name, String dataPath, String energyPath) throws EdgeworksException {
        return new StackSpec(DIR.resolve(name).toString(), dataPath, energyPath, null).open();
    }

    static Flux flat(NexusFile f) throws EdgeworksException {
        return Flux.image(f.readDoubles("/entry/instrument/flat"), "phases.h5:/entry/instrument/flat");
    }

    @Test
    void fractionMapsRecoverTheConstructedPhasesWithinNoise() throws Exception {
        StackAnalysis.Result r;
        double[] truth, step;
        try (NexusFile f = NexusFile.open(DIR.resolve("phases.h5")); StackSource s = open("phases.h5", null, null)) {
            truth = f.readDoubles("/truth/weights");
            step = f.readDoubles("/truth/step");
            r = StackAnalysis.run(s, flat(f), transmission(), references());
        }
        int n = r.rows() * r.columns();
        assertEquals(20 * 24, n);
        int analysed = 0, within = 0;
        double worst = 0;
        for (int i = 0; i < n; i++) {
            boolean sample = step[i] > 0.5;
            // the two sample-free columns (edge step 0.001) must be masked out, every sample pixel kept
            assertEquals(sample ? 1 : 0, r.mask()[i], "mask at pixel " + i);
            if (!sample) {
                assertTrue(Double.isNaN(r.maps().get("weight_A")[i]));
                continue;
            }
            analysed++;
            for (int k = 0; k < 3; k++) {
                String name = "weight_" + "ABC".charAt(k);
                double w = r.maps().get(name)[i], se = r.errors().get(name)[i], t = truth[k * n + i];
                assertTrue(se >= 0 && se < 0.05, name + " stderr " + se); // 0 for a weight held at 0 by non-negativity
                worst = Math.max(worst, Math.abs(w - t));
                // noise of 0.2% in counts: each fraction within 4 sigma of its standard error, plus a
                // 0.01 allowance for the normalisation's post-edge polynomial (the references' white lines)
                if (Math.abs(w - t) <= 4 * se + 0.01) within++;
            }
            assertTrue(r.maps().get("r_factor")[i] < 1e-3, "R-factor " + r.maps().get("r_factor")[i]);
            // the pixel's E0 is where the mixture's dmu/dE peaks: between the A and C edges
            assertTrue(r.maps().get("e0")[i] >= 7009 && r.maps().get("e0")[i] <= 7019, "e0 " + r.maps().get("e0")[i]);
            assertEquals(1.0, r.maps().get("edge_step")[i], 0.1);
        }
        assertTrue(within >= 0.99 * 3 * analysed, within + " of " + 3 * analysed + " fractions within 4 sigma + 0.01; worst " + worst);
        assertTrue(worst < 0.05, "worst fraction error " + worst);
        assertTrue(r.notes().get(0).startsWith("mask: " + analysed + " of " + n), r.notes().get(0));
    }

    @Test
    void aTiffFolderGivesTheSameMapsAsTheSameCountsInNexus() throws Exception {
        StackAnalysis.Result a, b;
        try (NexusFile f = NexusFile.open(DIR.resolve("phases.h5")); StackSource s = open("phases.h5", null, null)) {
            a = StackAnalysis.run(s, flat(f), transmission(), references());
            try (StackSource t = open("tiff", null, null)) {
                // the table lists the frames out of energy order; the TIFF reader reads them by name
                b = StackAnalysis.run(t, flat(f), transmission(), references());
            }
        }
        for (String m : a.maps().keySet()) assertArrayEquals(a.maps().get(m), b.maps().get(m), m);
        assertArrayEquals(a.mask(), b.mask());
    }

    /**
     * The flat field as {@code --flat} names it goes through the detectors too: FILE:PATH (the stack detector's
     * channel of that path) and a TIFF image (the TIFF frame detector) give the flat make_stacks.py wrote, so the
     * same maps as the flat read here directly.
     */
    @Test
    void aFlatFieldNamedAsFileAndPathOrAsTiffGivesTheSameMaps() throws Exception {
        StackAnalysis.Result a, b, c;
        try (NexusFile f = NexusFile.open(DIR.resolve("phases.h5")); StackSource s = open("phases.h5", null, null)) {
            a = StackAnalysis.run(s, flat(f), transmission(), references());
            b = StackAnalysis.run(s, Flux.parse(DIR.resolve("phases.h5") + ":/entry/instrument/flat"), transmission(), references());
            c = StackAnalysis.run(s, Flux.parse(DIR.resolve("tiff_flat.tif").toString()), transmission(), references());
        }
        for (String m : a.maps().keySet()) {
            assertArrayEquals(a.maps().get(m), b.maps().get(m), m);
            assertArrayEquals(a.maps().get(m), c.maps().get(m), m);
        }
        EdgeworksException e = assertThrows(EdgeworksException.class, () -> Flux.parse(DIR.resolve("phases.h5") + ":/entry/no_flat"));
        assertEquals(DIR.resolve("phases.h5") + ": /entry/no_flat: no such numeric dataset", e.getMessage());
    }

    @Test
    void aStackLargerThanTheHeapStreamsAndGivesTheConstructedEdges() throws Exception {
        long heap = Runtime.getRuntime().maxMemory();
        long stackBytes = 120L * 1024 * 600 * Double.BYTES;
        assertTrue(stackBytes > heap, "test heap " + heap + " must be smaller than the stack as doubles " + stackBytes);
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) p.resetPeakUsage();
        StackAnalysis.Result r;
        double[] e0;
        try (NexusFile f = NexusFile.open(DIR.resolve("big.h5")); StackSource s = open("big.h5", "/entry/data/data", "/entry/data/energy")) {
            e0 = f.readDoubles("/truth/e0");
            StackAnalysis.Params d = StackAnalysis.Params.defaults();
            r = StackAnalysis.run(s, Flux.none(), new StackAnalysis.Params(d.normalize(), StackAnalysis.MuKind.MU, null, 0, 30, d.lcf(), 0), List.of());
        }
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) peak += p.getPeakUsage().getUsed();
        System.out.printf("big stack: %d MB as doubles, heap limit %d MB, peak heap used %d MB%n", stackBytes >> 20, heap >> 20, peak >> 20);
        double[] map = r.maps().get("e0");
        for (int i = 0; i < map.length; i++) assertEquals(e0[i], map[i], 0.0, "e0 at pixel " + i);
        for (double v : r.maps().get("edge_step")) assertEquals(1.0, v, 1e-3);
        assertEquals(0, r.masked());
        // clear edges: no pixel failed and none needed a remark; reported are the mask and how the energies' unit was
        // decided (make_stacks.py writes big.h5's energies without @units: EnergyUnits' rule, eV above 100)
        assertEquals(2, r.notes().size(), r.notes().toString());
        assertEquals(DIR.resolve("big.h5") + ": energy '/entry/data/energy' has no unit; values reach 100 or more: read as eV", r.notes().get(0));
    }

    @Test
    void theWrittenFileHoldsTheMapsAndARerunGivesTheSameBytes(@TempDir Path tmp) throws Exception {
        StackAnalysis.Result r;
        try (NexusFile f = NexusFile.open(DIR.resolve("phases.h5")); StackSource s = open("phases.h5", null, null)) {
            r = StackAnalysis.run(s, flat(f), transmission(), references());
        }
        List<Path> one = StackOutput.write(tmp.resolve("a"), "phases", r, "test", false);
        List<Path> two = StackOutput.write(tmp.resolve("b"), "phases", r, "test", false);
        assertEquals(tmp.resolve("a/phases.stack.nxs"), one.get(0));
        for (int i = 0; i < one.size(); i++) assertArrayEquals(Files.readAllBytes(one.get(i)), Files.readAllBytes(two.get(i)), one.get(i).toString());
        assertTrue(Files.exists(tmp.resolve("a/phases.weight_B.png")));
        try (NexusFile f = NexusFile.open(one.get(0))) {
            for (String m : List.of("e0", "edge_step", "mask", "weight_A", "weight_B", "weight_C", "r_factor", "peak_energy"))
                assertTrue(f.exists("/entry/" + m + "/data"), m);
            assertArrayEquals(r.maps().get("weight_B"), f.readDoubles("/entry/weight_B/data"));
            assertArrayEquals(r.errors().get("weight_B"), f.readDoubles("/entry/weight_B/data_errors"));
            assertFalse(f.exists("/entry/r_factor/data_errors"));
        }
        EdgeworksException again = assertThrows(EdgeworksException.class, () -> StackOutput.write(tmp.resolve("a"), "phases", r, "test", false));
        assertTrue(again.getMessage().contains("exists already"), again.getMessage());
    }

    @Test
    void badStacksAreRefusedWithOneLineNamingTheFileAndPath() throws Exception {
        EdgeworksException e = assertThrows(EdgeworksException.class,
            () -> open("phases.h5", "/entry/instrument/flat", "/entry/data/energy"));
        assertEquals(DIR.resolve("phases.h5") + ": /entry/instrument/flat: has rank 2, not 3 (energy, y, x)", e.getMessage());
        e = assertThrows(EdgeworksException.class,
            () -> open("phases.h5", "/entry/data/data", "/truth/step"));
        assertEquals(DIR.resolve("phases.h5") + ": /truth/step: has 480 energies for 140 frames of /entry/data/data", e.getMessage());
        try (StackSource s = open("phases.h5", null, null)) {
            e = assertThrows(EdgeworksException.class, () -> StackAnalysis.run(s, Flux.none(), transmission(), references()));
            assertEquals("--mode: transmission needs the incident flux (a flat field or I0)", e.getMessage());
            e = assertThrows(EdgeworksException.class, () -> StackAnalysis.run(s, Flux.perEnergy(new double[3], "i0.txt"), transmission(), references()));
            assertEquals("i0.txt: has 3 values for 140 frames of " + DIR.resolve("phases.h5"), e.getMessage());
            StackAnalysis.Params d = transmission();
            StackAnalysis.Params nnorm = new StackAnalysis.Params(new NormalizeProcessor.Params(null, null, null, null, null, null, 5, 0, null, null),
                d.mu(), null, 0, 30, d.lcf(), 0);
            e = assertThrows(EdgeworksException.class, () -> StackAnalysis.run(s, Flux.none(), nnorm, List.of()));
            assertEquals(DIR.resolve("phases.h5") + ": nnorm: must be 0 to 3, not 5", e.getMessage());
            // the file holds uint16 transmission counts (make_stacks.py): taken as mu they are refused, with or without a flux
            StackAnalysis.Params asMu = new StackAnalysis.Params(d.normalize(), StackAnalysis.MuKind.MU, null, 0, 30, d.lcf(), 0);
            e = assertThrows(EdgeworksException.class, () -> StackAnalysis.run(s, Flux.none(), asMu, references()));
            assertEquals(DIR.resolve("phases.h5") + ": /entry/data/data: holds integer detector counts, not mu: give --mode transmission or --mode "
                + "fluorescence with the incident flux (--flat)", e.getMessage());
            try (NexusFile f = NexusFile.open(DIR.resolve("phases.h5"))) {
                Flux flat = flat(f);
                e = assertThrows(EdgeworksException.class, () -> StackAnalysis.run(s, flat, asMu, references()));
                assertTrue(e.getMessage().startsWith("--mode: mu (the default) takes the images as mu, so the given flux would be ignored"),
                    e.getMessage());
                StackAnalysis.Params window = new StackAnalysis.Params(d.normalize(), d.mu(), null, 0, 30,
                    LcfProcessor.Params.defaults().window(8000, 8100), 0);
                e = assertThrows(EdgeworksException.class, () -> StackAnalysis.run(s, flat, window, references()));
                assertEquals(DIR.resolve("phases.h5") + ": emin: window [8000.0, 8100.0] eV is outside the data (6950.0 to 7196.0 eV)", e.getMessage());
            }
        }
    }
}
