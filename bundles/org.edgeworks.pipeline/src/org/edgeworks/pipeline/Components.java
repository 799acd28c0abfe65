package org.edgeworks.pipeline;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

import org.edgeworks.core.EdgeworksException;

/** Reflection helpers: the components a step may take with "from". */
final class Components {
    private Components() {}

    /** The type of component/method {@code name} of {@code type}, or an error listing what there is. */
    static Class<?> type(Class<?> type, String name, String where, String at) throws EdgeworksException {
        Method m = accessor(type, name);
        if (m == null) throw new EdgeworksException(where, at, "'" + name + "' is not part of " + type.getSimpleName()
            + " (has: " + String.join(", ", names(type)) + ")");
        return m.getReturnType();
    }

    static Object take(Object value, String name) throws EdgeworksException {
        Method m = accessor(value.getClass(), name);
        if (m == null) throw EdgeworksException.of(value.getClass().getSimpleName(), "no component '" + name + "'");
        try {
            Object v = m.invoke(value);
            if (v == null) throw EdgeworksException.of(value.getClass().getSimpleName(), "'" + name + "' is empty for this input");
            return v;
        } catch (ReflectiveOperationException e) {
            throw EdgeworksException.of(value.getClass().getSimpleName(), "cannot take '" + name + "': " + e);
        }
    }

    private static Method accessor(Class<?> type, String name) {
        try {
            Method m = type.getMethod(name);
            return m.getReturnType() == void.class || m.getDeclaringClass() == Object.class ? null : m;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    static List<String> names(Class<?> type) {
        List<String> out = new ArrayList<>();
        if (type.isRecord()) for (RecordComponent rc : type.getRecordComponents()) out.add(rc.getName());
        for (Method m : type.getMethods())
            if (m.getParameterCount() == 0 && m.getDeclaringClass() == type && !out.contains(m.getName())
                && m.getReturnType() != void.class && !List.of("hashCode", "toString").contains(m.getName())) out.add(m.getName());
        return out;
    }

    /** A hint for a type mismatch: the components of the output that have the wanted type. */
    static String hint(Class<?> output, Class<?> wanted) {
        List<String> fits = new ArrayList<>();
        for (String n : names(output)) {
            Method m = accessor(output, n);
            if (m != null && wanted.isAssignableFrom(m.getReturnType())) fits.add(n);
        }
        return fits.isEmpty() ? "" : " (add \"from\": one of " + String.join(", ", fits) + ")";
    }
}
