package org.edgeworks.core.data;

import org.edgeworks.core.EdgeworksException;

/**
 * A stack of detector frames (frames x rows x columns) that reads one frame into a buffer the
 * caller owns and reuses, instead of handing back a fresh {@code double[]} per frame as a
 * January lazy slice does. Readers of image stacks (NeXus through org.edgeworks.nexus, TIFF)
 * give lazy datasets that also implement this; a frame stream (the mRIXS map builder) checks for
 * it and falls back to January slices for other lazy datasets, with the same values.
 *
 * <p>Why: a 512 x 2048 frame is 8 MB as doubles. A fresh array per frame is 8 MB allocated and
 * zeroed before the reader writes it, and garbage once the frame is summed; a reused buffer is
 * written once, straight from the stored elements (BENCHMARKS.md, "RIXS frame stream on typed
 * slices").
 *
 * <p>Implementations are safe for concurrent reads of different frames into different buffers.
 */
public interface FrameSource {
    /** Frames, rows, columns. */
    int[] shape();

    /**
     * Reads frame {@code frame} as doubles into {@code into[0 .. rows x columns)}, row-major; every
     * element of that range is written (a reused buffer keeps nothing of its last frame).
     *
     * @throws EdgeworksException a frame outside the stack, a buffer too small, or unreadable data
     *     (one line naming the file and the path inside it)
     */
    void readFrame(int frame, double[] into) throws EdgeworksException;
}
