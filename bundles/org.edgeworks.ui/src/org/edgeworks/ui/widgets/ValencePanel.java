package org.edgeworks.ui.widgets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
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
 */
public final class ValencePanel extends Composite {
    private final List<Spectrum> spectra = new ArrayList<>();
    private final Map<Integer, Double> valences = new HashMap<>();
    private final Table group, rows;
    private final Text valence;
    private final ParameterForm form;
    private final Label summary;
    private final SpectrumChart chart;
    private final List<Consumer<Result<ValenceProcessor.Valence>>> listeners = new ArrayList<>();
    private Result<ValenceProcessor.Valence> last;
    private boolean updating;

    public ValencePanel(Composite parent, int style) {
        super(parent, style);
        setLayout(new GridLayout(1, false));
        SashForm sash = new SashForm(this, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Composite left = new Composite(sash, SWT.NONE);
        left.setLayout(new GridLayout(2, false));
        Label hint = new Label(left, SWT.WRAP);
        hint.setText("Check the references and type each one's formal valence; the other rows are samples");
        hint.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        group = new Table(left, SWT.BORDER | SWT.CHECK | SWT.SINGLE | SWT.FULL_SELECTION | SWT.V_SCROLL);
        GridData gd = new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1);
        gd.heightHint = 120;
        group.setLayoutData(gd);
        group.setHeaderVisible(true);
        Buttons.column(group, "spectrum", 200);
        Buttons.column(group, "role", 80);
        Buttons.column(group, "valence", 70);
        group.addListener(SWT.Selection, e -> { showSelectedValence(); refreshRoles(); });
        new Label(left, SWT.NONE).setText("valence of the selected reference");
        valence = new Text(left, SWT.BORDER);
        valence.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        valence.addListener(SWT.Modify, e -> typedValence());
        form = new ParameterForm(left, ValenceProcessor.Params.class, ValenceProcessor.Params.defaults(), null);
        form.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        Composite bar = new Composite(left, SWT.NONE);
        bar.setLayout(new RowLayout(SWT.HORIZONTAL));
        Buttons.push(bar, "Fit line", () -> Buttons.report(this, "Valence", this::say, this::fit));

        Composite right = new Composite(sash, SWT.NONE);
        right.setLayout(new GridLayout(1, false));
        summary = new Label(right, SWT.WRAP);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        chart = new SpectrumChart(right, SWT.NONE, false);
        chart.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        rows = new Table(right, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        GridData rd = new GridData(SWT.FILL, SWT.BOTTOM, true, false);
        rd.heightHint = 120;
        rows.setLayoutData(rd);
        rows.setHeaderVisible(true);
        for (String c : new String[] {"spectrum", "role", "formal valence", "edge (eV)", "error (eV)", "valence", "error"}) Buttons.column(rows, c, 100);
        sash.setWeights(2, 3);
        SessionParts.register(this, new SessionParts.Part() {
            @Override public String id() { return "task:valence"; }
            @Override public JsonNode save() { return sessionState(); }
            @Override public void restore(JsonNode state) throws EdgeworksException { restoreSession(state); }
        });
    }

    /** The list's files, which are references with which valence, the form, and whether the line was fitted. */
    private JsonNode sessionState() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set("files", SessionParts.files(spectra));
        ArrayNode refs = o.putArray("valences");
        for (int i = 0; i < spectra.size(); i++)
            if (group.getItem(i).getChecked() && valences.containsKey(i)) refs.add(valences.get(i));
            else refs.addNull();
        o.set("parameters", form.json());
        o.put("fitted", last != null);
        return o;
    }

    /** Reopens the saved spectra in order (a reference is a row with a valence), the form; refits when it was fitted. */
    private void restoreSession(JsonNode state) throws EdgeworksException {
        List<Spectrum> saved = SessionParts.open(state.get("files"));
        for (int k = 0; k < saved.size(); k++) {
            if (saved.get(k) == null) continue;
            add(saved.get(k), null);
            JsonNode v = state.path("valences").path(k);
            if (v.isNumber()) {
                group.getItem(spectra.size() - 1).setChecked(true);
                setValence(spectra.size() - 1, v.asDouble());
            }
        }
        form.setJson(state.get("parameters"));
        if (state.path("fitted").asBoolean(false)) fit();
    }

    private void say(String text) { summary.setText(text); }

    public Table group() { return group; }
    public Table rowsTable() { return rows; }
    public Text valenceField() { return valence; }
    public ParameterForm form() { return form; }
    public SpectrumChart chart() { return chart; }
    public String summary() { return summary.getText(); }
    public Result<ValenceProcessor.Valence> lastResult() { return last; }

    public void onResult(Consumer<Result<ValenceProcessor.Valence>> l) { listeners.add(l); }

    /** Adds a spectrum to the group list (the data browser's opened spectra arrive here). */
    public void add(Spectrum s, Path file) {
        spectra.add(s);
        new TableItem(group, SWT.NONE).setText(0, s.name());
        refreshRoles();
    }

    /** Sets a row's formal valence (what typing it in the valence field does while the row is selected). */
    public void setValence(int row, Double v) {
        if (v == null) valences.remove(row);
        else valences.put(row, v);
        refreshRoles();
    }

    private void showSelectedValence() {
        int i = group.getSelectionIndex();
        updating = true;
        valence.setText(i >= 0 && valences.containsKey(i) ? String.valueOf(valences.get(i)) : "");
        updating = false;
    }

    private void typedValence() {
        if (updating) return;
        int i = group.getSelectionIndex();
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
        for (int i = 0; i < group.getItemCount(); i++) {
            TableItem row = group.getItem(i);
            row.setText(1, row.getChecked() ? "reference" : "sample");
            row.setText(2, row.getChecked() && valences.containsKey(i) ? String.valueOf(valences.get(i)) : "");
        }
    }


    /** Fits the line through the checked references and predicts every other row's valence. */
    public Result<ValenceProcessor.Valence> fit() throws EdgeworksException {
        List<Spectrum> refs = new ArrayList<>(), samples = new ArrayList<>();
        List<Double> vals = new ArrayList<>();
        for (int i = 0; i < spectra.size(); i++) {
            if (group.getItem(i).getChecked()) {
                if (!valences.containsKey(i))
                    throw EdgeworksException.of("Valence", spectra.get(i).name() + ": select it and type its formal valence");
                refs.add(spectra.get(i));
                vals.add(valences.get(i));
            } else samples.add(spectra.get(i));
        }
        if (form.error() != null) throw EdgeworksException.of("Valence", form.error());
        Object source = refs.isEmpty() ? null : samples.isEmpty() ? refs.get(0) : samples.get(0);
        Result<ValenceProcessor.Valence> r = Sources.attach(Processors.apply(Processors.registry().get(ValenceProcessor.ID),
                new ValenceProcessor.Input(refs, vals, samples), form.value()), source);
        show(r.value());
        last = r;
        listeners.forEach(l -> l.accept(r));
        return r;
    }

    private void show(ValenceProcessor.Valence v) {
        summary.setText(String.format(Locale.ROOT, "edge (%s) = %.3f (± %.3f) + %.4f (± %.4f) eV x valence; rms %.3g eV",
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
