package org.edgeworks.detector.ascii;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.detector.Detector;
import org.edgeworks.core.detector.FileProbe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Edgeworks' JSON results (NAME.json of xas normalize, quantification.json, lcf.json, ...) as a file
 * kind of their own, so {@code info} and the workbench open them instead of refusing them as a
 * column file: strict JSON (a NaN or Infinity number is refused in one line naming the place), no
 * channels, the top-level keys and scalar values in the metadata ({@code format = json}).
 */
public final class JsonDocumentDetector implements Detector {
    public static final String ID = "org.edgeworks.detector.ascii.json";
    /** Scalars shown in the metadata at most (a result's summary, not its arrays). */
    static final int MAX_SCALARS = 40;

    @Override public String id() { return ID; }

    @Override
    public int recognise(Path file, FileProbe probe) {
        if (!probe.isText() || !file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) return 0;
        String head = probe.headText().stripLeading();
        return head.startsWith("{") || head.startsWith("[") ? 5 : 0;
    }

    @Override
    public Scan read(Path file) throws EdgeworksException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(String.join("\n", ColumnFile.lines(file)));
        } catch (IOException e) {
            String where = e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null
                ? "line " + j.getLocation().getLineNr() : null;
            throw new EdgeworksException(file, where, "not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", "json");
        List<String> keys = new ArrayList<>();
        int scalars = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> f = it.next();
            keys.add(f.getKey());
            if (f.getValue().isValueNode() && scalars++ < MAX_SCALARS) meta.put(f.getKey(), f.getValue().asText());
        }
        meta.put("keys", root.isArray() ? "(an array of " + root.size() + ")" : String.join(", ", keys));
        return new Scan(file, "", ID, List.of(), meta);
    }
}
