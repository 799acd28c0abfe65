package org.edgeworks.detector.rixsccd;

import static org.edgeworks.testsupport.SyntheticNexus.group;

import java.nio.file.Path;

import org.edgeworks.testsupport.SyntheticNexus;
import org.edgeworks.testsupport.SyntheticNexus.SpectraLayout;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;

/**
 * Synthetic RIXS NeXus files in the two layouts this bundle reads (no measured RIXS plane exists
 * in the shared data, see its README). Raw: an elastic line whose column follows the excitation
 * energy (0.05 eV per pixel), slightly tilted across rows, on a dark level of 10 counts.
 */
public final class RixsFiles {
    private RixsFiles() {}

    public static final int FRAMES = 6, ROWS = 16, COLUMNS = 120;
    public static final double DARK = 10;

    public static double excitationEv(int frame) { return 528.0 + 0.5 * frame; }

    public static Path raw(Path dir, boolean kev) {
        Path f = dir.resolve(kev ? "rixs_raw_kev.nxs" : "rixs_raw.nxs");
        double[][][] frames = new double[FRAMES][ROWS][COLUMNS];
        double[] energy = new double[FRAMES], i0 = new double[FRAMES], time = new double[FRAMES];
        for (int k = 0; k < FRAMES; k++) {
            energy[k] = kev ? excitationEv(k) / 1000 : excitationEv(k);
            i0[k] = 1 + 0.1 * k;
            time[k] = 2;
            double centre = 30 + 10 * k;
            for (int r = 0; r < ROWS; r++)
                for (int c = 0; c < COLUMNS; c++) {
                    double x = c - centre - 0.1 * (r - ROWS / 2.0);
                    frames[k][r][c] = DARK + 1000 * i0[k] * Math.exp(-x * x / 2.0) + 50 * i0[k] * Math.exp(-(c - 20) * (c - 20) / 50.0);
                }
        }
        double[][] dark = new double[ROWS][COLUMNS];
        for (double[] row : dark) java.util.Arrays.fill(row, DARK);
        try (WritableHdfFile h = HdfFile.write(f)) {
            WritableGroup e = group(h, "entry", "NXentry");
            WritableGroup inst = group(e, "instrument", "NXinstrument");
            WritableGroup det = group(inst, "ccd", "NXdetector");
            det.putDataset("data", frames);
            det.putDataset("count_time", time).putAttribute("units", "s");
            det.putDataset("dark", dark);
            WritableGroup mono = group(inst, "monochromator", "NXmonochromator");
            mono.putDataset("energy", energy).putAttribute("units", kev ? "keV" : "eV");
            WritableGroup mon = group(e, "i0", "NXmonitor");
            mon.putDataset("data", i0);
        }
        return f;
    }

    public static Path reduced(Path dir) {
        Path f = dir.resolve("rixs_reduced.nxs");
        int points = 5, channels = 40;
        double[] ex = new double[points], em = new double[channels], i0 = new double[points];
        double[][] s = new double[points][channels];
        for (int j = 0; j < channels; j++) em[j] = 515 + 0.5 * j;
        for (int i = 0; i < points; i++) {
            ex[i] = 529 + i;
            i0[i] = 2;
            for (int j = 0; j < channels; j++) s[i][j] = 100 + i * 10 + j;
        }
        return SyntheticNexus.emissionSpectra(f, SpectraLayout.REDUCED, null, ex, em, s, i0);
    }
}
