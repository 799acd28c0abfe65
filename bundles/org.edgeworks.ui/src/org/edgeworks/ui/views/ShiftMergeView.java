package org.edgeworks.ui.views;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.edgeworks.ui.widgets.ShiftMergePanel;

/** Calibrate / Align / Merge task view: every spectrum opened in the data browser joins its list; results go to the results view. */
public final class ShiftMergeView extends TaskView<ShiftMergePanel> {
    public static final String ID = "org.edgeworks.ui.task.shiftMerge";

    @Override
    protected ShiftMergePanel createPanel(Composite parent) {
        return new ShiftMergePanel(parent, SWT.NONE);
    }
}
