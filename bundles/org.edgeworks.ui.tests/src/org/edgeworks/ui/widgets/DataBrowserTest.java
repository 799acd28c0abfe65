package org.edgeworks.ui.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TreeItem;
import org.edgeworks.core.data.RixsMap;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.plot.Colormap;
import org.edgeworks.plot.PixelMapping;
import org.edgeworks.testsupport.SharedData;
import org.edgeworks.testsupport.SyntheticNexus;
import org.edgeworks.ui.viewers.DataViewer;
import org.edgeworks.ui.viewers.MapViewer;
import org.edgeworks.ui.viewers.SpectrumViewer;
import org.edgeworks.ui.viewers.ViewerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;

/**
 * The data browser as a user meets it: the bundled samples, a NeXus map file opened like from the menu, its tree
 * with shapes and attributes, the detector and channels, and double-click opening the contributed viewer.
 */
class DataBrowserTest {
    private Shell shell;

    @AfterEach
    void close() {
        if (shell != null) shell.dispose();
    }

    static Path writeMapNexus(Path file, RixsMap map) {
        try (WritableHdfFile h = HdfFile.write(file)) {
            WritableGroup entry = SyntheticNexus.group(h, "entry", "NXentry");
            entry.putAttribute("default", "map");
            WritableGroup data = SyntheticNexus.group(entry, "map", "NXdata");
            data.putAttribute("signal", "data");
            data.putAttribute("axes", new String[] {"excitation", "emission"});
            double[][] v = new double[map.rows()][map.columns()];
            for (int i = 0; i < map.rows(); i++) for (int j = 0; j < map.columns(); j++) v[i][j] = map.get(i, j);
            data.putDataset("data", v).putAttribute("units", "counts");
            data.putDataset("excitation", map.excitation().values()).putAttribute("units", "eV");
            data.putDataset("emission", map.emission().values()).putAttribute("units", "eV");
        }
        return file;
    }

    private DataBrowserPanel browser(Path recent) {
        shell = Ui.shell("data browser", 1200, 800);
        SashForm sash = new SashForm(shell, SWT.HORIZONTAL);
        DataBrowserPanel panel = new DataBrowserPanel(sash, SWT.NONE, recent);
        return panel;
    }

    private static void await(DataBrowserPanel panel) throws InterruptedException {
        panel.lastJob().join();
        Ui.settle();
    }

    /** An Athena project is listed group by group (the groups as Athena names them), and a group opens as its spectrum. */
    @Test
    void aMultiScanFileIsListedScanByScanAndEachScanOpens(@TempDir Path tmp) throws Exception {
        DataBrowserPanel panel = browser(tmp.resolve("recent"));
        Path prj = SharedData.samples().resolve("athena").resolve("Mn.prj");
        panel.addFiles(List.of(prj));
        Ui.open(shell);
        await(panel);
        var item = panel.files().get(0);
        assertEquals(null, item.error(), "the project is not refused as a whole");
        List<String> labels = item.scans().stream().map(sc -> sc.entry().id()).toList();
        assertEquals(List.of("Mn foil", "MnO", "MnOx", "Mn2O3x", "Li2MnO3", "Rhodochrosite", "Pyrolusite", "Mn3O4"), labels);
        panel.viewer().expandToLevel(2);
        Ui.screenshot(shell, "browser-athena-groups");
        List<Object> opened = new ArrayList<>();
        panel.onOpen(opened::add);
        panel.open(item.scans().get(1));
        await(panel);
        assertEquals(1, opened.size(), opened.toString());
        var mno = assertInstanceOf(Spectrum.class, opened.get(0));
        double[] e = mno.energies();
        // the Mn K edge (6539 eV, tabulated) lies inside the group's energies: the group, not a file header, was read
        assertTrue(e.length > 100 && e[0] < 6539 && e[e.length - 1] > 6539, "a Mn K-edge spectrum: " + e.length + " points from " + e[0]);
        opened.clear();
        panel.open(item);
        await(panel);
        assertEquals(8, opened.size(), "opening the project opens its eight groups");
    }

    @Test
    void samplesShowTheirDetectorAndChannelsAndDoubleClickOpensTheSpectrumViewer(@TempDir Path tmp) throws Exception {
        DataBrowserPanel panel = browser(tmp.resolve("recent"));
        Path samples = SharedData.samples();
        panel.addFolder(samples);
        Ui.open(shell);
        await(panel);
        long expected;
        try (var files = java.nio.file.Files.walk(samples)) {
            // the data, not the READMEs, generator scripts (.py), FEFF input (.inp) and model JSON kept beside it
            expected = files.filter(java.nio.file.Files::isRegularFile)
                .filter(p -> !p.toString().matches(".*\\.(md|py|inp|json)")).count();
        }
        assertTrue(expected >= 9, "samples/ holds at least the Mn K-edge XANES and the synthetic RIXS samples");
        assertEquals(expected, panel.files().size(), "every bundled sample is listed");
        for (var f : panel.files())
            assertEquals(null, f.error(), f.path() + ": a bundled sample is listed as unreadable");
        for (var f : panel.files()) {
            if (!f.path().toString().endsWith(".dat")) continue;
            assertTrue(f.detector() != null && f.detector().contains("org.edgeworks.detector.ascii"), f.path() + ": " + f.detector());
            assertTrue(f.channels().stream().anyMatch(c -> c.contains("ENERGY")), f.channels().toString());
        }
        panel.viewer().expandToLevel(2);
        Ui.screenshot(shell, "browser-samples");
        int mn = 0;
        while (!panel.files().get(mn).path().getParent().getFileName().toString().equals("xanes")) mn++;
        TreeItem first = panel.viewer().getTree().getItem(mn);
        assertTrue(first.getText().endsWith(".dat"), first.getText());
        assertTrue(first.getItem(0).getText().startsWith("detector: "), first.getItem(0).getText());

        List<Object> opened = new ArrayList<>();
        panel.onOpen(opened::add);
        panel.open(panel.files().get(mn));
        await(panel);
        Spectrum s = assertInstanceOf(Spectrum.class, opened.get(0));
        ViewerRegistry.Entry entry = ViewerRegistry.load().best(s).orElseThrow();
        assertEquals("org.edgeworks.ui.spectrumViewer", entry.id());
        assertInstanceOf(SpectrumViewer.class, entry.create());
    }

