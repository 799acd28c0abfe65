package org.edgeworks.exafs.ui;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.ui.viewers.ResultSink;
import org.edgeworks.ui.views.Opened;

/**
 * The EXAFS task view (contributed in this bundle's plugin.xml and placed beside the other task views through
 * org.eclipse.ui.perspectiveExtensions): every spectrum opened in the data browser joins its list; results go
 * to the results view.
 */
public final class ExafsTaskView extends ViewPart {
    public static final String ID = "org.edgeworks.exafs.ui.task";

    private ExafsTaskPanel panel;
    private final List<Runnable> unsubscribe = new ArrayList<>();

    @Override
    public void createPartControl(Composite parent) {
        panel = new ExafsTaskPanel(parent, SWT.NONE);
        panel.onResult(p -> ResultSink.publish(p.source(), p.result()));
        unsubscribe.add(Opened.subscribe(data -> {
            if (data instanceof Spectrum s && !panel.isDisposed()) panel.add(s);
        }));
        if (Opened.last() instanceof Spectrum s) panel.add(s);
    }

    public ExafsTaskPanel panel() { return panel; }

    @Override
    public void setFocus() {
        panel.setFocus();
    }

    @Override
    public void dispose() {
        unsubscribe.forEach(Runnable::run);
        unsubscribe.clear();
        super.dispose();
    }
}
