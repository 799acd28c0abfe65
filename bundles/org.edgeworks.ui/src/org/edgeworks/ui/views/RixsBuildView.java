package org.edgeworks.ui.views;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;
import org.edgeworks.ui.widgets.RixsBuildPanel;

/** mRIXS task view: build a map from a raw scan with its diagnostics; the map opens in its own map viewer. */
public final class RixsBuildView extends ViewPart {
    public static final String ID = "org.edgeworks.ui.task.rixsBuild";

    private RixsBuildPanel panel;

    @Override
    public void createPartControl(Composite parent) {
        panel = new RixsBuildPanel(parent, SWT.NONE);
        panel.onMap(map -> ViewerView.open(getSite().getPage(), map));
        panel.onFrames(frames -> ViewerView.open(getSite().getPage(), frames));
    }

    public RixsBuildPanel panel() { return panel; }

    @Override
    public void setFocus() {
        panel.setFocus();
    }
}
