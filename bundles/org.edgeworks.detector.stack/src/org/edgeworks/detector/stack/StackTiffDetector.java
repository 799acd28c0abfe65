package org.edgeworks.detector.stack;

import java.awt.Rectangle;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DoubleDataset;
import org.eclipse.january.dataset.LazyDataset;
import org.eclipse.january.dataset.SliceND;
import org.eclipse.january.io.ILazyLoader;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Channel;
import org.edgeworks.core.data.ChannelRole;
import org.edgeworks.core.data.FrameSource;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.data.Unit;
import org.edgeworks.core.detector.Detector;
import org.edgeworks.core.detector.FileProbe;

/**
 * A XANES imaging stack as a folder of single-image TIFF files, one per energy, with an energy
 * table: a text file whose lines are {@code FILE ENERGY_EV} (whitespace or comma separated,
 * {@code #} comments), FILE relative to the folder; {@code FOLDER/energies.txt} unless the caller
 * names another table as the scan id ({@link #read(Path, String)}: {@code xas stack --energies}).
 * The images, in the table's order, are one lazy IMAGE_STACK (energy, y, x) read with the JDK's
 * TIFF reader (javax.imageio, any sample type it decodes: 8/16/32-bit integer, 32/64-bit float),
 * a band of rows at a time through the reader's source region, so only the strips or tiles holding
 * the band are decoded; ENERGY is the table's (eV, as its format says).
 *
 * <p>Recognised (score 20) when the folder holds {@code energies.txt}, above a plain folder of TIFF
 * frames (org.edgeworks.detector.rixstiff, RIXS detector frames, 10).
 */
public final class StackTiffDetector implements Detector {
    public static final String ID = "org.edgeworks.detector.stacktiff";
    /** The energy table a folder is recognised by. */
    public static final String TABLE = "energies.txt";

    @Override public String id() { return ID; }

    @Override
    public int recognise(Path file, FileProbe probe) {
        return probe.isDirectory() && Files.isRegularFile(file.resolve(TABLE)) ? 20 : 0;
    }

    @Override
    public Scan read(Path folder) throws EdgeworksException {
        return read(folder, folder.resolve(TABLE).toString());
    }

    /** The folder with the energy table {@code table} (a path, as the user gave it). */
    @Override
    public Scan read(Path folder, String table) throws EdgeworksException {
        String label = folder.toString();
        if (!Files.isDirectory(folder)) throw new EdgeworksException(label, null, "is not a folder of TIFF images");
        Path t = Path.of(table);
        if (!Files.isRegularFile(t)) throw new EdgeworksException(table, null, "no such energy table (FILE ENERGY per line)");
        List<String> lines;
        try {
            lines = Files.readAllLines(t, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw EdgeworksException.unreadable(t, e);
        }
        List<Path> frames = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Double> energies = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            int hash = line.indexOf('#');
            if (hash >= 0) line = line.substring(0, hash).strip();
            if (line.isEmpty()) continue;
            String[] parts = line.split("[\\s,]+");
            String where = "line " + (i + 1);
            if (parts.length != 2) throw new EdgeworksException(table, where, "expected 'FILE ENERGY_EV', got '" + line + "'");
            double ev;
            try {
                ev = Double.parseDouble(parts[1]);
            } catch (NumberFormatException e) {
                throw new EdgeworksException(table, where, "energy '" + parts[1] + "' is not a number");
            }
            if (!Double.isFinite(ev)) throw new EdgeworksException(table, where, "energy is not finite");
            Path f = folder.resolve(parts[0]);
            if (!Files.isRegularFile(f)) throw new EdgeworksException(table, where, "no such image " + f);
            frames.add(f);
            names.add(parts[0]);
            energies.add(ev);
        }
        if (frames.isEmpty()) throw new EdgeworksException(table, null, "lists no images");
        int[] size = size(label, frames.get(0), names.get(0));
        for (int i = 1; i < frames.size(); i++) {
            int[] s = size(label, frames.get(i), names.get(i));
            if (s[0] != size[0] || s[1] != size[1])
                throw new EdgeworksException(label, names.get(i), "is " + s[1] + " x " + s[0] + " pixels, the first image " + size[1] + " x " + size[0]);
        }
        double[] e = energies.stream().mapToDouble(Double::doubleValue).toArray();
        List<Channel> channels = new ArrayList<>();
        Loader loader = new Loader();
        loader.images = new Images(loader, label, frames, names, size[0], size[1]);
        channels.add(new Channel("images", ChannelRole.IMAGE_STACK, Unit.COUNTS, loader.images, ""));
        DoubleDataset energy = DatasetFactory.createFromObject(DoubleDataset.class, e);
        energy.setName("energy");
        channels.add(new Channel("energy", ChannelRole.ENERGY, Unit.EV, energy, table));
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("table", table);
        meta.put("layout", "TIFF images " + frames.size() + " x " + size[0] + " x " + size[1]);
        return new Scan(folder, "", ID, channels, meta);
    }

