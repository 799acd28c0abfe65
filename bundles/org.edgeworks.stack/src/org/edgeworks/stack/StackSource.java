package org.edgeworks.stack;

import org.edgeworks.core.EdgeworksException;

/**
 * An energy x y x x image stack read lazily, a band of image rows at a time ({@link ScanStack}: the
 * detector's Scan of the file, see {@link StackSpec#open}). Energies are in eV
 * in the order of the frames (not necessarily ascending); {@link #read} returns the band
 * energy-major: {@code out[(e * count + r) * columns() + c]} is frame e, row row0 + r, column c.
 */
public interface StackSource extends AutoCloseable {
    /** The stack as the user named it (file path as typed), for messages and output names. */
    String label();

    /** The path inside the file of the images, or "" when there is none (a TIFF folder). */
    String dataPath();

    /** Energy of each frame, eV (frame order). */
    double[] energy();

    int rows();

    int columns();

    /**
     * Whether the images are stored as integers: detector counts, which are never mu (a stack of mu
     * is stored as floating point), so analysing them as mu is refused. False when the storage does
     * not say (e.g. a TIFF folder).
     */
    default boolean integerCounts() throws EdgeworksException { return false; }

    /**
     * What the reader noted, one line each naming the stack (e.g. energies without a unit read as
     * keV by the one rule, {@code EnergyUnits}); the analysis reports them with its own notes.
     */
    default java.util.List<String> notes() { return java.util.List.of(); }

    /** Reads rows [row0, row0 + count) of every frame; shape energy x count x columns, row-major. */
    double[] read(int row0, int count) throws EdgeworksException;

    @Override
    void close();
}
