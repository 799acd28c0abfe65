package org.edgeworks.plot;

import java.awt.Color;
import java.awt.RenderingHints;
import java.nio.file.Path;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.io.AtomicFiles;
import org.jfree.svg.SVGGraphics2D;

/**
 * Line plots as SVG, for figures that must scale. JFreeSVG's Graphics2D receives exactly the
 * drawing calls the PNG writer makes, so the vector figure and the PNG show the same plot.
 */
public final class SvgPlots {
    private SvgPlots() {}

    /** The SVG document of a line plot, at the PNG writer's default size. */
    public static String lineSvg(LinePlot plot) throws EdgeworksException {
        int w = PngPlots.LINE_WIDTH;
        int h = PngPlots.LINE_HEIGHT;
        SVGGraphics2D g = new SVGGraphics2D(w, h);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        PngPlots.drawLinePlotOn(g, plot, w, h);
        return g.getSVGDocument();
    }

    /** Writes the line plot as SVG, atomically. */
    public static void linePlot(Path target, boolean overwrite, LinePlot plot) throws EdgeworksException {
        String svg;
        try {
            svg = lineSvg(plot);
        } catch (EdgeworksException e) {
            throw new EdgeworksException(target, e.file(), e.problem(), e);
        }
        AtomicFiles.writeString(target, overwrite, svg);
    }
}
