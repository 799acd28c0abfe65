package org.edgeworks.ui.views;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.ui.part.ViewPart;

/** A view that listens to the workbench's data and result channels, and stops listening when it closes. */
public abstract class SubscribingView extends ViewPart {
    private final List<Runnable> unsubscribe = new ArrayList<>();

    /** Keeps a channel's unsubscribe action for {@link #dispose()}. */
    protected final void keep(Runnable unsubscribeAction) {
        unsubscribe.add(unsubscribeAction);
    }

    @Override
    public void dispose() {
        unsubscribe.forEach(Runnable::run);
        unsubscribe.clear();
        super.dispose();
    }
}
