package org.edgeworks.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import javax.imageio.ImageIO;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.io.AtomicFiles;

/**
 * Headless PNG plots for batch reports (Java2D only, no display needed): line plots, heat maps with a
 * colour bar, bar charts and grids of line plots. Files are written atomically. Every problem with
 * the data is an {@link EdgeworksException} naming the plot and the series.
 */
public final class PngPlots {
    private PngPlots() {}

    public static final int LINE_WIDTH = 900, LINE_HEIGHT = 560;
    public static final int MAP_WIDTH = 820, MAP_HEIGHT = 640;
    public static final int PANEL_WIDTH = 640, PANEL_HEIGHT = 420;

    /** Okabe-Ito colours (distinguishable with the common colour-vision deficiencies), yellow last: it is faint on white. */
    public static final List<Color> PALETTE = List.of(new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
            new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442));

    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Color AXIS = new Color(0x333333), GRID = new Color(0xE6E6E6), MARKER = new Color(0x666666);
    private static final int TICK_LENGTH = 5, PAD = 8, COLOUR_BAR_WIDTH = 18;

    // ---- files -------------------------------------------------------------------------------------

    public static void linePlot(Path target, boolean overwrite, LinePlot plot) throws EdgeworksException {
        write(target, overwrite, () -> renderLinePlot(plot).image());
    }

    public static void mapPlot(Path target, boolean overwrite, MapPlot plot) throws EdgeworksException {
        write(target, overwrite, () -> renderMapPlot(plot).image());
    }

    public static void barPlot(Path target, boolean overwrite, BarPlot plot) throws EdgeworksException {
        write(target, overwrite, () -> renderBarPlot(plot).image());
    }

    /** Line plots in a grid, two per row. */
    public static void panels(Path target, boolean overwrite, List<LinePlot> panels) throws EdgeworksException {
        write(target, overwrite, () -> renderPanels(panels).image());
    }

    // ---- images ------------------------------------------------------------------------------------

    public static Rendered renderLinePlot(LinePlot plot) throws EdgeworksException {
        return renderLinePlot(plot, LINE_WIDTH, LINE_HEIGHT);
    }

    public static Rendered renderLinePlot(LinePlot plot, int width, int height) throws EdgeworksException {
        return draw(width, height, (g, image) -> List.of(drawLinePlot(g, plot, 0, 0, width, height)));
    }

    /** Draws a line plot on any Graphics2D (the SVG writer uses it so SVG and PNG show the same plot). */
    static PixelMapping drawLinePlotOn(Graphics2D g, LinePlot plot, int width, int height) throws EdgeworksException {
        return drawLinePlot(g, plot, 0, 0, width, height);
    }

    public static Rendered renderPanels(List<LinePlot> panels) throws EdgeworksException {
        if (panels == null || panels.isEmpty()) throw EdgeworksException.of("panel plot", "has no panels");
        int columns = panels.size() == 1 ? 1 : 2, rows = (panels.size() + columns - 1) / columns;
        return draw(columns * PANEL_WIDTH, rows * PANEL_HEIGHT, (g, image) -> {
            List<PixelMapping> areas = new ArrayList<>();
            for (int i = 0; i < panels.size(); i++)
                areas.add(drawLinePlot(g, panels.get(i), i % columns * PANEL_WIDTH, i / columns * PANEL_HEIGHT,
                        PANEL_WIDTH, PANEL_HEIGHT));
            return areas;
        });
    }

    public static Rendered renderMapPlot(MapPlot plot) throws EdgeworksException {
        return renderMapPlot(plot, MAP_WIDTH, MAP_HEIGHT);
    }

    public static Rendered renderMapPlot(MapPlot plot, int width, int height) throws EdgeworksException {
        String subject = "map '" + plot.title() + "'";
        double[] x = plot.x(), y = plot.y(), values = plot.rowMajor();
        if (x == null || y == null || values == null || x.length == 0 || y.length == 0)
            throw EdgeworksException.of(subject, "has no data");
        if (values.length != (long) x.length * y.length)
            throw EdgeworksException.of(subject, "has " + values.length + " values for " + y.length + " rows x "
                    + x.length + " columns");
        requireFinite(subject, "x axis", x);
        requireFinite(subject, "y axis", y);
        if (plot.colormap() == null || plot.scaling() == null) throw EdgeworksException.of(subject, "has no colormap or scaling");

        return draw(width, height, (g, image) -> {
            double[] xExtent = MapRaster.extent(x), yExtent = MapRaster.extent(y);
            List<Double> xTicks = Ticks.linear(xExtent[0], xExtent[1], 6), yTicks = Ticks.linear(yExtent[0], yExtent[1], 6);
            double[] range = plot.scaling().range(values);
            List<Double> barTicks = colourBarTicks(plot.scaling(), range);

            int top = PAD + titleHeight(g, plot.title());
            int left = PAD + textHeight(g, LABEL_FONT) + PAD + maxWidth(g, TICK_FONT, yTicks, v -> Ticks.label(v, yTicks)) + TICK_LENGTH + 2;
            int right = width - PAD - maxWidth(g, TICK_FONT, barTicks, v -> barLabel(plot.scaling(), v, barTicks))
                    - TICK_LENGTH - 2 - COLOUR_BAR_WIDTH - 3 * PAD;
            int bottom = height - PAD - textHeight(g, LABEL_FONT) - PAD - textHeight(g, TICK_FONT) - TICK_LENGTH - 2;
            PixelMapping area = area(plot.title(), left, top, right - left, bottom - top,
                    xExtent[0], xExtent[1], yExtent[0], yExtent[1]);

            int[] cells = MapRaster.render(values, y.length, x.length, plot.colormap(), plot.scaling(), range);
            int[] pixels = MapRaster.resample(cells, y.length, x.length, x, y, area);
            image.setRGB(area.left(), area.top(), area.width(), area.height(), pixels, 0, area.width());

            drawTitle(g, plot.title(), 0, 0, width);
            drawFrameAndTicks(g, area, xTicks, yTicks);
            drawAxisLabels(g, area, plot.xLabel(), plot.yLabel(), 0, height);

            PixelMapping bar = new PixelMapping(right + 2 * PAD, top, COLOUR_BAR_WIDTH, area.height(), 0, 1, 0, 1);
            int[] barRows = MapRaster.colourBar(plot.colormap(), bar.height());
            for (int r = 0; r < barRows.length; r++)
                for (int column = bar.left(); column < bar.left() + bar.width(); column++)
                    image.setRGB(column, bar.top() + r, barRows[r]);
            crisp(g);
            g.setColor(AXIS);
            g.drawRect(bar.left() - 1, bar.top() - 1, bar.width() + 1, bar.height() + 1);
            g.setFont(TICK_FONT);
            FontMetrics metrics = g.getFontMetrics();
            int tickLeft = bar.left() + bar.width();
            for (double v : barTicks) {
                int yPixel = (int) Math.round(bar.pixelY(plot.scaling().normalise(v, range)));
                g.drawLine(tickLeft, yPixel, tickLeft + TICK_LENGTH, yPixel);
                g.drawString(barLabel(plot.scaling(), v, barTicks), tickLeft + TICK_LENGTH + 2,
                        yPixel + metrics.getAscent() / 2 - 1);
            }
            return List.of(area, bar);
        });
    }

    public static Rendered renderBarPlot(BarPlot plot) throws EdgeworksException {
        return renderBarPlot(plot, LINE_WIDTH, LINE_HEIGHT);
    }

    /** Mapping: bar i is centred on x = i, from x = -0.5 to n - 0.5. */
    public static Rendered renderBarPlot(BarPlot plot, int width, int height) throws EdgeworksException {
        String subject = "bar plot '" + plot.title() + "'";
        double[] values = plot.values();
        if (values == null || values.length == 0) throw EdgeworksException.of(subject, "has no values");
        if (plot.labels().size() != values.length)
            throw EdgeworksException.of(subject, "has " + plot.labels().size() + " labels for " + values.length + " values");
        double[] errors = plot.errors();
        if (errors != null && errors.length != values.length)
            throw EdgeworksException.of(subject, "has " + errors.length + " errors for " + values.length + " values");
        double low = 0, high = 0;
        for (int i = 0; i < values.length; i++) {
            double v = values[i], e = errors == null || !Double.isFinite(errors[i]) ? 0 : Math.abs(errors[i]);
            if (Double.isInfinite(v)) throw EdgeworksException.of(subject, "has an infinite value");
            if (!Double.isNaN(v)) {
                low = Math.min(low, v - e);
                high = Math.max(high, v + e);
            }
        }
        if (high == low) high = 1;
        double margin = 0.05 * (high - low);
        double yMin = low < 0 ? low - margin : 0, yMax = high > 0 ? high + margin : 0;

        return draw(width, height, (g, image) -> {
            List<Double> yTicks = Ticks.linear(yMin, yMax, 6);
            int top = PAD + titleHeight(g, plot.title());
            int left = PAD + textHeight(g, LABEL_FONT) + PAD + maxWidth(g, TICK_FONT, yTicks, v -> Ticks.label(v, yTicks)) + TICK_LENGTH + 2;
            int bottom = height - PAD - textHeight(g, TICK_FONT) - TICK_LENGTH - 2;
            PixelMapping area = area(plot.title(), left, top, width - 2 * PAD - left, bottom - top,
                    -0.5, values.length - 0.5, yMin, yMax);
            drawTitle(g, plot.title(), 0, 0, width);
            drawGrid(g, area, List.of(), yTicks);
            g.setFont(TICK_FONT);
            FontMetrics metrics = g.getFontMetrics();
            double slot = area.width() / (double) values.length;
            for (int i = 0; i < values.length; i++) {
                double centre = area.pixelX(i);
                if (!Double.isNaN(values[i])) {
                    double y0 = area.pixelY(0), y1 = area.pixelY(values[i]);
                    g.setColor(PALETTE.get(0));
                    g.fill(new Rectangle2D.Double(centre - 0.35 * slot, Math.min(y0, y1), 0.7 * slot, Math.abs(y1 - y0)));
                    if (errors != null && Double.isFinite(errors[i]) && errors[i] != 0) {
                        double ya = area.pixelY(values[i] - Math.abs(errors[i])), yb = area.pixelY(values[i] + Math.abs(errors[i]));
                        g.setColor(AXIS);
                        g.draw(new java.awt.geom.Line2D.Double(centre, ya, centre, yb));
                        g.draw(new java.awt.geom.Line2D.Double(centre - 0.1 * slot, ya, centre + 0.1 * slot, ya));
                        g.draw(new java.awt.geom.Line2D.Double(centre - 0.1 * slot, yb, centre + 0.1 * slot, yb));
                    }
                } else {
                    g.setColor(MARKER);
                    drawCentred(g, "n/a", centre, area.pixelY(0) - 4);
                }
                g.setColor(AXIS);
                String label = fit(metrics, plot.labels().get(i), (int) slot - 4);
                drawCentred(g, label, centre, area.top() + area.height() + TICK_LENGTH + 2 + metrics.getAscent());
            }
            drawFrameAndTicks(g, area, List.of(), yTicks);
            drawAxisLabels(g, area, null, plot.yLabel(), 0, height);
            return List.of(area);
        });
    }

    // ---- line plots --------------------------------------------------------------------------------

    private static PixelMapping drawLinePlot(Graphics2D g, LinePlot plot, int x0, int y0, int width, int height)
            throws EdgeworksException {
        String subject = "plot '" + plot.title() + "'";
        if (plot.series().isEmpty()) throw EdgeworksException.of(subject, "has no series");
        double xLow = Double.POSITIVE_INFINITY, xHigh = Double.NEGATIVE_INFINITY;
        double yLow = Double.POSITIVE_INFINITY, yHigh = Double.NEGATIVE_INFINITY;
        for (Series s : plot.series()) {
            String where = subject + " series '" + s.name() + "'";
            if (s.x() == null || s.y() == null || s.x().length == 0) throw EdgeworksException.of(where, "is empty");
            if (s.x().length != s.y().length)
                throw EdgeworksException.of(where, "has " + s.x().length + " x values but " + s.y().length + " y values");
            int finite = 0;
            for (int i = 0; i < s.x().length; i++) {
                double x = s.x()[i], y = s.y()[i];
                if (!Double.isFinite(x) || !Double.isFinite(y)) continue;
                finite++;
                xLow = Math.min(xLow, x);
                xHigh = Math.max(xHigh, x);
                yLow = Math.min(yLow, y);
                yHigh = Math.max(yHigh, y);
            }
            if (finite == 0) throw EdgeworksException.of(where, "has no finite point");
        }
        double[] xRange = widen(xLow, xHigh, 0), yRange = widen(yLow, yHigh, 0.05);
        List<Double> xTicks = Ticks.linear(xRange[0], xRange[1], 7), yTicks = Ticks.linear(yRange[0], yRange[1], 6);

        int top = y0 + PAD + titleHeight(g, plot.title());
        int left = x0 + PAD + textHeight(g, LABEL_FONT) + PAD + maxWidth(g, TICK_FONT, yTicks, v -> Ticks.label(v, yTicks)) + TICK_LENGTH + 2;
        int right = x0 + width - 2 * PAD - maxWidth(g, TICK_FONT, xTicks.subList(xTicks.size() - 1, xTicks.size()), v -> Ticks.label(v, xTicks)) / 2;
        int bottom = y0 + height - PAD - textHeight(g, LABEL_FONT) - PAD - textHeight(g, TICK_FONT) - TICK_LENGTH - 2;
        PixelMapping area = area(plot.title(), left, top, right - left, bottom - top, xRange[0], xRange[1], yRange[0], yRange[1]);

        drawTitle(g, plot.title(), x0, y0, width);
        drawGrid(g, area, xTicks, yTicks);
        Shape oldClip = g.getClip();
        g.clip(new Rectangle2D.Double(area.left(), area.top(), area.width(), area.height()));
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(MARKER);
        g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {2f, 3f}, 0f));
        for (double marker : plot.verticalMarkers()) {
            if (!Double.isFinite(marker) || marker < xRange[0] || marker > xRange[1]) continue;
            double px = Math.floor(area.pixelX(marker)) + 0.5;
            g.draw(new Line2D.Double(px, area.top(), px, area.top() + area.height()));
        }
        for (int i = 0; i < plot.series().size(); i++) {
            Series s = plot.series().get(i);
            g.setColor(PALETTE.get(i % PALETTE.size()));
            g.setStroke(stroke(s.dashed()));
            g.draw(curve(s, area));
        }
        g.setClip(oldClip);
        g.setStroke(new BasicStroke(1f));
        drawFrameAndTicks(g, area, xTicks, yTicks);
        drawAxisLabels(g, area, plot.xLabel(), plot.yLabel(), x0, y0 + height);
        drawLegend(g, plot.series(), area);
        return area;
    }

    /**
     * The curve in pixels; NaN points break it. Many points per pixel column are reduced to the
     * first, lowest, highest and last point of the column, which draws exactly the same pixels as
     * the full curve at a fraction of the cost.
     */
    private static Path2D curve(Series s, PixelMapping area) {
        Path2D.Double path = new Path2D.Double();
        boolean open = false;
        long column = Long.MIN_VALUE;
        double first = 0, low = 0, high = 0, last = 0, columnX = 0;
        for (int i = 0; i < s.x().length; i++) {
            double x = s.x()[i], y = s.y()[i];
            if (!Double.isFinite(x) || !Double.isFinite(y)) {
                if (open) flushColumn(path, columnX, first, low, high, last);
                open = false;
                column = Long.MIN_VALUE;
                continue;
            }
            double px = area.pixelX(x), py = area.pixelY(y);
            long c = (long) Math.floor(px);
            if (open && c == column) {
                low = Math.min(low, py);
                high = Math.max(high, py);
                last = py;
                continue;
            }
            if (open) flushColumn(path, columnX, first, low, high, last);
            if (!open) path.moveTo(px, py); else path.lineTo(px, py);
            open = true;
            column = c;
            columnX = px;
            first = low = high = last = py;
        }
        if (open) flushColumn(path, columnX, first, low, high, last);
        return path;
    }

    private static void flushColumn(Path2D path, double px, double first, double low, double high, double last) {
        if (low == high) return;
        path.lineTo(px, first == low ? high : low);
        path.lineTo(px, first == low ? low : high);
        path.lineTo(px, last);
    }

    private static BasicStroke stroke(boolean dashed) {
        return dashed
                ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {8f, 5f}, 0f)
                : new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    private static void drawLegend(Graphics2D g, List<Series> series, PixelMapping area) {
        List<Integer> named = new ArrayList<>();
        for (int i = 0; i < series.size(); i++)
            if (series.get(i).name() != null && !series.get(i).name().isBlank()) named.add(i);
        if (named.isEmpty()) return;
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setFont(TICK_FONT);
        FontMetrics metrics = g.getFontMetrics();
        int sample = 26, lineHeight = metrics.getHeight() + 2, textWidth = 0;
        for (int i : named) textWidth = Math.max(textWidth, metrics.stringWidth(series.get(i).name()));
        textWidth = Math.min(textWidth, area.width() / 2);
        int boxWidth = PAD + sample + PAD / 2 + textWidth + PAD, boxHeight = named.size() * lineHeight + PAD;
        int boxLeft = area.left() + area.width() - boxWidth - PAD, boxTop = area.top() + PAD;
        g.setColor(new Color(255, 255, 255, 220));
        g.fillRect(boxLeft, boxTop, boxWidth, boxHeight);
        g.setColor(GRID.darker());
        g.drawRect(boxLeft, boxTop, boxWidth, boxHeight);
        for (int k = 0; k < named.size(); k++) {
            Series s = series.get(named.get(k));
            int baseline = boxTop + PAD / 2 + k * lineHeight + metrics.getAscent();
            double lineY = baseline - metrics.getAscent() / 2.0 + 1;
            g.setColor(PALETTE.get(named.get(k) % PALETTE.size()));
            g.setStroke(stroke(s.dashed()));
            g.draw(new Line2D.Double(boxLeft + PAD, lineY, boxLeft + PAD + sample, lineY));
            g.setStroke(new BasicStroke(1f));
            g.setColor(AXIS);
            g.drawString(fit(metrics, s.name(), textWidth), boxLeft + PAD + sample + PAD / 2, baseline);
        }
    }

    // ---- shared drawing ----------------------------------------------------------------------------

    private static void drawGrid(Graphics2D g, PixelMapping area, List<Double> xTicks, List<Double> yTicks) {
        crisp(g);
        g.setColor(GRID);
        g.setStroke(new BasicStroke(1f));
        for (double x : xTicks) {
            int px = area.column(x);
            g.drawLine(px, area.top(), px, area.top() + area.height() - 1);
        }
        for (double y : yTicks) {
            int py = area.row(y);
            g.drawLine(area.left(), py, area.left() + area.width() - 1, py);
        }
    }

    /** Frame one pixel outside the area (so the area's pixels stay data only), ticks and tick labels. */
    private static void drawFrameAndTicks(Graphics2D g, PixelMapping area, List<Double> xTicks, List<Double> yTicks) {
        crisp(g);
        g.setColor(AXIS);
        g.setStroke(new BasicStroke(1f));
        int left = area.left() - 1, right = area.left() + area.width(), top = area.top() - 1, bottom = area.top() + area.height();
        g.drawRect(left, top, right - left, bottom - top);
        g.setFont(TICK_FONT);
        FontMetrics metrics = g.getFontMetrics();
        for (double x : xTicks) {
            int px = area.column(x);
            g.drawLine(px, bottom, px, bottom + TICK_LENGTH);
            drawCentred(g, Ticks.label(x, xTicks), px, bottom + TICK_LENGTH + 2 + metrics.getAscent());
        }
        for (double y : yTicks) {
            int py = area.row(y);
            g.drawLine(left - TICK_LENGTH, py, left, py);
            String label = Ticks.label(y, yTicks);
            g.drawString(label, left - TICK_LENGTH - 2 - metrics.stringWidth(label), py + metrics.getAscent() / 2 - 1);
        }
    }

    /** x label centred under the area, y label rotated at the left edge of the plot's box. */
    private static void drawAxisLabels(Graphics2D g, PixelMapping area, String xLabel, String yLabel, int boxLeft,
            int boxBottom) {
        g.setFont(LABEL_FONT);
        g.setColor(AXIS);
        FontMetrics metrics = g.getFontMetrics();
        if (xLabel != null && !xLabel.isBlank())
            drawCentred(g, xLabel, area.left() + area.width() / 2.0, boxBottom - PAD - metrics.getDescent());
        if (yLabel != null && !yLabel.isBlank()) {
            AffineTransform saved = g.getTransform();
            g.translate(boxLeft + PAD + metrics.getAscent(), area.top() + area.height() / 2.0);
            g.rotate(-Math.PI / 2);
            drawCentred(g, fit(metrics, yLabel, area.height()), 0, 0);
            g.setTransform(saved);
        }
    }

    private static void drawTitle(Graphics2D g, String title, int x0, int y0, int width) {
        if (title == null || title.isBlank()) return;
        g.setFont(TITLE_FONT);
        g.setColor(Color.BLACK);
        FontMetrics metrics = g.getFontMetrics();
        drawCentred(g, fit(metrics, title, width - 2 * PAD), x0 + width / 2.0, y0 + PAD + metrics.getAscent());
    }

    private static void drawCentred(Graphics2D g, String text, double centreX, double baseline) {
        g.drawString(text, (float) (centreX - g.getFontMetrics().stringWidth(text) / 2.0), (float) baseline);
    }

    /** The text, cut with an ellipsis to fit {@code width} pixels. */
    private static String fit(FontMetrics metrics, String text, int width) {
        if (text == null) return "";
        if (metrics.stringWidth(text) <= width) return text;
        String cut = text;
        while (!cut.isEmpty() && metrics.stringWidth(cut + "…") > width) cut = cut.substring(0, cut.length() - 1);
        return cut + "…";
    }

    // ---- layout helpers ----------------------------------------------------------------------------

    private static List<Double> colourBarTicks(Scaling scaling, double[] range) {
        if (!(range[1] > range[0])) return List.of(range[0]);
        return scaling.kind() == Scaling.Kind.LOG ? Ticks.logarithmic(range[0], range[1]) : Ticks.linear(range[0], range[1], 5);
    }

    private static String barLabel(Scaling scaling, double v, List<Double> ticks) {
        return scaling.kind() == Scaling.Kind.LOG ? Ticks.label(v, v) : Ticks.label(v, ticks);
    }

    /** Data range with {@code padding} (fraction of the span) each side; a constant gets a span around it. */
    private static double[] widen(double low, double high, double padding) {
        if (high == low) {
            double half = low == 0 ? 1 : Math.abs(low) * 0.05;
            return new double[] {low - half, high + half};
        }
        double pad = (high - low) * padding;
        return new double[] {low - pad, high + pad};
    }

    private static PixelMapping area(String title, int left, int top, int width, int height,
            double xMin, double xMax, double yMin, double yMax) throws EdgeworksException {
        if (width < 20 || height < 20)
            throw EdgeworksException.of("plot '" + title + "'", "image too small for its labels (plot area "
                    + width + " x " + height + " pixels)");
        return new PixelMapping(left, top, width, height, xMin, xMax, yMin, yMax);
    }

    private static int titleHeight(Graphics2D g, String title) {
        return title == null || title.isBlank() ? PAD : textHeight(g, TITLE_FONT) + PAD;
    }

    private static int textHeight(Graphics2D g, Font font) {
        return g.getFontMetrics(font).getHeight();
    }

    private static int maxWidth(Graphics2D g, Font font, List<Double> ticks, Function<Double, String> labeller) {
        FontMetrics metrics = g.getFontMetrics(font);
        int max = 0;
        for (double v : ticks) max = Math.max(max, metrics.stringWidth(labeller.apply(v)));
        return max;
    }

    private static void requireFinite(String subject, String what, double[] values) throws EdgeworksException {
        for (double v : values)
            if (!Double.isFinite(v)) throw EdgeworksException.of(subject, what + " has a non-finite value");
    }

    private static BufferedImage canvas(int width, int height) throws EdgeworksException {
        if (width < 100 || height < 80) throw EdgeworksException.of("plot", "image of " + width + " x " + height + " pixels is too small");
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    /**
     * Anti-aliasing off for frames, grid and ticks: a one-pixel line at whole coordinates then covers
     * exactly one pixel row or column and never bleeds into the plot area's data pixels.
     */
    private static void crisp(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
    }

    private static Graphics2D graphics(BufferedImage image) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        return g;
    }

    @FunctionalInterface
    private interface Drawing {
        /** Draws on a white canvas and returns the plot areas' pixel mappings. */
        List<PixelMapping> draw(Graphics2D g, BufferedImage image) throws EdgeworksException;
    }

    private static Rendered draw(int width, int height, Drawing drawing) throws EdgeworksException {
        BufferedImage image = canvas(width, height);
        Graphics2D g = graphics(image);
        try {
            return new Rendered(image, drawing.draw(g, image));
        } finally {
            g.dispose();
        }
    }

    @FunctionalInterface
    private interface ImageSource {
        BufferedImage render() throws EdgeworksException;
    }

    /** Renders first (data errors name the plot), then writes atomically (I/O errors name the file). */
    private static void write(Path target, boolean overwrite, ImageSource source) throws EdgeworksException {
        BufferedImage image;
        try {
            image = source.render();
        } catch (EdgeworksException e) {
            throw new EdgeworksException(target, e.file(), e.problem(), e);
        }
        AtomicFiles.write(target, overwrite, temporary -> {
            if (!ImageIO.write(image, "png", temporary.toFile()))
                throw new EdgeworksException(target, null, "no PNG writer in this Java runtime");
        });
    }
}
