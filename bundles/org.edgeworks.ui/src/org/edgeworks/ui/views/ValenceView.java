package org.edgeworks.ui.views;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.ui.viewers.ResultSink;
import org.edgeworks.ui.widgets.ValencePanel;

/** Valence task view: every spectrum opened in the data browser joins its list; fits go to the results view. */
public final class ValenceView extends SubscribingView {
    public static final String ID = "org.edgeworks.ui.task.valence";

    private ValencePanel panel;

    @Override
    public void createPartControl(Composite parent) {
        panel = new ValencePanel(parent, SWT.NONE);
        panel.onResult(r -> ResultSink.publish("valence", r));
        keep(Opened.subscribe(data -> {
            if (data instanceof Spectrum s && !panel.isDisposed()) panel.add(s, null);
        }));
        if (Opened.last() instanceof Spectrum s) panel.add(s, null);
    }

    public ValencePanel panel() { return panel; }

    @Override
    public void setFocus() {
        panel.setFocus();
    }
}
