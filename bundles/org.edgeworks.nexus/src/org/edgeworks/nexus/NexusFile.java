package org.edgeworks.nexus;

import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.january.dataset.ILazyDataset;
import org.eclipse.january.dataset.LazyDataset;
import org.edgeworks.core.EdgeworksException;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Link;
import io.jhdf.api.Node;
import io.jhdf.links.ExternalLink;

/**
 * The Edgeworks reader interface for NeXus/HDF5, implemented with jHDF (NetCDF-Java 4.5.5, the
 * only version on Maven Central, cannot read superblock-v3/SWMR files nor keep links; see
 * docs/architecture.md#hdf5). Files are opened read-only; datasets come back as January lazy datasets
 * whose slices read only the requested hyperslab. Every failure is an {@link EdgeworksException}
 * naming the file and the path inside it.
 */
public final class NexusFile implements AutoCloseable {
    /** Largest attribute rendered in the tree; longer ones are summarised (hostile files). */
    private static final int MAX_ATTRIBUTE_CHARS = 200;

    private final Path path;
    private final HdfFile hdf;
    /** The same file, read directly (positional reads, thread-safe) for contiguous data. */
    private final FileChannel channel;
    private final AtomicLong bytesRead;

    private NexusFile(Path path, HdfFile hdf, FileChannel channel, AtomicLong bytesRead) {
        this.path = path;
        this.hdf = hdf;
        this.channel = channel;
        this.bytesRead = bytesRead;
    }

    /** Opens a file read-only. */
    public static NexusFile open(Path file) throws EdgeworksException {
        if (!Files.isRegularFile(file)) throw new EdgeworksException(file, null, "no such file");
        FileChannel fc = null;
        try {
            fc = FileChannel.open(file, StandardOpenOption.READ);
            AtomicLong counter = new AtomicLong();
            HdfFile h = new HdfFile(new CountingChannel(fc, counter), file.toAbsolutePath().toUri());
            return new NexusFile(file, h, fc, counter);
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            if (fc != null) {
                try { fc.close(); } catch (IOException ignored) { /* already failing */ }
            }
            throw new EdgeworksException(file, null, "not a readable HDF5 file (" + describe(e) + ")", e);
        }
    }

    public Path path() { return path; }

    /** Bytes read from the file so far (headers and data); shows that slices read little. */
    public long bytesRead() { return bytesRead.get(); }

    /** The whole tree from headers only; dangling links are nodes marked dangling. */
    public NexusNode tree() throws EdgeworksException {
        try {
            return node(hdf, new HashSet<>(), 0);
        } catch (RuntimeException e) {
            throw new EdgeworksException(path, "/", "cannot read the file structure (" + describe(e) + ")", e);
        } catch (OutOfMemoryError e) {
            // jHDF allocates header blocks (local heaps, B-tree nodes) at their declared size before
            // reading them: a corrupt size asks for gigabytes (found by fuzzing, issue 8). The failed
            // allocation holds nothing, so refusing the file is safe.
            throw new EdgeworksException(path, "/", "a header declares a block larger than memory (corrupt file?)");
        }
    }

    private NexusNode node(Node n, Set<Long> visiting, int depth) {
        String p = n.getPath();
        if (n.isLink()) {
            Link l = (Link) n;
            boolean external = n instanceof ExternalLink;
            NexusNode.Kind kind = external ? NexusNode.Kind.EXTERNAL_LINK : NexusNode.Kind.SOFT_LINK;
            String target = linkTarget(l);
            Node t;
            try {
                t = l.isBrokenLink() ? null : l.getTarget();
            } catch (RuntimeException e) {
                t = null;
            }
            if (t == null)
                return new NexusNode(p, n.getName(), kind, "", new int[0], "", Map.of(), target, true, List.of());
            NexusNode resolved = node(t, visiting, depth);
            return new NexusNode(p, n.getName(), kind, resolved.nxClass(), resolved.shape(), resolved.type(),
                resolved.attributes(), target, false, resolved.children());
        }
        Map<String, String> attrs = attributes(n);
        if (n instanceof Group g) {
            long addr = safeAddress(g);
            List<NexusNode> kids = new ArrayList<>();
            if (depth < 64 && visiting.add(addr)) {
                for (Node c : g.getChildren().values()) kids.add(node(c, visiting, depth + 1));
                visiting.remove(addr);
            }
            String cls = attrs.getOrDefault("NX_class", "");
            return new NexusNode(p, n.getName(), NexusNode.Kind.GROUP, cls, new int[0], "", attrs, "", false,
                Collections.unmodifiableList(kids));
        }
        if (n instanceof Dataset d) {
            return new NexusNode(p, n.getName(), NexusNode.Kind.DATASET, "", d.getDimensions(), typeName(d), attrs, "",
                false, List.of());
        }
        return new NexusNode(p, n.getName(), NexusNode.Kind.DATASET, "", new int[0], "other", attrs, "", false, List.of());
    }

