package org.edgeworks.ui.widgets;

import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.edgeworks.core.EdgeworksException;

/** Push buttons of the viewers' tool rows, table columns of the task panels, and what a task button does on an error. */
public final class Buttons {
    private Buttons() {}

    public static Button push(Composite bar, String text, Runnable action) {
        Button b = new Button(bar, SWT.PUSH);
        b.setText(text);
        b.addListener(SWT.Selection, e -> action.run());
        return b;
    }

    static TableColumn column(Table t, String text, int width) {
        TableColumn c = new TableColumn(t, SWT.LEFT);
        c.setText(text);
        c.setWidth(width);
        return c;
    }

    /** A task panel's action that may refuse with one line. */
    interface Action { void run() throws EdgeworksException; }

    /** Runs the action; a refusal goes to the panel's status line and an error dialog titled {@code title}. */
    static void report(Control owner, String title, Consumer<String> status, Action a) {
        try {
            a.run();
        } catch (EdgeworksException e) {
            status.accept(e.getMessage());
            ErrorDialogs.show(owner.getShell(), title, e);
        }
    }
}
