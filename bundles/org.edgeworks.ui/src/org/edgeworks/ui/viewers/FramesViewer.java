package org.edgeworks.ui.viewers;

import org.edgeworks.ui.widgets.FramesPanel;

/** Image stacks frame by frame (slider, histogram, typed colour range), one view per stack. */
public final class FramesViewer extends TypedViewer<ImageFrames, FramesPanel> {
    public FramesViewer() { super(FramesPanel::new); }

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