    private static ImageReader reader(String label, String name, ImageInputStream in) throws EdgeworksException {
        Iterator<ImageReader> it = ImageIO.getImageReaders(in);
        if (!it.hasNext()) throw new EdgeworksException(label, name, "is not an image the TIFF reader understands");
        ImageReader r = it.next();
        r.setInput(in, true, true);
        return r;
    }

    /** {rows, columns} from the header. */
    private static int[] size(String label, Path f, String name) throws EdgeworksException {
        try (ImageInputStream in = ImageIO.createImageInputStream(f.toFile())) {
            if (in == null) throw new EdgeworksException(label, name, "cannot be opened");
            ImageReader r = reader(label, name, in);
            try {
                return new int[] {r.getHeight(0), r.getWidth(0)};
            } finally {
                r.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new EdgeworksException(label, name, "unreadable image header (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The images as one lazy (energy, y, x) dataset and a {@link FrameSource}: a band of rows of
     * every image ({@link #readRows}, the stack analysis' read) decodes only the rows through the
     * TIFF reader's source region; January slices read their bounding box the same way.
     */
    static final class Images extends LazyDataset implements FrameSource {
        private static final long serialVersionUID = 1L;
        private final String label;
        private final transient List<Path> frames;
        private final List<String> names;
        private final int rows, columns;

        Images(Loader loader, String label, List<Path> frames, List<String> names, int rows, int columns) {
            super(loader, "images", DoubleDataset.class, frames.size(), rows, columns);
            this.label = label;
            this.frames = List.copyOf(frames);
            this.names = List.copyOf(names);
            this.rows = rows;
            this.columns = columns;
        }

        @Override public int[] shape() { return new int[] {frames.size(), rows, columns}; }

        @Override
        public void readFrame(int frame, double[] into) throws EdgeworksException {
            region(frame, 1, 0, rows, 0, columns, into);
        }

        @Override
        public void readRows(int row0, int count, double[] into) throws EdgeworksException {
            region(0, frames.size(), row0, count, 0, columns, into);
        }

        /** Images [e0, e0 + n), rows [row0, +count), columns [col0, +cols) into {@code out[0..)}, image-major. */
        void region(int e0, int n, int row0, int count, int col0, int cols, double[] out) throws EdgeworksException {
            if (e0 < 0 || e0 + n > frames.size() || row0 < 0 || row0 + count > rows || col0 < 0 || col0 + cols > columns)
                throw EdgeworksException.of(label, "region outside the " + frames.size() + " x " + rows + " x " + columns + " images");
            for (int k = 0; k < n; k++) {
                int e = e0 + k;
                String name = names.get(e);
                try (ImageInputStream in = ImageIO.createImageInputStream(frames.get(e).toFile())) {
                    ImageReader r = reader(label, name, in);
                    try {
                        ImageReadParam p = r.getDefaultReadParam();
                        p.setSourceRegion(new Rectangle(col0, row0, cols, count));
                        Raster raster = r.canReadRaster() ? r.readRaster(0, p) : r.read(0, p).getRaster();
                        int base = k * count * cols;
                        for (int y = 0; y < count; y++)
                            for (int x = 0; x < cols; x++)
                                out[base + y * cols + x] = raster.getSampleDouble(raster.getMinX() + x, raster.getMinY() + y, 0);
                    } finally {
                        r.dispose();
                    }
                } catch (IOException | RuntimeException ex) {
                    throw new EdgeworksException(label, name, "cannot read rows " + row0 + " to " + (row0 + count - 1) + " (" + ex.getMessage() + ")", ex);
                }
            }
        }
    }

    /** January slices: the bounding box read through {@link Images#region}, then stepped. */
    private static final class Loader implements ILazyLoader {
        private static final long serialVersionUID = 1L;
        transient Images images;

        @Override public boolean isFileReadable() { return true; }

        @Override
        public Dataset getDataset(IMonitor mon, SliceND slice) throws IOException {
            int[] start = slice.getStart(), step = slice.getStep(), shape = slice.getShape();
            long[] lo = new long[3];
            int[] box = new int[3];
            for (int d = 0; d < 3; d++) {
                int last = start[d] + (shape[d] - 1) * step[d];
                lo[d] = Math.min(start[d], last);
                box[d] = shape[d] == 0 ? 0 : Math.abs(last - start[d]) + 1;
            }
            double[] all = new double[box[0] * box[1] * box[2]];
            try {
                if (all.length > 0) images.region((int) lo[0], box[0], (int) lo[1], box[1], (int) lo[2], box[2], all);
            } catch (EdgeworksException e) {
                throw new IOException(e.getMessage(), e);
            }
            // the selected elements of the bounding box (any step, also negative)
            double[] out = new double[shape[0] * shape[1] * shape[2]];
            int o = 0;
            for (int i = 0; i < shape[0]; i++)
                for (int j = 0; j < shape[1]; j++)
                    for (int k = 0; k < shape[2]; k++)
                        out[o++] = all[(int) (((start[0] + i * step[0] - lo[0]) * box[1] + (start[1] + j * step[1] - lo[1])) * box[2]
                            + (start[2] + k * step[2] - lo[2]))];
            return DatasetFactory.createFromObject(DoubleDataset.class, out, shape);
        }
    }
}
