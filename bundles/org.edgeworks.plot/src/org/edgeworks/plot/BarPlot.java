package org.edgeworks.plot;

import java.util.List;

/** One bar per label (e.g. a quantity per sample); a NaN value leaves its slot empty, marked "n/a". */
public record BarPlot(String title, String yLabel, List<String> labels, double[] values) {

    public BarPlot {
        labels = labels == null ? List.of() : List.copyOf(labels);
    }
}
