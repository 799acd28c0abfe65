package org.edgeworks.ui.viewers;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

import org.edgeworks.core.processing.Result;

/**
 * Where viewers send processor results (feature quantifications, pipeline previews) for the results view;
 * UI-thread only. A plain listener list so viewers need no workbench to publish.
 */
public final class ResultSink {
    private static final List<BiConsumer<String, Result<?>>> LISTENERS = new CopyOnWriteArrayList<>();

    private ResultSink() {}

    public static void publish(String source, Result<?> result) {
        LISTENERS.forEach(l -> l.accept(source, result));
    }

    public static Runnable subscribe(BiConsumer<String, Result<?>> listener) {
        LISTENERS.add(listener);
        return () -> LISTENERS.remove(listener);
    }
}
