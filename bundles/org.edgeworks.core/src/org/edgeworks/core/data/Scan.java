package org.edgeworks.core.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.edgeworks.core.EdgeworksException;

/**
 * A measured scan as a detector bundle hands it over: named channels (lazy), metadata, and
 * where it came from (file and path inside it). Immutable.
 */
public final class Scan {
    private final Path source;
    private final String entryPath;
    private final String detectorId;
    private final Map<String, Channel> channels;
    private final Map<String, String> metadata;

    public Scan(Path source, String entryPath, String detectorId, List<Channel> channels, Map<String, String> metadata) {
        this.source = source;
        this.entryPath = entryPath == null ? "" : entryPath;
        this.detectorId = detectorId == null ? "" : detectorId;
        Map<String, Channel> m = new LinkedHashMap<>();
        for (Channel c : channels) m.put(c.name(), c);
        this.channels = Collections.unmodifiableMap(m);
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata == null ? Map.of() : metadata));
    }

    public Path source() { return source; }
    public String entryPath() { return entryPath; }
    /** Id of the detector bundle that recognised the file. */
    public String detectorId() { return detectorId; }
    public Map<String, Channel> channels() { return channels; }
    public Map<String, String> metadata() { return metadata; }

    public Optional<Channel> channel(String name) { return Optional.ofNullable(channels.get(name)); }

    public Optional<Channel> first(ChannelRole role) {
        return channels.values().stream().filter(c -> c.role() == role).findFirst();
    }

    public List<Channel> all(ChannelRole role) {
        List<Channel> out = new ArrayList<>();
        for (Channel c : channels.values()) if (c.role() == role) out.add(c);
        return out;
    }

    /** The channel with a role, or an error naming the file. */
    public Channel require(ChannelRole role) throws EdgeworksException {
        return first(role).orElseThrow(() -> new EdgeworksException(String.valueOf(source), entryPath,
            "no " + role + " channel (channels: " + String.join(", ", channels.keySet()) + ")"));
    }

    /** The channel by name, or an error naming the file and listing what there is. */
    public Channel require(String name) throws EdgeworksException {
        Channel c = channels.get(name);
        if (c == null) {
            for (Channel x : channels.values()) if (x.name().equalsIgnoreCase(name)) return x;
            throw new EdgeworksException(String.valueOf(source), entryPath,
                "no channel '" + name + "' (channels: " + String.join(", ", channels.keySet()) + ")");
        }
        return c;
    }

    public String name() {
        String f = source == null ? "scan" : source.getFileName().toString();
        int dot = f.lastIndexOf('.');
        return dot > 0 ? f.substring(0, dot) : f;
    }
}
