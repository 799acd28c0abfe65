package org.edgeworks.ui.viewers;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Composite;
import org.edgeworks.core.data.RixsMap;
import org.edgeworks.ui.widgets.MapCanvas;
import org.edgeworks.ui.widgets.Sources;
import org.edgeworks.ui.widgets.SpectrumChart;

/**
 * Edgeworks' mRIXS map viewer, contributed through org.edgeworks.ui.viewers (one view per map): the heat map
 * with, below it at the full width, the linked plot of the dragged cut or PFY (a plain spectrum plot: no XAS
 * toggles, compact legend below it, x axis titled as the map's axis). Feature-box results go to
 * {@link ResultSink}. Showing another map replaces title, data, linked plot and read-out.
 */
public final class MapViewer extends TypedViewer<RixsMap, SashForm> {
    private MapCanvas map;
    private SpectrumChart linked;

    @Override
    protected SashForm build(Composite parent) {
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        map = new MapCanvas(sash, SWT.NONE);
        linked = new SpectrumChart(sash, SWT.NONE, false);
        sash.setWeights(3, 2);
        map.onSpectrum(r -> linked.setSpectra(r == null ? List.of() : List.of(r.value())));
        map.onFeature(r -> ResultSink.publish(map.source().name(), Sources.attach(r, map.source())));
        return sash;
    }

    @Override
    protected void display(RixsMap data) {
        map.setMap(data);
    }

    @Override
    protected String titleOf(RixsMap data) {
        return data.name();
    }

    public MapCanvas map() { return map; }
    public SpectrumChart linked() { return linked; }
}
