package org.edgeworks.ui.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.core.processing.Result;
import org.edgeworks.core.registry.ProcessorRegistry;
import org.edgeworks.testsupport.SharedData;
import org.edgeworks.xas.NormalizeProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Pipeline editing with generated, validated parameter forms; results with provenance; pipeline JSON round trip. */
class PipelineAndResultsTest {
    private Shell shell;

    @AfterEach
    void close() {
        if (shell != null) shell.dispose();
    }

    @Test
    void pipelineFromRegisteredProcessorsWithValidatedFormsPreviewResultsAndJson(@TempDir Path tmp) throws Exception {
        shell = Ui.shell("pipeline", 1280, 800);
        SashForm sash = new SashForm(shell, SWT.VERTICAL);
        PipelinePanel pipeline = new PipelinePanel(sash, SWT.NONE);
        ResultsPanel results = new ResultsPanel(sash, SWT.NONE);
        pipeline.onPreview(list -> list.forEach(r -> results.add("Mn_foil", r)));
        Ui.open(shell);

        // every processor of every plugin.xml is offered, nothing else
        assertEquals(ProcessorRegistry.load().all().keySet(),
                new java.util.LinkedHashSet<>(pipeline.available().stream().map(p -> p.id()).toList()));
        var normalize = ProcessorRegistry.load().get(NormalizeProcessor.ID);
        pipeline.add(normalize);
        ParameterForm form = pipeline.form();
        assertNotNull(form);
        assertNull(form.error(), "defaults are valid");
        // a generated form: a drop-down for the enum, text for numbers, labels from @Param
        assertInstanceOf(org.eclipse.swt.widgets.Combo.class, form.field("e0Method"));
        assertInstanceOf(Text.class, form.field("nvict"));

        form.setText("nvict", "9");
        assertTrue(form.error() != null && form.error().startsWith("nvict: 9 is above the maximum 4"), form.error());
        Ui.screenshot(shell, "pipeline-validation-error");
        form.setText("nvict", "abc");
        assertTrue(form.error().contains("'abc' is not a number"), form.error());
        form.setText("nvict", "1");
        assertNull(form.error());
        form.setText("pre1", "-60");
        assertNull(form.error());

        Spectrum foil = SpectrumChartTest.sample("Mn_foil.dat");
        pipeline.setPreviewInput(foil);
        List<Result<?>> preview = pipeline.preview();
        assertEquals(1, preview.size(), pipeline.status());
        NormalizeProcessor.Normalized expected = new NormalizeProcessor().apply(foil,
                new NormalizeProcessor.Params(NormalizeProcessor.Params.defaults().e0Method(), null, -60.0, null, null, null, null, 1, null,
                        NormalizeProcessor.Params.defaults().normalization())).value();
        NormalizeProcessor.Normalized got = (NormalizeProcessor.Normalized) preview.get(0).value();
        assertEquals(expected.e0(), got.e0(), 0);
        assertEquals(expected.edgeStep(), got.edgeStep(), 0);
        // and independently of this code: Larch's pre_edge e0 for the same file (its E0 search does not use pre1, nvict)
        JsonNode larch = new ObjectMapper().readTree(SharedData.path("peers", "larch_pre_edge.json").toFile());
        assertEquals(larch.get("mn_foil").get("e0").asDouble(), got.e0(), 1e-9, "Larch's e0 of Mn_foil.dat");

        // the results table shows the processor's numbers with the provenance (processor, version, parameters)
        var e0Row = results.rows().stream().filter(r -> r.quantity().equals("e0")).reduce((a, b) -> b).orElseThrow();
        assertEquals(ResultsPanel.text(expected.e0()), e0Row.value());
        assertTrue(e0Row.processor().startsWith(NormalizeProcessor.ID), e0Row.processor());
        assertTrue(e0Row.provenance().contains("pre1=-60.0"), e0Row.provenance());
        assertTrue(results.tsv().lines().anyMatch(l -> l.contains("\tedgeStep\t" + ResultsPanel.text(expected.edgeStep()))), results.tsv());

        Ui.screenshot(shell, "pipeline-and-results");

        Path json = tmp.resolve("pipeline.json");
        PipelineDocument.save(json, pipeline.steps());
        String text = Files.readString(json);
        assertTrue(text.contains("\"schema\" : \"" + PipelineDocument.SCHEMA + "\"") && text.contains("\"nvict\" : 1"), text);
        assertTrue(text.contains("org.edgeworks.pipeline.mu"), "saved files start with the Scan adapter, so `edgeworks run` takes them: " + text);
        var loaded = PipelineDocument.load(json);
        assertEquals(1, loaded.size());
        assertEquals(pipeline.steps().get(0).parameters(), loaded.get(0).parameters());
        pipeline.setSteps(List.of());
        pipeline.setSteps(loaded);
        assertEquals(1, pipeline.steps().size());

        Path csv = tmp.resolve("results.csv");
        results.exportCsv(csv);
        assertTrue(Files.readAllLines(csv).size() == results.rows().size() + 1);

        // the pipeline over files, as a Job: each file's results, a broken file named and the others done
        pipeline.setSteps(List.of(loaded.get(0)));
        Path samples = SharedData.samples().resolve("xanes");
        Path broken = Files.writeString(tmp.resolve("broken.dat"), "not a spectrum\n");
        List<PipelinePanel.FileRun> runs = new java.util.ArrayList<>();
        pipeline.onFileRun(runs::add);
        pipeline.runOnFiles(List.of(samples.resolve("MnO.dat"), broken, samples.resolve("Pyrolusite.dat"))).join();
        Ui.settle();
        assertEquals(3, runs.size());
        assertEquals(1, runs.get(0).results().size());
        assertTrue(runs.get(1).error() != null && runs.get(1).error().contains("broken.dat"), String.valueOf(runs.get(1).error()));
        NormalizeProcessor.Normalized pyrolusite = (NormalizeProcessor.Normalized) runs.get(2).results().get(0).value();
        assertEquals(new NormalizeProcessor().apply(SpectrumChartTest.sample("Pyrolusite.dat"), (NormalizeProcessor.Params) loaded.get(0).parameters())
                .value().e0(), pyrolusite.e0(), 0);
        assertEquals(larch.get("mn_MnO2_pyrolusite").get("e0").asDouble(), pyrolusite.e0(), 1e-9, "Larch's e0 of Pyrolusite.dat");
        assertTrue(pipeline.status().contains("3 file(s) run, 1 failed"), pipeline.status());

        Files.writeString(tmp.resolve("bad.json"), "{\"schema\":\"" + PipelineDocument.SCHEMA + "\",\"steps\":[{\"processor\":\"no.such\"}]}");
        EdgeworksException bad = assertThrows(EdgeworksException.class, () -> PipelineDocument.load(tmp.resolve("bad.json")));
        assertTrue(bad.getMessage().contains("bad.json") && bad.getMessage().contains("steps[0]"), bad.getMessage());
    }
}
