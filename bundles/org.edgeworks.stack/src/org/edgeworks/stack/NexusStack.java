package org.edgeworks.stack;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.nexus.DefaultPlot;
import org.edgeworks.nexus.NexusFile;
import org.edgeworks.nexus.NumericDataset;
import org.edgeworks.nexus.TypedSlice;

/**
 * An image stack in a NeXus/HDF5 file: a rank-3 dataset (energy, y, x), chunked or not, read
 * through the nexus bundle's {@link NumericDataset} (a band reads only the chunks, or byte ranges,
 * that hold it, straight into the band's own array). Without explicit paths the NXdata default
 * plot gives the signal and its first axis the energies.
 */
public final class NexusStack implements StackSource {
    private final String label;
    private final NexusFile file;
    private final String dataPath;
    private final NumericDataset images;
    private final double[] energy;
    private final int rows, columns;

    private NexusStack(String label, NexusFile file, String dataPath, NumericDataset images, double[] energy) {
        this.label = label;
        this.file = file;
        this.dataPath = dataPath;
        this.images = images;
        this.energy = energy;
        int[] shape = images.shape();
        this.rows = shape[1];
        this.columns = shape[2];
    }

    /**
     * Opens {@code file} (as typed: {@code label}); {@code dataPath} and {@code energyPath} may be
     * null (the default plot's signal and its axis of dimension 0).
     */
    public static NexusStack open(Path file, String label, String dataPath, String energyPath) throws EdgeworksException {
        NexusFile f = NexusFile.open(file);
        try {
            String data = dataPath, en = energyPath;
            if (data == null || en == null) {
                Optional<DefaultPlot> plot = DefaultPlot.find(f.tree());
                if (data == null) {
                    if (plot.isEmpty()) throw new EdgeworksException(label, "/", "no NXdata default plot; give the image dataset (--data PATH)");
                    data = plot.get().signal();
                }
                int[] shape = f.shape(data);
                if (shape.length != 3) throw new EdgeworksException(label, data, "has rank " + shape.length + ", not 3 (energy, y, x)");
                if (en == null) {
                    List<String> axes = plot.isPresent() && plot.get().signal().equals(data) ? plot.get().axes() : List.of();
                    if (axes.isEmpty() || axes.get(0).isEmpty())
                        throw new EdgeworksException(label, data, "no energy axis for dimension 0; give it (--energy-path PATH)");
                    en = axes.get(0);
                }
            }
            int[] shape = f.shape(data);
            if (shape.length != 3) throw new EdgeworksException(label, data, "has rank " + shape.length + ", not 3 (energy, y, x)");
            double[] e = f.readDoubles(en);
            if (e.length != shape[0])
                throw new EdgeworksException(label, en, "has " + e.length + " energies for " + shape[0] + " frames of " + data);
            return new NexusStack(label, f, data, f.numeric(data), e);
        } catch (EdgeworksException | RuntimeException e) {
            f.close();
            throw e;
        }
    }

    @Override public String label() { return label; }
    @Override public String dataPath() { return dataPath; }

    @Override
    public boolean integerCounts() throws EdgeworksException {
        // one element tells the stored type (the slice keeps it)
        int[] shape = images.shape();
        TypedSlice one = images.read(new long[shape.length], java.util.stream.IntStream.range(0, shape.length).map(i -> 1).toArray());
        return !(one instanceof TypedSlice.Floats || one instanceof TypedSlice.Doubles);
    }
    @Override public double[] energy() { return energy.clone(); }
    @Override public int rows() { return rows; }
    @Override public int columns() { return columns; }

    /**
     * Decodes the band straight into the array it returns (through {@link NumericDataset#readInto}),
     * without January's slice objects: the band is the one copy of the data.
     */
    @Override
    public double[] read(int row0, int count) throws EdgeworksException {
        double[] out = new double[Math.multiplyExact(Math.multiplyExact(energy.length, count), columns)];
        try {
            images.readInto(new long[] {0, row0, 0}, new int[] {energy.length, count, columns}, out, 0);
        } catch (EdgeworksException e) {
            throw e.in(label, dataPath);
        }
        return out;
    }

    @Override
    public void close() { file.close(); }
}
