package org.edgeworks.ui.views;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.edgeworks.ui.widgets.LcfPanel;

/** LCF task view: every spectrum opened in the data browser joins its group list; fits go to the results view. */
public final class LcfView extends TaskView<LcfPanel> {
    public static final String ID = "org.edgeworks.ui.lcf";

    @Override
    protected LcfPanel createPanel(Composite parent) {
        return new LcfPanel(parent, SWT.NONE);
    }
}
