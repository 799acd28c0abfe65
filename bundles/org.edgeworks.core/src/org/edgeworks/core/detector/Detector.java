package org.edgeworks.core.detector;

import java.nio.file.Path;
import java.util.List;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Scan;

/**
 * A detector bundle's reader, contributed to the extension point
 * {@code org.edgeworks.core.detectors}. It says how strongly it recognises a file and turns it
 * into a {@link Scan} whose channels carry roles (I0, It, MCA, image stack...). Core code never
 * names a detector: a new beamline layout is a new bundle.
 */
public interface Detector {

    /** Stable id, equal to the id in plugin.xml. */
    String id();

    /**
     * How well this detector recognises the file: 0 = not at all; higher wins. The plugin.xml
     * priority is added to it, so a beamline-specific bundle can outrank a generic one.
     * Must be cheap: read headers, never datasets.
     */
    int recognise(Path file, FileProbe probe);

    /**
     * Reads the scan lazily: channels stay lazy datasets until a slice is asked for. A detector
     * whose file holds several scans (see {@link #scans}) refuses here with one line listing them
     * unless the file holds exactly one: a caller never gets one of several silently.
     */
    Scan read(Path file) throws EdgeworksException;

    /**
     * One scan of a file that holds several: a SPEC {@code #S} scan, a BLISS {@code N.1} entry,
     * an Athena project group.
     *
     * @param id     what selects it ({@code --scan ID}, {@code --group ID}): the scan number, entry
     *               name or group label
     * @param label  what the user sees (SPEC command, entry title, group label)
     * @param points number of data points (-1 when unknown without reading data)
     * @param usable false for a scan that cannot be processed (aborted with too few points, no data)
     * @param note   why it is not usable, or extra facts ("aborted after 12 points"); "" when none
     */
    record ScanEntry(String id, String label, int points, boolean usable, String note) {
        /**
         * The one scan that stands for a multi-scan file where only one is shown (the channels
         * `info` lists, the workbench browser's preview): the first usable scan, else the first;
         * null for no scans.
         */
        public static ScanEntry preview(List<ScanEntry> scans) {
            if (scans == null || scans.isEmpty()) return null;
            return scans.stream().filter(ScanEntry::usable).findFirst().orElse(scans.get(0));
        }
    }

    /**
     * The scans of a multi-scan file, in file order; empty (the default) when the file is one
     * scan. Added for multi-scan formats (issue 16); single-scan detectors do not override it.
     */
    default List<ScanEntry> scans(Path file) throws EdgeworksException { return List.of(); }

    /**
     * The one-line refusal of {@link #read(Path)} for a file that holds several scans (or groups), so every
     * detector says it alike: "holds COUNT KIND (LISTED): choose with OPTION, or give no choice to a command
     * that processes them all".
     *
     * @param kind   "scans" or "groups"
     * @param listed the ids as the user knows them, e.g. "#S 1, 2" or "1.1, 2.1"
     * @param option the command-line choice, e.g. "--scan N" or "--group LABEL"
     */
    static EdgeworksException severalScans(Path file, int count, String kind, String listed, String option) {
        return new EdgeworksException(file, null, "holds " + count + " " + kind + " (" + listed + "): choose with " + option
            + ", or give no choice to a command that processes them all");
    }

    /** Reads one scan of {@link #scans} by its id; the default knows no ids. */
    default Scan read(Path file, String scanId) throws EdgeworksException {
        throw new EdgeworksException(file, scanId, "this file holds one scan; there is no scan '" + scanId + "' to choose");
    }
}
