package org.edgeworks.ui.views;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The data most recently opened from the data browser (the pipeline preview runs on it). UI thread only. */
final class Opened {
    private static final List<Consumer<Object>> LISTENERS = new CopyOnWriteArrayList<>();
    private static Object last;

    private Opened() {}

    static void publish(Object data) {
        last = data;
        LISTENERS.forEach(l -> l.accept(data));
    }

    static Object last() { return last; }

    static Runnable subscribe(Consumer<Object> l) {
        LISTENERS.add(l);
        return () -> LISTENERS.remove(l);
    }
}
