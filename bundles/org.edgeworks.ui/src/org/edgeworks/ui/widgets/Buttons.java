package org.edgeworks.ui.widgets;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;

/** Push buttons of the viewers' tool rows. */
final class Buttons {
    private Buttons() {}

    static Button push(Composite bar, String text, Runnable action) {
        Button b = new Button(bar, SWT.PUSH);
        b.setText(text);
        b.addListener(SWT.Selection, e -> action.run());
        return b;
    }
}
