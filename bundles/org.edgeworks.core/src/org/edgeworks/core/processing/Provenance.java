package org.edgeworks.core.processing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one processor did: its id and version, every parameter it actually used (after defaults
 * and automatic choices, like Larch's pre_edge returning the ranges it chose), notes on what it
 * did to the input (sorted, duplicates averaged, NaNs masked), the raw source and when.
 */
public record Provenance(String processorId, String processorVersion, Map<String, Object> parameters,
                         List<String> notes, SourceRef source, String date) {

    public Provenance {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters == null ? Map.of() : parameters));
        notes = List.copyOf(notes == null ? List.of() : notes);
        date = date == null ? Clock.now() : date;
    }

    public static Provenance of(String id, String version, Map<String, Object> parameters, List<String> notes) {
        return new Provenance(id, version, parameters, notes, null, null);
    }

    public Provenance withSource(SourceRef src) {
        return new Provenance(processorId, processorVersion, parameters, notes, src, date);
    }

    public Provenance withNote(String note) {
        List<String> n = new ArrayList<>(notes);
        n.add(note);
        return new Provenance(processorId, processorVersion, parameters, n, source, date);
    }
}
