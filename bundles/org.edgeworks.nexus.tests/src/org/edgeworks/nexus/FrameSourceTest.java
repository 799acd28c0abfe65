package org.edgeworks.nexus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.eclipse.january.dataset.ILazyDataset;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.ChannelRole;
import org.edgeworks.core.data.FrameSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Frame stacks (3-D datasets) from {@link NexusFile#lazyDataset} and from detector channels
 * ({@link NexusScans#channel}, read after the file was closed) read single frames into a buffer the
 * caller reuses ({@link FrameSource}): every frame of every layout and filter pipeline equals the
 * generator's formula (make_flavours.py, {@link HyperslabReaderTest#expected}) even when the
 * buffer still holds the last frame or dirt, never-written chunks read as the fill value, and a
 * frame outside the stack is refused naming the file and the path.
 */
class FrameSourceTest {
    private static final int FRAMES = 5, ROWS = 37, COLS = 23;

    @ParameterizedTest
    @ValueSource(strings = {"contiguous", "compact", "chunked", "gzip", "shuffle_gzip", "fletcher_gzip", "lz4", "shuffle_lz4", "sparse"})
    void everyFrameOfEveryLayoutReadsIntoOneReusedBuffer(String layout) throws Exception {
        String path = "/layouts/" + layout;
        ILazyDataset channelFrames;
        try (NexusFile f = NexusFile.open(Flavours.file("layouts.h5"))) {
            FrameSource frames = assertInstanceOf(FrameSource.class, f.lazyDataset(path), "a 3-D dataset is a frame stack");
            assertArrayEquals(new int[] {FRAMES, ROWS, COLS}, frames.shape());
            assertFrames(frames, layout);
            NexusNode[] node = new NexusNode[1];
            NexusScans.walk(f.tree(), n -> { if (n.path().equals(path)) node[0] = n; });
            channelFrames = NexusScans.channel(f, node[0], "frames", ChannelRole.IMAGE_STACK).data();
        }
        // the channel outlives the file it was found in (detectors close it): frames reopen it
        assertFrames(assertInstanceOf(FrameSource.class, channelFrames), layout + " (channel)");
    }

    private static void assertFrames(FrameSource frames, String what) throws EdgeworksException {
        double[] buffer = new double[ROWS * COLS];
        Arrays.fill(buffer, -999.5);
        for (int pass = 0; pass < 2; pass++) {
            // forwards, then backwards: each frame overwrites whatever the buffer held
            for (int i = 0; i < FRAMES; i++) {
                int frame = pass == 0 ? i : FRAMES - 1 - i;
                frames.readFrame(frame, buffer);
                for (int k = 0; k < ROWS * COLS; k++) {
                    double want = what.startsWith("sparse") && frame >= 2 ? 0 // frames 2-4 never written: fill value 0
                        : HyperslabReaderTest.expected("u2", (long) frame * ROWS * COLS + k);
                    assertEquals(want, buffer[k], what + " frame " + frame + " element " + k);
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, FRAMES})
    void aFrameOutsideTheStackIsRefusedNamingFileAndPath(int frame) throws Exception {
        try (NexusFile f = NexusFile.open(Flavours.file("layouts.h5"))) {
            FrameSource frames = (FrameSource) f.lazyDataset("/layouts/gzip");
            EdgeworksException e = assertThrows(EdgeworksException.class, () -> frames.readFrame(frame, new double[ROWS * COLS]));
            assertTrue(e.getMessage().contains("layouts.h5") && e.getMessage().contains("/layouts/gzip"), e.getMessage());
            assertFalse(f.lazyDataset("/ranks/r1") instanceof FrameSource, "a 1-D dataset is no frame stack");
        }
    }
}
