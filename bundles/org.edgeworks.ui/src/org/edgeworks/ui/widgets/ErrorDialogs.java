package org.edgeworks.ui.widgets;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.MessageBox;
import org.eclipse.swt.widgets.Shell;
import org.edgeworks.core.EdgeworksException;

/** Errors as the user sees them: one dialog whose text names the file and the path inside it. */
public final class ErrorDialogs {
    private ErrorDialogs() {}

    /** Test hook: when set, errors go here instead of a modal dialog (which would block a widget test). */
    public static volatile java.util.function.Consumer<String> sink;

    public static void show(Shell shell, String title, EdgeworksException e) {
        show(shell, title, e.getMessage());
    }

    public static void show(Shell shell, String title, String message) {
        if (sink != null) {
            sink.accept(title + ": " + message);
            return;
        }
        if (shell == null || shell.isDisposed()) return;
        MessageBox box = new MessageBox(shell, SWT.ICON_ERROR | SWT.OK);
        box.setText(title);
        box.setMessage(message);
        box.open();
    }
}
