package org.edgeworks.nexus;

import java.nio.file.Path;

import org.eclipse.january.dataset.DoubleDataset;
import org.eclipse.january.dataset.LazyDataset;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.BufferedSlices;

/**
 * The lazy data of a detector's channel ({@link NexusScans#channel}): January slices through a
 * {@link ReopeningLoader}, and {@link BufferedSlices} reads through the same shared open file
 * ({@link OpenFiles}) and its {@link NumericDataset}, decoding straight into the caller's buffer
 * (a band of an image stack, a frame) without January's fresh array per slice.
 */
final class ChannelData extends LazyDataset implements BufferedSlices {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final String datasetPath;

    ChannelData(Path file, String datasetPath, String name, int[] shape) {
        super(new ReopeningLoader(file, datasetPath), name, DoubleDataset.class, shape);
        this.file = file.toString();
        this.datasetPath = datasetPath;
    }

    @Override
    public void readInto(long[] start, int[] count, double[] out, int at) throws EdgeworksException {
        try (OpenFiles.Lease lease = OpenFiles.acquire(Path.of(file))) {
            lease.file().numeric(datasetPath).readInto(start, count, out, at);
        }
    }

    @Override
    public boolean storedAsIntegers() throws EdgeworksException {
        try (OpenFiles.Lease lease = OpenFiles.acquire(Path.of(file))) {
            NumericDataset d = lease.file().numeric(datasetPath);
            int[] shape = d.shape();
            // one element tells the stored type (the slice keeps it)
            TypedSlice one = d.read(new long[shape.length], java.util.stream.IntStream.range(0, shape.length).map(i -> 1).toArray());
            return !(one instanceof TypedSlice.Floats || one instanceof TypedSlice.Doubles);
        }
    }
}
