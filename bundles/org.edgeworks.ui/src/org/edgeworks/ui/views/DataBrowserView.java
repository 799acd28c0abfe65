package org.edgeworks.ui.views;

import java.nio.file.Path;

import org.eclipse.jface.action.Action;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.processing.SourceRef;
import org.edgeworks.ui.widgets.DataBrowserPanel;
import org.edgeworks.ui.widgets.DataOpener;
import org.edgeworks.ui.widgets.SessionParts;
import org.edgeworks.ui.widgets.Sources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** The data browser view: the bundled samples on first start, then whatever the user opens. */
public final class DataBrowserView extends ViewPart {
    public static final String ID = "org.edgeworks.ui.dataBrowser";

    private DataBrowserPanel panel;

    @Override
    public void createPartControl(Composite parent) {
        panel = new DataBrowserPanel(parent, SWT.NONE, recentFile());
        panel.onOpen(data -> {
            Opened.publish(data);
            ViewerView.open(getSite().getPage(), data);
        });
        Action open = new Action("Open File...") {
            @Override
            public void run() { panel.openDialog(); }
        };
        Action importAction = new Action("Import Raw Scan...") {
            @Override
            public void run() { panel.importDialog(); }
        };
        SessionParts.register(panel, "views:perData", DataBrowserView::perDataViews, this::reopen);
        getViewSite().getActionBars().getMenuManager().add(open);
        getViewSite().getActionBars().getMenuManager().add(importAction);
        getViewSite().getActionBars().getToolBarManager().add(open);
        getViewSite().getActionBars().getToolBarManager().add(importAction);
        // the samples' headers are read once the view has painted (or after 3 s if it is hidden), so reading
        // them does not delay the window
        org.eclipse.swt.widgets.Control tree = panel.viewer().getControl();
        boolean[] loaded = {false};
        Runnable load = () -> {
            if (loaded[0] || panel.isDisposed()) return;
            loaded[0] = true;
            panel.addFolder(samplesFolder());
        };
        tree.addListener(org.eclipse.swt.SWT.Paint, e -> tree.getDisplay().asyncExec(load));
        tree.getDisplay().timerExec(3000, load);
    }

    /**
     * The per-data viewers (one view per map, compare, stack...) a session keeps: each one's viewer id and the
     * raw file its data came from ({@link Sources}); data made in memory is not kept.
     */
    private static JsonNode perDataViews() {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (ViewerView v : ViewerView.openViews()) {
            SourceRef ref = v.perData() && v.shown() != null ? Sources.of(v.shown()) : null;
            if (ref == null || ref.file() == null) continue;
            a.addObject().put("viewer", v.viewerId()).put("file", ref.file());
        }
        return a;
    }

    /** Reopens each kept file in its own viewer view unless a view already shows it. */
    private void reopen(JsonNode state) throws EdgeworksException {
        for (JsonNode v : state) {
            String file = v.path("file").asText();
            boolean open = false;
            for (ViewerView view : ViewerView.openViews()) {
                SourceRef ref = view.shown() == null ? null : Sources.of(view.shown());
                open |= view.perData() && ref != null && file.equals(ref.file());
            }
            if (!open) ViewerView.open(getSite().getPage(), DataOpener.openFile(Path.of(file)));
        }
    }

    /** The bundled samples: {@code samples/} beside the launcher (system property edgeworks.home). */
    static Path samplesFolder() {
        return Path.of(System.getProperty("edgeworks.home", "."), "samples");
    }

    /** Recent files are kept per user (system property edgeworks.recent overrides, for tests). */
    static Path recentFile() {
        String override = System.getProperty("edgeworks.recent");
        return override != null ? Path.of(override) : Path.of(System.getProperty("user.home"), ".edgeworks", "recent-files");
    }

    public DataBrowserPanel panel() { return panel; }

    @Override
    public void setFocus() {
        panel.viewer().getControl().setFocus();
    }
}
