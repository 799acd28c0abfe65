package org.edgeworks.stack;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.detector.DetectorRegistry;
import org.edgeworks.core.processing.Param;

/**
 * Where a stack is, as the user named it: a NeXus/HDF5 file (optional image and energy dataset
 * paths; default: the NXdata default plot) or a folder of TIFF images with its energy table
 * (default {@code FOLDER/energies.txt}). Plain strings, so a cluster task can open the same stack
 * on an executor.
 */
public record StackSpec(
    @Param(label = "stack", description = "NeXus/HDF5 file, or folder of TIFF images") String file,
    @Param(label = "image dataset", description = "(energy, y, x) in the file; default: the NXdata default plot's signal") String dataPath,
    @Param(label = "energy dataset", description = "energies (eV) in the file; default: the default plot's axis of dimension 0") String energyPath,
    @Param(label = "energy table", description = "of a TIFF folder ('FILE ENERGY_EV' per line); default FOLDER/energies.txt") String energies)
    implements Serializable {

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isTiffFolder() { return Files.isDirectory(Path.of(file)); }

    /** The detector of XANES stacks in NeXus/HDF5 (org.edgeworks.detector.stack), which reads any dataset named by path. */
    static final String NEXUS_DETECTOR = "org.edgeworks.detector.stack";
    /** The detector of TIFF folders with an energy table (org.edgeworks.detector.stacktiff). */
    static final String TIFF_DETECTOR = "org.edgeworks.detector.stacktiff";

    private static volatile DetectorRegistry detectors;

    static DetectorRegistry detectors() {
        if (detectors == null) detectors = DetectorRegistry.load();
        return detectors;
    }

    /**
     * Opens the stack the road every input takes: a detector bundle reads the file into a
     * {@link Scan} (lazy), the {@link ScanStack} adapter makes the analysis' input. The detector
     * that recognises the file reads it; when the user names the datasets ({@code --data},
     * {@code --energy-path}) or the energy table ({@code --energies}) the stack detectors read them
     * whatever the file's own layout.
     */
    public StackSource open() throws EdgeworksException {
        Path p = Path.of(file);
        if (Files.isDirectory(p)) {
            Scan scan = energies != null ? detectors().detector(TIFF_DETECTOR).read(p, energies) : detectors().read(p);
            if (!TIFF_DETECTOR.equals(scan.detectorId()))
                throw new EdgeworksException(p.resolve("energies.txt").toString(), null, "no such energy table (FILE ENERGY per line)");
            return ScanStack.of(scan, file, null, null);
        }
        if (!Files.isRegularFile(p)) throw new EdgeworksException(file, null, EdgeworksException.NO_SUCH_FILE);
        Scan scan = dataPath != null || energyPath != null ? detectors().detector(NEXUS_DETECTOR).read(p) : detectors().read(p);
        return ScanStack.of(scan, file, dataPath, energyPath);
    }
}
