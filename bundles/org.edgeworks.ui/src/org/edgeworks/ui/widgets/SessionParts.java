package org.edgeworks.ui.widgets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.widgets.Control;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.core.processing.SourceRef;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What a session file keeps of the open task panels and viewers: each registers itself as a {@link Part}
 * with a stable id ("task:PROCESSOR-ID", "viewer:spectrum", ...) while its control lives; Save Session asks each
 * for its state (JSON), Open Session gives each part with the same id its state back. Spectra are kept by
 * their raw file ({@link Sources}) and reopened through {@link DataOpener} (so the session's import choices
 * apply); spectra made in memory (merges, shifted copies) are kept by their numbers ({@link #numbers}) where a panel
 * keeps them (Calibrate / Align / Merge, with its undo history). UI thread only.
 */
public final class SessionParts {
    /** One part of the workbench a session keeps. */
    public interface Part {
        /** Stable id; the same panel or viewer in the next workbench has the same id. */
        String id();

        /** The part's state as JSON (snake_case keys). */
        JsonNode save();

        /** Puts a saved state back (files reopened, parameters set, results recomputed by the processors). */
        void restore(JsonNode state) throws EdgeworksException;
    }

    /** Puts a saved state back (the {@link Part#restore} of a part given as functions). */
    public interface Restorer {
        void restore(JsonNode state) throws EdgeworksException;
    }

    private static final Map<String, Part> LIVE = new LinkedHashMap<>();

    private SessionParts() {}

    /** Registers the part for as long as {@code owner} lives. */
    public static void register(Control owner, Part part) {
        LIVE.put(part.id(), part);
        owner.addDisposeListener(e -> LIVE.remove(part.id(), part));
    }

    /** Registers, for as long as {@code owner} lives, the part {@code id} whose state {@code save} gives and {@code restore} puts back. */
    public static void register(Control owner, String id, java.util.function.Supplier<JsonNode> save, Restorer restore) {
        register(owner, new Part() {
            @Override public String id() { return id; }
            @Override public JsonNode save() { return save.get(); }
            @Override public void restore(JsonNode state) throws EdgeworksException { restore.restore(state); }
        });
    }

    /** The parts now registered, by id. */
    public static Map<String, Part> live() { return new LinkedHashMap<>(LIVE); }

    /** The raw files of the spectra (absolute paths; a spectrum made in memory gives an empty string). */
    static ArrayNode files(List<Spectrum> spectra) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (Spectrum s : spectra) {
            SourceRef ref = Sources.of(s);
            a.add(ref == null || ref.file() == null ? "" : ref.file());
        }
        return a;
    }

    /** The spectra of saved files, reopened (an empty entry, a spectrum made in memory, gives null). */
    static List<Spectrum> open(JsonNode files) throws EdgeworksException {
        List<Spectrum> out = new ArrayList<>();
        if (files == null) return out;
        for (JsonNode f : files) {
            if (f.asText().isEmpty()) { out.add(null); continue; }
            Object data = DataOpener.openFile(Path.of(f.asText()));
            if (!(data instanceof Spectrum s))
                throw new EdgeworksException(Path.of(f.asText()), null, "does not open as a spectrum any more (import choice missing?)");
            out.add(s);
        }
        return out;
    }

    /** An overlay's state: its spectra's files, mode, pre/post lines, E - E0, hidden curves, the user's zoom. */
    public static JsonNode chartState(SpectrumChart chart) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set("files", files(chart.spectra()));
        o.put("mode", chart.mode().name().toLowerCase(java.util.Locale.ROOT));
        o.put("edge_lines", chart.edgeLines());
        o.put("relative_energy", chart.relativeEnergy());
        ArrayNode hidden = o.putArray("hidden");
        chart.hiddenCurves().stream().sorted().forEach(hidden::add);
        if (chart.userZoom()) {
            ArrayNode zoom = o.putArray("zoom");
            for (double v : chart.visibleRange()) zoom.add(v);
        }
        return o;
    }

    /** Puts an overlay back: the files reopened, then mode, lines, E - E0, hidden curves and zoom as saved. */
    public static void restoreChart(SpectrumChart chart, JsonNode state) throws EdgeworksException {
        List<Spectrum> spectra = new ArrayList<>(open(state.get("files")));
        spectra.removeIf(java.util.Objects::isNull);
        chart.setSpectra(spectra);
        chart.setEdgeLines(state.path("edge_lines").asBoolean(false));
        if (state.path("relative_energy").asBoolean(false) != chart.relativeEnergy()) chart.setRelativeEnergy(state.path("relative_energy").asBoolean());
        chart.setMode(SpectrumChart.Mode.valueOf(state.path("mode").asText("mu").toUpperCase(java.util.Locale.ROOT)));
        for (JsonNode h : state.path("hidden")) chart.setCurveVisible(h.asText(), false);
        JsonNode z = state.get("zoom");
        if (z != null && z.size() == 4) chart.zoomTo(z.get(0).asDouble(), z.get(1).asDouble(), z.get(2).asDouble(), z.get(3).asDouble());
    }

    /**
     * A spectrum made in memory (a shifted copy, a merge) as a session keeps it: its numbers, written as JSON
     * doubles (shortest exact form, so they read back bit for bit; a missing point, NaN, as null; infinities as
     * "Infinity" / "-Infinity"), and the raw file it was made from:
     * {@code {"name", "channel", "energy": [eV...], "signal": [...], "uncertainty": [...] | null,
     * "source": {"file", "path_in_file", "sha256"} | null}}.
     */
    static ObjectNode numbers(Spectrum s) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("name", s.name());
        o.put("channel", s.channel());
        doubles(o.putArray("energy"), s.energies());
        doubles(o.putArray("signal"), s.signal());
        if (s.hasUncertainty()) doubles(o.putArray("uncertainty"), s.uncertainty());
        else o.putNull("uncertainty");
        SourceRef ref = Sources.of(s);
        if (ref == null) o.putNull("source");
        else o.putObject("source").put("file", ref.file()).put("path_in_file", ref.pathInFile()).put("sha256", ref.sha256());
        return o;
    }

    private static void doubles(ArrayNode a, double[] v) {
        for (double x : v) {
            if (Double.isNaN(x)) a.addNull();
            else if (Double.isInfinite(x)) a.add(x > 0 ? "Infinity" : "-Infinity");
            else a.add(x);
        }
    }

    /** The spectrum {@link #numbers} wrote, with its raw file as its source again; a damaged entry refused in one line. */
    static Spectrum fromNumbers(JsonNode o) throws EdgeworksException {
        double[] e = doubles(o, "energy"), y = doubles(o, "signal");
        double[] u = o.path("uncertainty").isArray() ? doubles(o, "uncertainty") : null;
        if (e.length != y.length || (u != null && u.length != y.length))
            throw EdgeworksException.of("session", o.path("name").asText() + ": energy, signal and uncertainty differ in length");
        Spectrum s = new Spectrum(o.path("name").asText(), org.edgeworks.core.data.Axis.energy(e), y, u, o.path("channel").asText());
        JsonNode src = o.path("source");
        if (src.isObject())
            Sources.remember(s, new SourceRef(src.path("file").asText(null), src.path("path_in_file").asText(null), src.path("sha256").asText(null)));
        return s;
    }

    private static double[] doubles(JsonNode o, String key) throws EdgeworksException {
        JsonNode a = o.path(key);
        if (!a.isArray()) throw EdgeworksException.of("session", o.path("name").asText() + ": no " + key + " array");
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            JsonNode x = a.get(i);
            if (x.isNumber()) v[i] = x.doubleValue();
            else if (x.isNull()) v[i] = Double.NaN;
            else if (x.asText().equals("Infinity") || x.asText().equals("-Infinity")) v[i] = Double.parseDouble(x.asText());
            else throw EdgeworksException.of("session", o.path("name").asText() + ": " + key + "[" + i + "] is not a number");
        }
        return v;
    }

    /** The key of a spectrum for per-spectrum parameters: its raw file, else its name. */
    static String key(Spectrum s) {
        SourceRef ref = Sources.of(s);
        return ref != null && ref.file() != null ? ref.file() : s.name();
    }
}
