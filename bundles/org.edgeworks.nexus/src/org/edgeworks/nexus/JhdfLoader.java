package org.edgeworks.nexus;

import java.lang.reflect.Array;
import java.nio.file.Path;

import java.io.IOException;
import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DoubleDataset;
import org.eclipse.january.dataset.Slice;
import org.eclipse.january.dataset.SliceND;
import org.eclipse.january.io.ILazyLoader;
import org.edgeworks.core.EdgeworksException;


/**
 * Feeds January's lazy datasets: a slice with forward steps is read element-exact by
 * {@link HyperslabReader} (only the chunks holding selected elements, decoded in parallel);
 * reverse steps and layouts it leaves to jHDF read the bounding box and step in memory.
 */
final class JhdfLoader implements ILazyLoader {
    private static final long serialVersionUID = 1L;
    private final transient NexusFile file;
    private final transient NexusFile.Target target;
    private final String datasetPath;
    private final int[] shape;

    JhdfLoader(NexusFile file, NexusFile.Target target, int[] shape) {
        this.file = file;
        this.target = target;
        this.datasetPath = target.path();
        this.shape = shape.clone();
    }

    @Override
    public boolean isFileReadable() {
        return true;
    }

    @Override
    public Dataset getDataset(IMonitor mon, SliceND slice) throws IOException {
        int rank = shape.length;
        int[] start = slice.getStart();
        int[] step = slice.getStep();
        int[] outShape = slice.getShape();
        boolean forward = true;
        long selected = 1;
        for (int i = 0; i < rank; i++) {
            forward &= step[i] > 0;
            selected *= outShape[i];
        }
        if (forward) {
            // the fast reader reads exactly the selected elements (and the chunks holding them)
            checkBudget(selected);
            long[] from = new long[rank];
            for (int i = 0; i < rank; i++) from[i] = start[i];
            double[] flat = readFast(from, step, outShape);
            if (flat != null) return DatasetFactory.createFromObject(DoubleDataset.class, flat, outShape);
        }
        return readBoundingBox(slice);
    }

    private double[] readFast(long[] start, int[] step, int[] count) throws SliceReadException {
        try {
            return file.readFast(target, start, step, count);
        } catch (EdgeworksException e) {
            throw new SliceReadException(e);
        }
    }

    private void checkBudget(long elements) throws SliceReadException {
        if (elements > Limits.MAX_SLICE_ELEMENTS)
            throw new SliceReadException(new EdgeworksException(file.path(), datasetPath, "slice of " + elements
                + " elements exceeds the read budget of " + Limits.MAX_SLICE_ELEMENTS));
    }

    /** Reverse steps, and datasets the fast reader leaves to jHDF: read the bounding box, then step in memory. */
    private Dataset readBoundingBox(SliceND slice) throws IOException {
        int rank = shape.length;
        int[] start = slice.getStart();
        int[] stop = slice.getStop();
        int[] step = slice.getStep();
        long[] offset = new long[rank];
        int[] count = new int[rank];
        int[] outShape = slice.getShape();
        long elements = 1;
        boolean unitStep = true;
        for (int i = 0; i < rank; i++) {
            int lo = Math.min(start[i], stop[i] - (step[i] > 0 ? 1 : -1));
            int hi = Math.max(start[i], stop[i] - (step[i] > 0 ? 1 : -1));
            if (step[i] < 0) { lo = stop[i] + 1; hi = start[i]; }
            lo = Math.max(0, lo);
            hi = Math.min(shape[i] - 1, hi);
            offset[i] = lo;
            count[i] = Math.max(0, hi - lo + 1);
            elements *= count[i];
            unitStep &= step[i] == 1;
        }
        checkBudget(elements);
        double[] flat = readFast(offset, NexusFile.ones(rank), count);
        if (flat == null) {
            Object box;
            try {
                box = file.readBox(target.dataset(), datasetPath, offset, count);
                flat = toDoubles(flattenBox(box), file.path(), datasetPath);
            } catch (EdgeworksException e) {
                throw new SliceReadException(e);
            }
        }
        Dataset boxed = DatasetFactory.createFromObject(DoubleDataset.class, flat, count.length == 0 ? new int[] {1} : count);
        if (unitStep) return boxed.reshape(outShape);
        Slice[] inBox = new Slice[rank];
        for (int i = 0; i < rank; i++) {
            int from = (int) (start[i] - offset[i]);
            int to = (int) (stop[i] - offset[i]);
            // a reverse slice that runs to index 0 stops "before 0": null, since -1 would mean the last element
            inBox[i] = new Slice(from, to < 0 ? null : to, step[i]);
        }
        return boxed.getSlice(inBox).reshape(outShape);
    }

    private static Object flattenBox(Object box) {
        if (box == null || !box.getClass().isArray()) return box;
        if (!box.getClass().getComponentType().isArray()) return box;
        // multi-dimensional Java array from jHDF: flatten row-major
        int n = Array.getLength(box);
        Object[] parts = new Object[n];
        int total = 0;
        for (int i = 0; i < n; i++) {
            parts[i] = flattenBox(Array.get(box, i));
            total += Array.getLength(parts[i]);
        }
        Object out = Array.newInstance(parts.length == 0 ? double.class : parts[0].getClass().getComponentType(), total);
        int pos = 0;
        for (Object p : parts) {
            int len = Array.getLength(p);
            System.arraycopy(p, 0, out, pos, len);
            pos += len;
        }
        return out;
    }

    /** Converts a flat primitive (or boxed scalar) array from jHDF to doubles. */
    static double[] toDoubles(Object flat, Path file, String datasetPath) throws EdgeworksException {
        if (flat instanceof double[] d) return d;
        if (flat instanceof float[] f) { double[] o = new double[f.length]; for (int i = 0; i < f.length; i++) o[i] = f[i]; return o; }
        if (flat instanceof int[] a) { double[] o = new double[a.length]; for (int i = 0; i < a.length; i++) o[i] = a[i]; return o; }
        if (flat instanceof long[] a) { double[] o = new double[a.length]; for (int i = 0; i < a.length; i++) o[i] = a[i]; return o; }
        if (flat instanceof short[] a) { double[] o = new double[a.length]; for (int i = 0; i < a.length; i++) o[i] = a[i]; return o; }
        if (flat instanceof byte[] a) { double[] o = new double[a.length]; for (int i = 0; i < a.length; i++) o[i] = a[i]; return o; }
        if (flat instanceof Number n) return new double[] {n.doubleValue()};
        if (flat != null && flat.getClass().isArray() && flat.getClass().getComponentType().isArray())
            return toDoubles(flattenBox(flat), file, datasetPath);
        throw new EdgeworksException(file, datasetPath, "holds " + (flat == null ? "nothing" : flat.getClass().getSimpleName())
            + ", not numbers");
    }

    static Class<? extends Dataset> januaryClass(Class<?> javaType) {
        // Slices are delivered as doubles: processors compute in double, and uint16 arrives widened.
        return DoubleDataset.class;
    }
}
