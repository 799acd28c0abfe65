package org.edgeworks.ui;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;
import org.eclipse.ui.IPlaceholderFolderLayout;
import org.edgeworks.ui.views.DataBrowserView;
import org.edgeworks.ui.views.PipelineView;
import org.edgeworks.ui.views.ResultsView;
import org.edgeworks.ui.views.ViewerView;

/**
 * The Edgeworks perspective: data browser on the left, the contributed viewers (one view each) in the centre,
 * results and the pipeline below them.
 */
public final class EdgeworksPerspective implements IPerspectiveFactory {
    public static final String ID = "org.edgeworks.ui.perspective";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        String editorArea = layout.getEditorArea();
        layout.setEditorAreaVisible(false);
        layout.addView(DataBrowserView.ID, IPageLayout.LEFT, 0.25f, editorArea);
        IPlaceholderFolderLayout viewers = layout.createPlaceholderFolder("org.edgeworks.ui.viewers", IPageLayout.TOP, 0.65f, editorArea);
        viewers.addPlaceholder(ViewerView.ID + ":*");
        IFolderLayout bottom = layout.createFolder("org.edgeworks.ui.bottom", IPageLayout.BOTTOM, 0.35f, editorArea);
        bottom.addView(ResultsView.ID);
        bottom.addView(PipelineView.ID);
        bottom.addView(org.edgeworks.ui.views.SpectrumTaskView.Normalisation.ID);
        bottom.addView(org.edgeworks.ui.views.LcfView.ID);
        bottom.addView(org.edgeworks.ui.views.SpectrumTaskView.Peaks.ID);
        bottom.addView(org.edgeworks.ui.views.SpectrumTaskView.Deglitch.ID);
        bottom.addView(org.edgeworks.ui.views.ShiftMergeView.ID);
        bottom.addView(org.edgeworks.ui.views.ValenceView.ID);
        bottom.addView(org.edgeworks.ui.views.RixsBuildView.ID);
    }
}
