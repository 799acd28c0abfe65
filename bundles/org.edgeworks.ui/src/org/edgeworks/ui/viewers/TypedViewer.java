package org.edgeworks.ui.viewers;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.edgeworks.core.EdgeworksException;

/**
 * The bookkeeping every contributed viewer shares, so that a viewer is its control and how it shows its data:
 * the control is built once ({@link #build}) and kept ({@link #control()}); data not of the viewer's type is
 * refused in one line naming the viewer before anything changes; the tab title is asked only of data of the type.
 * A new viewer: extend this with its data type (the {@code dataType} of its plugin.xml contribution to
 * {@code org.edgeworks.ui.viewers}) and its control type, and contribute the class there.
 *
 * @param <T> the data type shown ({@code Object} for a viewer contributed for several types that sorts them itself)
 * @param <C> the control built
 */
public abstract class TypedViewer<T, C extends Control> implements DataViewer {
    private final String name;
    private final Class<T> type;
    private C control;

    /** @param name what a refusal names ("mRIXS map viewer") */
    protected TypedViewer(String name, Class<T> type) {
        this.name = name;
        this.type = type;
    }

    /** Builds the viewer's control in {@code parent}. */
    protected abstract C build(Composite parent);

    /** Shows data of the viewer's type (replacing or overlaying what is shown). */
    protected abstract void display(T data) throws EdgeworksException;

    /** The tab title for the data; null = the viewer's name alone. */
    protected String titleOf(T data) { return null; }

    @Override
    public final Control createControl(Composite parent) {
        control = build(parent);
        return control;
    }

    /** The control built (null before {@link #createControl}). */
    public final C control() { return control; }

    @Override
    public final void show(Object data) throws EdgeworksException {
        if (!type.isInstance(data))
            throw EdgeworksException.of(name, "cannot show " + (data == null ? "nothing" : data.getClass().getSimpleName()));
        display(type.cast(data));
    }

    @Override
    public final String title(Object data) {
        return type.isInstance(data) ? titleOf(type.cast(data)) : null;
    }
}
