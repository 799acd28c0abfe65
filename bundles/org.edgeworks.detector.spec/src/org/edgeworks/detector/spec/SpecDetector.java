package org.edgeworks.detector.spec;

import java.nio.file.Path;
import java.util.List;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.detector.Detector;
import org.edgeworks.core.detector.FileProbe;
import org.edgeworks.detector.ascii.ColumnFileDetector;

/**
 * SPEC data files: every {@code #S} block is a scan ({@link #scans} lists them, {@link #read(Path,
 * String)} reads one by its number). {@link #read(Path)} gives the scan of a one-scan file and
 * refuses a file with several, naming them: never one of several silently.
 */
public final class SpecDetector implements Detector {
    public static final String ID = "org.edgeworks.detector.spec";

    @Override public String id() { return ID; }

    @Override
    public int recognise(Path file, FileProbe probe) {
        return probe.isText() && SpecFile.looksLikeSpec(probe.headText()) ? 4 : 0;
    }

    @Override
    public List<ScanEntry> scans(Path file) throws EdgeworksException {
        List<SpecFile.SpecScan> all = SpecFile.read(file).scans();
        return all.size() == 1 ? List.of() : all.stream().map(SpecFile.SpecScan::entry).toList(); // one #S: the file is one scan
    }

    @Override
    public Scan read(Path file) throws EdgeworksException {
        return only(SpecFile.read(file), file, (f, s) -> toScan(f, s));
    }

    @Override
    public Scan read(Path file, String scanId) throws EdgeworksException {
        return toScan(file, SpecFile.read(file).scan(scanId));
    }

    static Scan toScan(Path file, SpecFile.SpecScan s) throws EdgeworksException {
        if (s.points() == 0) throw new EdgeworksException(file, "#S " + s.id(), "the scan has no data rows");
        return ColumnFileDetector.toScan(file, s.table(), "#S " + s.id(), ID);
    }

    /** How a detector built on SPEC files turns one scan into a Scan. */
    @FunctionalInterface
    public interface ScanReader {
        Scan read(Path file, SpecFile.SpecScan scan) throws EdgeworksException;
    }

    /**
     * The one scan of a file, or a one-line refusal listing the scans when there are several
     * (shared with detectors built on SPEC files).
     */
    public static Scan only(SpecFile spec, Path file, ScanReader reader) throws EdgeworksException {
        List<SpecFile.SpecScan> all = spec.scans();
        if (all.size() == 1) return reader.read(file, all.get(0));
        throw new EdgeworksException(file, null, "holds " + all.size() + " scans (#S " + String.join(", ", all.stream().map(SpecFile.SpecScan::id).toList())
            + "): choose with --scan N, or give no choice to a command that processes them all");
    }
}
