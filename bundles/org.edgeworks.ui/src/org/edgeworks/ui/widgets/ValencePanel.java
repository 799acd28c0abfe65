package org.edgeworks.ui.widgets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.core.processing.Result;
import org.edgeworks.xas.ValenceProcessor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Edge-shift valence task panel (no workbench dependency), a thin form over the registered valence processor:
 * the group list (CHECKED rows are the references, each with the formal valence typed for it in the "valence"
 * field while it is selected; every other row is a sample), the generated form of
 * {@link ValenceProcessor.Params} (edge energy definition, inputs normalised), "Fit line"; then the line
 * (slope and intercept with their errors, rms), the table of references and samples with edge energies and
 * (predicted) valences with errors, and the plot of edge energy against valence: the fitted line, the
 * references and the samples, exactly as the processor returned them ({@code xas valence} on the same files).
 * Results are published as "valence".
 */
public final class ValencePanel extends TaskPanel<ValenceProcessor.Valence> {
    private final SpectrumList group;
    private final Map<Integer, Double> valences = new HashMap<>();
    private final Table rows;
    private final Text valence;
    private final ParameterForm form;
    private final SpectrumChart chart;
    private boolean updating;

    public ValencePanel(Composite parent, int style) {
        super(parent, style, "Valence", 2);
        Label hint = new Label(inputs(), SWT.WRAP);
        hint.setText("Check the references and type each one's formal valence; the other rows are samples");
        hint.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        group = new SpectrumList(inputs(), true, 120, true).column("spectrum", 200).column("role", 80).column("valence", 70);
        group.table().addListener(SWT.Selection, e -> { showSelectedValence(); refreshRoles(); });
        new Label(inputs(), SWT.NONE).setText("valence of the selected reference");
        valence = new Text(inputs(), SWT.BORDER);
        valence.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        valence.addListener(SWT.Modify, e -> typedValence());
        form = ParameterForm.of(inputs(), ValenceProcessor.ID, null);
        form.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        button(bar(inputs()), "Fit line", this::fit);

        statusLine(SWT.TOP); // the line's summary heads the outputs
        chart = plot(false);
        rows = Buttons.table(outputs(), SWT.BOTTOM, 120, 100, "spectrum", "role", "formal valence", "edge (eV)", "error (eV)", "valence", "error");
        keepInSession("task:valence", this::sessionState, this::restoreSession);
    }

