package org.edgeworks.core.detector;

import java.nio.file.Path;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Scan;

/**
 * A detector bundle's reader, contributed to the extension point
 * {@code org.edgeworks.nexus.detectors}. It says how strongly it recognises a file and turns it
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

    /** Reads the scan lazily: channels stay lazy datasets until a slice is asked for. */
    Scan read(Path file) throws EdgeworksException;
}
