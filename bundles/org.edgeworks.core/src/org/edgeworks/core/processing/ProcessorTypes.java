package org.edgeworks.core.processing;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

/** A processor class's declared output type, the {@code O} of {@code Processor<I, P, O>}, read from its generic signature. */
final class ProcessorTypes {
    private ProcessorTypes() {}

    private static final Map<Class<?>, Class<?>> OUTPUTS = new ConcurrentHashMap<>();

    /** The declared output class (the raw class of a parameterised one), or Object when none is declared. */
    static Class<?> output(Class<?> c) {
        return OUTPUTS.computeIfAbsent(c, ProcessorTypes::find);
    }

    private static Class<?> find(Class<?> c) {
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
            for (Type t : k.getGenericInterfaces()) {
                Class<?> found = fromType(t);
                if (found != null) return found;
            }
            Class<?> fromSuper = fromType(k.getGenericSuperclass());
            if (fromSuper != null) return fromSuper;
        }
        return Object.class;
    }

    private static Class<?> fromType(Type t) {
        if (t instanceof ParameterizedType pt && pt.getRawType() instanceof Class<?> raw && Processor.class.isAssignableFrom(raw)) {
            Type[] args = pt.getActualTypeArguments();
            if (args.length == 3) {
                if (args[2] instanceof Class<?> out) return out;
                if (args[2] instanceof ParameterizedType p && p.getRawType() instanceof Class<?> out) return out;
            }
        }
        return null;
    }
}
