package org.edgeworks.plot;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * A plot drawn in memory with the pixel mapping of its areas: a line or bar plot has one area, a map
 * has the heat map then its colour bar (x and y in [0, 1], y = colormap position), panels have one
 * area per panel in order.
 */
public record Rendered(BufferedImage image, List<PixelMapping> areas) {

    public Rendered {
        areas = List.copyOf(areas);
    }

    /** The first (main) plot area. */
    public PixelMapping mapping() {
        return areas.get(0);
    }
}
