package org.edgeworks.nexus;

import java.util.List;
import java.util.Map;

/**
 * One node of a NeXus/HDF5 tree, read from headers only (no dataset values).
 *
 * @param path       absolute HDF5 path
 * @param name       last path element
 * @param kind       group, dataset, or a link (soft/external) that may dangle
 * @param nxClass    NX_class attribute of a group ("" if none)
 * @param shape      dataset dimensions (empty for scalars and groups)
 * @param type       element type of a dataset ("float64", "int32", "string"...), "" otherwise
 * @param attributes attribute values rendered as short strings
 * @param linkTarget target of a link ("file.h5:/path" for external links), "" otherwise
 * @param dangling   true when a link points nowhere
 * @param children   child nodes of a group (links are followed one level, cycles cut)
 */
public record NexusNode(String path, String name, Kind kind, String nxClass, int[] shape, String type,
                        Map<String, String> attributes, String linkTarget, boolean dangling, List<NexusNode> children) {

    public enum Kind { GROUP, DATASET, SOFT_LINK, EXTERNAL_LINK }

    public boolean isGroup() { return kind == Kind.GROUP || (!dangling && !children.isEmpty()); }

    public long size() {
        long n = 1;
        for (int d : shape) n *= d;
        return n;
    }

    public String attribute(String name) { return attributes.get(name); }
}
