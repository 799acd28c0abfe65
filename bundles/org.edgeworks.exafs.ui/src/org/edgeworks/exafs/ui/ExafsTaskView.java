package org.edgeworks.exafs.ui;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.edgeworks.ui.views.TaskView;

/**
 * The EXAFS task view (contributed in this bundle's plugin.xml and placed beside the other task views through
 * org.eclipse.ui.perspectiveExtensions): every spectrum opened in the data browser joins its list; results go
 * to the results view.
 */
public final class ExafsTaskView extends TaskView<ExafsTaskPanel> {
    public static final String ID = "org.edgeworks.exafs.ui.task";

    @Override
    protected ExafsTaskPanel createPanel(Composite parent) {
        return new ExafsTaskPanel(parent, SWT.NONE);
    }
}
