package org.edgeworks.core.data;

import java.util.Arrays;

import org.eclipse.january.DatasetException;
import org.eclipse.january.dataset.DatasetUtils;
import org.eclipse.january.dataset.DoubleDataset;
import org.eclipse.january.dataset.IDataset;
import org.eclipse.january.dataset.ILazyDataset;
import org.eclipse.january.dataset.SliceND;
import org.edgeworks.core.EdgeworksException;

/**
 * One named channel of a scan. The data stay lazy ({@link ILazyDataset}) until a slice or the
 * whole channel is asked for, so a detector stack is never read just to list it.
 *
 * @param name       name as shown to the user (e.g. "I0", "mca1")
 * @param role       what the channel means
 * @param unit       unit of the values (energies: EV or KEV as recorded)
 * @param data       the lazy data
 * @param sourcePath where it lives in the file (an HDF5 path or a column label), for messages
 * @param column     zero-based data column of a text file (as the file's columns are counted,
 *                   whatever channels the detector drops or adds); -1 when the channel is not one
 *                   column of a text table (HDF5 datasets, sums, derived channels)
 */
public record Channel(String name, ChannelRole role, Unit unit, ILazyDataset data, String sourcePath, int column) {

    /** A channel that is not one column of a text table ({@link #column()} = -1). */
    public Channel(String name, ChannelRole role, Unit unit, ILazyDataset data, String sourcePath) {
        this(name, role, unit, data, sourcePath, -1);
    }

    public int[] shape() { return data.getShape(); }
    public int rank() { return data.getRank(); }

    /** Reads the whole channel as doubles (energies and emission axes in keV as eV). Use only for 1-D channels or small data. */
    public double[] readDoubles(String file) throws EdgeworksException {
        try {
            IDataset d = data.getSlice();
            if (d == null) throw new EdgeworksException(file, sourcePath, "channel '" + name + "' could not be read");
            DoubleDataset dd = DatasetUtils.cast(DoubleDataset.class, d);
            double[] v = dd.getData().clone();
            if (role == ChannelRole.ENERGY || role == ChannelRole.EMISSION_AXIS) EnergyUnits.toEv(unit, v);
            if (unit == Unit.EV && role == ChannelRole.ENERGY) checkPlausibleEv(file, v);
            return v;
        } catch (DatasetException | RuntimeException e) {
            throw readerError(e).orElse(new EdgeworksException(file, sourcePath, "cannot read channel '" + name + "': " + e.getMessage(), e));
        }
    }

    /** Highest energy (eV) below which no X-ray absorption spectrum is measured (the lowest edges, Li K and 3d M2,3, lie at 50-70 eV). */
    static final double LOWEST_EDGE_EV = 30.0;

    /**
     * An energy axis labelled eV whose values all lie below {@link #LOWEST_EDGE_EV} holds keV
     * values under the wrong label (6.5 "eV" for the Mn K-edge at 6.539 keV): normalising it
     * would report a silently wrong E0, so it is refused with one line.
     */
    private void checkPlausibleEv(String file, double[] v) throws EdgeworksException {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : v) if (Double.isFinite(x)) { lo = Math.min(lo, x); hi = Math.max(hi, x); }
        if (hi > 0 && hi < LOWEST_EDGE_EV)
            throw new EdgeworksException(file, sourcePath, String.format(java.util.Locale.ROOT, "energy '%s' is labelled eV but spans %.4g-%.4g:"
                + " below every X-ray absorption edge, these look like keV values (label the column keV)", name, lo, hi));
    }

    /** Reads one hyperslab (start/stop/step per dimension). */
    public IDataset readSlice(String file, SliceND slice) throws EdgeworksException {
        try {
            return data.getSlice(slice);
        } catch (DatasetException | RuntimeException e) {
            throw readerError(e).orElse(new EdgeworksException(file, sourcePath, "cannot read slice " + slice + " of '" + name + "': " + e.getMessage(), e));
        }
    }

    /**
     * The reader's own one-line error when January wrapped one (it already names the file and the
     * path inside it); wrapping it again would repeat the file and show Java class names.
     */
    private static java.util.Optional<EdgeworksException> readerError(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause())
            if (t instanceof EdgeworksException ee) return java.util.Optional.of(ee);
        return java.util.Optional.empty();
    }

    @Override public String toString() { return name + " (" + role + ", " + Arrays.toString(shape()) + ")"; }
}
