package org.edgeworks.core.registry;

import java.util.Map;

/**
 * One element contributed to an extension point: its element name, its attributes, the
 * contributing bundle, and a way to create the class named by its {@code class} attribute.
 */
public record Contribution(String extensionPoint, String element, Map<String, String> attributes,
                           String contributor, Factory factory) {

    @FunctionalInterface
    public interface Factory {
        Object create(String attribute) throws ReflectiveOperationException;
    }

    public String attribute(String name) { return attributes.get(name); }

    public <T> T create(Class<T> type) {
        try {
            return type.cast(factory.create("class"));
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException(contributor + ": cannot create " + attributes.get("class")
                + " for " + extensionPoint + ": " + e, e);
        }
    }
}
