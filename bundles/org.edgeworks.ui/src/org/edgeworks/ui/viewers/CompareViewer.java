package org.edgeworks.ui.viewers;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.ui.widgets.ComparePanel;

/** Edgeworks' compare-states viewer, contributed through org.edgeworks.ui.viewers. */
public final class CompareViewer extends TypedViewer<MapSeries, ComparePanel> {
    public CompareViewer() { super("compare-states viewer", MapSeries.class); }

    @Override
    protected ComparePanel build(Composite parent) {
        return new ComparePanel(parent, SWT.NONE);
    }

    @Override
    protected void display(MapSeries data) throws EdgeworksException {
        control().setMaps(data.maps());
    }

    public ComparePanel panel() { return control(); }
}
