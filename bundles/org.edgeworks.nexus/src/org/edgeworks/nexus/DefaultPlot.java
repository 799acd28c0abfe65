package org.edgeworks.nexus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The NXdata group a NeXus file asks to be plotted, found the way the NeXus rules say: the
 * root's and entry's {@code @default}, else the first NXdata; inside it {@code @signal},
 * {@code @axes} (with "." for an axis-less dimension) and {@code AXISNAME_indices}; older files
 * with {@code signal=1} / {@code axes="a:b"} attributes on the datasets are understood too.
 *
 * @param nxdata path of the NXdata group
 * @param signal path of the signal dataset
 * @param axes   for each dimension of the signal, the path of its axis dataset or "" when none
 */
public record DefaultPlot(String nxdata, String signal, List<String> axes) {

    public static Optional<DefaultPlot> find(NexusNode root) {
        NexusNode data = findNxdata(root);
        if (data == null) return Optional.empty();
        return fromNxdata(data);
    }

    /** The NXdata group following @default chains, else the first NXdata anywhere (breadth-first). */
    static NexusNode findNxdata(NexusNode root) {
        NexusNode cur = root;
        for (int i = 0; i < 8 && cur != null; i++) {
            if ("NXdata".equals(cur.nxClass())) return cur;
            String def = cur.attribute("default");
            NexusNode next = def == null ? null : child(cur, def);
            if (next == null) break;
            cur = next;
        }
        List<NexusNode> queue = new ArrayList<>(List.of(cur == null ? root : cur));
        if (cur != root) queue.add(root);
        while (!queue.isEmpty()) {
            NexusNode n = queue.remove(0);
            if ("NXdata".equals(n.nxClass()) && !n.dangling()) return n;
            queue.addAll(n.children());
        }
        return null;
    }

    static NexusNode child(NexusNode g, String name) {
        for (NexusNode c : g.children()) if (c.name().equals(name)) return c;
        return null;
    }

    static Optional<DefaultPlot> fromNxdata(NexusNode data) {
        String signalName = data.attribute("signal");
        NexusNode signal = signalName == null ? null : child(data, signalName);
        if (signal == null) {
            for (NexusNode c : data.children()) if ("1".equals(c.attribute("signal"))) signal = c;
        }
        if (signal == null || signal.dangling()) return Optional.empty();
        int rank = signal.shape().length;
        String[] axes = new String[rank];
        java.util.Arrays.fill(axes, "");
        List<String> names = parseAxes(data.attribute("axes"));
        if (names.isEmpty() && signal.attribute("axes") != null)
            names = List.of(signal.attribute("axes").split("[:,]"));
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).trim();
            if (name.isEmpty() || name.equals(".")) continue;
            NexusNode ax = child(data, name);
            if (ax == null || ax.dangling()) continue;
            int dim = i;
            String idx = data.attribute(name + "_indices");
            if (idx != null) {
                try {
                    dim = Integer.parseInt(idx.replaceAll("[\\[\\]\\s]", "").split(",")[0]);
                } catch (NumberFormatException e) {
                    dim = i;
                }
            }
            if (dim >= 0 && dim < rank && axes[dim].isEmpty()) axes[dim] = ax.path();
        }
        return Optional.of(new DefaultPlot(data.path(), signal.path(), List.of(axes)));
    }

    /** "@axes" arrives as "[a, b]", "a" or "a:b". */
    static List<String> parseAxes(String attr) {
        if (attr == null || attr.isBlank()) return List.of();
        String s = attr.trim();
        if (s.startsWith("[") && s.endsWith("]")) s = s.substring(1, s.length() - 1);
        List<String> out = new ArrayList<>();
        for (String p : s.split("[,:]")) out.add(p.trim());
        return out;
    }
}
