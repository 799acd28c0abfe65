package org.edgeworks.rixs;

import java.util.Objects;

import org.eclipse.january.dataset.ILazyDataset;

/**
 * A raw RIXS scan as handed over by a reader: a lazy image stack frames x rows x columns
 * (rows = non-dispersive, columns = dispersive pixels), the monochromator energy of each
 * excitation point (eV), I0 and counting time per point, and optional dark frames
 * (darks x rows x columns or rows x columns). With {@code repeats} > 1, consecutive groups of
 * that many frames were taken at the same excitation point (frames = points x repeats).
 * Nothing is read until the map builder slices it, one frame at a time.
 */
public record RawStack(String name, ILazyDataset frames, double[] excitation, double[] i0, double[] countTime,
                       ILazyDataset dark, int repeats) {
    public RawStack {
        Objects.requireNonNull(frames, "frames");
        Objects.requireNonNull(excitation, "excitation");
        name = name == null ? "rixs" : name;
        repeats = Math.max(1, repeats);
    }

    public RawStack(String name, ILazyDataset frames, double[] excitation, double[] i0, double[] countTime, ILazyDataset dark) {
        this(name, frames, excitation, i0, countTime, dark, 1);
    }

    public int frameCount() { return frames.getShape()[0]; }
    public int rows() { return frames.getShape()[1]; }
    public int columns() { return frames.getShape()[2]; }
}
