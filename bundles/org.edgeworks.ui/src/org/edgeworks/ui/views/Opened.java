package org.edgeworks.ui.views;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The data most recently opened from the data browser (the pipeline preview runs on it); task views of other
 * bundles (EXAFS) subscribe too. UI thread only.
 */
public final class Opened {
    private static final List<Consumer<Object>> LISTENERS = new CopyOnWriteArrayList<>();
    private static Object last;

    private Opened() {}

    public static void publish(Object data) {
        last = data;
        LISTENERS.forEach(l -> l.accept(data));
    }

    public static Object last() { return last; }

    public static Runnable subscribe(Consumer<Object> l) {
        LISTENERS.add(l);
        return () -> LISTENERS.remove(l);
    }
}
