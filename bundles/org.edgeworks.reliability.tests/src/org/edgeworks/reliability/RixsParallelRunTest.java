package org.edgeworks.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.edgeworks.cli.Main;
import org.edgeworks.testsupport.SyntheticNexus;
import org.edgeworks.testsupport.SyntheticNexus.SpectraLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parallel equals sequential for RIXS pipelines too (issue 13): reduced emission spectra (NeXus,
 * written here) through the map pipeline and through map + PFY, with --jobs 1 and --jobs 4: the
 * CSV bytes and every numeric dataset of the NeXus results are identical.
 */
class RixsParallelRunTest {
    static final int FILES = 24;

    @TempDir Path dir;

    /** Reduced O K spectra: 6 excitation energies x 80 emission channels, a peak that moves with k. */
    private static void write(Path f, int k) {
        double[] ex = {528, 529, 530, 531, 532, 533};
        double[] em = new double[80];
        double[][] s = new double[ex.length][em.length];
        for (int j = 0; j < em.length; j++) em[j] = 505 + 0.4 * j;
        for (int i = 0; i < ex.length; i++)
            for (int j = 0; j < em.length; j++)
                s[i][j] = 5 + i + 100 * Math.exp(-Math.pow(em[j] - 523.7 - 0.01 * k, 2) / 2) * (1 + 0.1 * i);
        SyntheticNexus.emissionSpectra(f, SpectraLayout.REDUCED, null, ex, em, s, null);
    }

    @Test
    void rixsPipelinesGiveIdenticalResultsWithOneAndFourJobs() throws Exception {
        List<String> files = new ArrayList<>();
        for (int k = 0; k < FILES; k++) {
            Path f = dir.resolve(String.format(Locale.ROOT, "in/map%02d.nxs", k));
            Files.createDirectories(f.getParent());
            write(f, k);
            files.add(f.toString());
        }
        String map = "{\"schema\": \"edgeworks-pipeline/1\", \"name\": \"rixs-map\", \"steps\": ["
            + "{\"processor\": \"org.edgeworks.pipeline.emissionSpectra\"}, {\"processor\": \"org.edgeworks.rixs.mapFromSpectra\"}]}";
        String pfy = "{\"schema\": \"edgeworks-pipeline/1\", \"name\": \"rixs-pfy\", \"steps\": ["
            + "{\"processor\": \"org.edgeworks.pipeline.emissionSpectra\"}, {\"processor\": \"org.edgeworks.rixs.mapFromSpectra\"},"
            + " {\"processor\": \"org.edgeworks.rixs.pfy\", \"parameters\": {\"from\": 520, \"to\": 527}}]}";
        for (String[] p : new String[][] {{"map", map}, {"pfy", pfy}}) {
            Path pipeline = Files.writeString(dir.resolve(p[0] + ".json"), p[1]);
            for (String jobs : new String[] {"1", "4"}) {
                List<String> args = new ArrayList<>(List.of("run", pipeline.toString()));
                args.addAll(files);
                args.addAll(List.of("--out", dir.resolve(p[0] + "-j" + jobs).toString(), "--jobs", jobs));
                StringWriter o = new StringWriter(), err = new StringWriter();
                assertEquals(0, Main.run(args.toArray(String[]::new), new PrintWriter(o, true), new PrintWriter(err, true)), o + "\n" + err);
            }
            for (int k = 0; k < FILES; k++) {
                String name = String.format(Locale.ROOT, "map%02d.nxs", k);
                Path a = dir.resolve(p[0] + "-j1"), b = dir.resolve(p[0] + "-j4");
                assertArrayEquals(Files.readAllBytes(a.resolve(name + ".csv")), Files.readAllBytes(b.resolve(name + ".csv")), p[0] + " " + name);
                ParallelRunTest.assertSameNumbers(a.resolve(name + ".nxs"), b.resolve(name + ".nxs"));
            }
        }
    }
}
