package org.edgeworks.ui.views;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.ui.viewers.ResultSink;
import org.edgeworks.ui.widgets.LcfPanel;

/** LCF task view: every spectrum opened in the data browser joins its group list; fits go to the results view. */
public final class LcfView extends SubscribingView {
    public static final String ID = "org.edgeworks.ui.lcf";

    private LcfPanel panel;

    @Override
    public void createPartControl(Composite parent) {
        panel = new LcfPanel(parent, SWT.NONE);
        panel.onResult(r -> ResultSink.publish(r.value().sample() + " LCF", r));
        keep(Opened.subscribe(data -> {
            if (data instanceof Spectrum s && !panel.isDisposed()) panel.add(s, null);
        }));
        if (Opened.last() instanceof Spectrum s) panel.add(s, null);
    }

    public LcfPanel panel() { return panel; }

    @Override
    public void setFocus() {
        panel.setFocus();
    }
}
