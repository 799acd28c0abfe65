package org.edgeworks.ui.widgets;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.ui.viewers.DataViewer;
import org.edgeworks.ui.viewers.ViewerRegistry;

/** Widget-test helpers: real shells on the X display, event pumping, screenshots kept as build artefacts. */
public final class Ui {
    private Ui() {}

    /** Error dialogs raised during tests (a modal dialog would block the test); {@link #takeErrors} reads them. */
    public static final java.util.List<String> ERRORS = new java.util.concurrent.CopyOnWriteArrayList<>();

    static {
        ErrorDialogs.sink = ERRORS::add;
    }

    /** Errors shown since the last call, cleared. */
    public static java.util.List<String> takeErrors() {
        var out = java.util.List.copyOf(ERRORS);
        ERRORS.clear();
        return out;
    }

    public static Display display() {
        return Display.getDefault();
    }

    /** A visible shell with a fill layout, opened at the given size. */
    public static Shell shell(String title, int width, int height) {
        Shell shell = new Shell(display());
        shell.setText(title);
        shell.setLayout(new FillLayout());
        shell.setSize(width, height);
        shell.setLocation(0, 0);
        return shell;
    }

    public static void open(Shell shell) {
        shell.open();
        shell.layout(true, true);
        settle();
    }

    /** The viewer plugin.xml contributes as {@code id}, created as the workbench creates it and built in {@code parent}. */
    @SuppressWarnings("unchecked")
    public static <V extends DataViewer> V viewer(String id, Composite parent) {
        V viewer = (V) ViewerRegistry.load().byId(id).orElseThrow().create();
        viewer.createControl(parent);
        return viewer;
    }

    /** The viewer {@code id} filling the shell, the shell opened, showing {@code data}. */
    public static <V extends DataViewer> V showing(Shell shell, String id, Object data) throws EdgeworksException {
        V viewer = viewer(id, shell);
        open(shell);
        viewer.show(data);
        settle();
        return viewer;
    }

    /** Runs the event loop until the display is idle and paints have landed on the X server. */
    public static void settle() {
        Display d = display();
        long end = System.currentTimeMillis() + 400;
        while (System.currentTimeMillis() < end) {
            while (d.readAndDispatch()) { /* drain */ }
            d.update();
            try { Thread.sleep(20); } catch (InterruptedException e) { Thread.currentThread().interrupt(); return; }
        }
        while (d.readAndDispatch()) { /* drain */ }
    }

    /** Folder for screenshots: system property edgeworks.screenshots (the Tycho build's target/screenshots). */
    public static Path screenshotFolder() throws java.io.IOException {
        Path folder = Path.of(System.getProperty("edgeworks.screenshots", "target/screenshots")).toAbsolutePath();
        Files.createDirectories(folder);
        return folder;
    }

    /** Captures the control as the screen shows it and keeps it as NAME.png. */
    public static ImageData screenshot(Control control, String name) throws Exception {
        settle();
        ImageData data = Snapshots.capture(control);
        Files.write(screenshotFolder().resolve(name + ".png"), Snapshots.png(data));
        return data;
    }

    /** Sends a mouse event to a control as the user's pointer would (coordinates in the control). */
    public static void mouse(Control c, int type, int x, int y, int button) {
        Event e = new Event();
        e.x = x;
        e.y = y;
        e.button = button;
        e.stateMask = 0;
        c.notifyListeners(type, e);
    }

    public static String hex(int argb) {
        return String.format("#%06X", argb & 0xFFFFFF);
    }
}
