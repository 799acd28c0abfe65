package org.edgeworks.ui.viewers;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.function.BiFunction;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.edgeworks.core.EdgeworksException;

/**
 * The bookkeeping every contributed viewer shares, so that a viewer is its control and how it shows its data:
 * the control is built once (the constructor given, {@code super(FooPanel::new)}, or an overridden
 * {@link #build} for a control of several widgets) and kept ({@link #control()}); data not of the viewer's type
 * {@code T} is refused in one line naming the viewer before anything changes; the tab title is asked only of
 * data of the type. {@code T} is read from the subclass's declaration (as Jackson's {@code TypeReference}), so
 * it is written once. A new viewer: {@code final class FooViewer extends TypedViewer<Foo, FooPanel>}, contributed
 * to {@code org.edgeworks.ui.viewers} in plugin.xml with {@code dataType} = Foo.
 *
 * @param <T> the data type shown ({@code Object} for a viewer contributed for several types that sorts them itself)
 * @param <C> the control built
 */
public abstract class TypedViewer<T, C extends Control> implements DataViewer {
    private final Class<T> type = dataType();
    private final BiFunction<Composite, Integer, C> constructor;
    private C control;

    /** A viewer whose control is made by {@code constructor(parent, SWT.NONE)}. */
    protected TypedViewer(BiFunction<Composite, Integer, C> constructor) {
        this.constructor = constructor;
    }

    /** A viewer that overrides {@link #build}. */
    protected TypedViewer() {
        this(null);
    }

    /** Builds the viewer's control in {@code parent}: by default with the constructor given. */
    protected C build(Composite parent) {
        if (constructor == null) throw new IllegalStateException(getClass().getName() + " gives no control constructor and does not build one");
        return constructor.apply(parent, SWT.NONE);
    }

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
            throw EdgeworksException.of(getClass().getSimpleName(), "cannot show " + (data == null ? "nothing" : data.getClass().getSimpleName()));
        display(type.cast(data));
    }

    @Override
    public final String title(Object data) {
        return type.isInstance(data) ? titleOf(type.cast(data)) : null;
    }

    /** {@code T} as the subclass declares it (a direct subclass naming a class, possibly generic). */
    @SuppressWarnings("unchecked")
    private Class<T> dataType() {
        Type t = ((ParameterizedType) getClass().getGenericSuperclass()).getActualTypeArguments()[0];
        return (Class<T>) (t instanceof ParameterizedType p ? p.getRawType() : t);
    }
}
