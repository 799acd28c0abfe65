package org.edgeworks.ui.viewers;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.ui.widgets.SessionParts;
import org.edgeworks.ui.widgets.SpectrumChart;

/** Edgeworks' spectrum viewer, contributed through org.edgeworks.ui.viewers: each opened spectrum joins the overlay. */
public final class SpectrumViewer implements DataViewer {
    private SpectrumChart chart;

    @Override
    public Control createControl(Composite parent) {
        chart = new SpectrumChart(parent, SWT.NONE);
        SessionParts.register(chart, new SessionParts.Part() {
            @Override public String id() { return "viewer:spectrum"; }
            @Override public com.fasterxml.jackson.databind.JsonNode save() { return SessionParts.chartState(chart); }
            @Override public void restore(com.fasterxml.jackson.databind.JsonNode state) throws org.edgeworks.core.EdgeworksException {
                SessionParts.restoreChart(chart, state);
            }
        });
        return chart;
    }

    @Override
    public void show(Object data) {
        chart.add((Spectrum) data);
    }

    public SpectrumChart chart() { return chart; }
}