    private static long safeAddress(Node n) {
        try {
            return n.getAddress();
        } catch (RuntimeException e) {
            return n.getPath().hashCode();
        }
    }

    private static String linkTarget(Link l) {
        try {
            if (l instanceof ExternalLink) {
                // jHDF exposes the external file only through toString: "...targetFile=F, targetPath=P..."
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("targetFile=([^,\\]]*), targetPath=([^,\\]]*)").matcher(l.toString());
                if (m.find()) return m.group(1) + ":" + m.group(2);
            }
            return l.getTargetPath();
        } catch (RuntimeException e) {
            return "?";
        }
    }

    private static String typeName(Dataset d) {
        try {
            io.jhdf.object.datatype.DataType t = d.getDataType();
            int bits = 8 * t.getSize();
            if (t instanceof io.jhdf.object.datatype.FloatingPoint) return "float" + bits;
            if (t instanceof io.jhdf.object.datatype.FixedPoint fp) return (fp.isSigned() ? "int" : "uint") + bits;
            if (t instanceof io.jhdf.object.datatype.StringData || t instanceof io.jhdf.object.datatype.VariableLength) return "string";
            return t.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
        } catch (RuntimeException e) {
            return "unknown";
        }
    }

    private static Map<String, String> attributes(Node n) {
        Map<String, String> out = new LinkedHashMap<>();
        Map<String, Attribute> attrs;
        try {
            attrs = n.getAttributes();
        } catch (RuntimeException e) {
            out.put("!error", "unreadable attributes: " + describe(e));
            return out;
        }
        for (Map.Entry<String, Attribute> e : attrs.entrySet()) {
            String v;
            try {
                v = render(e.getValue().getData());
            } catch (RuntimeException ex) {
                v = "<unreadable: " + describe(ex) + ">";
            }
            out.put(e.getKey(), v);
        }
        return Collections.unmodifiableMap(out);
    }

