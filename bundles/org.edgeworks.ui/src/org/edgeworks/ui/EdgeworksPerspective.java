package org.edgeworks.ui;

import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/** The Edgeworks perspective: data browser on the left, viewers in the editor area. */
public final class EdgeworksPerspective implements IPerspectiveFactory {
    public static final String ID = "org.edgeworks.ui.perspective";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        layout.setEditorAreaVisible(false);
        layout.addView(DataBrowserView.ID, IPageLayout.LEFT, 0.3f, layout.getEditorArea());
    }
}
