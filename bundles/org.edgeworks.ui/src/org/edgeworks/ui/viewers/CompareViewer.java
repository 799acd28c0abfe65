package org.edgeworks.ui.viewers;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.ui.widgets.ComparePanel;

/** Edgeworks' compare-states viewer, contributed through org.edgeworks.ui.viewers. */
public final class CompareViewer extends TypedViewer<MapSeries, ComparePanel> {
    public CompareViewer() { super(ComparePanel::new); }

    @Override
    protected void display(MapSeries data) throws EdgeworksException {
        control().setMaps(data.maps());
    }

    public ComparePanel panel() { return control(); }
}
