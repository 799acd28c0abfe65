package org.edgeworks.ui.views;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.ui.viewers.ResultSink;
import org.edgeworks.ui.widgets.ShiftMergePanel;

/** Calibrate / Align / Merge task view: every spectrum opened in the data browser joins its list; results go to the results view. */
public final class ShiftMergeView extends SubscribingView {
    public static final String ID = "org.edgeworks.ui.task.shiftMerge";

    private ShiftMergePanel panel;

    @Override
    public void createPartControl(Composite parent) {
        panel = new ShiftMergePanel(parent, SWT.NONE);
        panel.onResult(ResultSink::publish);
        keep(Opened.subscribe(data -> {
            if (data instanceof Spectrum s && !panel.isDisposed()) panel.add(s);
        }));
        if (Opened.last() instanceof Spectrum s) panel.add(s);
    }

    public ShiftMergePanel panel() { return panel; }

    @Override
    public void setFocus() {
        panel.setFocus();
    }
}
