package org.edgeworks.detector.mda;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeworks.core.EdgeworksException;

/**
 * An EPICS sscan MDA file (saveData, versions 1.3 and 1.4), read by hand: no Java library reads
 * MDA (the readers that exist are Python's mda.py / pyNexafs and the C mda-load library), and the
 * format is a short XDR (big-endian) layout. Layout: file header (version, scan number, rank,
 * dimensions, isRegular, offset of the extra PVs), then the outermost scan; a scan of rank > 1
 * holds the file offsets of one lower scan per completed point. Each scan has a header
 * (positioners, detectors, triggers) followed by positioner data (XDR doubles) and detector
 * data (XDR floats), npts values each.
 *
 * <p>Only completed points are kept: a scan interrupted (or copied) mid-way reports
 * {@code curr_pt < npts}; the outer data are cut at curr_pt and inner scans that were planned
 * but not acquired are dropped. Inner points beyond an inner scan's own curr_pt are NaN.
 */
public final class MdaFile {

    /** One column of a scan level: a positioner or a detector with its PV name, description and unit. */
    public record Column(int number, boolean positioner, String name, String description, String unit,
                         String readbackName, String readbackDescription, String readbackUnit) {
        /** The label mda2ascii prints: "1-D Positioner 1" / "2-D Detector 3". */
        public String label(int rank) {
            return rank + "-D " + (positioner ? "Positioner " : "Detector ") + (number + 1);
        }
    }

    /** An extra PV recorded with the scan (beam current, slits, comments...). */
    public record ExtraPv(String name, String description, String unit, String value) {}

    /**
     * One scan level (dimension). {@code data[c]} holds column c (positioners first, then
     * detectors) as a flat row-major array of shape {@code shape} = [completed outer points,
     * ..., this level's npts].
     */
    public record Level(int rank, int planned, int completed, String scanner, String time,
                        List<Column> columns, int[] shape, double[][] data) {
        public int[] shape() { return shape.clone(); }
        public double[] column(int c) { return data[c].clone(); }
    }

    private final Path path;
    private final float version;
    private final int scanNumber;
    private final int[] dimensions;
    private final List<Level> levels;
    private final Map<String, ExtraPv> extraPvs;

    private MdaFile(Path path, float version, int scanNumber, int[] dimensions, List<Level> levels, Map<String, ExtraPv> extra) {
        this.path = path;
        this.version = version;
        this.scanNumber = scanNumber;
        this.dimensions = dimensions;
        this.levels = levels;
        this.extraPvs = extra;
    }

    public Path path() { return path; }
    public float version() { return version; }
    public int scanNumber() { return scanNumber; }
    /** Planned dimensions from the file header (outermost first). */
    public int[] dimensions() { return dimensions.clone(); }
    /** Scan levels, outermost (1-D) first. */
    public List<Level> levels() { return levels; }
    public Map<String, ExtraPv> extraPvs() { return extraPvs; }

    /** True if the first bytes look like an MDA header of a version this reader understands. */
    public static boolean looksLikeMda(byte[] head) {
        if (head.length < 24) return false;
        ByteBuffer b = ByteBuffer.wrap(head).order(ByteOrder.BIG_ENDIAN);
        float v = b.getFloat(0);
        int rank = b.getInt(8);
        return supported(v) && rank >= 1 && rank <= 4;
    }

    private static boolean supported(float v) {
        return Math.abs(v - 1.3f) < 0.01f || Math.abs(v - 1.4f) < 0.01f;
    }

