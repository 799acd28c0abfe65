package org.edgeworks.core.detector;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.registry.Contribution;
import org.edgeworks.core.registry.Extensions;

/**
 * Every detector contributed to {@code org.edgeworks.core.detectors} (schema
 * {@code org.edgeworks.core/schema/detectors.exsd}); picks the one that recognises a file best and
 * reads it. Contributions to the former id {@link #ALIAS} are read too, for one release.
 */
public final class DetectorRegistry {
    public static final String EXTENSION_POINT = "org.edgeworks.core.detectors";
    /** The point's id until 0.2 (declared by org.edgeworks.nexus): still read, deprecated. */
    public static final String ALIAS = "org.edgeworks.nexus.detectors";

    /** A contributed detector with the priority and label from plugin.xml. */
    public record Entry(Detector detector, int priority, String label) {}

    private final List<Entry> entries;

    private DetectorRegistry(List<Entry> entries) { this.entries = List.copyOf(entries); }

    public static DetectorRegistry load() {
        List<Entry> list = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        List<Contribution> all = new ArrayList<>(Extensions.contributions(EXTENSION_POINT));
        all.addAll(Extensions.contributions(ALIAS));
        for (Contribution c : all) {
            if (!"detector".equals(c.element())) continue;
            Detector d = c.create(Detector.class);
            if (!d.id().equals(c.attribute("id")))
                throw new IllegalStateException(c.contributor() + ": plugin.xml id " + c.attribute("id") + " but class says " + d.id());
            if (!ids.add(d.id())) throw new IllegalStateException("detector id registered twice: " + d.id());
            int prio = c.attribute("priority") == null ? 0 : Integer.parseInt(c.attribute("priority"));
            list.add(new Entry(d, prio, c.attribute("label") == null ? d.id() : c.attribute("label")));
        }
        return new DetectorRegistry(list);
    }

    public List<Entry> entries() { return entries; }

    /** The best detector for the file, or an error naming the file. */
    public Entry select(Path file) throws EdgeworksException {
        boolean folder = Files.isDirectory(file);
        if (!folder && !Files.isRegularFile(file)) throw EdgeworksException.noSuchFile(file);
        FileProbe probe;
        try {
            probe = folder ? FileProbe.ofDirectory() : FileProbe.of(file);
        } catch (IOException e) {
            throw EdgeworksException.unreadable(file, e);
        }
        if (!folder && probe.size() == 0) throw new EdgeworksException(file, null, EdgeworksException.EMPTY_FILE);
        String truncated = probe.hdf5Truncation();
        if (truncated != null) throw new EdgeworksException(file, null, truncated);
        // a text file named as HDF5 would otherwise be parsed as columns and refused for its text
        if (!folder && probe.isText() && probe.size() > 0 && FileProbe.isHdf5Name(file))
            throw new EdgeworksException(file, null, FileProbe.TEXT_NAMED_HDF5);
        record Scored(Entry e, int score) {}
        Scored best = null;
        for (Entry e : entries) {
            int s;
            try {
                s = e.detector().recognise(file, probe);
            } catch (RuntimeException ex) {
                s = 0; // a detector that chokes on a file simply does not recognise it
            }
            if (s <= 0) continue;
            s += e.priority();
            if (best == null || s > best.score()) best = new Scored(e, s);
        }
        if (best == null) {
            String kind = folder ? "folder" : probe.isHdf5() ? "HDF5 file" : probe.isText() ? "text file" : "file";
            throw new EdgeworksException(file, null, "no detector bundle recognises this " + kind
                + " (installed: " + String.join(", ", entries.stream().map(x -> x.detector().id()).sorted(Comparator.naturalOrder()).toList()) + ")");
        }
        return best.e();
    }

    public Scan read(Path file) throws EdgeworksException {
        return select(file).detector().read(file);
    }

    /**
     * The contributed detector with this id, for a reading the caller directs (e.g. an image stack
     * whose datasets the user names by path: the stack detector reads any layout), or one line
     * listing the installed ids.
     */
    public Detector detector(String id) throws EdgeworksException {
        for (Entry e : entries) if (e.detector().id().equals(id)) return e.detector();
        throw EdgeworksException.of("detectors", "no detector '" + id + "' is installed (installed: "
            + String.join(", ", entries.stream().map(x -> x.detector().id()).sorted(Comparator.naturalOrder()).toList()) + ")");
    }

    /** The scans of a multi-scan file (empty for a one-scan file); see {@link Detector#scans}. */
    public List<Detector.ScanEntry> scans(Path file) throws EdgeworksException {
        return select(file).detector().scans(file);
    }

    /** One scan of a multi-scan file by its id; see {@link Detector#read(Path, String)}. */
    public Scan read(Path file, String scanId) throws EdgeworksException {
        return select(file).detector().read(file, scanId);
    }
}
