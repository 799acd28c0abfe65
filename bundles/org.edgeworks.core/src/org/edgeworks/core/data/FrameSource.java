package org.edgeworks.core.data;

import org.edgeworks.core.EdgeworksException;

/**
 * A stack of detector frames or images (frames x rows x columns) that reads one frame, or a band
 * of rows of every frame ({@link #readRows}: a XANES image stack's band), into a buffer the
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

    /**
     * Reads rows [row0, row0 + count) of every frame into {@code into[0 .. frames x count x
     * columns)}, frame-major (a band of an image stack: {@code into[(f * count + r) * columns + c]}).
     * Readers that can read part of a frame override this (NeXus: only the chunks or byte ranges of
     * the band; TIFF: the reader's source region); the default reads whole frames and keeps the band.
     *
     * @throws EdgeworksException rows outside the frames, or unreadable data (one line naming the file)
     */
    default void readRows(int row0, int count, double[] into) throws EdgeworksException {
        int[] shape = shape();
        if (row0 < 0 || count < 0 || row0 + count > shape[1])
            throw EdgeworksException.of("frame stack", "rows " + row0 + " to " + (row0 + count - 1) + " outside the " + shape[1] + " rows");
        int frame = shape[1] * shape[2], band = count * shape[2];
        double[] buffer = new double[frame];
        for (int f = 0; f < shape[0]; f++) {
            readFrame(f, buffer);
            System.arraycopy(buffer, row0 * shape[2], into, f * band, band);
        }
    }

    /**
     * Whether the stored elements are integers (detector counts, never mu); false when the storage
     * does not say (e.g. images decoded by an image reader).
     */
    default boolean storedAsIntegers() throws EdgeworksException { return false; }
}
