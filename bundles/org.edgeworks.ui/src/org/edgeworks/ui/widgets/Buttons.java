package org.edgeworks.ui.widgets;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.edgeworks.plot.Colormap;

/** Push buttons of the viewers' tool rows, the colormap choice of the map tool rows, and the result tables of the panels. */
public final class Buttons {
    private Buttons() {}

    public static Button push(Composite bar, String text, Runnable action) {
        Button b = new Button(bar, SWT.PUSH);
        b.setText(text);
        b.addListener(SWT.Selection, e -> action.run());
        return b;
    }

    public static TableColumn column(Table t, String text, int width) {
        TableColumn c = new TableColumn(t, SWT.LEFT);
        c.setText(text);
        c.setWidth(width);
        return c;
    }

    /**
     * A result table with a header row in a grid cell of the full width and {@code heightHint} pixels high,
     * at the top or bottom ({@code verticalAlignment}) of its place; every column {@code width} pixels wide.
     */
    public static Table table(Composite parent, int verticalAlignment, int heightHint, int width, String... columns) {
        Table t = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        GridData gd = new GridData(SWT.FILL, verticalAlignment, true, false);
        gd.heightHint = heightHint;
        t.setLayoutData(gd);
        t.setHeaderVisible(true);
        for (String c : columns) column(t, c, width);
        return t;
    }

    /** A labelled read-only drop-down in a tool row; {@code onSelect} gets the index the user chooses. */
    public static Combo combo(Composite bar, String label, String[] items, int selected, IntConsumer onSelect) {
        new Label(bar, SWT.NONE).setText(label);
        Combo c = new Combo(bar, SWT.READ_ONLY);
        c.setItems(items);
        c.select(selected);
        c.addListener(SWT.Selection, e -> onSelect.accept(c.getSelectionIndex()));
        return c;
    }

    /** "Colormap" and its drop-down in a tool row: the {@link Colormap}s in order, the first chosen. */
    public static Combo colormaps(Composite bar, Consumer<Colormap> onSelect) {
        String[] names = new String[Colormap.values().length];
        for (Colormap m : Colormap.values()) names[m.ordinal()] = m.name().toLowerCase(Locale.ROOT);
        return combo(bar, "Colormap", names, 0, i -> onSelect.accept(Colormap.values()[i]));
    }
}
