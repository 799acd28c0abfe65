package org.edgeworks.detector.mda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Channel;
import org.edgeworks.core.data.ChannelRole;
import org.edgeworks.core.data.Scan;
import org.edgeworks.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MdaFileTest {
    static final Path DATA = SharedData.dir();

    /** The mda2ascii export: '#' header lines, then one row per point (index, positioners, detectors). */
    static List<double[]> asc(Path file) throws IOException {
        List<double[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("#") || line.isBlank()) continue;
            rows.add(Arrays.stream(line.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray());
        }
        return rows;
    }

    @ParameterizedTest
    @ValueSource(strings = {"sxr129577", "sxr129578", "sxr129598"})
    void softXrayMdaAgreesWithItsAsciiExportColumnByColumn(String name) throws Exception {
        MdaFile mda = MdaFile.read(DATA.resolve("soft_xray/" + name + ".mda"));
        List<double[]> rows = asc(DATA.resolve("soft_xray/" + name + ".asc"));
        MdaFile.Level outer = mda.levels().get(0);
        assertEquals(1, mda.levels().size());
        assertEquals(rows.size(), outer.completed(), "points");
        assertEquals(rows.get(0).length - 1, outer.columns().size(), "columns");
        for (int c = 0; c < outer.columns().size(); c++) {
            double[] col = outer.column(c);
            for (int i = 0; i < rows.size(); i++) {
                double expected = rows.get(i)[c + 1];
                // mda2ascii prints floats with 9 significant digits, doubles with 7-10
                assertEquals(expected, col[i], 2e-7 * Math.max(1, Math.abs(expected)) + 1e-30,
                    name + " column " + (c + 2) + " (" + outer.columns().get(c).name() + ") row " + (i + 1));
            }
            assertEquals(i(rows.size()), rows.get(rows.size() - 1)[0]);
        }
        // the header's extra PVs: the .asc lists the same count
        long extra = Files.readAllLines(DATA.resolve("soft_xray/" + name + ".asc")).stream().filter(l -> l.startsWith("# Extra PV ")).count();
        assertEquals(extra, mda.extraPvs().size());
        assertEquals(1.3f, mda.version(), 1e-6);
    }

    private static double i(int n) { return n; }

    @Test
    void soft98RolesFollowTheReadme() throws Exception {
        Scan s = new MdaDetector().read(DATA.resolve("soft_xray/sxr129598.mda"));
        assertEquals("SR14ID01PGM_CALC_ENERGY_MONITOR.P", s.require(ChannelRole.ENERGY).name());
        assertEquals("SR14ID01AMP09:CURR_MONITOR", s.require(ChannelRole.I0).name());
        assertEquals("SR14ID01AMP08:CURR_MONITOR", s.require(ChannelRole.TEY).name());
        assertEquals("SR14ID01DPP01:mca1.R0", s.require(ChannelRole.PFY).name());
        assertEquals("SR14ID01DPP01:ch1:InputCountRate", s.require(ChannelRole.ICR).name());
        assertEquals("SR14ID01DPP01:ch1:OutputCountRate", s.require(ChannelRole.OCR).name());
        assertEquals("SR14ID01AMP07:CURR_MONITOR", s.require(ChannelRole.IREF).name());
        double[] e = s.require(ChannelRole.ENERGY).readDoubles("t");
        assertEquals(509.996277, e[0], 1e-5);
        assertEquals("Z1_01", s.metadata().get("pv.SR14ID01NEXSCAN:saveData_comment1"));
    }

    @Test
    void mex2HasAFullMcaPerCompletedPointAndItsRoiTotalsAreTheMcaSums() throws Exception {
        Path f = DATA.resolve("tender_mca/MEX2_5641.mda");
        MdaFile mda = MdaFile.read(f);
        assertEquals(1.4f, mda.version(), 1e-6);
        assertEquals(2, mda.levels().size());
        // the file was saved mid-scan: 30 of 236 points completed (the XDI export has all 236)
        assertEquals(30, mda.levels().get(0).completed());
        assertEquals(236, mda.levels().get(0).planned());
        Scan s = new MdaDetector().read(f);
        List<Channel> mca = s.all(ChannelRole.MCA);
        assertEquals(4, mca.size());
        assertEquals(List.of(30, 4096), Arrays.stream(mca.get(0).shape()).boxed().toList());
        assertEquals(4, s.all(ChannelRole.ICR).size());
        assertEquals(4, s.all(ChannelRole.OCR).size());
        assertEquals("MEX2ES01ZEB01:CALC_ENERGY_EV", s.require(ChannelRole.ENERGY).name());
        assertEquals("MEX2ES01DAQ01:ch2:S:MeanValue_RBV", s.require(ChannelRole.I0).name());
        List<Channel> roi = s.all(ChannelRole.PFY);
        assertEquals(4, roi.size());
        for (int k = 0; k < 4; k++) {
            double[] spectra = mca.get(k).readDoubles("t");
            double[] total = roi.get(k).readDoubles("t");
            for (int p = 0; p < 30; p++) {
                double sum = 0;
                for (int bin = 280; bin <= 300; bin++) sum += spectra[p * 4096 + bin];
                assertEquals(total[p], sum, 0, "element " + (k + 1) + " point " + p);
            }
        }
    }

    @Test
    void mdaFilesAreRecognisedFromTheirHeaderAndTextIsNot() throws Exception {
        // which bundle wins among all installed ones is checked end to end in org.edgeworks.pipeline.tests
        for (String f : new String[] {"tender_mca/MEX2_5641.mda", "soft_xray/sxr129577.mda"})
            assertTrue(new MdaDetector().recognise(DATA.resolve(f), org.edgeworks.core.detector.FileProbe.of(DATA.resolve(f))) > 0, f);
        Path asc = DATA.resolve("soft_xray/sxr129577.asc");
        assertEquals(0, new MdaDetector().recognise(asc, org.edgeworks.core.detector.FileProbe.of(asc)));
        assertTrue(new MdaAsciiDetector().recognise(asc, org.edgeworks.core.detector.FileProbe.of(asc)) > 0);
    }

    @Test
    void truncatedFileIsAOneLineError(@TempDir Path tmp) throws Exception {
        byte[] all = Files.readAllBytes(DATA.resolve("soft_xray/sxr129598.mda"));
        Path cut = tmp.resolve("cut.mda");
        Files.write(cut, Arrays.copyOf(all, 3000));
        EdgeworksException e = assertThrows(EdgeworksException.class, () -> MdaFile.read(cut));
        assertTrue(e.getMessage().contains("cut.mda") && !e.getMessage().contains("\n"), e.getMessage());
    }
}
