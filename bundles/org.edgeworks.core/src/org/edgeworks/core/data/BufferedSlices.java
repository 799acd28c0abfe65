package org.edgeworks.core.data;

import org.edgeworks.core.EdgeworksException;

/**
 * Lazy data (a {@link Channel}'s dataset) that can also decode a hyperslab straight into a buffer
 * the caller owns, so a stream of bands or frames allocates nothing per read (January's lazy
 * slices deliver a fresh array each time). Implemented by the lazy datasets of the nexus bundle's
 * channels (its {@code NumericDataset} underneath) and of the TIFF image stacks; callers test for
 * it ({@code data instanceof BufferedSlices}) and fall back to slices otherwise.
 */
public interface BufferedSlices {
    /**
     * Decodes the hyperslab {@code start} + {@code count} (unit steps) into {@code out[at ...]},
     * row-major.
     *
     * @throws EdgeworksException naming the file and the path inside it
     */
    void readInto(long[] start, int[] count, double[] out, int at) throws EdgeworksException;

    /**
     * Whether the stored elements are integers (detector counts); false when the storage does not
     * say (e.g. TIFF images, decoded by the image reader).
     */
    boolean storedAsIntegers() throws EdgeworksException;
}
