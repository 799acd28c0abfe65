package org.edgeworks.stack;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;

import org.edgeworks.core.EdgeworksException;
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

    public StackSource open() throws EdgeworksException {
        Path p = Path.of(file);
        if (Files.isDirectory(p))
            return TiffStack.open(p, file, energies != null ? Path.of(energies) : p.resolve("energies.txt"));
        if (!Files.isRegularFile(p)) throw new EdgeworksException(file, null, EdgeworksException.NO_SUCH_FILE);
        return NexusStack.open(p, file, dataPath, energyPath);
    }
}
