package org.edgeworks.core.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Equinox side of {@link Extensions}. Kept in its own class so that a plain JVM without
 * the registry bundle never links against it.
 */
final class OsgiRegistry {
    private OsgiRegistry() {}

    /** Contributions from the running extension registry, or null when there is none. */
    static List<Contribution> contributions(String pointId) {
        try {
            Class.forName("org.eclipse.core.runtime.RegistryFactory", false, OsgiRegistry.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
        return Linked.contributions(pointId);
    }

    private static final class Linked {
        static List<Contribution> contributions(String pointId) {
            org.eclipse.core.runtime.IExtensionRegistry reg = org.eclipse.core.runtime.RegistryFactory.getRegistry();
            if (reg == null) return null;
            List<Contribution> out = new ArrayList<>();
            for (org.eclipse.core.runtime.IConfigurationElement el : reg.getConfigurationElementsFor(pointId)) {
                Map<String, String> attrs = new LinkedHashMap<>();
                for (String a : el.getAttributeNames()) attrs.put(a, el.getAttribute(a));
                out.add(new Contribution(pointId, el.getName(), attrs, el.getContributor().getName(), attr -> {
                    try {
                        return el.createExecutableExtension(attr);
                    } catch (org.eclipse.core.runtime.CoreException e) {
                        throw new ReflectiveOperationException(e.getMessage(), e);
                    }
                }));
            }
            return out;
        }
    }
}
