package org.edgeworks.ui.viewers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.edgeworks.core.registry.Contribution;
import org.edgeworks.core.registry.Extensions;

/**
 * Every viewer contributed to {@code org.edgeworks.ui.viewers}, Edgeworks' own included (plugin.xml is the
 * only list; nothing is registered in code). Works in OSGi and, for widget tests, in a plain JVM.
 */
public final class ViewerRegistry {
    public static final String EXTENSION_POINT = "org.edgeworks.ui.viewers";

    /** One contributed viewer as plugin.xml declares it. */
    public record Entry(String id, String name, String dataType, int priority, boolean perData, Contribution contribution) {
        public DataViewer create() {
            return contribution.create(DataViewer.class);
        }
    }

    private final List<Entry> entries;

    private ViewerRegistry(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static ViewerRegistry load() {
        List<Entry> list = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (Contribution c : Extensions.contributions(EXTENSION_POINT)) {
            if (!"viewer".equals(c.element())) continue;
            String id = c.attribute("id");
            if (!ids.add(id)) throw new IllegalStateException("viewer id contributed twice: " + id);
            String priority = c.attribute("priority");
            list.add(new Entry(id, c.attribute("name"), c.attribute("dataType"),
                    priority == null || priority.isBlank() ? 0 : Integer.parseInt(priority.trim()),
                    "perData".equals(c.attribute("instances")), c));
        }
        return new ViewerRegistry(list);
    }

    public List<Entry> entries() {
        return entries;
    }

    public Optional<Entry> byId(String id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** Viewers whose data type the data is an instance of, highest priority first. */
    public List<Entry> forData(Object data) {
        Set<String> typeNames = typeNames(data.getClass());
        return entries.stream().filter(e -> typeNames.contains(e.dataType()))
                .sorted(Comparator.comparingInt(Entry::priority).reversed()).toList();
    }

    /** The viewer a double-click opens. */
    public Optional<Entry> best(Object data) {
        return forData(data).stream().findFirst();
    }

    /** Names of the class, its superclasses and all interfaces: matched by name so no bundle must load another's class. */
    static Set<String> typeNames(Class<?> type) {
        Set<String> names = new LinkedHashSet<>();
        List<Class<?>> todo = new ArrayList<>(List.of(type));
        while (!todo.isEmpty()) {
            Class<?> c = todo.remove(0);
            if (c == null || !names.add(c.getName())) continue;
            todo.add(c.getSuperclass());
            todo.addAll(List.of(c.getInterfaces()));
        }
        return names;
    }
}
