package org.edgeworks.rixs.io;

import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DoubleDataset;
import org.eclipse.january.dataset.ILazyDataset;
import org.eclipse.january.dataset.LazyDataset;
import org.eclipse.january.dataset.SliceND;
import org.eclipse.january.io.ILazyLoader;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.FrameSource;

/**
 * TIFF detector frames (one or many files, single or multi-page) as one lazy stack
 * frames x rows x columns, read with the JDK's ImageIO TIFF plugin (JDK 9+). Image metadata is
 * ignored on purpose: camera software writes tags ImageIO rejects (a Pilatus DateTime of the
 * wrong length) that say nothing about the pixels. Only the page sizes are read on opening;
 * each slice reads the pages it covers.
 */
public final class TiffStack {
    private TiffStack() {}

    private record Page(Path file, int index) {}

    public static ILazyDataset open(List<Path> files) throws EdgeworksException {
        if (files.isEmpty()) throw EdgeworksException.of("TIFF stack", "no file given");
        List<Page> pages = new ArrayList<>();
        int rows = -1, cols = -1;
        for (Path f : files) {
            if (!Files.isRegularFile(f)) throw EdgeworksException.noSuchFile(f);
            try (ImageInputStream in = ImageIO.createImageInputStream(f.toFile())) {
                ImageReader r = reader(f, in);
                try {
                    int n = r.getNumImages(true);
                    for (int i = 0; i < n; i++) {
                        int w = r.getWidth(i), h = r.getHeight(i);
                        if (rows < 0) { rows = h; cols = w; }
                        if (h != rows || w != cols)
                            throw new EdgeworksException(f, "page " + i, "is " + h + " x " + w + ", the first frame is " + rows + " x " + cols);
                        pages.add(new Page(f, i));
                    }
                } finally {
                    r.dispose();
                }
            } catch (IOException | RuntimeException e) {
                throw new EdgeworksException(f, null, "not a readable TIFF (" + e.getMessage() + ")", e);
            }
        }
        return new Frames(new Loader(pages, rows, cols), pages, rows, cols);
    }

    private static ImageReader reader(Path f, ImageInputStream in) throws EdgeworksException {
        if (in == null) throw new EdgeworksException(f, null, "cannot open");
        Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("tiff");
        if (!it.hasNext()) throw new EdgeworksException(f, null, "no TIFF reader in this Java runtime");
        ImageReader r = it.next();
        r.setInput(in, false, true);
        return r;
    }

    /** Reads one page as doubles, row-major. */
    public static double[] readPage(Path file, int page) throws EdgeworksException {
        return readPage(file, page, null);
    }

    /**
     * Reads one page as doubles, row-major, into {@code into} (its first width x height elements)
     * or, when it is null, into a fresh array; returns the array written.
     */
    public static double[] readPage(Path file, int page, double[] into) throws EdgeworksException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader r = reader(file, in);
            try {
                Raster ras = r.read(page).getRaster();
                int w = ras.getWidth(), h = ras.getHeight();
                if (into != null && into.length < w * h)
                    throw new EdgeworksException(file, "page " + page, "is " + h + " x " + w + ", larger than the frame buffer of " + into.length);
                return ras.getSamples(ras.getMinX(), ras.getMinY(), w, h, 0, into == null ? new double[w * h] : into);
            } finally {
                r.dispose();
            }
        } catch (IOException | RuntimeException e) {
            throw new EdgeworksException(file, "page " + page, "cannot read pixels (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The stack as a January lazy dataset whose single frames also read into a caller's buffer
     * ({@link FrameSource}): ImageIO decodes the page into its raster (the stored type, 16-bit for
     * detector frames) and the samples are converted once, straight into the caller's frame,
     * instead of a fresh page array copied into a fresh slice.
     */
    private static final class Frames extends LazyDataset implements FrameSource {
        private static final long serialVersionUID = 1L;
        private final transient List<Page> pages;
        private final int rows, cols;

        Frames(Loader loader, List<Page> pages, int rows, int cols) {
            super(loader, "frames", DoubleDataset.class, pages.size(), rows, cols);
            this.pages = pages;
            this.rows = rows;
            this.cols = cols;
        }

        @Override public int[] shape() { return new int[] {pages.size(), rows, cols}; }

        @Override
        public void readFrame(int frame, double[] into) throws EdgeworksException {
            if (frame < 0 || frame >= pages.size()) throw EdgeworksException.of("TIFF stack", "frame " + frame + " outside the " + pages.size() + " frames");
            if (into.length < rows * cols) throw EdgeworksException.of("TIFF stack", "frame buffer of " + into.length + " for " + rows + " x " + cols);
            Page p = pages.get(frame);
            readPage(p.file(), p.index(), into);
        }
    }

    private static final class Loader implements ILazyLoader {
        private static final long serialVersionUID = 1L;
        private final transient List<Page> pages;
        private final int rows, cols;

        Loader(List<Page> pages, int rows, int cols) {
            this.pages = pages;
            this.rows = rows;
            this.cols = cols;
        }

        @Override public boolean isFileReadable() { return true; }

        @Override
        public Dataset getDataset(IMonitor mon, SliceND slice) throws IOException {
            int[] start = slice.getStart(), stop = slice.getStop(), step = slice.getStep();
            int count = slice.getShape()[0];
            int last = start[0] + (count - 1) * step[0];
            int lo = Math.min(start[0], last), hi = Math.max(start[0], last);
            int n = hi - lo + 1;
            double[] all = new double[n * rows * cols];
            for (int k = 0; k < n; k++) {
                Page p = pages.get(lo + k);
                try {
                    System.arraycopy(readPage(p.file(), p.index()), 0, all, k * rows * cols, rows * cols);
                } catch (EdgeworksException e) {
                    throw new IOException(e.getMessage(), e);
                }
            }
            Dataset d = DatasetFactory.createFromObject(DoubleDataset.class, all, n, rows, cols);
            int[] s = slice.getStart().clone(), e = slice.getStop().clone();
            s[0] = start[0] - lo;
            e[0] = stop[0] - lo;
            try {
                return d.getSlice(s, e, step);
            } catch (RuntimeException ex) {
                throw new IOException("bad slice " + slice + ": " + ex.getMessage(), ex);
            }
        }
    }
}
