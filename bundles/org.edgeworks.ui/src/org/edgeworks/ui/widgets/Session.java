package org.edgeworks.ui.widgets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.io.AtomicFiles;
import org.edgeworks.pipeline.xas.XasInput;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * A session file: the files open in the data browser and the import choices made per file layout, so
 * reopening it brings back the same files opening as the same mu. JSON:
 * {@code {"schema": "edgeworks-session/1", "files": [PATH...], "import_choices": [{"layout": [CHANNEL...],
 * "selection": {energy, mu, mode, i0, it, ifl, icr, ocr}}]}}. Written atomically.
 */
public final class Session {
    public static final String SCHEMA = "edgeworks-session/1";

    /** What a session holds. */
    public record Content(String schema, List<String> files, List<ImportChoice> importChoices) {}

    /** One remembered import choice: the file layout (channel names in order) and the selection made for it. */
    public record ImportChoice(List<String> layout, XasInput.Selection selection) {}

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE);

    private Session() {}

    /** Writes the browser's files and the remembered import choices. */
    public static void save(Path target, DataBrowserPanel browser) throws EdgeworksException {
        List<String> files = new ArrayList<>();
        for (DataBrowserPanel.FileItem f : browser.files()) files.add(f.path().toAbsolutePath().toString());
        List<ImportChoice> choices = new ArrayList<>();
        ImportPanel.rememberedChoices().forEach((layout, sel) -> choices.add(new ImportChoice(List.of(layout.split("\\|")), sel)));
        try {
            AtomicFiles.writeString(target, true, JSON.writeValueAsString(new Content(SCHEMA, files, choices)));
        } catch (JsonProcessingException e) {
            throw new EdgeworksException(target, null, "cannot write the session: " + e.getOriginalMessage());
        }
    }

    /** Reads a session: the import choices come back first, then the files are opened in the browser. */
    public static Content load(Path source, DataBrowserPanel browser) throws EdgeworksException {
        Content c;
        try {
            c = JSON.readValue(Files.readString(source), Content.class);
        } catch (java.io.IOException e) {
            throw new EdgeworksException(source, null, "not a session file: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (!SCHEMA.equals(c.schema()))
            throw new EdgeworksException(source, "/schema", "is '" + c.schema() + "', expected '" + SCHEMA + "'");
        Map<String, XasInput.Selection> choices = new LinkedHashMap<>();
        if (c.importChoices() != null) for (ImportChoice ic : c.importChoices()) choices.put(String.join("|", ic.layout()), ic.selection());
        ImportPanel.restoreChoices(choices);
        List<Path> files = new ArrayList<>();
        if (c.files() != null) for (String f : c.files()) files.add(Path.of(f));
        browser.addFiles(files);
        return c;
    }
}
