package org.edgeworks.ui.views;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.edgeworks.ui.viewers.ResultSink;
import org.edgeworks.ui.viewers.ViewerRegistry;
import org.edgeworks.ui.widgets.PipelinePanel;

/** Pipeline / parameters view: previews on the data last opened in the data browser; results go to the results view. */
public final class PipelineView extends SubscribingView {
    public static final String ID = "org.edgeworks.ui.pipeline";

    private PipelinePanel panel;

    @Override
    public void createPartControl(Composite parent) {
        panel = new PipelinePanel(parent, SWT.NONE);
        panel.onPreview(results -> {
            results.forEach(r -> ResultSink.publish("preview", r));
            // the last result with a contributed viewer (a fit, a map, a spectrum) is shown in it
            for (int i = results.size() - 1; i >= 0; i--) {
                Object value = results.get(i).value();
                if (ViewerRegistry.load().best(value).isPresent()) {
                    ViewerView.open(getSite().getPage(), value);
                    break;
                }
            }
        });
        panel.onFileRun(run -> {
            String source = run.file().getFileName().toString();
            if (run.error() != null) org.edgeworks.ui.widgets.ErrorDialogs.show(getSite().getShell(), "Pipeline", run.error());
            run.results().forEach(r -> ResultSink.publish(source, r));
        });
        keep(Opened.subscribe(panel::setPreviewInput));
        if (Opened.last() != null) panel.setPreviewInput(Opened.last());
    }

    @Override
    public void setFocus() {
        panel.setFocus();
    }
}
