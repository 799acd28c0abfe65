package org.edgeworks.rixs;

import java.util.Objects;

/**
 * Already-reduced emission spectra, one per excitation point (a beamline's reduced RIXS
 * output, or an energy-resolving SDD scan): {@code counts[point][channel]} on the emission axis
 * {@code emission} (eV, one value per channel), with I0 and counting time per point (null means
 * 1). The counts are raw (not yet divided by I0).
 */
public record EmissionSpectra(String name, double[] excitation, double[] emission, double[][] counts,
                              double[] i0, double[] countTime) {
    public EmissionSpectra {
        Objects.requireNonNull(excitation, "excitation");
        Objects.requireNonNull(emission, "emission");
        Objects.requireNonNull(counts, "counts");
        name = name == null ? "spectra" : name;
    }

    public int points() { return excitation.length; }
    public int channels() { return emission.length; }
}
