package org.edgeworks.detector.spec;

import java.nio.file.Path;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.detector.FileProbe;
import org.edgeworks.detector.ascii.ColumnFileDetector;

/**
 * SPEC data files: every {@code #S} block is a scan whose {@code #L} columns are read as any column
 * file's (ColumnFileDetector: roles from the labels); listing, choosing and the refusal of a
 * multi-scan file without a choice are {@link SpecFileDetector}'s.
 */
public final class SpecDetector extends SpecFileDetector {
    public static final String ID = "org.edgeworks.detector.spec";

    @Override public String id() { return ID; }

    @Override
    public int recognise(Path file, FileProbe probe) {
        return probe.isText() && SpecFile.looksLikeSpec(probe.headText()) ? 4 : 0;
    }

    @Override
    protected Scan toScan(Path file, SpecFile.SpecScan s) throws EdgeworksException {
        if (s.points() == 0) throw new EdgeworksException(file, "#S " + s.id(), "the scan has no data rows");
        return ColumnFileDetector.toScan(file, s.table(), "#S " + s.id(), ID);
    }
}
