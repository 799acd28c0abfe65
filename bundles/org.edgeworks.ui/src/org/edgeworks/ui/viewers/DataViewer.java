package org.edgeworks.ui.viewers;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.edgeworks.core.EdgeworksException;

/**
 * A viewer contributed to the extension point {@code org.edgeworks.ui.viewers} (schema/viewers.exsd).
 * It builds one SWT control and shows data in it; it never computes science (numbers come from processors).
 */
public interface DataViewer {

    /** Builds the viewer's control once. */
    Control createControl(Composite parent);

    /** Shows a piece of data of the contributed data type (replacing or overlaying what is shown). */
    void show(Object data) throws EdgeworksException;

    /** What the view's tab says for this data (e.g. the map's name); null = the viewer's name alone. */
    default String title(Object data) { return null; }
}
