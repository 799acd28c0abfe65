package org.edgeworks.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class SvgPlotsTest {

    @Test
    void linePlotIsAValidSvgWithTheSeriesAndLabels(@TempDir Path dir) throws Exception {
        double[] x = {6500, 6520, 6540, 6560};
        LinePlot plot = new LinePlot("Mn K-edge", "Energy (eV)", "norm",
            List.of(new Series("MnO", x, new double[] {0, 0.1, 1.0, 1.0}, false),
                    new Series("fit", x, new double[] {0, 0.12, 0.98, 1.01}, true)), List.of(6539.0));
        Path file = dir.resolve("plot.svg");
        SvgPlots.linePlot(file, false, plot);
        String svg = Files.readString(file);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals("svg", doc.getDocumentElement().getTagName());
        assertEquals(PngPlots.LINE_WIDTH, Double.parseDouble(doc.getDocumentElement().getAttribute("width")), 0);
        for (String text : List.of("Mn K-edge", "Energy (eV)", "MnO", "fit"))
            assertTrue(svg.contains(">" + text + "<"), "SVG shows '" + text + "'");
        assertTrue(doc.getElementsByTagName("path").getLength() >= 2, "one path per series at least");
        assertTrue(svg.contains("stroke-dasharray"), "the dashed series stays dashed");
    }
}
