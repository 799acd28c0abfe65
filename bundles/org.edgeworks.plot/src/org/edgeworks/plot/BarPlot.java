package org.edgeworks.plot;

import java.util.List;

/**
 * One bar per label (e.g. a quantity per sample); a NaN value leaves its slot empty, marked
 * "n/a"; {@code errors} (one standard deviation per bar, or null) are drawn as +- error bars.
 */
public record BarPlot(String title, String yLabel, List<String> labels, double[] values, double[] errors) {

    public BarPlot {
        labels = labels == null ? List.of() : List.copyOf(labels);
    }

    public BarPlot(String title, String yLabel, List<String> labels, double[] values) { this(title, yLabel, labels, values, null); }
}
