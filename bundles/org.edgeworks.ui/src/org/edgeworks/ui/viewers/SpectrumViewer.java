package org.edgeworks.ui.viewers;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.ui.widgets.SessionParts;
import org.edgeworks.ui.widgets.SpectrumChart;

/** Edgeworks' spectrum viewer, contributed through org.edgeworks.ui.viewers: each opened spectrum joins the overlay. */
public final class SpectrumViewer extends TypedViewer<Spectrum, SpectrumChart> {
    @Override
    protected SpectrumChart build(Composite parent) {
        SpectrumChart chart = new SpectrumChart(parent, SWT.NONE);
        SessionParts.register(chart, "viewer:spectrum", () -> SessionParts.chartState(chart), state -> SessionParts.restoreChart(chart, state));
        return chart;
    }

    @Override
    protected void display(Spectrum data) {
        control().add(data);
    }

    public SpectrumChart chart() { return control(); }
}
