package org.edgeworks.plot;

import java.util.List;

/** Curves on shared axes, with optional vertical marker lines (E0, fit window limits) at data x values. */
public record LinePlot(String title, String xLabel, String yLabel, List<Series> series, List<Double> verticalMarkers) {

    public LinePlot {
        series = series == null ? List.of() : List.copyOf(series);
        verticalMarkers = verticalMarkers == null ? List.of() : List.copyOf(verticalMarkers);
    }

    /** Curves without markers. */
    public static LinePlot of(String title, String xLabel, String yLabel, List<Series> series) {
        return new LinePlot(title, xLabel, yLabel, series, List.of());
    }
}
