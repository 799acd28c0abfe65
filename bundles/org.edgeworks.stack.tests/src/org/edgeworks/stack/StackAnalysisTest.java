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

    /** A constructed normalised reference: a tanh edge of step 1 at e0 plus a Gaussian white line of height h. */
    static double constructed(double e, double e0, double h) {
        return 0.5 * (1 + Math.tanh((e - e0) / 1.5)) + h * Math.exp(-0.5 * Math.pow((e - e0 - 4) / 2.5, 2));
    }

    /** A stack held in memory (energy x rows x columns, frame-major as {@link StackSource#read} gives bands). */
    record MemoryStack(double[] energy, int rows, int columns, double[] data) implements StackSource {
        @Override public String label() { return "memory.h5"; }
        @Override public String dataPath() { return "/entry/data/data"; }
        @Override public double[] read(int row0, int count) {
            double[] out = new double[energy.length * count * columns];
            for (int f = 0; f < energy.length; f++)
                System.arraycopy(data, (f * rows + row0) * columns, out, f * count * columns, count * columns);
            return out;
        }
        @Override public void close() {}
    }

    /**
     * The weight maps' errors carry the edge-step errors (docs/science.md#xas-stack). Built here, no Edgeworks code:
     * pixels are mu = line + step (t A + (1 - t) B) + white noise 0.003, t uniform in [0.25, 0.75], step in [0.8, 1.2],
     * A and B constructed references (edges at 7008 and 7014 eV) that are given to the fit divided by (1 + eps),
     * eps ~ N(0, s^2) with the stated relative step errors s = 0.03 (A), 0.02 (B): what a reference normalised with
     * an edge-step error of s gives. 100 stacks of 4 x 5 pixels, each stack its own eps draw. Then
     * w_A - t ~ t eps_A (+ the fit's noise), which the fit's sigma (about 0.001) does not hold and the total one does.
     * Band for sd of (w - t) / sigma: [0.8, 1.2]: within a stack the pixels share eps, so the sd is an estimate from
     * about 100 independent draws, whose own scatter is 1/sqrt(200) = 0.07: the band is 3 of those, and the
     * first-order propagation is exact for free (unbounded, not summed) weights (each pixel's sigma is also checked
     * against sigma_fit^2 + w^2 (s_pixel^2 + s_ref^2) by hand, s_pixel = edge_step_errors / edge_step from the
     * maps). With the fit-only sigma the spread is far above 1 (asserted > 3: the stated error 3 times too small).
     */
    @Test
    void weightErrorsCoverTheScatterOfMixturesWithEdgeStepErrors() throws Exception {
        List<Double> grid = new ArrayList<>();
        for (double x = 6850; x < 6980; x += 2) grid.add(x);
        for (double x = 6980; x < 7040; x += 0.5) grid.add(x);
        for (double x = 7040; x <= 7250; x += 2) grid.add(x);
        double[] e = grid.stream().mapToDouble(Double::doubleValue).toArray();
        double[] fine = new double[2001];
        for (int i = 0; i < fine.length; i++) fine[i] = 6800 + 0.25 * i;
        double sA = 0.03, sB = 0.02, noise = 0.003;
        int rows = 4, cols = 5, n = e.length, px = rows * cols;
        java.util.Random rnd = new java.util.Random(20261130);
        double[][] zTotal = new double[2][], zFit = new double[2][];
        List<double[]> total = new ArrayList<>(), fit = new ArrayList<>();
        StackAnalysis.Params d = StackAnalysis.Params.defaults();
        StackAnalysis.Params p = new StackAnalysis.Params(d.normalize(), StackAnalysis.MuKind.MU, null, 0, 30, d.lcf(), 0);
        for (int stack = 0; stack < 100; stack++) {
            double epsA = sA * rnd.nextGaussian(), epsB = sB * rnd.nextGaussian();
            double[] a = new double[fine.length], b = new double[fine.length];
            for (int i = 0; i < fine.length; i++) {
                a[i] = constructed(fine[i], 7008, 0.4) / (1 + epsA);
                b[i] = constructed(fine[i], 7014, 0.9) / (1 + epsB);
            }
            List<StackAnalysis.Reference> refs = List.of(new StackAnalysis.Reference("A", fine, a, sA), new StackAnalysis.Reference("B", fine, b, sB));
            double[] t = new double[px], data = new double[n * px];
            for (int q = 0; q < px; q++) {
                t[q] = 0.25 + 0.5 * rnd.nextDouble();
                double step = 0.8 + 0.4 * rnd.nextDouble();
                for (int f = 0; f < n; f++)
                    data[f * px + q] = 0.3 - 2e-4 * (e[f] - 7000) + step * (t[q] * constructed(e[f], 7008, 0.4) + (1 - t[q]) * constructed(e[f], 7014, 0.9))
                        + noise * rnd.nextGaussian();
            }
            StackAnalysis.Result r = StackAnalysis.run(new MemoryStack(e, rows, cols, data), Flux.none(), p, refs);
            for (int q = 0; q < px; q++) {
                assertEquals(1, r.mask()[q], "pixel " + q + " masked: " + r.notes());
                for (int k = 0; k < 2; k++) {
                    String name = "weight_" + "AB".charAt(k);
                    double dev = r.maps().get(name)[q] - (k == 0 ? t[q] : 1 - t[q]);
                    // free weights (none at the bound): the propagation by hand, the pixel's step error from its own maps
                    double w = r.maps().get(name)[q], sFit = r.maps().get(name + StackAnalysis.FIT_ONLY)[q];
                    double sPix = r.errors().get("edge_step")[q] / r.maps().get("edge_step")[q], sRef = k == 0 ? sA : sB;
                    double byHand = Math.sqrt(sFit * sFit + w * w * (sPix * sPix + sRef * sRef));
                    assertEquals(byHand, r.errors().get(name)[q], 1e-9 * byHand, name + " sigma at pixel " + q);
                    total.add(new double[] {k, dev / r.errors().get(name)[q]});
                    fit.add(new double[] {k, dev / r.maps().get(name + StackAnalysis.FIT_ONLY)[q]});
                }
            }
        }
        for (int k = 0; k < 2; k++) {
            final int kk = k;
            zTotal[k] = total.stream().filter(z -> z[0] == kk).mapToDouble(z -> z[1]).toArray();
            zFit[k] = fit.stream().filter(z -> z[0] == kk).mapToDouble(z -> z[1]).toArray();
            // the spread about the truth (root mean square, a bias counts), not about the mean
            double sd = rms(zTotal[k]), sdFit = rms(zFit[k]);
            System.out.printf("stack weight %s: rms (w - t)/sigma %.3f (sd %.3f, mean %.3f); with the fit-only sigma %.2f%n", "AB".charAt(k), sd,
                sd(zTotal[k]), mean(zTotal[k]), sdFit);
            assertTrue(sd > 0.8 && sd < 1.2, "weight " + "AB".charAt(k) + ": sd of (w - t)/sigma " + sd);
            assertTrue(sdFit > 3, "weight " + "AB".charAt(k) + ": sd of (w - t)/sigma_fit " + sdFit);
        }
    }

    static double mean(double[] z) {
        double s = 0;
        for (double v : z) s += v;
        return s / z.length;
    }

    static double rms(double[] z) {
        double s = 0;
        for (double v : z) s += v * v;
        return Math.sqrt(s / z.length);
    }

    static double sd(double[] z) {
        double m = mean(z), s = 0;
        for (double v : z) s += (v - m) * (v - m);
        return Math.sqrt(s / (z.length - 1));
    }
}
