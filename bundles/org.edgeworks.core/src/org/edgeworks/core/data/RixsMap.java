package org.edgeworks.core.data;

import java.util.Objects;

import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DoubleDataset;

/**
 * A RIXS plane: intensity[excitation index][emission index], excitation and emission axes in
 * eV, backed by a 2-D January dataset. Immutable; accessors copy.
 */
public final class RixsMap {
    private final String name;
    private final Axis excitation;
    private final Axis emission;
    private final DoubleDataset intensity;

    public RixsMap(String name, Axis excitation, Axis emission, DoubleDataset intensity) {
        Objects.requireNonNull(intensity, "intensity");
        int[] shape = intensity.getShapeRef();
        if (shape.length != 2 || shape[0] != excitation.size() || shape[1] != emission.size())
            throw new IllegalArgumentException(name + ": map shape " + java.util.Arrays.toString(shape)
                + " does not match axes " + excitation.size() + " x " + emission.size());
        this.name = name == null ? "map" : name;
        this.excitation = excitation;
        this.emission = emission;
        this.intensity = intensity.copy(DoubleDataset.class);
    }

    /** Builds a map from a row-major array [excitation][emission]. */
    public static RixsMap of(String name, double[] excitationEv, double[] emissionEv, double[] rowMajor) {
        DoubleDataset d = DatasetFactory.createFromObject(DoubleDataset.class, rowMajor.clone(), excitationEv.length, emissionEv.length);
        return new RixsMap(name, Axis.energy(excitationEv), Axis.of("emission", Unit.EV, emissionEv), d);
    }

    public String name() { return name; }
    public Axis excitation() { return excitation; }
    public Axis emission() { return emission; }
    public int rows() { return excitation.size(); }
    public int columns() { return emission.size(); }
    public double get(int excitationIndex, int emissionIndex) { return intensity.getAbs(excitationIndex * columns() + emissionIndex); }
    /** A copy of the intensities, row-major [excitation][emission]. */
    public double[] data() { return intensity.getData().clone(); }
    public DoubleDataset dataset() { return intensity.copy(DoubleDataset.class); }
    public RixsMap withName(String newName) { return new RixsMap(newName, excitation, emission, intensity); }
}
