package org.edgeworks.core.detector;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** A folder walk skips the files kept beside data (notes, scripts, program inputs), never data itself. */
class FileProbeCompanionTest {
    @Test
    void notesScriptsAndInputsAreCompanions() {
        for (String n : new String[] {"README.md", "make_stack.py", "run.sh", "feff.inp", "fit_model_example.json", "NOTES.MD"})
            assertTrue(FileProbe.isCompanionFile(Path.of("samples", n)), n);
    }

    @Test
    void dataIsNot() {
        for (String n : new String[] {"Mn3O4.dat", "scan.nxs", "stack.h5", "feff0001.dat", "Mn.prj", "spectrum.xdi", "frames.tif",
            "ref.csv", "scan.001", "noextension", ".hidden"})
            assertFalse(FileProbe.isCompanionFile(Path.of("data", n)), n);
    }

    @Test
    void hdf5NamesAreTheNeXusAndHdf5Suffixes() {
        for (String n : new String[] {"scan.nxs", "SCAN.NXS", "a.nx5", "b.h5", "c.hdf5", "d.hdf"})
            assertTrue(FileProbe.isHdf5Name(Path.of("data", n)), n);
        for (String n : new String[] {"scan.dat", "scan.nxs.txt", "h5", "Mn.prj", "x.xdi"})
            assertFalse(FileProbe.isHdf5Name(Path.of("data", n)), n);
    }
}
