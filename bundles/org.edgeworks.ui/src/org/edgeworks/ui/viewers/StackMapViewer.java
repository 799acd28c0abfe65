package org.edgeworks.ui.viewers;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.PlatformUI;
import org.edgeworks.stack.StackResultFile;
import org.edgeworks.ui.views.ViewerView;
import org.edgeworks.ui.widgets.StackMapPanel;

/** XANES stack maps with a pixel pick (one view per result), contributed through org.edgeworks.ui.viewers. */
public final class StackMapViewer extends TypedViewer<StackResultFile, StackMapPanel> {
    @Override
    protected StackMapPanel build(Composite parent) {
        StackMapPanel panel = new StackMapPanel(parent, SWT.NONE);
        // the stack's frames open in the frame browser of the running workbench
        panel.onFrames(f -> {
            if (PlatformUI.isWorkbenchRunning() && PlatformUI.getWorkbench().getActiveWorkbenchWindow() != null)
                ViewerView.open(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage(), f);
        });
        return panel;
    }

    @Override
    protected void display(StackResultFile data) {
        control().setResult(data);
    }

    @Override
    protected String titleOf(StackResultFile data) {
        return data.file().getFileName().toString();
    }

    public StackMapPanel panel() { return control(); }
}