    /** Renders an attribute value; one-element arrays render as their element. */
    static String render(Object v) {
        if (v == null) return "";
        if (v.getClass().isArray()) {
            int n = Array.getLength(v);
            if (n == 1) return render(Array.get(v, 0));
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < n && sb.length() < MAX_ATTRIBUTE_CHARS; i++) {
                if (i > 0) sb.append(", ");
                sb.append(render(Array.get(v, i)));
            }
            if (sb.length() >= MAX_ATTRIBUTE_CHARS) sb.append(", ...");
            return sb.append(']').toString();
        }
        String s = String.valueOf(v);
        return s.length() > MAX_ATTRIBUTE_CHARS ? s.substring(0, MAX_ATTRIBUTE_CHARS) + "..." : s;
    }

    /** An attribute of a node as strings (string arrays split), or empty. */
    public List<String> attributeStrings(String nodePath, String attribute) throws EdgeworksException {
        Node n = nodeAt(nodePath);
        Attribute a;
        try {
            a = n.getAttribute(attribute);
            if (a == null) return List.of();
            Object v = a.getData();
            List<String> out = new ArrayList<>();
            flatten(v, out);
            return out;
        } catch (RuntimeException e) {
            throw new EdgeworksException(path, nodePath + "@" + attribute, "unreadable attribute (" + describe(e) + ")", e);
        }
    }

    private static void flatten(Object v, List<String> out) {
        if (v == null) return;
        if (v.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(v); i++) flatten(Array.get(v, i), out);
        } else {
            out.add(String.valueOf(v));
        }
    }

    public boolean exists(String nodePath) {
        try {
            Node n = hdf.getByPath(nodePath);
            if (n instanceof Link l) return !l.isBrokenLink() && l.getTarget() != null;
            return n != null;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private Node nodeAt(String nodePath) throws EdgeworksException {
        try {
            Node n = hdf.getByPath(nodePath);
            if (n instanceof Link l) {
                if (l.isBrokenLink()) throw new EdgeworksException(path, nodePath, "dangling link to " + linkTarget(l));
                n = l.getTarget();
            }
            if (n == null) throw new EdgeworksException(path, nodePath, "no such path");
            return n;
        } catch (EdgeworksException e) {
            throw e;
        } catch (RuntimeException e) {
            String why = describe(e);
            if (why.contains("resolve link")) throw new EdgeworksException(path, nodePath, "dangling link (" + why + ")", e);
            throw new EdgeworksException(path, nodePath, "no such path (" + why + ")", e);
        }
    }

    private Dataset datasetAt(String nodePath) throws EdgeworksException {
        Node n = nodeAt(nodePath);
        if (!(n instanceof Dataset d)) throw new EdgeworksException(path, nodePath, "is a group, not a dataset");
        return d;
    }

    /** Dimensions of a dataset, from its header. */
    public int[] shape(String datasetPath) throws EdgeworksException {
        try {
            return datasetAt(datasetPath).getDimensions();
        } catch (RuntimeException e) {
            throw new EdgeworksException(path, datasetPath, "unreadable dataset header (" + describe(e) + ")", e);
        }
    }

    /**
     * A lazy view of a numeric dataset: nothing is read until a slice is asked for, and a slice
     * reads only its hyperslab (whole chunks that intersect it, for chunked data).
     */
    public ILazyDataset lazyDataset(String datasetPath) throws EdgeworksException {
        Dataset d = datasetAt(datasetPath);
        int[] shape;
        Class<?> type;
        try {
            shape = d.getDimensions();
            type = d.getJavaType();
        } catch (RuntimeException e) {
            throw new EdgeworksException(path, datasetPath, "unreadable dataset header (" + describe(e) + ")", e);
        }
        if (type == String.class) throw new EdgeworksException(path, datasetPath, "holds strings, not numbers");
        if (!(type.isPrimitive() || Number.class.isAssignableFrom(type)) || type == boolean.class)
            throw new EdgeworksException(path, datasetPath, "holds " + type.getSimpleName() + " values, not numbers");
        if (shape.length == 0) shape = new int[] {1};
        JhdfLoader loader = new JhdfLoader(this, d, datasetPath, shape);
        return new LazyDataset(loader, d.getName(), JhdfLoader.januaryClass(type), shape);
    }

    /** Reads a whole numeric dataset as doubles (for 1-D channels and small data). */
    public double[] readDoubles(String datasetPath) throws EdgeworksException {
        Dataset d = datasetAt(datasetPath);
        long size;
        try {
            size = d.getSize();
        } catch (RuntimeException e) {
            throw new EdgeworksException(path, datasetPath, "unreadable dataset header (" + describe(e) + ")", e);
        }
        if (size > Limits.MAX_WHOLE_READ_ELEMENTS)
            throw new EdgeworksException(path, datasetPath, "has " + size + " elements, too many to read whole (limit "
                + Limits.MAX_WHOLE_READ_ELEMENTS + "); read it in slices");
        int[] dims = shape(datasetPath);
        double[] fast = readFast(d, datasetPath, new long[dims.length], ones(dims.length), dims);
        if (fast != null) return fast;
        Object flat;
        try {
            flat = d.isScalar() ? d.getData() : d.getDataFlat();
        } catch (RuntimeException e) {
            throw new EdgeworksException(path, datasetPath, "cannot read data (" + describe(e) + ")", e);
        }
        return JhdfLoader.toDoubles(flat, path, datasetPath);
    }

    /** Reads a string dataset or a scalar string, or empty when absent. */
    public Optional<String> readString(String datasetPath) throws EdgeworksException {
        if (!exists(datasetPath)) return Optional.empty();
        Dataset d = datasetAt(datasetPath);
        try {
            Object v = d.getData();
            List<String> parts = new ArrayList<>();
            flatten(v, parts);
            return parts.isEmpty() ? Optional.empty() : Optional.of(parts.get(0));
        } catch (RuntimeException e) {
            throw new EdgeworksException(path, datasetPath, "cannot read string (" + describe(e) + ")", e);
        }
    }

    static int[] ones(int rank) {
        int[] ones = new int[rank];
        Arrays.fill(ones, 1);
        return ones;
    }

    /**
     * Reads a strided selection (positive steps) as doubles with the fast reader, or returns null
     * when jHDF's own reader must do it (scalar data, non-numeric types, contiguous
     * data behind an external link).
     */
    double[] readFast(Dataset d, String datasetPath, long[] start, int[] step, int[] count) throws EdgeworksException {
        try {
            FileChannel local = d.getHdfFile() == hdf ? channel : null;
            return HyperslabReader.read(d, local, hdf.getUserBlockSize(), bytesRead, start, step, count);
        } catch (java.io.IOException | java.util.zip.DataFormatException | RuntimeException e) {
            throw new EdgeworksException(path, datasetPath, "cannot read slice at " + Arrays.toString(start) + " step "
                + Arrays.toString(step) + " of size " + Arrays.toString(count) + " (" + describe(e) + ")", e);
        }
    }

    Object readBox(Dataset d, String datasetPath, long[] offset, int[] count) throws EdgeworksException {
        try {
            if (d.isScalar()) return d.getData();
            boolean whole = true;
            int[] dims = d.getDimensions();
            for (int i = 0; i < dims.length; i++) whole &= offset[i] == 0 && count[i] == dims[i];
            return whole ? d.getData() : d.getData(offset, count);
        } catch (RuntimeException e) {
            throw new EdgeworksException(path, datasetPath, "cannot read slice at " + Arrays.toString(offset)
                + " of size " + Arrays.toString(count) + " (" + describe(e) + ")", e);
        }
    }

    static String describe(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t && (t.getMessage() == null || t.getMessage().isBlank())) t = t.getCause();
        String m = t.getMessage();
        if (m == null || m.isBlank()) m = t.getClass().getSimpleName();
        return m.replace('\n', ' ');
    }

    @Override
    public void close() {
        try {
            hdf.close();
        } catch (RuntimeException ignored) {
            // closing a broken file must not hide the original error
        }
    }
}
