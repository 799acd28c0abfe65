package org.edgeworks.ui.viewers;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.edgeworks.ui.widgets.FramesPanel;

/** Image stacks frame by frame (slider, histogram, typed colour range), one view per stack. */
public final class FramesViewer implements DataViewer {
    private FramesPanel panel;

    @Override
    public Control createControl(Composite parent) {
        panel = new FramesPanel(parent, SWT.NONE);
        return panel;
    }

    @Override
    public void show(Object data) {
        panel.setFrames((ImageFrames) data);
    }

    @Override
    public String title(Object data) {
        return ((ImageFrames) data).name();
    }

    public FramesPanel panel() { return panel; }
}
