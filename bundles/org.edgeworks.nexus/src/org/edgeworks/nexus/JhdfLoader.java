package org.edgeworks.nexus;

import java.lang.reflect.Array;
import java.nio.file.Path;

import java.io.IOException;
import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DoubleDataset;
import org.eclipse.january.dataset.SliceND;
import org.eclipse.january.io.ILazyLoader;
import org.edgeworks.core.EdgeworksException;


/**
 * Feeds January's lazy datasets from jHDF: a slice request reads the bounding hyperslab of the
 * slice (jHDF reads only the chunks it intersects) and applies any step in memory.
 */
final class JhdfLoader implements ILazyLoader {
    private static final long serialVersionUID = 1L;
    private final transient NexusFile file;
    private final transient io.jhdf.api.Dataset dataset;
    private final String datasetPath;
    private final int[] shape;

    JhdfLoader(NexusFile file, io.jhdf.api.Dataset dataset, String datasetPath, int[] shape) {
        this.file = file;
        this.dataset = dataset;
        this.datasetPath = datasetPath;
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
        if (elements > Limits.MAX_SLICE_ELEMENTS)
            throw new SliceReadException(new EdgeworksException(file.path(), datasetPath, "slice of " + elements
                + " elements exceeds the read budget of " + Limits.MAX_SLICE_ELEMENTS));
        Object box;
        try {
            box = file.readBox(dataset, datasetPath, offset, count);
        } catch (EdgeworksException e) {
            throw new SliceReadException(e);
        }
        double[] flat;
        try {
            flat = toDoubles(flattenBox(box), file.path(), datasetPath);
        } catch (EdgeworksException e) {
            throw new SliceReadException(e);
        }
        Dataset boxed = DatasetFactory.createFromObject(DoubleDataset.class, flat, count.length == 0 ? new int[] {1} : count);
        if (unitStep) return boxed.reshape(outShape);
        int[] rs = new int[rank];
        int[] re = new int[rank];
        for (int i = 0; i < rank; i++) {
            rs[i] = (int) (start[i] - offset[i]);
            re[i] = (int) (stop[i] - offset[i]);
        }
        return boxed.getSlice(rs, re, step).reshape(outShape);
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
