package org.edgeworks.ui.widgets;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.function.DoubleSupplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Listener;
import org.edgeworks.core.processing.Param;

/**
 * "Pick from plot" (Athena's habit): a button next to an energy field arms ONE click on the spectrum plot;
 * the click's energy (the plot's own x-axis transform, moved to the nearest energy of the first curve drawn,
 * i.e. within half a grid step) fills the field. A field whose unit is relative to E0 ("eV rel. E0") gets
 * the clicked energy minus the E0 the panel supplies. Picking E0 itself also sets an E0-method field to
 * "fixed", otherwise the picked value would be ignored. Only plumbing: no number is computed here.
 */
public final class PlotPick {
    private PlotPick() {}

    /**
     * One "pick" button per energy component of {@code type} (a {@link Param} unit starting with "eV"), in a
     * row under the form.
     *
     * @param e0 the E0 (eV) relative fields are measured from; NaN when it is not known yet (then the pick
     *           is refused with a message)
     * @return the buttons by component name
     */
    public static Map<String, Button> buttons(Composite parent, ParameterForm form, Class<? extends Record> type,
                                              SpectrumChart chart, DoubleSupplier e0, Consumer<String> status) {
        Map<String, Button> out = new LinkedHashMap<>();
        boolean any = false;
        for (RecordComponent rc : type.getRecordComponents())
            any |= rc.getAnnotation(Param.class) != null && rc.getAnnotation(Param.class).unit().startsWith("eV");
        if (!any) return out;
        Composite row = new Composite(parent, SWT.NONE);
        row.setLayout(new RowLayout(SWT.HORIZONTAL));
        new Label(row, SWT.NONE).setText("Pick from plot:");
        for (RecordComponent rc : type.getRecordComponents()) {
            Param p = rc.getAnnotation(Param.class);
            if (p == null || !p.unit().startsWith("eV")) continue;
            boolean relative = p.unit().contains("rel.");
            String name = rc.getName();
            Button b = new Button(row, SWT.PUSH);
            b.setText(name);
            b.setToolTipText("click once on the plot to set " + p.label() + (relative ? " (energy minus E0)" : ""));
            b.addListener(SWT.Selection, e -> {
                if (chart.relativeEnergy()) { status.accept("switch off E - E0 to pick an absolute energy"); return; }
                double from = relative ? e0.getAsDouble() : 0;
                if (!Double.isFinite(from)) { status.accept(name + ": run once first, so that E0 is known"); return; }
                status.accept("click on the plot to set " + name);
                arm(chart, energy -> {
                    String value = plain(energy - from);
                    form.setText(name, value);
                    if (name.equals("e0") && form.field("e0Method") != null) form.setText("e0Method", "fixed");
                    status.accept(name + " = " + value + (relative ? " eV rel. E0 (picked " + plain(energy) + " eV)" : " eV (picked)"));
                });
            });
            out.put(name, b);
        }
        return out;
    }

    /**
     * Arms one click (press and release within 3 pixels) on the chart's plot area: its energy, moved to the
     * nearest x of the first curve drawn, goes to {@code onEnergy}; then the plot is disarmed. A drag (box
     * zoom, pan) is not a pick and keeps it armed.
     */
    public static void arm(SpectrumChart chart, DoubleConsumer onEnergy) {
        Control plot = chart.chart().getPlotArea().getControl();
        int[] down = new int[2];
        Listener[] listeners = new Listener[2];
        listeners[0] = e -> { down[0] = e.x; down[1] = e.y; };
        listeners[1] = e -> {
            if (Math.abs(e.x - down[0]) > 3 || Math.abs(e.y - down[1]) > 3) return;
            plot.removeListener(SWT.MouseDown, listeners[0]);
            plot.removeListener(SWT.MouseUp, listeners[1]);
            plot.setCursor(null);
            onEnergy.accept(snap(chart, chart.chart().getAxisSet().getXAxis(0).getDataCoordinate(e.x)));
        };
        plot.addListener(SWT.MouseDown, listeners[0]);
        plot.addListener(SWT.MouseUp, listeners[1]);
        plot.setCursor(plot.getDisplay().getSystemCursor(SWT.CURSOR_CROSS));
    }

    /** The x of the first drawn curve nearest to {@code x} (the data's own grid), or x itself when none is drawn. */
    static double snap(SpectrumChart chart, double x) {
        List<SpectrumChart.Curve> curves = chart.curves();
        if (curves.isEmpty()) return x;
        double best = x, dist = Double.POSITIVE_INFINITY;
        for (double v : curves.get(0).x())
            if (Math.abs(v - x) < dist) { dist = Math.abs(v - x); best = v; }
        return best;
    }

    /** The value as typed text: at most 6 decimals, no float noise (e.g. -30.000000000000455 gives -30). */
    static String plain(double v) {
        return BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }
}
