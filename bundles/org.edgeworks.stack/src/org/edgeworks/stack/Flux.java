package org.edgeworks.stack;

import java.io.Serializable;

import org.eclipse.january.dataset.DatasetUtils;
import org.eclipse.january.dataset.DoubleDataset;
import org.eclipse.january.dataset.IDataset;
import org.eclipse.january.dataset.SliceND;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Channel;
import org.edgeworks.core.data.ChannelRole;

/**
 * The incident flux mu is made with: none (the stack holds mu or counts used as they are), one
 * value per energy (an I0 channel), one image for every energy (a flat field taken once) or a
 * flat-field stack of the stack's own shape (read band by band with it).
 */
public final class Flux implements Serializable {
    private static final long serialVersionUID = 1L;
    final double[] perEnergy;
    final double[] image;
    final StackSpec stack;
    final String label;

    private Flux(double[] perEnergy, double[] image, StackSpec stack, String label) {
        this.perEnergy = perEnergy;
        this.image = image;
        this.stack = stack;
        this.label = label;
    }

    public static Flux none() { return new Flux(null, null, null, "none"); }

    /** I0 per frame, in frame order. */
    public static Flux perEnergy(double[] i0, String label) { return new Flux(i0.clone(), null, null, label); }

    /** One flat-field image (rows x columns, row-major) for every frame. */
    public static Flux image(double[] rowMajor, String label) { return new Flux(null, rowMajor.clone(), null, label); }

    /** A flat-field stack with the stack's shape (opened for each band it is read for). */
    public static Flux stack(StackSpec flat) {
        return new Flux(null, null, flat, flat.file() + (flat.dataPath() == null ? "" : ":" + flat.dataPath()));
    }

    /**
     * The flux as {@code xas stack --flat} names it (and the result file records it): null or "none" = none; a
     * folder = a TIFF flat-field stack; a .tif = one flat-field image; FILE:PATH = a NeXus dataset of rank 1 (I0
     * per energy), 2 (an image) or 3 (a flat-field stack).
     */
    public static Flux parse(String flat) throws EdgeworksException {
        if (flat == null || flat.equals("none")) return none();
        String file = flat, path = null;
        int colon = flat.lastIndexOf(':');
        if (colon > 0 && !java.nio.file.Files.exists(java.nio.file.Path.of(flat))) {
            file = flat.substring(0, colon);
            path = flat.substring(colon + 1);
        }
        java.nio.file.Path p = java.nio.file.Path.of(file);
        if (java.nio.file.Files.isDirectory(p)) return stack(new StackSpec(file, null, null, null));
        String lower = file.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".tif") || lower.endsWith(".tiff")) return image(firstImage(p, file), file);
        if (path == null) throw EdgeworksException.of("--flat", "'" + flat + "': give the dataset as FILE:PATH");
        // the dataset through the stack detector's Scan (every numeric dataset of the file, by path)
        Channel c = ScanStack.byPath(StackSpec.detectors().detector(StackSpec.NEXUS_DETECTOR).read(p), file, path);
        int rank = c.rank();
        if (rank == 1) return perEnergy(c.readDoubles(file), flat);
        if (rank == 2) return image(c.readDoubles(file), flat);
        if (rank == 3) return stack(new StackSpec(file, path, null, null));
        throw new EdgeworksException(file, path, "has rank " + rank + "; a flat field is 1 (I0 per energy), 2 (an image) or 3 (a stack)");
    }

    /** The first image of a TIFF file (rows x columns, row-major), read by the detector bundle that recognises it. */
    private static double[] firstImage(java.nio.file.Path p, String file) throws EdgeworksException {
        Channel img = StackSpec.detectors().read(p).first(ChannelRole.IMAGE_STACK)
            .orElseThrow(() -> new EdgeworksException(file, null, "holds no image"));
        int[] sh = img.shape();
        if (sh.length != 3) throw new EdgeworksException(file, img.sourcePath(), "is not an image (rank " + sh.length + ")");
        IDataset d = img.readSlice(file, new SliceND(sh, new int[] {0, 0, 0}, new int[] {1, sh[1], sh[2]}, null));
        return DatasetUtils.cast(DoubleDataset.class, d).clone().getData();
    }

    public boolean isNone() { return perEnergy == null && image == null && stack == null; }

    public String label() { return label; }

    /** Refuses a flux whose shape does not fit the stack (one line naming the flux). */
    void check(StackSource s) throws EdgeworksException {
        int frames = s.energy().length;
        if (perEnergy != null && perEnergy.length != frames)
            throw EdgeworksException.of(label, "has " + perEnergy.length + " values for " + frames + " frames of " + s.label());
        if (image != null && image.length != (long) s.rows() * s.columns())
            throw EdgeworksException.of(label, "has " + image.length + " pixels for images of " + s.rows() + " x " + s.columns());
        if (stack != null) {
            try (StackSource f = stack.open()) {
                if (f.energy().length != frames || f.rows() != s.rows() || f.columns() != s.columns())
                    throw EdgeworksException.of(label, "is " + f.energy().length + " x " + f.rows() + " x " + f.columns()
                        + ", the stack " + frames + " x " + s.rows() + " x " + s.columns());
            }
        }
    }

    /** The flat-field band for rows [row0, row0 + count), or null when the flux is not a stack. */
    double[] band(int row0, int count) throws EdgeworksException {
        if (stack == null) return null;
        try (StackSource f = stack.open()) {
            return f.read(row0, count);
        }
    }

    /** I0 for frame e, pixel (row, column) of the stack; band index i into {@code band}. */
    double at(int e, int row, int column, int columns, double[] band, int i) {
        if (band != null) return band[i];
        if (image != null) return image[row * columns + column];
        if (perEnergy != null) return perEnergy[e];
        return 1.0;
    }
}
