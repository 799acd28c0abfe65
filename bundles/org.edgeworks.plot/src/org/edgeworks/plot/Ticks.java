package org.edgeworks.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Axis tick positions in 1-2-5 steps and their labels: the one tick rule of the PNG/SVG plots and the workbench's SWT maps. */
public final class Ticks {
    private Ticks() {}

    /** A step of 1, 2 or 5 times a power of ten giving about {@code target} intervals over the span. */
    public static double step(double low, double high, int target) {
        double raw = (high - low) / Math.max(1, target);
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / magnitude;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    /** Tick values inside [low, high]; none when the range is empty (high not above low, or not finite). */
    public static List<Double> linear(double low, double high, int target) {
        List<Double> ticks = new ArrayList<>();
        if (!(high > low) || !Double.isFinite(high - low)) return ticks;
        double step = step(low, high, target);
        for (long k = (long) Math.ceil(low / step - 1e-9); k * step <= high + step * 1e-9; k++) ticks.add(k * step);
        return ticks;
    }

    /** Decades (with 2 and 5 between them when the range spans less than three decades) inside [low, high] > 0. */
    public static List<Double> logarithmic(double low, double high) {
        List<Double> ticks = new ArrayList<>();
        int first = (int) Math.floor(Math.log10(low)), last = (int) Math.ceil(Math.log10(high));
        double[] mantissas = last - first <= 3 ? new double[] {1, 2, 5} : new double[] {1};
        for (int e = first; e <= last; e++)
            for (double m : mantissas) {
                double v = m * Math.pow(10, e);
                if (v >= low * (1 - 1e-9) && v <= high * (1 + 1e-9)) ticks.add(v);
            }
        return ticks.size() >= 2 ? ticks : linear(low, high, 4);
    }

    /** Label of a tick value with as many decimals as the step needs; scientific for very large or small. */
    public static String label(double value, double step) {
        if (Math.abs(value) < step * 1e-6) value = 0;
        double magnitude = Math.max(Math.abs(value), step);
        if (magnitude >= 1e6 || step < 1e-4) return String.format(Locale.ROOT, "%.3g", value);
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** Label of a tick in a list, using the smallest gap between neighbours as the step. */
    public static String label(double value, List<Double> ticks) {
        double step = Double.POSITIVE_INFINITY;
        for (int i = 1; i < ticks.size(); i++) step = Math.min(step, Math.abs(ticks.get(i) - ticks.get(i - 1)));
        if (!Double.isFinite(step) || step == 0) step = Math.max(Math.abs(value), 1e-300);
        return label(value, step);
    }
}
