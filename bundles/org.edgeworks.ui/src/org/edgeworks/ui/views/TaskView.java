package org.edgeworks.ui.views;

import org.eclipse.swt.widgets.Composite;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.ui.viewers.ResultSink;
import org.edgeworks.ui.widgets.ErrorDialogs;
import org.edgeworks.ui.widgets.TaskPanel;

/**
 * A task view: its {@link TaskPanel} in the workbench. Every spectrum opened in the data browser (and the one
 * open when the view opens) joins the panel's list; the panel's results go to the results view. A view is
 * its panel's constructor; contribute it in plugin.xml ({@code org.eclipse.ui.views}).
 */
public abstract class TaskView<P extends TaskPanel<?>> extends SubscribingView {
    private P panel;

    /** Makes the view's panel in {@code parent}; a refusal is shown in one line and the view stays empty. */
    protected abstract P createPanel(Composite parent) throws EdgeworksException;

    @Override
    public void createPartControl(Composite parent) {
        try {
            panel = createPanel(parent);
        } catch (EdgeworksException e) {
            ErrorDialogs.show(parent.getShell(), "Task panel", e);
            return;
        }
        panel.onResult(ResultSink::publish);
        keep(Opened.subscribe(data -> {
            if (data instanceof Spectrum s && !panel.isDisposed()) panel.add(s);
        }));
        if (Opened.last() instanceof Spectrum s) panel.add(s);
    }

    public P panel() { return panel; }

    @Override
    public void setFocus() {
        if (panel != null) panel.setFocus();
    }
}
