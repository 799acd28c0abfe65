package org.edgeworks.core.data;

import java.util.Objects;

import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DoubleDataset;

/**
 * A RIXS plane: intensity[excitation index][emission index], excitation and emission axes in
 * eV, backed by a 2-D January dataset, with an optional standard deviation per cell (same
 * shape; the NeXus NXdata {@code data_errors} convention; null = not known). Immutable;
 * accessors copy.
 */
public final class RixsMap {
    private final String name;
    private final Axis excitation;
    private final Axis emission;
    private final DoubleDataset intensity;
    private final DoubleDataset errors;

    public RixsMap(String name, Axis excitation, Axis emission, DoubleDataset intensity) {
        this(name, excitation, emission, intensity, null);
    }

    /** @param errors one standard deviation per cell, the shape of {@code intensity}, or null */
    public RixsMap(String name, Axis excitation, Axis emission, DoubleDataset intensity, DoubleDataset errors) {
        Objects.requireNonNull(intensity, "intensity");
        int[] shape = intensity.getShapeRef();
        if (shape.length != 2 || shape[0] != excitation.size() || shape[1] != emission.size())
            throw new IllegalArgumentException(name + ": map shape " + java.util.Arrays.toString(shape)
                + " does not match axes " + excitation.size() + " x " + emission.size());
        this.name = name == null ? "map" : name;
        this.excitation = excitation;
        this.emission = emission;
        this.intensity = intensity.copy(DoubleDataset.class);
        if (errors != null && !java.util.Arrays.equals(errors.getShapeRef(), shape))
            throw new IllegalArgumentException(name + ": errors shape " + java.util.Arrays.toString(errors.getShapeRef())
                + " does not match the map " + java.util.Arrays.toString(shape));
        this.errors = errors == null ? null : errors.copy(DoubleDataset.class);
    }

    /** Builds a map from a row-major array [excitation][emission]. */
    public static RixsMap of(String name, double[] excitationEv, double[] emissionEv, double[] rowMajor) {
        DoubleDataset d = DatasetFactory.createFromObject(DoubleDataset.class, rowMajor.clone(), excitationEv.length, emissionEv.length);
        return new RixsMap(name, Axis.energy(excitationEv), Axis.of("emission", Unit.EV, emissionEv), d);
    }

    /** The same with one standard deviation per cell (row-major, or null = not known). */
    public static RixsMap of(String name, double[] excitationEv, double[] emissionEv, double[] rowMajor, double[] errorsRowMajor) {
        DoubleDataset d = DatasetFactory.createFromObject(DoubleDataset.class, rowMajor.clone(), excitationEv.length, emissionEv.length);
        DoubleDataset e = errorsRowMajor == null ? null
            : DatasetFactory.createFromObject(DoubleDataset.class, errorsRowMajor.clone(), excitationEv.length, emissionEv.length);
        return new RixsMap(name, Axis.energy(excitationEv), Axis.of("emission", Unit.EV, emissionEv), d, e);
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
    public boolean hasErrors() { return errors != null; }
    /** A copy of the standard deviations, row-major like {@link #data()}, or null when not known. */
    public double[] errors() { return errors == null ? null : errors.getData().clone(); }
    public RixsMap withName(String newName) { return new RixsMap(newName, excitation, emission, intensity, errors); }
}
