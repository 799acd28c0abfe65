package org.edgeworks.ui.views;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.ui.viewers.DataViewer;
import org.edgeworks.ui.viewers.ViewerRegistry;
import org.edgeworks.ui.widgets.ErrorDialogs;

/**
 * Hosts one viewer contributed to org.edgeworks.ui.viewers; the view's secondary id is the viewer's id, so
 * every contributed viewer (Edgeworks' own or a third party's) gets its own view.
 */
public final class ViewerView extends ViewPart {
    public static final String ID = "org.edgeworks.ui.viewerView";

    private DataViewer viewer;
    private Control control;
    private String viewerName;
    private static int instances;
    /** The viewer views now open (UI thread), for sessions. */
    private static final java.util.List<ViewerView> OPEN = new java.util.concurrent.CopyOnWriteArrayList<>();
    private String viewerId;
    private boolean perData;
    private Object shown;

    public DataViewer viewer() { return viewer; }

    @Override
    public void createPartControl(Composite parent) {
        String secondary = getViewSite().getSecondaryId();
        // "viewerId" for a shared viewer, "viewerId#n" for the n-th view of a per-data viewer
        String viewerId = secondary.contains("#") ? secondary.substring(0, secondary.indexOf('#')) : secondary;
        var entry = ViewerRegistry.load().byId(viewerId)
                .orElseThrow(() -> new IllegalStateException("no viewer contributed with id " + viewerId));
        setPartName(entry.name());
        viewerName = entry.name();
        this.viewerId = viewerId;
        perData = entry.perData();
        OPEN.add(this);
        viewer = entry.create();
        control = viewer.createControl(parent);
    }

    public void show(Object data) {
        try {
            viewer.show(data);
            shown = data;
            String title = viewer.title(data);
            setPartName(title == null ? viewerName : viewerName + ": " + title);
        } catch (EdgeworksException e) {
            ErrorDialogs.show(getSite().getShell(), "Cannot show data", e);
        }
    }

    /** Opens the data in the best contributed viewer (highest priority whose data type matches). */
    public static void open(IWorkbenchPage page, Object data) {
        var entry = ViewerRegistry.load().best(data);
        if (entry.isEmpty()) {
            ErrorDialogs.show(page.getWorkbenchWindow().getShell(), "No viewer",
                    "no viewer is contributed for " + data.getClass().getName());
            return;
        }
        try {
            String secondary = entry.get().perData() ? entry.get().id() + "#" + (++instances) : entry.get().id();
            IViewPart part = page.showView(ID, secondary, IWorkbenchPage.VIEW_ACTIVATE);
            ((ViewerView) part).show(data);
        } catch (PartInitException e) {
            ErrorDialogs.show(page.getWorkbenchWindow().getShell(), "Cannot open viewer", entry.get().id() + ": " + e.getMessage());
        }
    }

    /** The viewer's id (its entry in org.edgeworks.ui.viewers). */
    public String viewerId() { return viewerId; }

    /** True for a viewer that has one view per piece of data (maps, compare, stacks). */
    public boolean perData() { return perData; }

    /** The data shown last, or null. */
    public Object shown() { return shown; }

    /** The viewer views now open. */
    public static java.util.List<ViewerView> openViews() { return java.util.List.copyOf(OPEN); }

    @Override
    public void dispose() {
        OPEN.remove(this);
        super.dispose();
    }

    @Override
    public void setFocus() {
        if (control != null && !control.isDisposed()) control.setFocus();
    }
}
