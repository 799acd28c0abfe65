package org.edgeworks.core.data;

import java.util.Objects;

import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DoubleDataset;

/**
 * An immutable 1-D spectrum: energy axis (eV), signal, optional per-point uncertainty and the
 * name of the channel it came from. Arrays are copied in and out.
 */
public final class Spectrum {
    private final String name;
    private final Axis energy;
    private final double[] signal;
    private final double[] uncertainty;
    private final String channel;

    public Spectrum(String name, Axis energy, double[] signal, double[] uncertainty, String channel) {
        Objects.requireNonNull(energy, "energy");
        Objects.requireNonNull(signal, "signal");
        if (energy.size() != signal.length)
            throw new IllegalArgumentException(name + ": energy has " + energy.size() + " points, signal " + signal.length);
        if (uncertainty != null && uncertainty.length != signal.length)
            throw new IllegalArgumentException(name + ": uncertainty has " + uncertainty.length + " points, signal " + signal.length);
        this.name = name == null ? "spectrum" : name;
        this.energy = energy;
        this.signal = signal.clone();
        this.uncertainty = uncertainty == null ? null : uncertainty.clone();
        this.channel = channel == null ? "" : channel;
    }

    public static Spectrum of(String name, double[] energyEv, double[] signal) {
        return new Spectrum(name, Axis.energy(energyEv), signal, null, "mu");
    }

    public String name() { return name; }
    public Axis energy() { return energy; }
    public double[] energies() { return energy.values(); }
    public double[] signal() { return signal.clone(); }
    public boolean hasUncertainty() { return uncertainty != null; }
    public double[] uncertainty() { return uncertainty == null ? null : uncertainty.clone(); }
    public String channel() { return channel; }
    public int size() { return signal.length; }

    public DoubleDataset signalDataset() { return DatasetFactory.createFromObject(DoubleDataset.class, signal.clone()); }

    public Spectrum withName(String newName) { return new Spectrum(newName, energy, signal, uncertainty, channel); }
    public Spectrum withSignal(double[] newSignal, String newChannel) { return new Spectrum(name, energy, newSignal, null, newChannel); }
}
