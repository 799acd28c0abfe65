package org.edgeworks.stack;

import java.awt.Rectangle;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.edgeworks.core.EdgeworksException;

/**
 * A folder of single-image TIFF files, one per energy, with an energy table: a text file whose
 * lines are {@code FILE ENERGY_EV} (whitespace or comma separated, {@code #} comments), FILE
 * relative to the folder. Images are read with the JDK's TIFF reader (javax.imageio, any sample
 * type it decodes: 8/16/32-bit integer, 32/64-bit float), a band of rows at a time through the
 * reader's source region, so only the strips or tiles holding the band are decoded.
 */
public final class TiffStack implements StackSource {
    private final String label;
    private final List<Path> frames;
    private final List<String> frameNames;
    private final double[] energy;
    private final int rows, columns;

    private TiffStack(String label, List<Path> frames, List<String> frameNames, double[] energy, int rows, int columns) {
        this.label = label;
        this.frames = frames;
        this.frameNames = frameNames;
        this.energy = energy;
        this.rows = rows;
        this.columns = columns;
    }

    /** Opens the folder {@code dir} (as typed: {@code label}) with the energy table {@code table}. */
    public static TiffStack open(Path dir, String label, Path table) throws EdgeworksException {
        if (!Files.isDirectory(dir)) throw new EdgeworksException(label, null, "is not a folder of TIFF images");
        if (!Files.isRegularFile(table)) throw new EdgeworksException(table.toString(), null, "no such energy table (FILE ENERGY per line)");
        List<String> lines;
        try {
            lines = Files.readAllLines(table, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw EdgeworksException.unreadable(table, e);
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
            if (parts.length != 2) throw new EdgeworksException(table.toString(), where, "expected 'FILE ENERGY_EV', got '" + line + "'");
            double ev;
            try {
                ev = Double.parseDouble(parts[1]);
            } catch (NumberFormatException e) {
                throw new EdgeworksException(table.toString(), where, "energy '" + parts[1] + "' is not a number");
            }
            if (!Double.isFinite(ev)) throw new EdgeworksException(table.toString(), where, "energy is not finite");
            Path f = dir.resolve(parts[0]);
            if (!Files.isRegularFile(f)) throw new EdgeworksException(table.toString(), where, "no such image " + f);
            frames.add(f);
            names.add(parts[0]);
            energies.add(ev);
        }
        if (frames.isEmpty()) throw new EdgeworksException(table.toString(), null, "lists no images");
        int[] size = size(label, frames.get(0), names.get(0));
        for (int i = 1; i < frames.size(); i++) {
            int[] s = size(label, frames.get(i), names.get(i));
            if (s[0] != size[0] || s[1] != size[1])
                throw new EdgeworksException(label, names.get(i), "is " + s[1] + " x " + s[0] + " pixels, the first image " + size[1] + " x " + size[0]);
        }
        double[] e = energies.stream().mapToDouble(Double::doubleValue).toArray();
        return new TiffStack(label, frames, names, e, size[0], size[1]);
    }

    private static ImageReader reader(String label, Path f, String name, ImageInputStream in) throws EdgeworksException {
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
            ImageReader r = reader(label, f, name, in);
            try {
                return new int[] {r.getHeight(0), r.getWidth(0)};
            } finally {
                r.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new EdgeworksException(label, name, "unreadable image header (" + e.getMessage() + ")", e);
        }
    }

    /** One whole TIFF image (a flat field), rows x columns row-major. */
    public static double[] image(Path file, String label) throws EdgeworksException {
        int[] size = size(label, file, file.getFileName().toString());
        return new TiffStack(label, List.of(file), List.of(file.getFileName().toString()), new double[] {0}, size[0], size[1]).read(0, size[0]);
    }

    @Override public String label() { return label; }
    @Override public String dataPath() { return ""; }
    @Override public double[] energy() { return energy.clone(); }
    @Override public int rows() { return rows; }
    @Override public int columns() { return columns; }

    @Override
    public double[] read(int row0, int count) throws EdgeworksException {
        double[] out = new double[energy.length * count * columns];
        for (int e = 0; e < energy.length; e++) {
            String name = frameNames.get(e);
            try (ImageInputStream in = ImageIO.createImageInputStream(frames.get(e).toFile())) {
                ImageReader r = reader(label, frames.get(e), name, in);
                try {
                    ImageReadParam p = r.getDefaultReadParam();
                    p.setSourceRegion(new Rectangle(0, row0, columns, count));
                    Raster raster = r.canReadRaster() ? r.readRaster(0, p) : r.read(0, p).getRaster();
                    int base = e * count * columns;
                    for (int y = 0; y < count; y++)
                        for (int x = 0; x < columns; x++)
                            out[base + y * columns + x] = raster.getSampleDouble(raster.getMinX() + x, raster.getMinY() + y, 0);
                } finally {
                    r.dispose();
                }
            } catch (IOException | RuntimeException ex) {
                throw new EdgeworksException(label, name, "cannot read rows " + row0 + " to " + (row0 + count - 1) + " (" + ex.getMessage() + ")", ex);
            }
        }
        return out;
    }

    @Override
    public void close() { }
}
