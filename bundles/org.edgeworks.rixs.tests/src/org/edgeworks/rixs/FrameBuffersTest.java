package org.edgeworks.rixs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.eclipse.january.dataset.ILazyDataset;
import org.edgeworks.core.data.FrameSource;
import org.edgeworks.nexus.NexusFile;
import org.edgeworks.rixs.io.TiffStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The map builder streams frames into buffers it reuses when the stack can read into them
 * ({@link FrameSource}: NeXus and TIFF stacks), and as January slices (a fresh array per frame)
 * otherwise. The two roads must give the same build to the last bit: map, errors, per-pixel
 * spectra, elastic pixels, fits, statistics and notes, with and without repeats (mean of 2,
 * median of 3 against spikes), on one and two threads, for a SYNTHETIC NeXus scan and the real
 * QERLIN TIFF frame. The January road is a view of the same stack (a plain January lazy dataset, as
 * any other reader hands it over). (The numbers themselves are checked against their construction by BuildMapTest,
 * StreamingTest, RealTiffTest and the other tests, which run on both roads.)
 */
class FrameBuffersTest {

    /** The same frames as a plain January lazy dataset (a view of the whole stack is no {@link FrameSource}). */
    static ILazyDataset januaryOnly(ILazyDataset frames) {
        ILazyDataset view = frames.getSliceView();
        assertFalse(view instanceof FrameSource, "a view reads January slices");
        return view;
    }

    private static long[] bits(double[] v) {
        return v == null ? null : Arrays.stream(v).mapToLong(Double::doubleToRawLongBits).toArray();
    }

    private static void assertSameBuild(org.edgeworks.core.processing.Result<BuildMap.MapBuild> want,
                                        org.edgeworks.core.processing.Result<BuildMap.MapBuild> got, String what) {
        BuildMap.MapBuild a = want.value(), b = got.value();
        assertArrayEquals(bits(a.map().data()), bits(b.map().data()), what + ": map");
        assertArrayEquals(bits(a.map().errors()), bits(b.map().errors()), what + ": errors");
        assertArrayEquals(bits(a.map().emission().values()), bits(b.map().emission().values()), what + ": emission axis");
        assertEquals(a.pixelSpectra().length, b.pixelSpectra().length, what);
        for (int i = 0; i < a.pixelSpectra().length; i++)
            assertArrayEquals(bits(a.pixelSpectra()[i]), bits(b.pixelSpectra()[i]), what + ": pixel spectrum " + i);
        assertArrayEquals(bits(a.elasticPixel()), bits(b.elasticPixel()), what + ": elastic pixels");
        assertArrayEquals(bits(a.curvature().coefficients()), bits(b.curvature().coefficients()), what + ": curvature");
        assertArrayEquals(bits(a.calibration().coefficients()), bits(b.calibration().coefficients()), what + ": calibration");
        assertEquals(a.stats().framesRead(), b.stats().framesRead(), what + ": frames read");
        assertEquals(a.stats().spikePixels(), b.stats().spikePixels(), what + ": spikes");
        List<String> na = want.provenance().notes().stream().map(FrameBuffersTest::timingFree).toList();
        List<String> nb = got.provenance().notes().stream().map(FrameBuffersTest::timingFree).toList();
        assertEquals(na, nb, what + ": notes");
    }

    /** The most frames held at once depends on the threads' timing, not on the road. */
    private static String timingFree(String note) {
        return note.replaceAll("at most \\d+ held", "at most ? held");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void nexusFramesIntoReusedBuffersGiveTheJanuaryBuildBitForBit(int repeats, @TempDir Path dir) throws Exception {
        SyntheticRixs.Spec s = SyntheticRixs.Spec.of("charged", 31).withSize(42, 64, 256, 0.08);
        Path file = dir.resolve("charged.nxs");
        SyntheticRixs.writeNexus(s, file, 3);
        try (NexusFile nx = NexusFile.open(file)) {
            String det = "/entry/instrument/detector/";
            ILazyDataset frames = nx.lazyDataset(det + "data"), dark = nx.lazyDataset(det + "dark");
            assertInstanceOf(FrameSource.class, frames, "NeXus frame stacks read into the builder's buffers");
            double[] ex = nx.readDoubles("/entry/instrument/monochromator/energy"), i0 = nx.readDoubles("/entry/monitor/data"),
                t = nx.readDoubles(det + "count_time");
            RawStack buffers = new RawStack("charged", frames, ex, i0, t, dark, repeats);
            RawStack january = new RawStack("charged", januaryOnly(frames), ex, i0, t, januaryOnly(dark), repeats);
            for (BuildMap.Parameters p : List.of(BuildMap.Parameters.defaults().withThreads(2, 2 * repeats + 1),
                BuildMap.Parameters.defaults().withThreads(1, repeats))) {
                String what = repeats + " repeat(s), " + p.threads() + " thread(s)";
                assertSameBuild(new BuildMap().apply(january, p), new BuildMap().apply(buffers, p), what);
            }
            // a constant dark level instead of dark frames
            BuildMap.Parameters level = BuildMap.Parameters.defaults().withDarkLevel(100);
            assertSameBuild(new BuildMap().apply(new RawStack("charged", januaryOnly(frames), ex, i0, t, null, repeats), level),
                new BuildMap().apply(new RawStack("charged", frames, ex, i0, t, null, repeats), level), repeats + " repeat(s), dark level");
        }
    }

    @Test
    void tiffFramesIntoReusedBuffersGiveTheJanuaryBuildBitForBit() throws Exception {
        Path qerlin = RealTiffTest.data("mrixs_qerlin/Sample1VL_200F_frames_1-200.tif");
        ILazyDataset frames = TiffStack.open(List.of(qerlin));
        FrameSource source = assertInstanceOf(FrameSource.class, frames, "TIFF stacks read into the builder's buffers");
        double[] buffer = new double[204 * 384];
        Arrays.fill(buffer, -1);
        source.readFrame(0, buffer);
        assertArrayEquals(bits(TiffStack.readPage(qerlin, 0)), bits(buffer), "the page's samples, every element written");
        assertFalse(Arrays.stream(buffer).anyMatch(v -> v == -1), "no element left from before");
        BuildMap.Parameters p = BuildMap.Parameters.defaults().withCalibration(new double[] {0, 1});
        assertSameBuild(new BuildMap().apply(new RawStack("qerlin", januaryOnly(frames), new double[] {530.0}, new double[] {1}, new double[] {1}, null), p),
            new BuildMap().apply(new RawStack("qerlin", frames, new double[] {530.0}, new double[] {1}, new double[] {1}, null), p), "QERLIN");
    }
}
