package org.edgeworks.detector.spec;

import java.nio.file.Path;
import java.util.List;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.detector.Detector;

/**
 * A detector whose files are SPEC files ({@link SpecFile}): every {@code #S} block is a scan
 * ({@link #scans} lists them, {@link #read(Path, String)} reads one by its number) and
 * {@link #read(Path)} gives the scan of a one-scan file and refuses a file with several, naming
 * them: never one of several silently. A subclass says which files it recognises and how one
 * {@code #S} scan becomes a {@link Scan} (the generic SPEC detector, a beamline's SPEC-like export).
 */
public abstract class SpecFileDetector implements Detector {

    /** One {@code #S} scan of the file as a Scan, or a one-line refusal (EdgeworksException). */
    protected abstract Scan toScan(Path file, SpecFile.SpecScan scan) throws EdgeworksException;

    @Override
    public final List<ScanEntry> scans(Path file) throws EdgeworksException {
        List<SpecFile.SpecScan> all = SpecFile.read(file).scans();
        return all.size() == 1 ? List.of() : all.stream().map(SpecFile.SpecScan::entry).toList(); // one #S: the file is one scan
    }

    @Override
    public final Scan read(Path file) throws EdgeworksException {
        List<SpecFile.SpecScan> all = SpecFile.read(file).scans();
        if (all.size() == 1) return toScan(file, all.get(0));
        throw Detector.severalScans(file, all.size(), "scans", "#S " + String.join(", ", all.stream().map(SpecFile.SpecScan::id).toList()), "--scan N");
    }

    @Override
    public final Scan read(Path file, String scanId) throws EdgeworksException {
        return toScan(file, SpecFile.read(file).scan(scanId));
    }
}
