package org.edgeworks.ui.viewers;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.edgeworks.stack.StackResultFile;
import org.edgeworks.ui.widgets.StackMapPanel;

/** XANES stack maps with a pixel pick (one view per result), contributed through org.edgeworks.ui.viewers. */
public final class StackMapViewer implements DataViewer {
    private StackMapPanel panel;

    @Override
    public Control createControl(Composite parent) {
        panel = new StackMapPanel(parent, SWT.NONE);
        // the stack's frames open in the frame browser of the running workbench
        panel.onFrames(f -> {
            if (org.eclipse.ui.PlatformUI.isWorkbenchRunning()
                    && org.eclipse.ui.PlatformUI.getWorkbench().getActiveWorkbenchWindow() != null)
                org.edgeworks.ui.views.ViewerView.open(org.eclipse.ui.PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage(), f);
        });
        return panel;
    }

    @Override
    public void show(Object data) {
        panel.setResult((StackResultFile) data);
    }

    @Override
    public String title(Object data) {
        return ((StackResultFile) data).file().getFileName().toString();
    }

    public StackMapPanel panel() { return panel; }
}
