package org.edgeworks.rixs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DoubleDataset;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Channel;
import org.edgeworks.core.data.ChannelRole;
import org.edgeworks.core.data.Unit;
import org.edgeworks.core.io.ColumnTable;

/**
 * The per-frame values of image frames that carry none (TIFF): excitation energy (eV), I0 and
 * optionally count time (s), as Scan channels (ENERGY, I0, COUNT_TIME) for the raw-stack adapter.
 * From a table (columns excitation_eV, I0 [, count_time_s]; {@link ColumnTable}) with one row per
 * frame or per excitation point of {@code repeats} frames, or given directly.
 */
public final class FrameTable {
    private FrameTable() {}

    /**
     * The table's channels, refusing a row count that fits neither the frames nor the points
     * ({@code repeats} frames each; 0 = any whole number of frames per row, checked later).
     */
    public static List<Channel> channels(Path table, int frames, int repeats) throws EdgeworksException {
        double[][] cols = ColumnTable.read(table, 2, 3, "need excitation energy and I0 (and optionally count time)");
        check(table, cols[0].length, frames, repeats);
        return channels(table.getFileName().toString(), cols[0], cols[1], cols.length > 2 ? cols[2] : null);
    }

    /**
     * Channels from energies given directly (I0 null: 1 per point), refusing lengths that differ.
     *
     * @param subject the input the values belong to (error messages start with it)
     */
    public static List<Channel> given(Path subject, double[] energies, double[] i0, int frames, int repeats) throws EdgeworksException {
        if (i0 != null && i0.length != energies.length)
            throw new EdgeworksException(subject, null, energies.length + " excitation energies but " + i0.length + " I0 values");
        double[] ones = new double[energies.length];
        java.util.Arrays.fill(ones, 1);
        check(subject, energies.length, frames, repeats);
        return channels("given", energies, i0 != null ? i0 : ones, null);
    }

    /** Refuses {@code rows} values for {@code frames} frames unless one per frame or per point of {@code repeats} frames (0: any whole number). */
    public static void check(Path subject, int rows, int frames, int repeats) throws EdgeworksException {
        boolean fits = repeats == 0 ? rows > 0 && frames % rows == 0 : rows * Math.max(1, repeats) == frames || rows == frames;
        if (!fits)
            throw new EdgeworksException(subject, null, rows + " excitation energies for " + frames + " frames");
    }

    private static List<Channel> channels(String where, double[] energy, double[] i0, double[] time) {
        List<Channel> out = new ArrayList<>();
        out.add(channel("excitation", ChannelRole.ENERGY, Unit.EV, energy, where));
        out.add(channel("I0", ChannelRole.I0, Unit.COUNTS, i0, where));
        if (time != null) out.add(channel("count_time", ChannelRole.COUNT_TIME, Unit.SECOND, time, where));
        return out;
    }

    private static Channel channel(String name, ChannelRole role, Unit unit, double[] v, String where) {
        DoubleDataset d = DatasetFactory.createFromObject(DoubleDataset.class, v);
        d.setName(name);
        return new Channel(name, role, unit, d, where);
    }
}
