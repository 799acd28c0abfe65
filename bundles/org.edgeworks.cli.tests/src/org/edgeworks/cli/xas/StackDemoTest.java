package org.edgeworks.cli.xas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.edgeworks.core.processing.Parameters;
import org.edgeworks.testsupport.DatasetAsserts;
import org.edgeworks.testsupport.Python;
import org.edgeworks.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The demo's stack part on the bundled stack sample recovers the constructed phases: the truth
 * (/truth/weights of samples/stack/mn_txm_phases.h5, written by make_stack.py) and the demo's maps
 * are both read with h5py; every sample pixel is in the mask and its MnO / Mn2O3 fractions are
 * the constructed ones within 0.03 (noise 0.2 % of the counts; references normalised by Larch in the
 * generator and by Edgeworks in the fit), the empty column is masked out.
 */
class StackDemoTest {
    @Test
    void demoStackPartRecoversTheConstructedPhases(@TempDir Path dir) throws Exception {
        StringWriter log = new StringWriter();
        new StackDemo().run(SharedData.samples(), dir, new PrintWriter(log, true));
        Path nxs = dir.resolve("mn_txm_phases.stack.nxs");
        assertTrue(log.toString().contains(nxs.toString()), log.toString());
        assertTrue(log.toString().contains("fraction maps (88 of 96 pixels in the mask):"), log.toString());
        String json = Python.run(String.join("\n", "import sys, json, h5py, numpy as np",
            "t = h5py.File(sys.argv[1], 'r'); o = h5py.File(sys.argv[2], 'r')",
            "v = lambda d: np.nan_to_num(np.asarray(d, dtype=float), nan=-9.0).ravel().tolist()  # masked pixels hold NaN",
            "print(json.dumps({'truth': t['truth/weights'][()].tolist(), 'step': v(t['truth/step'][()]),",
            "  'mno': v(o['entry/weight_MnO/data'][()]), 'mn2o3': v(o['entry/weight_Mn2O3/data'][()]), 'mask': v(o['entry/mask/data'][()])}))"),
            SharedData.samples().resolve(StackDemo.STACK).toString(), nxs.toString());
        JsonNode j = Parameters.json().readTree(json);
        int n = j.get("mask").size();
        double[] mask = new double[n], sample = new double[n], mno = new double[n], mn2o3 = new double[n], tMno = new double[n], tMn2o3 = new double[n];
        for (int i = 0; i < n; i++) {
            mask[i] = j.get("mask").get(i).asDouble();
            sample[i] = j.get("step").get(i).asDouble() > 0.5 ? 1 : 0;
            boolean in = sample[i] > 0;
            mno[i] = in ? j.get("mno").get(i).asDouble() : 0;
            mn2o3[i] = in ? j.get("mn2o3").get(i).asDouble() : 0;
            int y = i / 12, x = i % 12;
            tMno[i] = in ? j.get("truth").get(0).get(y).get(x).asDouble() : 0;
            tMn2o3[i] = in ? j.get("truth").get(1).get(y).get(x).asDouble() : 0;
        }
        assertEquals(96, n);
        DatasetAsserts.assertClose(sample, mask, 0, 0, "mask = the pixels holding sample");
        DatasetAsserts.assertClose(tMno, mno, 0, 0.03, "MnO fraction map");
        DatasetAsserts.assertClose(tMn2o3, mn2o3, 0, 0.03, "Mn2O3 fraction map");
    }
}