    @Test
    void nexusMapTreeShapesAttributesRecentFilesAndTheMapViewer(@TempDir Path tmp) throws Exception {
        RixsMap map = SyntheticMaps.withFeature("nexus map", 40);
        Path file = writeMapNexus(tmp.resolve("synthetic-map.nxs"), map);
        Path recent = tmp.resolve("recent");
        DataBrowserPanel panel = browser(recent);
        Ui.open(shell);
        panel.addFiles(List.of(file));
        await(panel);
        assertEquals(List.of(file.toAbsolutePath()), panel.recent(), "opened files become recent files");
        panel.viewer().expandAll();
        Ui.settle();
        Ui.screenshot(shell, "browser-nexus-tree");
        List<String> labels = new ArrayList<>();
        collect(panel.viewer().getTree().getItems(), labels);
        assertTrue(labels.contains("entry (NXentry)"), labels.toString());
        assertTrue(labels.contains("map (NXdata)"), labels.toString());
        assertTrue(labels.contains("data  float64 [100, 150]"), labels.toString());
        assertTrue(labels.contains("@signal = data"), labels.toString());
        assertTrue(labels.contains("@units = eV"), labels.toString());

        List<Object> opened = new ArrayList<>();
        panel.onOpen(opened::add);
        panel.open(panel.files().get(0));
        await(panel);
        RixsMap loaded = assertInstanceOf(RixsMap.class, opened.get(0));
        org.junit.jupiter.api.Assertions.assertArrayEquals(map.data(), loaded.data(), 0);

        // double-click -> the contributed map viewer, as the workbench does it
        ViewerRegistry.Entry entry = ViewerRegistry.load().best(loaded).orElseThrow();
        assertEquals("org.edgeworks.ui.mapViewer", entry.id());
        Shell viewerShell = Ui.shell("map viewer", 1200, 650);
        try {
            DataViewer viewer = entry.create();
            viewer.createControl(viewerShell);
            viewer.show(loaded);
            Ui.open(viewerShell);
            MapCanvas canvas = ((MapViewer) viewer).map();
            ImageData shot = Ui.screenshot(canvas.canvas(), "browser-opened-map");
            PixelMapping area = canvas.plotArea();
            assertEquals(Ui.hex(Colormap.VIRIDIS.argb(1)),
                    Ui.hex(Snapshots.argb(shot, area.column(SyntheticMaps.FEATURE_EM), area.row(SyntheticMaps.FEATURE_EX))));
        } finally {
            viewerShell.dispose();
        }
    }

    @Test
    void aBrokenFileIsNamedInTheErrorWithThePathInside(@TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve("broken.nxs");
        java.nio.file.Files.write(bad, new byte[] {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n', 0, 0, 0});
        Ui.takeErrors();
        try {
            DataBrowserPanel panel = browser(tmp.resolve("recent"));
            Ui.open(shell);
            panel.addFiles(List.of(bad));
            await(panel);
            assertTrue(panel.files().get(0).error() != null, "the file shows its problem in the tree");
            Ui.settle();
            // opening it raised a dialog at once, in plain words with advice (the technical line folded away)
            List<String> onOpen = Ui.takeErrors();
            assertEquals(1, onOpen.size(), onOpen.toString());
            for (String part : List.of("File: " + bad, "What is wrong: ", "What to try: "))
                assertTrue(onOpen.get(0).contains(part), part + " in " + onOpen.get(0));
            // the tree's line is decorated: red, a warning sign, the explanation as tooltip
            TreeItem line = panel.viewer().getTree().getItem(0);
            assertEquals(shell.getDisplay().getSystemColor(SWT.COLOR_RED), line.getForeground(0));
            assertTrue(line.getText().startsWith("\u26A0 broken.nxs"), line.getText());
            Ui.screenshot(shell, "tour-06-bad-file-decoration");
            panel.open(panel.files().get(0));
            await(panel);
            List<String> errors = Ui.takeErrors();
            assertEquals(1, errors.size(), errors.toString());
            assertTrue(errors.get(0).contains(bad.toString()), errors.get(0));
            assertTrue(errors.get(0).contains("What to try: "), errors.get(0));
        } finally {
            Ui.takeErrors();
        }
    }

    private static void collect(TreeItem[] items, List<String> out) {
        for (TreeItem i : items) {
            out.add(i.getText());
            collect(i.getItems(), out);
        }
    }
}
