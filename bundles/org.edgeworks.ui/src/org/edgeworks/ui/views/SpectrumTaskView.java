package org.edgeworks.ui.views;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.ui.viewers.ResultSink;
import org.edgeworks.ui.widgets.ErrorDialogs;
import org.edgeworks.ui.widgets.SpectrumTaskPanel;

/**
 * A task view over one spectrum processor (normalisation, deglitch, pre-edge peaks): every spectrum opened in
 * the data browser joins its list; results go to the results view.
 */
public abstract class SpectrumTaskView extends SubscribingView {
    private SpectrumTaskPanel panel;

    /** The registered processor this view is a form for. */
    protected abstract String processorId();

    @Override
    public void createPartControl(Composite parent) {
        try {
            panel = new SpectrumTaskPanel(parent, SWT.NONE, processorId());
        } catch (EdgeworksException e) {
            ErrorDialogs.show(parent.getShell(), "Task panel", e);
            return;
        }
        panel.onResult((s, r) -> ResultSink.publish(s.name(), r));
        keep(Opened.subscribe(data -> {
            if (data instanceof Spectrum s && !panel.isDisposed()) panel.add(s);
        }));
        if (Opened.last() instanceof Spectrum s) panel.add(s);
    }

    public SpectrumTaskPanel panel() { return panel; }

    @Override
    public void setFocus() {
        if (panel != null) panel.setFocus();
    }

    /** Normalisation: E0, edge step, pre/post ranges, nnorm, editable; copy to checked spectra. */
    public static final class Normalisation extends SpectrumTaskView {
        public static final String ID = "org.edgeworks.ui.task.normalisation";
        @Override protected String processorId() { return org.edgeworks.xas.NormalizeProcessor.ID; }
    }

    /** Deglitch: flagged points from the median filter, the deglitched spectrum. */
    public static final class Deglitch extends SpectrumTaskView {
        public static final String ID = "org.edgeworks.ui.task.deglitch";
        @Override protected String processorId() { return org.edgeworks.xas.DeglitchProcessor.ID; }
    }

    /** Pre-edge peaks: baseline, peak count, window; components and residual plotted. */
    public static final class Peaks extends SpectrumTaskView {
        public static final String ID = "org.edgeworks.ui.task.peaks";
        @Override protected String processorId() { return org.edgeworks.xas.PreEdgeProcessor.ID; }
    }
}
