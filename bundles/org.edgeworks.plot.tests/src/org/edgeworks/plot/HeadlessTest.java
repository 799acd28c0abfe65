package org.edgeworks.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.edgeworks.core.EdgeworksException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batch reports are written on machines with no X server: plots must render with java.awt.headless=true. */
class HeadlessTest {

    /** Run in a fresh JVM with no display variables: writes a line plot and a map to the given folder. */
    public static void main(String[] args) throws EdgeworksException {
        if (!GraphicsEnvironment.isHeadless()) throw new IllegalStateException("expected a headless JVM");
        Path dir = Path.of(args[0]);
        PngPlots.linePlot(dir.resolve("line.png"), false, LinePlot.of("headless", "E (eV)", "mu",
                List.of(Series.of("a", new double[] {1, 2, 3}, new double[] {1, 4, 9}))));
        PngPlots.mapPlot(dir.resolve("map.png"), false, PngPlotsTest.spotMap(Colormap.VIRIDIS, Scaling.linear()));
    }

    @Test
    void plotsRenderInAHeadlessJvmWithoutDisplay(@TempDir Path dir) throws Exception {
        List<String> classPath = new ArrayList<>();
        Set<Class<?>> anchors = new LinkedHashSet<>(List.of(HeadlessTest.class, PngPlots.class, EdgeworksException.class));
        for (Class<?> anchor : anchors) {
            var source = anchor.getProtectionDomain().getCodeSource();
            Assumptions.assumeTrue(source != null && "file".equals(source.getLocation().getProtocol()),
                    "class files are not plain files here (OSGi bundle URL); checked by the plain-JVM run");
            try {
                classPath.add(Path.of(source.getLocation().toURI()).toString());
            } catch (URISyntaxException e) {
                Assumptions.abort("unusual code source " + source.getLocation());
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Djava.awt.headless=true", "-cp",
                String.join(File.pathSeparator, new LinkedHashSet<>(classPath)), HeadlessTest.class.getName(), dir.toString());
        builder.environment().keySet().removeAll(List.of("DISPLAY", "WAYLAND_DISPLAY", "XAUTHORITY"));
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, process.exitValue(), output);
        BufferedImage line = ImageIO.read(dir.resolve("line.png").toFile());
        assertEquals(PngPlots.LINE_WIDTH, line.getWidth());
        BufferedImage map = ImageIO.read(dir.resolve("map.png").toFile());
        assertEquals(PngPlots.MAP_HEIGHT, map.getHeight());
        assertTrue(Files.size(dir.resolve("map.png")) > 1000);
    }
}
