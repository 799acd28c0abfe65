package org.edgeworks.ui.viewers;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.ui.widgets.ComparePanel;

/** Edgeworks' compare-states viewer, contributed through org.edgeworks.ui.viewers. */
public final class CompareViewer implements DataViewer {
    private ComparePanel panel;

    @Override
    public Control createControl(Composite parent) {
        panel = new ComparePanel(parent, SWT.NONE);
        return panel;
    }

    @Override
    public void show(Object data) throws EdgeworksException {
        panel.setMaps(((MapSeries) data).maps());
    }

    public ComparePanel panel() { return panel; }
}
