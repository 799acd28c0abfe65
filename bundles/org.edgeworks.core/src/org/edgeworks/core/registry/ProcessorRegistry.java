package org.edgeworks.core.registry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.processing.Processor;

/** Every processor contributed to {@code org.edgeworks.core.processors}, by id. */
public final class ProcessorRegistry {
    public static final String EXTENSION_POINT = "org.edgeworks.core.processors";

    private final Map<String, Processor<?, ?, ?>> byId;

    private ProcessorRegistry(Map<String, Processor<?, ?, ?>> byId) {
        this.byId = Collections.unmodifiableMap(byId);
    }

    /** Loads the registry; a duplicate id or a class whose id() differs from plugin.xml is an error. */
    public static ProcessorRegistry load() {
        Map<String, Processor<?, ?, ?>> m = new LinkedHashMap<>();
        for (Contribution c : Extensions.contributions(EXTENSION_POINT)) {
            if (!"processor".equals(c.element())) continue;
            Processor<?, ?, ?> p = c.create(Processor.class);
            String id = c.attribute("id");
            if (!p.id().equals(id))
                throw new IllegalStateException(c.contributor() + ": plugin.xml id " + id + " but class says " + p.id());
            if (m.putIfAbsent(id, p) != null)
                throw new IllegalStateException("processor id registered twice: " + id);
        }
        return new ProcessorRegistry(m);
    }

    public Map<String, Processor<?, ?, ?>> all() { return byId; }

    public Processor<?, ?, ?> get(String id) throws EdgeworksException {
        Processor<?, ?, ?> p = byId.get(id);
        if (p == null) throw EdgeworksException.of("processor " + id, "unknown processor (known: " + String.join(", ", byId.keySet()) + ")");
        return p;
    }
}
