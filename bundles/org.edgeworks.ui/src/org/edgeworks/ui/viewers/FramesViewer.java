package org.edgeworks.ui.viewers;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.edgeworks.ui.widgets.FramesPanel;

/** Image stacks frame by frame (slider, histogram, typed colour range), one view per stack. */
public final class FramesViewer extends TypedViewer<ImageFrames, FramesPanel> {
    public FramesViewer() { super("frame viewer", ImageFrames.class); }

    @Override
    protected FramesPanel build(Composite parent) {
        return new FramesPanel(parent, SWT.NONE);
    }

    @Override
    protected void display(ImageFrames data) {
        control().setFrames(data);
    }

    @Override
    protected String titleOf(ImageFrames data) {
        return data.name();
    }

    public FramesPanel panel() { return control(); }
}
