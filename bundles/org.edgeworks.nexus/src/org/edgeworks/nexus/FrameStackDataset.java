package org.edgeworks.nexus;

import java.nio.file.Path;

import org.eclipse.january.dataset.DoubleDataset;
import org.eclipse.january.dataset.LazyDataset;
import org.eclipse.january.io.ILazyLoader;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.FrameSource;

/**
 * The lazy dataset of a 3-D numeric dataset (frames x rows x columns): January slices as any
 * {@link NexusFile#lazyDataset}, and single frames decoded into a buffer the caller reuses
 * ({@link FrameSource}, through {@link NumericDataset#readInto}: the stored elements, as read or
 * as decompressed into the reader's per-thread chunk scratch, are converted to doubles once,
 * straight into the caller's frame). The mRIXS map builder streams frames this way.
 *
 * <p>Why a subclass of January's {@link LazyDataset}: the frame stack travels as the lazy dataset
 * of a channel (Detector -> Scan -> RawStack) and January gives no access to a lazy dataset's
 * loader; views, clones and reshapes of it are plain January datasets (no frame reads).
 */
final class FrameStackDataset extends LazyDataset implements FrameSource {
    private static final long serialVersionUID = 1L;

    /** Reads the hyperslab {@code start} + {@code count} into {@code into[0..)}; says whether the stored type is an integer. */
    interface Reads {
        void readInto(long[] start, int[] count, double[] into) throws EdgeworksException;

        boolean integers() throws EdgeworksException;
    }

    /** Whether the dataset stores integers: one element tells the stored type (the slice keeps it). */
    private static boolean integers(NumericDataset numeric) throws EdgeworksException {
        TypedSlice one = numeric.read(new long[3], new int[] {1, 1, 1});
        return !(one instanceof TypedSlice.Floats || one instanceof TypedSlice.Doubles);
    }

    private final transient Reads reads;
    private final int[] stackShape;

    private FrameStackDataset(ILazyLoader loader, String name, int[] shape, Reads reads) {
        super(loader, name, DoubleDataset.class, shape);
        this.stackShape = shape.clone();
        this.reads = reads;
    }

    /** Frames of a dataset of an open file (read through that file). */
    static FrameStackDataset of(ILazyLoader loader, String name, int[] shape, NumericDataset numeric) {
        return new FrameStackDataset(loader, name, shape, new Reads() {
            @Override public void readInto(long[] start, int[] count, double[] into) throws EdgeworksException {
                numeric.readInto(start, count, into, 0);
            }

            @Override public boolean integers() throws EdgeworksException { return FrameStackDataset.integers(numeric); }
        });
    }

    /** Frames that outlive the NexusFile they were found in: read through the shared open file ({@link OpenFiles}). */
    static FrameStackDataset reopening(ILazyLoader loader, String name, int[] shape, Path file, String datasetPath) {
        return new FrameStackDataset(loader, name, shape, new Reads() {
            @Override public void readInto(long[] start, int[] count, double[] into) throws EdgeworksException {
                try (OpenFiles.Lease lease = OpenFiles.acquire(file)) {
                    lease.file().numeric(datasetPath).readInto(start, count, into, 0);
                }
            }

            @Override public boolean integers() throws EdgeworksException {
                try (OpenFiles.Lease lease = OpenFiles.acquire(file)) {
                    return FrameStackDataset.integers(lease.file().numeric(datasetPath));
                }
            }
        });
    }

    @Override
    public int[] shape() { return stackShape.clone(); }

    /** A band of rows of every frame: only the chunks (or byte ranges) holding it are read. */
    @Override
    public void readRows(int row0, int count, double[] into) throws EdgeworksException {
        reads.readInto(new long[] {0, row0, 0}, new int[] {stackShape[0], count, stackShape[2]}, into);
    }

    @Override
    public boolean storedAsIntegers() throws EdgeworksException { return reads.integers(); }

    @Override
    public void readFrame(int frame, double[] into) throws EdgeworksException {
        reads.readInto(new long[] {frame, 0, 0}, new int[] {1, stackShape[1], stackShape[2]}, into);
    }
}
