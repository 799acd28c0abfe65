package org.edgeworks.ui.viewers;

import org.edgeworks.core.EdgeworksException;

/**
 * An image stack to browse frame by frame (raw detector frames of an mRIXS scan, the energy frames of a XANES
 * stack): frames x rows x columns, each frame read when it is shown.
 *
 * @param frameValues one value per frame (excitation or beam energy, eV), or null
 * @param frameLabel  what frameValues are ("E_ex (eV)")
 */
public record ImageFrames(String name, int frames, int rows, int columns, double[] frameValues, String frameLabel, Reader reader) {

    /** Reads one frame, row-major rows x columns. */
    public interface Reader {
        double[] read(int frame) throws EdgeworksException;
    }
}
