package org.edgeworks.stack;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.january.dataset.DatasetUtils;
import org.eclipse.january.dataset.DoubleDataset;
import org.eclipse.january.dataset.IDataset;
import org.eclipse.january.dataset.SliceND;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Channel;
import org.edgeworks.core.data.ChannelRole;
import org.edgeworks.core.data.EnergyUnits;
import org.edgeworks.core.data.FrameSource;
import org.edgeworks.core.data.Scan;

/**
 * The adapter from a detector's {@link Scan} to the stack analysis' input: the images (an
 * IMAGE_STACK channel, energy x y x x) and their energies (eV), read a band of rows at a time.
 * With {@link FrameSource} data (the nexus bundle's 3-D channels, the TIFF stack detector's
 * images) a band ({@link FrameSource#readRows}) is decoded straight into the array it returns, the band being the one copy of the data; other
 * lazy data go through January slices.
 *
 * <p>Not a pipeline step (no processor consumes a stack source; {@code xas stack} and its Spark
 * tasks drive the analysis band by band): the adapter of the road Detector -> Scan -> adapter for
 * image stacks, as {@code org.edgeworks.pipeline.rawStack} is for RIXS frames.
 */
public final class ScanStack implements StackSource {
    private final String label;
    private final Channel images;
    private final double[] energy;
    private final int rows, columns;
    private final List<String> notes;

    private ScanStack(String label, Channel images, double[] energy, List<String> notes) {
        this.label = label;
        this.images = images;
        this.energy = energy;
        this.rows = images.shape()[1];
        this.columns = images.shape()[2];
        this.notes = List.copyOf(notes);
    }

    /**
     * The stack of {@code scan} ({@code label}: the file as the user typed it). {@code dataPath}:
     * the images' path in the file, or null for the scan's IMAGE_STACK; {@code energyPath}: the
     * energies' path, or null for the scan's ENERGY channel when the images are the scan's own (the
     * default plot's axis of dimension 0). A path names a channel by its source path.
     */
    public static ScanStack of(Scan scan, String label, String dataPath, String energyPath) throws EdgeworksException {
        Channel data = dataPath == null ? scan.first(ChannelRole.IMAGE_STACK).orElse(null) : byPath(scan, label, dataPath);
        if (data == null) throw new EdgeworksException(label, "/", "no NXdata default plot; give the image dataset (--data PATH)");
        String where = data.sourcePath();
        if (data.rank() != 3) throw new EdgeworksException(label, where, "has rank " + data.rank() + ", not 3 (energy, y, x)");
        List<String> notes = new ArrayList<>();
        scan.metadata().forEach((k, v) -> { if (k.startsWith("note.energy")) notes.add(label + ": " + v); });
        Channel en;
        double[] e;
        if (energyPath == null) {
            boolean own = scan.first(ChannelRole.IMAGE_STACK).map(c -> c == data).orElse(false);
            en = own ? scan.first(ChannelRole.ENERGY).orElse(null) : null;
            if (en == null) throw new EdgeworksException(label, where, "no energy axis for dimension 0; give it (--energy-path PATH)");
            e = en.readDoubles(label);
        } else {
            en = byPath(scan, label, energyPath);
            e = en.readDoubles(label);
            if (en.role() != ChannelRole.ENERGY) {
                // a dataset the user named: its unit by the one rule (declared, else decided and said)
                EnergyUnits.Decision d = EnergyUnits.decide(energyPath, en.unit(), e);
                EnergyUnits.toEv(d.unit(), e);
                notes.clear();
                if (d.note() != null) notes.add(label + ": " + d.note());
            }
        }
        int frames = data.shape()[0];
        if (e.length != frames)
            throw new EdgeworksException(label, en.sourcePath(), "has " + e.length + " energies for " + frames + " frames of " + where);
        return new ScanStack(label, data, e, notes);
    }

    /** The channel whose source path is {@code path} (with or without the leading /), or one line naming it. */
    static Channel byPath(Scan scan, String label, String path) throws EdgeworksException {
        String p = path.startsWith("/") ? path : "/" + path;
        for (Channel c : scan.channels().values()) if (c.sourcePath().equals(p) || c.sourcePath().equals(path)) return c;
        throw new EdgeworksException(label, path, "no such numeric dataset");
    }

    @Override public String label() { return label; }
    @Override public String dataPath() { return images.sourcePath(); }
    @Override public double[] energy() { return energy.clone(); }
    @Override public int rows() { return rows; }
    @Override public int columns() { return columns; }
    @Override public List<String> notes() { return notes; }

    @Override
    public boolean integerCounts() throws EdgeworksException {
        return images.data() instanceof FrameSource f && f.storedAsIntegers();
    }

    @Override
    public double[] read(int row0, int count) throws EdgeworksException {
        double[] out = new double[Math.multiplyExact(Math.multiplyExact(energy.length, count), columns)];
        if (images.data() instanceof FrameSource f) {
            try {
                f.readRows(row0, count, out);
            } catch (EdgeworksException e) {
                throw e.in(label, dataPath());
            }
            return out;
        }
        IDataset band = images.readSlice(label, new SliceND(images.shape(), new int[] {0, row0, 0},
            new int[] {energy.length, row0 + count, columns}, null));
        DoubleDataset d = DatasetUtils.cast(DoubleDataset.class, band);
        double[] v = d.getData().length == out.length ? d.getData() : d.clone().getData();
        System.arraycopy(v, 0, out, 0, out.length);
        return out;
    }

    @Override
    public void close() { } // lazy channels hold no file: the nexus bundle's shared open files close themselves
}