    /** The list's files, which are references with which valence, the form, and whether the line was fitted. */
    private JsonNode sessionState() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        group.saveFiles(o);
        ArrayNode refs = o.putArray("valences");
        for (int i = 0; i < group.size(); i++)
            if (group.isChecked(i) && valences.containsKey(i)) refs.add(valences.get(i));
            else refs.addNull();
        o.set("parameters", form.json());
        o.put("fitted", lastResult() != null);
        return o;
    }

    /** Reopens the saved spectra in order (a reference is a row with a valence), the form; refits when it was fitted. */
    private void restoreSession(JsonNode state) throws EdgeworksException {
        int[] at = group.restore(state, "selected", false);
        for (int k = 0; k < at.length; k++) {
            JsonNode v = state.path("valences").path(k);
            if (at[k] < 0 || !v.isNumber()) continue;
            group.table().getItem(at[k]).setChecked(true);
            setValence(at[k], v.asDouble());
        }
        refreshRoles();
        form.setJson(state.get("parameters"));
        if (state.path("fitted").asBoolean(false)) fit();
    }

    public Table group() { return group.table(); }
    public Table rowsTable() { return rows; }
    public Text valenceField() { return valence; }
    public ParameterForm form() { return form; }
    public SpectrumChart chart() { return chart; }
    /** The line's summary (or why it was refused). */
    public String summary() { return status(); }

    @Override
    public void add(Spectrum s) { add(s, null); }

    /** Adds a spectrum to the group list (the data browser's opened spectra arrive here). */
    public void add(Spectrum s, Path file) {
        group.add(s, file);
        refreshRoles();
    }

    /** Sets a row's formal valence (what typing it in the valence field does while the row is selected). */
    public void setValence(int row, Double v) {
        if (v == null) valences.remove(row);
        else valences.put(row, v);
        refreshRoles();
    }

    private void showSelectedValence() {
        int i = group.selected();
        updating = true;
        valence.setText(i >= 0 && valences.containsKey(i) ? String.valueOf(valences.get(i)) : "");
        updating = false;
    }

    private void typedValence() {
        if (updating) return;
        int i = group.selected();
        if (i < 0) return;
        String t = valence.getText().trim();
        try {
            setValence(i, t.isEmpty() ? null : Double.valueOf(t));
            valence.setBackground(null);
        } catch (NumberFormatException e) {
            valence.setBackground(getDisplay().getSystemColor(SWT.COLOR_YELLOW));
        }
    }

    private void refreshRoles() {
        for (int i = 0; i < group.size(); i++) {
            TableItem row = group.table().getItem(i);
            row.setText(1, row.getChecked() ? "reference" : "sample");
            row.setText(2, row.getChecked() && valences.containsKey(i) ? String.valueOf(valences.get(i)) : "");
        }
    }

    /** Fits the line through the checked references and predicts every other row's valence. */
    public Result<ValenceProcessor.Valence> fit() throws EdgeworksException {
        List<Spectrum> refs = new ArrayList<>(), samples = new ArrayList<>();
        List<Double> vals = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            if (group.isChecked(i)) {
                if (!valences.containsKey(i))
                    throw EdgeworksException.of("Valence", group.get(i).name() + ": select it and type its formal valence");
                refs.add(group.get(i));
                vals.add(valences.get(i));
            } else samples.add(group.get(i));
        }
        Record params = form.valid("Valence");
        Object source = refs.isEmpty() ? null : samples.isEmpty() ? refs.get(0) : samples.get(0);
        Result<ValenceProcessor.Valence> r = Sources.attach(Processors.apply(Processors.registry().get(ValenceProcessor.ID),
                new ValenceProcessor.Input(refs, vals, samples), params), source);
        show(r.value());
        publish("valence", r);
        return r;
    }

    private void show(ValenceProcessor.Valence v) {
        say(String.format(Locale.ROOT, "edge (%s) = %.3f (± %.3f) + %.4f (± %.4f) eV x valence; rms %.3g eV",
                v.edge().label(), v.intercept(), v.interceptStderr(), v.slope(), v.slopeStderr(), v.rms()));
        rows.removeAll();
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        List<SpectrumChart.Curve> curves = new ArrayList<>();
        for (ValenceProcessor.Row row : v.rows()) {
            TableItem t = new TableItem(rows, SWT.NONE);
            t.setText(new String[] {row.name(), row.reference() ? "reference" : "sample",
                row.formalValence() == null ? "" : fmt(row.formalValence()), fmt(row.edgeEnergy()), fmt(row.edgeEnergyStderr()),
                fmt(row.valence()), row.valenceStderr() == null ? "" : fmt(row.valenceStderr())});
            double x = row.reference() ? row.formalValence() : row.valence();
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
            // a cross at (valence, edge): the sample's horizontal arm spans its valence error bar
            double arm = !row.reference() && row.valenceStderr() != null && row.valenceStderr() > 0.05 ? row.valenceStderr() : 0.05;
            curves.add(new SpectrumChart.Curve((row.reference() ? "reference " : "sample ") + row.name(),
                    new double[] {x - arm, x + arm}, new double[] {row.edgeEnergy(), row.edgeEnergy()}, row.reference()));
        }
        curves.add(0, new SpectrumChart.Curve("line", new double[] {lo, hi},
                new double[] {v.intercept() + v.slope() * lo, v.intercept() + v.slope() * hi}, false));
        chart.showCurves(curves);
        chart.chart().getAxisSet().getXAxis(0).getTitle().setText("formal valence");
        chart.chart().getAxisSet().getYAxis(0).getTitle().setText("edge energy (eV)");
        chart.chart().redraw();
    }

    private static String fmt(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.5g", v) : "";
    }
}
