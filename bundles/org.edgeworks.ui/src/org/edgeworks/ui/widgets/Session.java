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
 * reopening it brings back the same files opening as the same mu, and the open task panels and viewers with
 * their parameters (per spectrum), overlays, mode and zoom. JSON:
 * {@code {"schema": "edgeworks-session/1", "files": [PATH...], "import_choices": [{"layout": [CHANNEL...],
 * "selection": {energy, mu, mode, i0, it, ifl, icr, ocr}}], "file_choices": [{"file", "layout", "selection"}],
 * "parts": [{"id": "task:...|viewer:...", "state": {...}}]}}. Older files without the last two keys still open.
 * Written atomically.
 */
public final class Session {
    public static final String SCHEMA = "edgeworks-session/1";

    /**
     * What a session holds: the browser's files, the import choices per file layout, the choice each file
     * opens with, and the state of every open task panel and viewer ({@link SessionParts}).
     */
    public record Content(String schema, List<String> files, List<ImportChoice> importChoices, List<FileChoice> fileChoices,
                          List<PartState> parts) {}

    /** The import choice a file opens with (its layout's choice, kept per file too). */
    public record FileChoice(String file, List<String> layout, XasInput.Selection selection) {}

    /** One task panel's or viewer's state. */
    public record PartState(String id, com.fasterxml.jackson.databind.JsonNode state) {}

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
        List<FileChoice> perFile = new ArrayList<>();
        for (DataBrowserPanel.FileItem f : browser.files()) {
            if (f.channels() == null || f.channels().isEmpty()) continue;
            XasInput.Selection sel = ImportPanel.rememberedChoices().get(String.join("|", f.channels()));
            if (sel != null) perFile.add(new FileChoice(f.path().toAbsolutePath().toString(), f.channels(), sel));
        }
        List<PartState> parts = new ArrayList<>();
        SessionParts.live().forEach((id, part) -> parts.add(new PartState(id, part.save())));
        try {
            AtomicFiles.writeString(target, true, JSON.writeValueAsString(new Content(SCHEMA, files, choices, perFile, parts)));
        } catch (JsonProcessingException e) {
            throw new EdgeworksException(target, null, "cannot write the session: " + e.getOriginalMessage());
        }
    }

    private static Content read(Path source) throws EdgeworksException {
        Content c;
        try {
            c = JSON.readValue(Files.readString(source), Content.class);
        } catch (java.io.IOException e) {
            throw new EdgeworksException(source, null, "not a session file: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (!SCHEMA.equals(c.schema()))
            throw new EdgeworksException(source, "/schema", "is '" + c.schema() + "', expected '" + SCHEMA + "'");
        return c;
    }

    /** Reads a session: the import choices come back first, then the files are opened in the browser. */
    public static Content load(Path source, DataBrowserPanel browser) throws EdgeworksException {
        Content c = read(source);
        Map<String, XasInput.Selection> choices = new LinkedHashMap<>();
        if (c.importChoices() != null) for (ImportChoice ic : c.importChoices()) choices.put(String.join("|", ic.layout()), ic.selection());
        if (c.fileChoices() != null) for (FileChoice fc : c.fileChoices()) choices.put(String.join("|", fc.layout()), fc.selection());
        ImportPanel.restoreChoices(choices);
        List<Path> files = new ArrayList<>();
        if (c.files() != null) for (String f : c.files()) files.add(Path.of(f));
        browser.addFiles(files);
        restoreParts(source, c);
        return c;
    }

    /** The ids of the parts a session file keeps (the workbench opens their views before {@link #load}). */
    public static List<String> partIds(Path source) throws EdgeworksException {
        List<String> ids = new ArrayList<>();
        for (PartState p : read(source).parts() == null ? List.<PartState>of() : read(source).parts()) ids.add(p.id());
        return ids;
    }

    /** Gives every live part with a saved id its state back; a part that cannot be restored is named in one line. */
    private static void restoreParts(Path source, Content c) throws EdgeworksException {
        if (c.parts() == null) return;
        var live = SessionParts.live();
        for (PartState p : c.parts()) {
            SessionParts.Part part = live.get(p.id());
            if (part == null) continue;
            try {
                part.restore(p.state());
            } catch (EdgeworksException e) {
                throw new EdgeworksException(source, "/parts/" + p.id(), e.getMessage());
            }
        }
    }
}
