package org.edgeworks.ui.views;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.edgeworks.ui.widgets.ValencePanel;

/** Valence task view: every spectrum opened in the data browser joins its list; fits go to the results view. */
public final class ValenceView extends TaskView<ValencePanel> {
    public static final String ID = "org.edgeworks.ui.task.valence";

    @Override
    protected ValencePanel createPanel(Composite parent) {
        return new ValencePanel(parent, SWT.NONE);
    }
}
