package org.edgeworks.ui.widgets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tick values in 1-2-5 steps for the SWT map axes and colour bar. (org.edgeworks.plot keeps its tick code
 * package-private to its Java2D writer; this is the SWT side's few lines.)
 */
final class AxisTicks {
    private AxisTicks() {}

    static double step(double low, double high, int target) {
        double raw = (high - low) / Math.max(1, target);
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / magnitude;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * magnitude;
    }

    static List<Double> ticks(double low, double high, int target) {
        List<Double> out = new ArrayList<>();
        if (!(high > low)) return out;
        double step = step(low, high, target);
        for (long k = (long) Math.ceil(low / step - 1e-9); k * step <= high + step * 1e-9; k++) out.add(k * step);
        return out;
    }

    static String label(double value, double step) {
        if (Math.abs(value) >= 1e5 || (Math.abs(value) < 1e-3 && value != 0)) return String.format(Locale.ROOT, "%.2g", value);
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
