package org.edgeworks.exafs.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TableItem;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.detector.DetectorRegistry;
import org.edgeworks.core.processing.Result;
import org.edgeworks.exafs.Chi;
import org.edgeworks.exafs.FeffitProcessor;
import org.edgeworks.exafs.FourierTransformProcessor;
import org.edgeworks.pipeline.xas.XasInput;
import org.edgeworks.testsupport.SharedData;
import org.edgeworks.ui.widgets.Sources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The EXAFS task panel driven as a user would (forms typed, Run / Fit pressed, jobs awaited) on the bundled Cu
 * foil (samples/exafs: cu_metal_rt.xdi, mutrans; FEFF6L's feff0001.dat), against the command line on the same
 * files: the panel's chi(k) equals {@code xas autobk --mu mutrans --kweight 2}'s chi.csv, and its shell fit of
 * that chi.csv with feff0001.dat equals {@code xas fit} (s02, e0, r, delr, sigma2 with stderr, R-factor,
 * reduced chi-square) to 1e-9; results carry the raw file in their provenance.
 */
class ExafsTaskPanelTest {
    /** This checkout's samples/exafs (never another checkout's). */
    static Path samples() {
        return SharedData.samples().resolve("exafs").toAbsolutePath();
    }

    static void cli(String... args) {
        StringWriter o = new StringWriter(), e = new StringWriter();
        int code = org.edgeworks.cli.Main.run(args, new PrintWriter(o, true), new PrintWriter(e, true));
        assertEquals(0, code, e.toString());
    }

    static double[][] csv(Path f) throws Exception {
        List<String> lines = Files.readAllLines(f);
        double[][] out = new double[2][lines.size() - 1];
        for (int i = 1; i < lines.size(); i++) {
            String[] w = lines.get(i).split(",");
            out[0][i - 1] = Double.parseDouble(w[0]);
            out[1][i - 1] = Double.parseDouble(w[1]);
        }
        return out;
    }

    static void await(Job job) throws Exception {
        job.join();
        Display d = Display.getDefault();
        long end = System.currentTimeMillis() + 500;
        while (System.currentTimeMillis() < end) {
            while (d.readAndDispatch()) { /* deliver the job's result */ }
            Thread.sleep(10);
        }
    }

    static void near(JsonNode json, String key, FeffitProcessor.Value v, String what) {
        assertEquals(json.get(key).asDouble(), v.value(), 1e-9 * Math.max(1, Math.abs(v.value())), what + " " + key);
        assertEquals(json.get(key + "_stderr").asDouble(), v.stderr(), 1e-9 * Math.max(1, Math.abs(v.stderr())), what + " " + key + "_stderr");
    }

    @Test
    void thePanelEqualsXasAutobkAndXasFitOnTheCuFoil(@TempDir Path tmp) throws Exception {
        Path xdi = samples().resolve("cu_metal_rt.xdi"), feff = samples().resolve("feff0001.dat"), out = tmp.resolve("cli");
        cli("xas", "autobk", xdi.toString(), "--mu", "mutrans", "--kweight", "2", "--out", out.toString());
        Path chiCsv = out.resolve("cu_metal_rt.chi.csv");
        cli("xas", "fit", chiCsv.toString(), "--path", feff.toString(), "--out", out.toString());
        JsonNode fitJson = new ObjectMapper().readTree(out.resolve("cu_metal_rt.fit.json").toFile());

        // the spectrum as the workbench opens it: the detector's scan, mu = the mutrans column (XasInput, the CLI's road)
        Scan scan = DetectorRegistry.load().read(xdi);
        XasInput.Loaded loaded = XasInput.load(scan, xdi, null, new XasInput.Selection(null, "mutrans", null, null, null, null, null, null));
        Sources.remember(loaded.spectrum(), loaded.source());

        Shell shell = new Shell(Display.getDefault());
        shell.setLayout(new FillLayout());
        shell.setSize(1280, 800);
        try {
            ExafsTaskPanel panel = new ExafsTaskPanel(shell, SWT.NONE);
            List<Result<?>> published = new ArrayList<>();
            panel.onResult((source, r) -> published.add(r));
            shell.open();
            panel.add(loaded.spectrum());

            // background: the user types kweight 2 (the command line's option) and presses Run
            panel.autobkForm().setText("kweight", "2");
            await(panel.runAutobk());
            Chi chi = panel.chi();
            assertNotNull(chi, panel.status());
            double[][] cliChi = csv(chiCsv);
            assertEquals(cliChi[0].length, chi.k().length, "chi points");
            double worst = 0;
            for (int i = 0; i < chi.k().length; i++) {
                assertEquals(cliChi[0][i], chi.k()[i], 1e-12);
                worst = Math.max(worst, Math.abs(cliChi[1][i] - chi.chi()[i]) / Math.max(1e-3, Math.abs(cliChi[1][i])));
            }
            System.out.printf("AGREE exafs panel chi vs xas autobk: max relative |dchi| %.3g%n", worst);
            assertTrue(worst <= 1e-9, "chi(k) = xas autobk's (10-digit CSV): worst relative " + worst);
            assertEquals(1, published.size());
            assertEquals(xdi.toString(), published.get(0).provenance().source().file(), "raw file in the provenance");
            assertNotNull(panel.viewer().image(), "chi(k) drawn: " + panel.viewer().problem());

            // forward transform of the panel's chi: |chi(R)| drawn and published
            panel.ftForm().setText("kmin", "3");
            await(panel.runFt());
            assertTrue(panel.lastResult().value() instanceof FourierTransformProcessor.ChiR, panel.status());
            assertNotNull(panel.viewer().image());

            // shell fit of the same chi.csv with the same FEFF path and the default model, R space k 3-14, R 1.4-3.0
            panel.openChi(chiCsv);
            panel.addPaths(List.of(feff));
            await(panel.runFit());
            FeffitProcessor.Fit fit = (FeffitProcessor.Fit) panel.lastResult().value();
            FeffitProcessor.PathResult p = fit.paths().get(0);
            near(fitJson.get("paths").get(0), "r", p.r(), "path 1");
            near(fitJson.get("paths").get(0), "delr", p.delr(), "path 1");
            near(fitJson.get("paths").get(0), "sigma2", p.sigma2(), "path 1");
            near(fitJson, "s02", fit.variables().get("amp"), "fit");
            near(fitJson, "e0", fit.variables().get("del_e0"), "fit");
            assertEquals(fitJson.get("r_factor").asDouble(), fit.rFactor(), 1e-12);
            assertEquals(fitJson.get("chi2_reduced").asDouble(), fit.chi2Reduced(), 1e-9 * fit.chi2Reduced());
            System.out.printf("AGREE exafs panel fit vs xas fit: r %.6f +- %.6f, sigma2 %.6f +- %.6f, R-factor %.5f%n", p.r().value(),
                p.r().stderr(), p.sigma2().value(), p.sigma2().stderr(), fit.rFactor());
            // the table shows what the user reads: s02, e0, r, delr, sigma2 with stderr, R-factor, reduced chi-square
            List<String> rows = new ArrayList<>();
            for (TableItem it : panel.fitTable().getItems()) rows.add(it.getText(0) + "=" + it.getText(1) + "+-" + it.getText(2));
            assertEquals(7, rows.size(), rows.toString());
            assertTrue(rows.get(2).startsWith(p.label() + " r (A)=" + String.format(java.util.Locale.ROOT, "%.6g", p.r().value())), rows.toString());
            assertTrue(rows.get(4).contains("sigma2") && rows.get(4).endsWith(String.format(java.util.Locale.ROOT, "%.3g", p.sigma2().stderr())),
                rows.toString());
            assertTrue(rows.get(5).startsWith("R-factor") && rows.get(6).startsWith("reduced chi-square"), rows.toString());
            assertEquals(chiCsv.toAbsolutePath().toString(), published.get(published.size() - 1).provenance().source().file());
            assertNotNull(panel.viewer().image(), "fit overlay drawn");
            org.edgeworks.exafs.ui.Shots.save(shell, "exafs-panel-fit");
        } finally {
            shell.dispose();
        }
    }
}
