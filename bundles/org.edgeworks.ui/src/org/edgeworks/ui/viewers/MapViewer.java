package org.edgeworks.ui.viewers;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.edgeworks.core.data.RixsMap;
import org.edgeworks.ui.widgets.MapCanvas;
import org.edgeworks.ui.widgets.SpectrumChart;

/**
 * Edgeworks' mRIXS map viewer, contributed through org.edgeworks.ui.viewers: the heat map with, beside it, the
 * linked spectrum viewer that shows the dragged cut or PFY live. Feature-box results go to {@link ResultSink}.
 */
public final class MapViewer implements DataViewer {
    private MapCanvas map;
    private SpectrumChart linked;

    @Override
    public Control createControl(Composite parent) {
        SashForm sash = new SashForm(parent, SWT.HORIZONTAL);
        map = new MapCanvas(sash, SWT.NONE);
        linked = new SpectrumChart(sash, SWT.NONE);
        sash.setWeights(3, 2);
        map.onSpectrum(r -> linked.setSpectra(List.of(r.value())));
        map.onFeature(r -> ResultSink.publish(map.source().name(), r));
        return sash;
    }

    @Override
    public void show(Object data) {
        map.setMap((RixsMap) data);
    }

    public MapCanvas map() { return map; }
    public SpectrumChart linked() { return linked; }
}
