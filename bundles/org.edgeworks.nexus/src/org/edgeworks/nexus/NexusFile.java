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
import io.jhdf.object.datatype.CompoundDataType;
import io.jhdf.object.datatype.DataType;
import io.jhdf.object.datatype.EnumDataType;
import io.jhdf.object.datatype.FixedPoint;
import io.jhdf.object.datatype.FloatingPoint;
import io.jhdf.object.message.FillValueMessage;

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
    /** Largest attribute (elements) read at all; the HDF5 header limit is 64 kB, so larger ones are corrupt. */
    private static final long MAX_ATTRIBUTE_ELEMENTS = 1 << 16;

    private final Path path;
    private final HdfFile hdf;
    /** jHDF's storage for this file, every header read bounded by the file length. */
    private final BoundedStorage storage;
    /** The same file, read directly (positional reads, thread-safe) for contiguous data. */
    private final FileChannel channel;
    private final AtomicLong bytesRead;

    private NexusFile(Path path, HdfFile hdf, BoundedStorage storage, FileChannel channel, AtomicLong bytesRead) {
        this.path = path;
        this.hdf = hdf;
        this.storage = storage;
        this.channel = channel;
        this.bytesRead = bytesRead;
    }

    /** Opens a file read-only. */
    public static NexusFile open(Path file) throws EdgeworksException {
        if (!Files.isRegularFile(file)) throw Files.exists(file) ? new EdgeworksException(file, null, "is a folder, not a file") : EdgeworksException.noSuchFile(file);
        org.edgeworks.core.detector.FileProbe probe;
        try {
            probe = org.edgeworks.core.detector.FileProbe.of(file);
        } catch (IOException e) {
            throw EdgeworksException.unreadable(file, e);
        }
        // an empty file, a truncated HDF5 file and a text file are said as the detector registry says them
        if (probe.size() == 0) throw new EdgeworksException(file, null, EdgeworksException.EMPTY_FILE);
        String truncated = probe.hdf5Truncation();
        if (truncated != null) throw new EdgeworksException(file, null, truncated);
        if (probe.isText() && !probe.isHdf5())
            throw new EdgeworksException(file, null, org.edgeworks.core.detector.FileProbe.isHdf5Name(file)
                ? org.edgeworks.core.detector.FileProbe.TEXT_NAMED_HDF5 : "is a text file, not HDF5/NeXus (no HDF5 signature)");
        FileChannel fc = null;
        try {
            fc = FileChannel.open(file, StandardOpenOption.READ);
            AtomicLong counter = new AtomicLong();
            BoundedStorage.Opened h = BoundedStorage.open(new CountingChannel(fc, counter), file);
            return new NexusFile(file, h.hdf(), h.storage(), fc, counter);
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
                Map<String, Node> children;
                try {
                    children = g.getChildren();
                } catch (RuntimeException e) {
                    children = Map.of();
                    attrs = new LinkedHashMap<>(attrs);
                    attrs.put("!error", "unreadable children: " + describe(e));
                }
                for (Node c : children.values()) {
                    try {
                        kids.add(node(c, visiting, depth + 1));
                    } catch (RuntimeException e) {
                        // one unreadable child object disables only itself
                        kids.add(new NexusNode(safePath(c), safeName(c), NexusNode.Kind.DATASET, "", new int[0],
                            "unreadable (" + describe(e) + ")", Map.of(), "", false, List.of()));
                    }
                }
                visiting.remove(addr);
            }
            String cls = attrs.getOrDefault("NX_class", "");
            return new NexusNode(p, n.getName(), NexusNode.Kind.GROUP, cls, new int[0], "", attrs, "", false,
                Collections.unmodifiableList(kids));
        }
        if (n instanceof Dataset d) return datasetNode(d, p, attrs);
        String what = "other";
        if (n instanceof io.jhdf.CommittedDatatype ct) {
            try {
                what = "committed datatype " + typeName(ct.getDataType());
            } catch (RuntimeException e) {
                what = "committed datatype";
            }
        }
        return new NexusNode(p, n.getName(), NexusNode.Kind.DATASET, "", new int[0], what, attrs, "", false, List.of());
    }

    /**
     * A dataset's node; a header jHDF cannot fully read describes what it can (a dimension beyond
     * 2^31-1 elements, an unknown type) instead of failing the tree. A compound dataset lists its
     * numeric members as child datasets (path {@code dataset/member}), readable like datasets.
     */
    private NexusNode datasetNode(Dataset d, String p, Map<String, String> attrs) {
        String type = typeName(d);
        int[] dims;
        try {
            dims = d.isScalar() ? new int[0] : d.getDimensions();
        } catch (RuntimeException e) {
            long[] big;
            try {
                big = d.getDimensionsAsLong();
            } catch (RuntimeException e2) {
                big = null;
            }
            return new NexusNode(p, d.getName(), NexusNode.Kind.DATASET, "", new int[0],
                type + (big != null ? " " + Arrays.toString(big) + " (beyond 2^31-1 per dimension: not readable)" : " (unreadable dimensions)"),
                attrs, "", false, List.of());
        }
        List<NexusNode> members = List.of();
        try {
            if (dataType(d) instanceof CompoundDataType ct) {
                members = new ArrayList<>();
                for (CompoundDataType.CompoundDataMember m : ct.getMembers()) {
                    ElementCodec c = ElementCodec.member(ct, m.getName());
                    if (c == null) continue;
                    members.add(new NexusNode(p + "/" + m.getName(), m.getName(), NexusNode.Kind.DATASET, "", dims,
                        typeName(m.getDataType()), Map.of(), "", false, List.of()));
                }
                members = Collections.unmodifiableList(members);
            }
        } catch (RuntimeException e) {
            members = List.of();
        }
        return new NexusNode(p, d.getName(), NexusNode.Kind.DATASET, "", dims, type, attrs, "", false, members);
    }

    private static String safePath(Node n) {
        try {
            return n.getPath();
        } catch (RuntimeException e) {
            return "?";
        }
    }

    private static String safeName(Node n) {
        try {
            return n.getName();
        } catch (RuntimeException e) {
            return "?";
        }
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

    private String typeName(Dataset d) {
        try {
            return typeName(dataType(d));
        } catch (RuntimeException e) {
            return "unknown";
        }
    }

    /** "float64", "int32", "uint12@4 (N-bit)", "enum uint8 {0=closed, 1=open}", "compound {energy: float64, ...}", "string"... */
    static String typeName(DataType t) {
        int bits = 8 * t.getSize();
        if (t instanceof FloatingPoint fl) {
            return bits == 32 || bits == 64 ? "float" + bits : "float" + bits + " (custom layout)";
        }
        if (t instanceof FixedPoint fp) {
            String base = (fp.isSigned() ? "int" : "uint") + bits;
            if (fp.getBitPrecision() != bits || fp.getBitOffset() != 0)
                base = (fp.isSigned() ? "int" : "uint") + fp.getBitPrecision() + " in " + bits + " bits at bit " + fp.getBitOffset();
            return base;
        }
        if (t instanceof io.jhdf.object.datatype.StringData || t instanceof io.jhdf.object.datatype.VariableLength) return "string";
        if (t instanceof EnumDataType en) {
            StringBuilder sb = new StringBuilder("enum ").append(typeName(en.getBaseType())).append(" {");
            int i = 0;
            for (Map.Entry<Long, String> e : enumMapping(en).entrySet()) {
                if (i++ > 0) sb.append(", ");
                if (sb.length() > MAX_ATTRIBUTE_CHARS) { sb.append("..."); break; }
                sb.append(e.getKey()).append('=').append(e.getValue());
            }
            return sb.append('}').toString();
        }
        if (t instanceof CompoundDataType ct) {
            StringBuilder sb = new StringBuilder("compound {");
            int i = 0;
            for (CompoundDataType.CompoundDataMember m : ct.getMembers()) {
                if (i++ > 0) sb.append(", ");
                if (sb.length() > MAX_ATTRIBUTE_CHARS) { sb.append("..."); break; }
                sb.append(m.getName()).append(": ").append(typeName(m.getDataType()));
            }
            return sb.append('}').toString();
        }
        return t.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
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
                long elements = e.getValue().getSize();
                // jHDF allocates an attribute's whole Java array before reading it: a corrupt
                // dataspace must not make it allocate gigabytes (the values live in the header)
                if (elements > MAX_ATTRIBUTE_ELEMENTS) {
                    out.put(e.getKey(), "<" + elements + " elements, not shown>");
                    continue;
                }
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

    /**
     * What a numeric read reads: a dataset, or one member of a compound dataset
     * ({@code /path/to/dataset/member}), with the codec for its values (null: not numbers).
     */
    record Target(Dataset dataset, String path, ElementCodec codec, String why) {}

    Target target(String datasetPath) throws EdgeworksException {
        Node n;
        try {
            n = nodeAt(datasetPath);
        } catch (EdgeworksException notFound) {
            int slash = datasetPath.lastIndexOf('/');
            if (slash <= 0) throw notFound;
            String parent = datasetPath.substring(0, slash);
            String member = datasetPath.substring(slash + 1);
            Node p;
            try {
                p = exists(parent) ? nodeAt(parent) : null;
            } catch (EdgeworksException e) {
                p = null;
            }
            if (p instanceof Dataset d && typeOf(d, datasetPath) instanceof CompoundDataType ct) {
                ElementCodec c = ElementCodec.member(ct, member);
                if (c == null) throw new EdgeworksException(path, datasetPath, "compound dataset " + parent
                    + " has no numeric member '" + member + "' (members: " + memberNames(ct) + ")");
                return new Target(d, datasetPath, c, null);
            }
            throw notFound;
        }
        if (!(n instanceof Dataset d)) throw new EdgeworksException(path, datasetPath, "is a group, not a dataset");
        DataType t = typeOf(d, datasetPath);
        ElementCodec codec;
        try {
            codec = ElementCodec.of(t);
        } catch (RuntimeException e) {
            codec = null;
        }
        String why = null;
        if (codec == null) {
            if (t instanceof io.jhdf.object.datatype.StringData || t instanceof io.jhdf.object.datatype.VariableLength) why = "holds strings, not numbers";
            else if (t instanceof CompoundDataType ct) why = "is a compound dataset: read one of its numeric members as "
                + datasetPath + "/MEMBER (members: " + memberNames(ct) + ")";
            else why = "holds " + typeName(t) + " values, not numbers";
        }
        return new Target(d, datasetPath, codec, why);
    }

    /** The dataset's type; a committed (named) type is followed to its definition. */
    private DataType dataType(Dataset d) {
        return d.getHdfFile() == hdf ? SharedTypes.of(d, storage) : d.getDataType();
    }

    private DataType typeOf(Dataset d, String datasetPath) throws EdgeworksException {
        try {
            return dataType(d);
        } catch (RuntimeException e) {
            throw new EdgeworksException(path, datasetPath, "unreadable datatype (" + describe(e) + ")", e);
        }
    }

    private static String memberNames(CompoundDataType ct) {
        List<String> names = new ArrayList<>();
        for (CompoundDataType.CompoundDataMember m : ct.getMembers()) if (ElementCodec.member(ct, m.getName()) != null) names.add(m.getName());
        return names.isEmpty() ? "none numeric" : String.join(", ", names);
    }

    /** Dimensions of a dataset (or compound member), from its header; scalars have shape []. */
    public int[] shape(String datasetPath) throws EdgeworksException {
        return dims(target(datasetPath).dataset(), datasetPath);
    }

    private int[] dims(Dataset d, String datasetPath) throws EdgeworksException {
        try {
            return d.isScalar() ? new int[0] : d.getDimensions();
        } catch (RuntimeException e) {
            String declared;
            try {
                declared = Arrays.toString(d.getDimensionsAsLong());
            } catch (RuntimeException e2) {
                declared = "?";
            }
            throw new EdgeworksException(path, datasetPath, "declares dimensions " + declared
                + ", beyond the 2^31-1 elements per dimension this reader addresses (" + describe(e) + ")", e);
        }
    }

    /** An enum's labels by value; jHDF reads the values unsigned, signed base types are sign-extended here. */
    static Map<Long, String> enumMapping(EnumDataType en) {
        Map<Long, String> out = new java.util.TreeMap<>();
        DataType base = en.getBaseType();
        int bits = 8 * base.getSize();
        boolean signed = base instanceof FixedPoint fp && fp.isSigned();
        en.getEnumMapping().forEach((k, v) -> {
            long value = k.longValue() & (bits >= 32 ? 0xFFFFFFFFL : (1L << bits) - 1);
            if (signed && bits < 64 && (value >>> (bits - 1)) != 0) value |= -1L << bits;
            out.put(value, v);
        });
        return out;
    }

    /** The labels of an enum dataset by integer value (empty for other types). */
    public Map<Long, String> enumLabels(String datasetPath) throws EdgeworksException {
        Target t = target(datasetPath);
        DataType type = typeOf(t.dataset(), datasetPath);
        if (!(type instanceof EnumDataType en)) return Map.of();
        return Collections.unmodifiableMap(enumMapping(en));
    }

    /**
     * A lazy view of a numeric dataset (integers, floats, enums as their integer values, or one
     * numeric member of a compound dataset): nothing is read until a slice is asked for, and a
     * slice reads only its hyperslab (whole chunks that intersect it, for chunked data). A 3-D
     * dataset (frames x rows x columns) also reads single frames into a caller's buffer: it is an
     * {@link org.edgeworks.core.data.FrameSource}.
     */
    public ILazyDataset lazyDataset(String datasetPath) throws EdgeworksException {
        Target t = target(datasetPath);
        if (t.codec() == null) throw new EdgeworksException(path, datasetPath, t.why());
        int[] shape = dims(t.dataset(), datasetPath);
        if (shape.length == 0) shape = new int[] {1};
        JhdfLoader loader = new JhdfLoader(this, t, shape);
        if (shape.length == 3) // a frame stack: frames also read into a caller's buffer (FrameSource)
            return FrameStackDataset.of(loader, t.dataset().getName(), shape, new NumericDataset(this, t, shape, fillValue(t)));
        return new LazyDataset(loader, t.dataset().getName(), JhdfLoader.januaryClass(double.class), shape);
    }

    /**
     * A numeric dataset (or compound member) for reads that allocate nothing the caller has:
     * slices in the stored element type, or decoded into the caller's double buffer
     * ({@link NumericDataset}). Same values as {@link #lazyDataset} slices.
     */
    public NumericDataset numeric(String datasetPath) throws EdgeworksException {
        Target t = target(datasetPath);
        if (t.codec() == null) throw new EdgeworksException(path, datasetPath, t.why());
        int[] shape = dims(t.dataset(), datasetPath);
        if (shape.length == 0) shape = new int[] {1};
        return new NumericDataset(this, t, shape, fillValue(t));
    }

    /** Reads a whole numeric dataset (or compound member) as doubles (for 1-D channels and small data). */
    public double[] readDoubles(String datasetPath) throws EdgeworksException {
        Target t = target(datasetPath);
        if (t.codec() == null) throw new EdgeworksException(path, datasetPath, t.why());
        int[] dims = dims(t.dataset(), datasetPath);
        long size = 1;
        for (int n : dims) size *= n;
        if (size > Limits.MAX_WHOLE_READ_ELEMENTS)
            throw new EdgeworksException(path, datasetPath, "has " + size + " elements, too many to read whole (limit "
                + Limits.MAX_WHOLE_READ_ELEMENTS + "); read it in slices");
        int rank = Math.max(1, dims.length);
        int[] count = dims.length == 0 ? new int[] {1} : dims;
        double[] fast = readFast(t, new long[rank], ones(rank), count);
        if (fast != null) return fast;
        Object flat;
        try {
            flat = t.dataset().isScalar() ? t.dataset().getData() : t.dataset().getDataFlat();
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
     * when jHDF's own reader must do it (contiguous data behind an external link).
     */
    double[] readFast(Target t, long[] start, int[] step, int[] count) throws EdgeworksException {
        Dataset d = t.dataset();
        try {
            FileChannel local = d.getHdfFile() == hdf ? channel : null;
            return HyperslabReader.read(d, t.codec(), fillValue(t), local, hdf.getUserBlockSize(), bytesRead, start, step, count);
        } catch (java.io.IOException | java.util.zip.DataFormatException | RuntimeException e) {
            throw new EdgeworksException(path, t.path(), "cannot read slice at " + Arrays.toString(start) + " step "
                + Arrays.toString(step) + " of size " + Arrays.toString(count) + " (" + describe(e) + ")", e);
        }
    }

    /** {@link #readFast} into a sink (typed slice or caller's buffer); false when jHDF's own reader must do it. */
    boolean readInto(Target t, long[] start, int[] step, int[] count, HyperslabReader.Sink sink) throws EdgeworksException {
        Dataset d = t.dataset();
        try {
            FileChannel local = d.getHdfFile() == hdf ? channel : null;
            return HyperslabReader.read(d, t.codec(), local, hdf.getUserBlockSize(), bytesRead, start, step, count, sink);
        } catch (java.io.IOException | java.util.zip.DataFormatException | RuntimeException e) {
            throw new EdgeworksException(path, t.path(), "cannot read slice at " + Arrays.toString(start) + " step "
                + Arrays.toString(step) + " of size " + Arrays.toString(count) + " (" + describe(e) + ")", e);
        }
    }

    /** A unit-step selection through jHDF's own reader (layouts the fast reader leaves to it), as doubles. */
    double[] readOther(Target t, long[] start, int[] count) throws EdgeworksException {
        return JhdfLoader.toDoubles(readBox(t.dataset(), t.path(), start, count), path, t.path());
    }

    /** The dataset's fill value (what unwritten chunks hold), 0 when none is defined, as HDF5 reads it. */
    private static double fillValue(Target t) {
        try {
            if (!(t.dataset() instanceof io.jhdf.AbstractNode node)) return 0;
            if (!node.getHeader().hasMessageOfType(FillValueMessage.class)) return 0;
            FillValueMessage m = node.getHeader().getMessageOfType(FillValueMessage.class);
            if (!m.isFillValueDefined() || m.getFillValue() == null) return 0;
            java.nio.ByteBuffer b = m.getFillValue().duplicate();
            byte[] element = new byte[b.remaining()];
            b.get(element);
            if (element.length < t.codec().size) return 0;
            return t.codec().decodeOne(element);
        } catch (RuntimeException e) {
            return 0;
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
