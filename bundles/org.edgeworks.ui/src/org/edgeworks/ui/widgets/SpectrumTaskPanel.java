package org.edgeworks.ui.widgets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.core.processing.Processor;
import org.edgeworks.core.processing.Result;
import org.edgeworks.xas.DeglitchProcessor;
import org.edgeworks.xas.NormalizeProcessor;
import org.edgeworks.xas.PreEdgeProcessor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A task panel for a processor that works on one spectrum at a time (normalisation, deglitch, pre-edge
 * peaks), a thin form over the registered processor: the group list (the SELECTED spectrum is the one worked
 * on; "Apply to checked" runs the same parameters on every CHECKED spectrum, Athena's "copy parameters"),
 * the processor's parameter form (every value editable, empty = the processor's automatic choice), Run; the
 * result is drawn (normalised curve with pre/post lines, deglitched spectrum, peak fit with baseline and
 * residual) and each result goes to {@link #onResult} listeners (the results view).
 */
public final class SpectrumTaskPanel extends Composite {
    private final Processor<?, ?, ?> processor;
    private final List<Spectrum> spectra = new ArrayList<>();
    private final Table group;
    private final ParameterForm form;
    private final SpectrumChart chart;
    private final Label status;
    private final List<BiConsumer<Spectrum, Result<?>>> listeners = new ArrayList<>();
    private final List<Result<?>> results = new ArrayList<>();
    private Result<?> drawn;
    private final Map<String, ObjectNode> parameters = new java.util.LinkedHashMap<>();

    public SpectrumTaskPanel(Composite parent, int style, String processorId) throws EdgeworksException {
        super(parent, style);
        processor = Processors.registry().get(processorId);
        if (processor.inputType() != Spectrum.class)
            throw EdgeworksException.of(processorId, "works on " + processor.inputType().getSimpleName() + ", not one spectrum");
        setLayout(new GridLayout(1, false));
        SashForm sash = new SashForm(this, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Composite left = new Composite(sash, SWT.NONE);
        left.setLayout(new GridLayout(1, false));
        new Label(left, SWT.WRAP).setText(processor.label() + ": select a spectrum; check others to copy the parameters to");
        group = new Table(left, SWT.BORDER | SWT.CHECK | SWT.SINGLE | SWT.FULL_SELECTION | SWT.V_SCROLL);
        GridData gd = new GridData(SWT.FILL, SWT.FILL, true, true);
        gd.heightHint = 120;
        group.setLayoutData(gd);
        form = new ParameterForm(left, processor.parameterType(), processor.defaults(), null);
        form.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        Composite bar = new Composite(left, SWT.NONE);
        bar.setLayout(new RowLayout(SWT.HORIZONTAL));
        Buttons.push(bar, "Run", () -> Buttons.report(this, processor.label(), this::say, this::runSelected));
        Buttons.push(bar, "Apply to checked", () -> Buttons.report(this, processor.label(), this::say, this::applyToChecked));
        Composite right = new Composite(sash, SWT.NONE);
        right.setLayout(new GridLayout(1, false));
        chart = new SpectrumChart(right, SWT.NONE);
        chart.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        status = new Label(right, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.BOTTOM, true, false));
        sash.setWeights(2, 3);
        PlotPick.buttons(left, form, processor.parameterType(), chart, this::drawnE0, status::setText);
        group.addListener(SWT.Selection, e -> { if (e.detail != SWT.CHECK) showParametersOfSelected(); });
        SessionParts.register(this, new SessionParts.Part() {
            @Override public String id() { return "task:" + processor.id(); }
            @Override public JsonNode save() { return sessionState(); }
            @Override public void restore(JsonNode state) throws EdgeworksException { restoreSession(state); }
        });
    }

    /** The parameters last used for the selected spectrum (each spectrum keeps its own, as in Athena) go to the form. */
    private void showParametersOfSelected() {
        int i = group.getSelectionIndex();
        if (i >= 0 && parameters.containsKey(SessionParts.key(spectra.get(i)))) form.setJson(parameters.get(SessionParts.key(spectra.get(i))));
    }

    /** The parameters used for the spectrum (by its raw file), or null when it has not been run. */
    public JsonNode parametersOf(Spectrum s) { return parameters.get(SessionParts.key(s)); }

    private JsonNode sessionState() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set("files", SessionParts.files(spectra));
        ArrayNode checked = o.putArray("checked");
        for (TableItem row : group.getItems()) checked.add(row.getChecked());
        o.put("selected", group.getSelectionIndex());
        o.put("ran", drawn != null);
        ObjectNode per = o.putObject("parameters");
        parameters.forEach(per::set);
        return o;
    }

    /** Reopens the saved spectra (those not in the list yet), their checks, each one's parameters; reruns the selected one if it had run. */
    private void restoreSession(JsonNode state) throws EdgeworksException {
        List<Spectrum> saved = SessionParts.open(state.get("files"));
        int selected = state.path("selected").asInt(-1);
        for (int k = 0; k < saved.size(); k++) {
            Spectrum s = saved.get(k);
            if (s == null) continue;
            int at = indexOf(SessionParts.key(s));
            if (at < 0) { add(s); at = spectra.size() - 1; }
            group.getItem(at).setChecked(state.path("checked").path(k).asBoolean(false));
            if (k == selected) group.select(at);
        }
        state.path("parameters").fields().forEachRemaining(e -> parameters.put(e.getKey(), (ObjectNode) e.getValue()));
        showParametersOfSelected();
        if (state.path("ran").asBoolean(false) && group.getSelectionIndex() >= 0) runSelected();
    }

    private int indexOf(String key) {
        for (int i = 0; i < spectra.size(); i++) if (SessionParts.key(spectra.get(i)).equals(key)) return i;
        return -1;
    }

    /** E0 of the normalisation drawn last (what fields relative to E0 are measured from), NaN before a run. */
    private double drawnE0() {
        return drawn != null && drawn.value() instanceof NormalizeProcessor.Normalized n ? n.e0() : Double.NaN;
    }

    private void say(String text) { status.setText(text); }

    public Table group() { return group; }
    public ParameterForm form() { return form; }
    public SpectrumChart chart() { return chart; }
    public String status() { return status.getText(); }
    /** Results of the last Run or Apply, in list order. */
    public List<Result<?>> results() { return List.copyOf(results); }

    public void onResult(BiConsumer<Spectrum, Result<?>> l) { listeners.add(l); }

    public void add(Spectrum s) {
        spectra.add(s);
        new TableItem(group, SWT.NONE).setText(s.name());
        if (group.getSelectionIndex() < 0) group.select(0);
    }

    /** Runs the processor with the form's parameters on the selected spectrum and draws the result. */
    public void runSelected() throws EdgeworksException {
        int i = group.getSelectionIndex();
        if (i < 0) throw EdgeworksException.of(processor.label(), "select a spectrum in the list");
        results.clear();
        Result<?> r = run(spectra.get(i));
        draw(spectra.get(i), r);
        status.setText(processor.label() + " on " + spectra.get(i).name() + " with the parameters shown");
    }

    /** The same parameters on every checked spectrum (and the selected one's drawing stays). */
    public void applyToChecked() throws EdgeworksException {
        results.clear();
        int n = 0;
        for (int i = 0; i < spectra.size(); i++)
            if (group.getItem(i).getChecked()) { run(spectra.get(i)); n++; }
        if (n == 0) throw EdgeworksException.of(processor.label(), "check the spectra to apply the parameters to");
        status.setText(processor.label() + " applied with the same parameters to " + n + " checked spectra");
    }

    private Result<?> run(Spectrum s) throws EdgeworksException {
        if (form.error() != null) throw EdgeworksException.of(processor.label(), form.error());
        Result<?> r = Sources.attach(Processors.apply(processor, s, form.value()), s);
        parameters.put(SessionParts.key(s), form.json());
        results.add(r);
        listeners.forEach(l -> l.accept(s, r));
        return r;
    }

    private static double min(double[] v) { return java.util.Arrays.stream(v).filter(Double::isFinite).min().orElse(0); }

    private static double max(double[] v) { return java.util.Arrays.stream(v).filter(Double::isFinite).max().orElse(1); }

    private void draw(Spectrum s, Result<?> r) {
        drawn = r;
        Object v = r.value();
        if (v instanceof NormalizeProcessor.Normalized n) {
            chart.showCurves(List.of(new SpectrumChart.Curve(s.name() + " mu", n.energy(), n.mu(), false),
                    new SpectrumChart.Curve("pre-edge line", n.energy(), n.pre(), true),
                    new SpectrumChart.Curve("post-edge line", n.energy(), n.post(), true),
                    new SpectrumChart.Curve(String.format(java.util.Locale.ROOT, "E0 = %.2f eV, step %.4g", n.e0(), n.edgeStep()),
                            new double[] {n.e0(), n.e0()}, new double[] {min(n.mu()), max(n.mu())}, true)));
        } else if (v instanceof PreEdgeProcessor.PreEdge p) {
            chart.showFit(p.name() + " pre-edge", p.energy(), p.data(), p.fit(), Map.of("baseline", p.baselineCurve()));
        } else if (v instanceof DeglitchProcessor.Deglitched d) {
            chart.setSpectra(List.of(s, d.spectrum().withName(s.name() + " deglitched")));
        } else if (v instanceof Spectrum out) {
            chart.setSpectra(List.of(s, out));
        }
    }
}
