package org.edgeworks.detector.sdd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.ChannelRole;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.detector.DetectorRegistry;
import org.edgeworks.core.registry.ProcessorRegistry;
import org.edgeworks.testsupport.SharedData;
import org.junit.jupiter.api.Test;

/** The MEX2 S K-edge scan through the SDD path, against the beamline's own reduction (pyNexafs XDI). */
class SddYieldsTest {
    static final Path DATA = SharedData.dir();
    static final Path MEX2 = DATA.resolve("tender_mca/MEX2_5641.mda");

    /** XDI rows: energy bragg count_time BIM i0 SampleDrain ICR_AVG OCR_AVG ROI_AD_AVG ifluor. */
    static double[][] xdi() throws Exception {
        return Files.readAllLines(DATA.resolve("tender_mca/MEX2_5641_processed.xdi")).stream()
            .filter(l -> !l.startsWith("#") && !l.isBlank())
            .map(l -> Arrays.stream(l.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray())
            .toArray(double[][]::new);
    }

    @Test
    void pfyWindowFromTheFullMcaEqualsTheBeamlineIfluor() throws Exception {
        Scan scan = DetectorRegistry.load().read(MEX2);
        SddYields.Yields y = new SddYields().apply(scan, SddYields.Params.defaults()).value();
        double[][] ref = xdi();
        assertEquals(30, y.energy().length);
        for (int i = 0; i < 30; i++) {
            assertEquals(ref[i][0], y.energy()[i], 1e-3, "energy " + i);
            // ifluor = mean over the 4 elements of ROI(280..300) x ICR/OCR, / i0 (the XDI header says so)
            assertEquals(ref[i][9], y.pfy()[i], 1e-9 * ref[i][9], "PFY at " + ref[i][0] + " eV");
        }
    }

    @Test
    void withoutDeadTimeCorrectionThePfyIsLowerByTheIcrOcrRatio() throws Exception {
        Scan scan = DetectorRegistry.load().read(MEX2);
        SddYields.Params p = SddYields.Params.defaults();
        SddYields.Params raw = new SddYields.Params(p.pfyFrom(), p.pfyTo(), 0, 0, p.unit(), 0, 10, false, p.combine());
        double[] corrected = new SddYields().apply(scan, p).value().pfy();
        double[] uncorrected = new SddYields().apply(scan, raw).value().pfy();
        // ICR/OCR is about 2.27 on this detector (480 vs 214 kcps)
        for (int i = 0; i < corrected.length; i++) assertEquals(2.27, corrected[i] / uncorrected[i], 0.1);
    }

    @Test
    void ipfyIsI0OverTheNonResonantWindowComputedIndependently() throws Exception {
        Scan scan = DetectorRegistry.load().read(MEX2);
        // the strong scatter peak around bin 242 as the non-resonant window
        SddYields.Params p = new SddYields.Params(280, 300, 230, 255, SddYields.WindowUnit.BIN, 0, 10, true, SddYields.Combine.MEAN);
        SddYields.Yields y = new SddYields().apply(scan, p).value();
        double[] i0 = scan.require(ChannelRole.I0).readDoubles("t");
        List<org.edgeworks.core.data.Channel> mca = scan.all(ChannelRole.MCA);
        List<org.edgeworks.core.data.Channel> icr = scan.all(ChannelRole.ICR), ocr = scan.all(ChannelRole.OCR);
        for (int pt : new int[] {0, 14, 29}) {
            double s = 0;
            for (int k = 0; k < 4; k++) {
                double[] m = mca.get(k).readDoubles("t");
                double w = 0;
                for (int b = 230; b <= 255; b++) w += m[pt * 4096 + b];
                s += w * icr.get(k).readDoubles("t")[pt] / ocr.get(k).readDoubles("t")[pt];
            }
            assertEquals(i0[pt] / (s / 4), y.ipfy()[pt], 1e-12 * y.ipfy()[pt]);
        }
        assertTrue(y.tfy()[0] > y.pfy()[0]);
    }

    @Test
    void windowsInEvUseTheBinCalibration() throws Exception {
        Scan scan = DetectorRegistry.load().read(MEX2);
        // 10 eV per bin from 0: 2800..3000 eV is bins 280..300
        SddYields.Params ev = new SddYields.Params(2800, 3000, 0, 0, SddYields.WindowUnit.EV, 0, 10, true, SddYields.Combine.MEAN);
        assertEquals(new SddYields().apply(scan, SddYields.Params.defaults()).value().pfy()[5],
            new SddYields().apply(scan, ev).value().pfy()[5], 0);
    }

    @Test
    void emptyWindowIsAOneLineErrorNamingTheParameter() throws Exception {
        Scan scan = DetectorRegistry.load().read(MEX2);
        SddYields.Params bad = new SddYields.Params(5000, 6000, 0, 0, SddYields.WindowUnit.BIN, 0, 10, true, SddYields.Combine.MEAN);
        EdgeworksException e = assertThrows(EdgeworksException.class, () -> new SddYields().apply(scan, bad));
        assertTrue(e.getMessage().contains("pfyFrom") && e.getMessage().contains("no MCA bin"), e.getMessage());
    }

    @Test
    void processorIsRegisteredThroughPluginXml() {
        assertEquals(SddYields.class, ProcessorRegistry.load().all().get(SddYields.ID).getClass());
    }
}
