package org.edgeworks.ui.views;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.ui.widgets.SpectrumTaskPanel;

/**
 * A task view over one spectrum processor (normalisation, deglitch, pre-edge peaks): every spectrum opened in
 * the data browser joins its list; results go to the results view.
 */
public abstract class SpectrumTaskView extends TaskView<SpectrumTaskPanel> {
    /** The registered processor this view is a form for. */
    protected abstract String processorId();

    @Override
    protected SpectrumTaskPanel createPanel(Composite parent) throws EdgeworksException {
        return new SpectrumTaskPanel(parent, SWT.NONE, processorId());
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
