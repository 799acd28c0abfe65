package org.edgeworks.pipeline.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.edgeworks.core.data.Channel;
import org.edgeworks.core.data.ChannelRole;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.data.Unit;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.core.detector.DetectorRegistry;
import org.edgeworks.core.registry.ProcessorRegistry;
import org.edgeworks.pipeline.Pipeline;
import org.edgeworks.pipeline.PipelineRunner;
import org.edgeworks.pipeline.ScanToMu;
import org.edgeworks.pipeline.xas.XasInput;
import org.edgeworks.xas.NormalizeProcessor;
import org.eclipse.january.dataset.DatasetFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One "auto" channel rule (issue 17): a raw MRCAT transmission scan gives the same mu(E) from
 * {@code run} (the pipeline's mu adapter, mode auto), the command line and the workbench (both
 * {@link XasInput#load} with no channel chosen: XasInputOptions and DataOpener), and that mu is
 * ln(mcs3/mcs4) computed here from the file's text (data README: I0 = mcs3, It = mcs4).
 */
class OneAutoRuleTest {
    @ParameterizedTest
    @ValueSource(strings = {"xanes/mn_k/mn3o4.201", "xanes/mn_k/mn3o4.202"})
    void rawTransmissionScanGivesOneMuOnEveryRoad(String name, @TempDir Path tmp) throws Exception {
        Path file = Shared.DATA.resolve(name);
        double[][] hand = byHand(file);
        DetectorRegistry detectors = DetectorRegistry.load();

        // road 1: run (pipeline: mu adapter mode auto, then normalisation)
        Pipeline p = Pipeline.read(Shared.write(tmp, "xanes.json", Shared.XANES), ProcessorRegistry.load());
        PipelineRunner.Run run = PipelineRunner.process(p, file, detectors);
        NormalizeProcessor.Normalized normalized = (NormalizeProcessor.Normalized) run.value();
        Spectrum fromRun = Spectrum.of(normalized.name(), normalized.energy(), normalized.mu());
        Scan scan = detectors.read(file);
        assertEquals("transmission", new ScanToMu().apply(scan, ScanToMu.Params.defaults()).provenance().parameters().get("mode"));
        // roads 2 and 3: the command line and the workbench
        Spectrum fromCli = XasInput.load(detectors.read(file), file, null, new XasInput.Selection(null, null, null, null, null, null, null, null)).spectrum();
        Spectrum fromWorkbench = XasInput.load(detectors.read(file), file, null, XasInput.Selection.auto()).spectrum();

        for (Spectrum s : List.of(fromRun, fromCli, fromWorkbench)) {
            double[] e = s.energies(), mu = s.signal();
            assertEquals(hand[0].length, e.length, name + " points");
            for (int i = 0; i < e.length; i++) {
                assertEquals(hand[0][i], e[i], 1e-12 * Math.abs(hand[0][i]), name + " energy " + i);
                assertEquals(hand[1][i], mu[i], 1e-12, name + " mu at " + e[i]);
            }
        }
        double[] a = fromRun.signal(), b = fromCli.signal();
        double worst = 0;
        for (int i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
        assertTrue(worst <= 1e-12, "run vs command line: " + worst);
    }

    /**
     * A scan with I0 and a fluorescence channel but neither MU nor It: before the one rule the
     * command line and the workbench refused it ("give --mu COL or --mode") while {@code run}
     * made If/I0; now every road makes If/I0, here checked against the constructed counts.
     */
    @org.junit.jupiter.api.Test
    void fluorescenceScanIsTheSameOnEveryRoad() throws Exception {
        double[] e = {7100, 7105, 7110, 7115, 7120, 7125, 7130, 7135}, i0 = {1000, 1010, 990, 1005, 995, 1000, 1002, 998},
            fl = {10, 11, 12, 30, 80, 75, 70, 72};
        Scan scan = new Scan(Path.of("constructed.dat"), "", "test", List.of(
            channel("energy", ChannelRole.ENERGY, e), channel("i0", ChannelRole.I0, i0), channel("fluo", ChannelRole.IF, fl)), java.util.Map.of());
        Spectrum run = new ScanToMu().apply(scan, ScanToMu.Params.defaults()).value();
        Spectrum cli = XasInput.load(scan, Path.of("constructed.dat"), "constructed", XasInput.Selection.auto()).spectrum();
        for (Spectrum s : List.of(run, cli))
            for (int i = 0; i < e.length; i++) assertEquals(fl[i] / i0[i], s.signal()[i], 1e-15, "If/I0 at " + e[i]);
        // a sum of two channels names a pipeline's signal as it does the command line's --if (was refused by pipelines)
        Spectrum summed = new ScanToMu().apply(scan, new ScanToMu.Params("fluorescence", "", "", "fluo+fluo", false)).value();
        for (int i = 0; i < e.length; i++) assertEquals(2 * fl[i] / i0[i], summed.signal()[i], 1e-15);
    }

    private static Channel channel(String name, ChannelRole role, double[] v) {
        return new Channel(name, role, role == ChannelRole.ENERGY ? Unit.EV : Unit.COUNTS, DatasetFactory.createFromObject(v), name);
    }

    /**
     * Energy and ln(mcs3/mcs4) from the MRCAT text (columns after the dashed line and the label
     * row), in ascending energy with the values of a repeated energy averaged (the scans repeat
     * some energies; EnergyGrid.clean in docs/science.md: the one grid clean-up every road applies).
     */
    private static double[][] byHand(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        int at = 0;
        while (!lines.get(at).startsWith("----")) at++;
        java.util.TreeMap<Double, double[]> rows = new java.util.TreeMap<>();
        for (String l : lines.subList(at + 2, lines.size())) {
            if (l.isBlank()) continue;
            String[] t = l.trim().split("\\s+");
            double[] sum = rows.computeIfAbsent(Double.parseDouble(t[0]), k -> new double[2]);
            sum[0] += Math.log(Double.parseDouble(t[1]) / Double.parseDouble(t[2]));
            sum[1]++;
        }
        double[][] out = new double[2][rows.size()];
        int i = 0;
        for (var r : rows.entrySet()) { out[0][i] = r.getKey(); out[1][i] = r.getValue()[0] / r.getValue()[1]; i++; }
        return out;
    }
}