    public static MdaFile read(Path file) throws EdgeworksException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw EdgeworksException.unreadable(file, e);
        }
        try {
            return parse(file, ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN));
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new EdgeworksException(file, null, "truncated or corrupt MDA file (" + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
    }

    private static MdaFile parse(Path file, ByteBuffer b) throws EdgeworksException {
        float version = b.getFloat();
        if (!supported(version))
            throw new EdgeworksException(file, "header", "MDA version " + version + " is not supported (1.3 and 1.4 are)");
        int scanNumber = b.getInt();
        int rank = b.getInt();
        if (rank < 1 || rank > 4) throw new EdgeworksException(file, "header", "scan rank " + rank + " (expected 1 to 4)");
        int[] dims = new int[rank];
        for (int i = 0; i < rank; i++) dims[i] = b.getInt();
        b.getInt(); // isRegular: not needed to read the data
        int pExtra = b.getInt();
        int mainScan = b.position();

        // Walk the scan tree level by level. Level 0 is the outer scan, cut at its completed points
        // (and at the first point whose inner scan is missing); level L holds one row per scan of
        // level L-1 (null where an inner scan was planned but not written: its row stays NaN).
        ScanHeader top = header(file, b, mainScan);
        int n0 = Math.min(top.currPt, top.npts);
        if (top.rank > 1) {
            int valid = 0;
            while (valid < n0 && top.lower[valid] > 0 && top.lower[valid] < b.limit()) valid++;
            n0 = valid;
        }
        List<Level> levels = new ArrayList<>();
        double[][] topData = newData(top.columns.size(), n0);
        top.readData(b, topData, 0, n0);
        int[] shape = {n0};
        levels.add(new Level(top.rank, top.npts, n0, top.scanner, top.time, List.copyOf(top.columns), shape, topData));
        List<ScanHeader> parents = List.of(top);
        int parentRows = n0;
        while (parents.get(0) != null && parents.get(0).rank > 1 && parentRows > 0) {
            List<ScanHeader> children = new ArrayList<>();
            for (ScanHeader parent : parents) {
                int rows = parent == top ? n0 : parent == null ? 0 : parent.npts;
                int acquired = parent == null ? 0 : Math.min(parent.currPt, rows);
                for (int p = 0; p < (parent == top ? n0 : parents.get(0).npts); p++)
                    children.add(p < acquired ? header(file, b, parent.lower[p]) : null);
            }
            ScanHeader first = children.stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
            if (first == null) break;
            int n = first.npts;
            int[] childShape = Arrays.copyOf(shape, shape.length + 1);
            childShape[shape.length] = n;
            double[][] data = newData(first.columns.size(), children.size() * n);
            for (int k = 0; k < children.size(); k++) {
                ScanHeader h = children.get(k);
                if (h == null) continue;
                if (h.columns.size() != first.columns.size() || h.npts != n)
                    throw new EdgeworksException(file, "scan " + h.scanner, "inner scans differ in size or columns");
                h.readData(b, data, k * n, Math.min(h.currPt, n));
            }
            levels.add(new Level(first.rank, n, n, first.scanner, first.time, List.copyOf(first.columns), childShape, data));
            shape = childShape;
            parents = children;
            parentRows = children.size();
        }
        Map<String, ExtraPv> extra = pExtra > 0 && pExtra < b.limit() ? extraPvs(file, b, pExtra) : Map.of();
        return new MdaFile(file, version, scanNumber, dims, List.copyOf(levels), extra);
    }

    private static double[][] newData(int columns, int length) {
        double[][] d = new double[columns][length];
        for (double[] c : d) Arrays.fill(c, Double.NaN);
        return d;
    }

    /** A scan header and where its data start. */
    private static final class ScanHeader {
        int rank, npts, currPt;
        int[] lower;
        String scanner, time;
        int positioners;
        List<Column> columns = new ArrayList<>();
        int dataOffset;

        void readData(ByteBuffer b, double[][] out, int at, int valid) {
            int pos = dataOffset;
            for (int c = 0; c < columns.size(); c++) {
                boolean isPositioner = c < positioners;
                for (int i = 0; i < npts; i++) {
                    double v = isPositioner ? b.getDouble(pos) : b.getFloat(pos);
                    pos += isPositioner ? 8 : 4;
                    if (i < valid) out[c][at + i] = v;
                }
            }
        }
    }

    private static ScanHeader header(Path file, ByteBuffer b, int offset) throws EdgeworksException {
        if (offset <= 0 || offset >= b.limit())
            throw new EdgeworksException(file, null, "scan offset " + offset + " lies outside the file (" + b.limit() + " bytes)");
        b.position(offset);
        ScanHeader h = new ScanHeader();
        h.rank = b.getInt();
        h.npts = b.getInt();
        h.currPt = b.getInt();
        if (h.rank < 1 || h.rank > 4 || h.npts < 0 || h.currPt < 0)
            throw new EdgeworksException(file, "offset " + offset, "corrupt scan header (rank " + h.rank + ", npts " + h.npts + ")");
        if (h.rank > 1) {
            h.lower = new int[h.npts];
            for (int i = 0; i < h.npts; i++) h.lower[i] = b.getInt();
        }
        h.scanner = string(b);
        h.time = string(b);
        int np = b.getInt(), nd = b.getInt(), nt = b.getInt();
        if (np < 0 || nd < 0 || nt < 0 || np + nd > 100_000)
            throw new EdgeworksException(file, "scan " + h.scanner, "corrupt column counts (" + np + " positioners, " + nd + " detectors)");
        h.positioners = np;
        for (int j = 0; j < np; j++) {
            int number = b.getInt();
            String name = string(b), desc = string(b), stepMode = string(b), unit = string(b);
            String rbName = string(b), rbDesc = string(b), rbUnit = string(b);
            h.columns.add(new Column(number, true, name, desc, unit, rbName, rbDesc, rbUnit));
        }
        for (int j = 0; j < nd; j++) {
            int number = b.getInt();
            String name = string(b), desc = string(b), unit = string(b);
            h.columns.add(new Column(number, false, name, desc, unit, "", "", ""));
        }
        for (int j = 0; j < nt; j++) {
            b.getInt();
            string(b);
            b.getFloat();
        }
        h.dataOffset = b.position();
        return h;
    }

    /** An MDA string: an int flag/length, then (if non-zero) an XDR string (length + bytes padded to 4). */
    private static String string(ByteBuffer b) {
        int n = b.getInt();
        if (n == 0) return "";
        int len = b.getInt();
        if (len < 0 || len > 1 << 20) throw new IllegalArgumentException("string length " + len);
        byte[] s = new byte[len];
        b.get(s);
        b.position(b.position() + ((4 - len % 4) % 4));
        return new String(s, StandardCharsets.UTF_8).trim();
    }

    private static Map<String, ExtraPv> extraPvs(Path file, ByteBuffer b, int offset) throws EdgeworksException {
        b.position(offset);
        int count = b.getInt();
        if (count < 0 || count > 100_000) throw new EdgeworksException(file, "extra PVs", "corrupt count " + count);
        Map<String, ExtraPv> out = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String name = string(b), desc = string(b);
            int type = b.getInt();
            String unit = "";
            int n = 0;
            if (type != 0) {
                n = b.getInt();
                unit = string(b);
            }
            String value = switch (type) {
                case 0 -> string(b); // DBR_STRING
                case 32 -> { // DBR_CTRL_CHAR: one XDR int per character, NUL-terminated
                    StringBuilder sb = new StringBuilder();
                    boolean ended = false;
                    for (int k = 0; k < n; k++) {
                        int ch = b.getInt();
                        if (ch == 0) ended = true;
                        if (!ended) sb.append((char) (ch & 0xff));
                    }
                    yield sb.toString();
                }
                case 29, 33 -> join(n, () -> String.valueOf(b.getInt())); // DBR_CTRL_SHORT, DBR_CTRL_LONG
                case 30 -> join(n, () -> String.valueOf(b.getFloat())); // DBR_CTRL_FLOAT
                case 34 -> join(n, () -> String.valueOf(b.getDouble())); // DBR_CTRL_DOUBLE
                default -> throw new EdgeworksException(file, "extra PV " + name, "unknown EPICS DBR type " + type);
            };
            out.put(name, new ExtraPv(name, desc, unit, value));
        }
        return Collections.unmodifiableMap(out);
    }

    private static String join(int n, java.util.function.Supplier<String> next) {
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < n; k++) parts.add(next.get());
        return String.join(" ", parts);
    }
}
