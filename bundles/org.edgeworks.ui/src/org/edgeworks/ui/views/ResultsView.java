package org.edgeworks.ui.views;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.edgeworks.ui.viewers.ResultSink;
import org.edgeworks.ui.widgets.ResultsPanel;

/** Results view: every result published by viewers and pipeline previews, with its provenance. */
public final class ResultsView extends SubscribingView {
    public static final String ID = "org.edgeworks.ui.results";

    private ResultsPanel panel;

    @Override
    public void createPartControl(Composite parent) {
        panel = new ResultsPanel(parent, SWT.NONE);
        keep(ResultSink.subscribe((source, result) -> {
            if (!panel.isDisposed()) panel.add(source, result);
        }));
    }

    /** The results table (File > Export Results, Edit > Copy Results). */
    public ResultsPanel panel() { return panel; }

    @Override
    public void setFocus() {
        panel.setFocus();
    }
}
