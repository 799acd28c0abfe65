package org.edgeworks.ui.viewers;

import java.util.Map;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.ui.widgets.SpectrumChart;
import org.edgeworks.xas.LcfProcessor;
import org.edgeworks.xas.PreEdgeProcessor;

/**
 * Fits as the xas processors return them: data, fit, components (the pre-edge baseline) and the residual,
 * in the spectrum chart. Contributed twice through org.edgeworks.ui.viewers (pre-edge peaks and LCF results).
 */
public final class FitViewer extends TypedViewer<Object, SpectrumChart> {
    public FitViewer() { super(SpectrumChart::new); }

    @Override
    protected void display(Object data) throws EdgeworksException {
        if (data instanceof PreEdgeProcessor.PreEdge p)
            control().showFit(p.name() + " pre-edge", p.energy(), p.data(), p.fit(), Map.of("baseline", p.baselineCurve()));
        else if (data instanceof LcfProcessor.LcfResult l)
            control().showFit(l.sample() + " LCF", l.energy(), l.data(), l.fit(), Map.of());
        else
            throw EdgeworksException.of("fit viewer", "cannot show " + data.getClass().getSimpleName());
    }

    public SpectrumChart chart() { return control(); }
}
