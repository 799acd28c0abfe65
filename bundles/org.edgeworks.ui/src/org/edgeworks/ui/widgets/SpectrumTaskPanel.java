package org.edgeworks.ui.widgets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.core.processing.Processor;
import org.edgeworks.core.processing.Result;
import org.edgeworks.xas.DeglitchProcessor;
import org.edgeworks.xas.NormalizeProcessor;
import org.edgeworks.xas.PreEdgeProcessor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A task panel for a processor that works on one spectrum at a time (normalisation, deglitch, pre-edge
 * peaks), a thin form over the registered processor: the group list (the SELECTED spectrum is the one worked
 * on; "Apply to checked" runs the same parameters on every CHECKED spectrum, Athena's "copy parameters"),
 * the processor's parameter form (every value editable, empty = the processor's automatic choice), Run; the
 * result is drawn (normalised curve with pre/post lines, deglitched spectrum, peak fit with baseline and
 * residual) and each result goes to {@link #onResult} listeners (the results view) under its spectrum's name.
 */
public final class SpectrumTaskPanel extends TaskPanel<Object> {
    private final Processor<?, ?, ?> processor;
    private final SpectrumList group;
    private final ParameterForm form;
    private final SpectrumChart chart;
    private final List<Result<?>> results = new ArrayList<>();
    private Result<?> drawn;
    private final Map<String, ObjectNode> parameters = new java.util.LinkedHashMap<>();

    public SpectrumTaskPanel(Composite parent, int style, String processorId) throws EdgeworksException {
        super(parent, style, Processors.registry().get(processorId).label(), 1);
        processor = Processors.registry().get(processorId);
        if (processor.inputType() != Spectrum.class)
            throw EdgeworksException.of(processorId, "works on " + processor.inputType().getSimpleName() + ", not one spectrum");
        new Label(inputs(), SWT.WRAP).setText(processor.label() + ": select a spectrum; check others to copy the parameters to");
        group = new SpectrumList(inputs(), true, 120, true);
        form = ParameterForm.of(inputs(), processorId, null);
        var bar = bar(inputs());
        button(bar, "Run", this::runSelected);
        button(bar, "Apply to checked", this::applyToChecked);
        chart = plot(true);
        statusLine(SWT.BOTTOM);
        PlotPick.buttons(inputs(), form, processor.parameterType(), chart, this::drawnE0, this::say);
        group.table().addListener(SWT.Selection, e -> { if (e.detail != SWT.CHECK) showParametersOfSelected(); });
        keepInSession("task:" + processor.id(), this::sessionState, this::restoreSession);
    }

    /** The parameters last used for the selected spectrum (each spectrum keeps its own, as in Athena) go to the form. */
    private void showParametersOfSelected() {
        int i = group.selected();
        if (i >= 0 && parameters.containsKey(SessionParts.key(group.get(i)))) form.setJson(parameters.get(SessionParts.key(group.get(i))));
    }

    /** The parameters used for the spectrum (by its raw file), or null when it has not been run. */
    public JsonNode parametersOf(Spectrum s) { return parameters.get(SessionParts.key(s)); }

    private JsonNode sessionState() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        group.save(o, "selected");
        o.put("ran", drawn != null);
        ObjectNode per = o.putObject("parameters");
        parameters.forEach(per::set);
        return o;
    }

    /** Reopens the saved spectra (those not in the list yet), their checks, each one's parameters; reruns the selected one if it had run. */
    private void restoreSession(JsonNode state) throws EdgeworksException {
        group.restore(state, "selected", true);
        group.selectFirstIfNone();
        state.path("parameters").fields().forEachRemaining(e -> parameters.put(e.getKey(), (ObjectNode) e.getValue()));
        showParametersOfSelected();
        if (state.path("ran").asBoolean(false) && group.selected() >= 0) runSelected();
    }

    /** E0 of the normalisation drawn last (what fields relative to E0 are measured from), NaN before a run. */
    private double drawnE0() {
        return drawn != null && drawn.value() instanceof NormalizeProcessor.Normalized n ? n.e0() : Double.NaN;
    }

    public Table group() { return group.table(); }
    public ParameterForm form() { return form; }
    public SpectrumChart chart() { return chart; }
    /** Results of the last Run or Apply, in list order. */
    public List<Result<?>> results() { return List.copyOf(results); }

    @Override
    public void add(Spectrum s) {
        group.add(s, null);
        group.selectFirstIfNone();
    }

    /** Runs the processor with the form's parameters on the selected spectrum and draws the result. */
    public void runSelected() throws EdgeworksException {
        int i = group.selected();
        if (i < 0) throw EdgeworksException.of(processor.label(), "select a spectrum in the list");
        results.clear();
        Result<?> r = run(group.get(i));
        draw(group.get(i), r);
        say(processor.label() + " on " + group.get(i).name() + " with the parameters shown");
    }

    /** The same parameters on every checked spectrum (and the selected one's drawing stays). */
    public void applyToChecked() throws EdgeworksException {
        results.clear();
        List<Integer> checked = group.checked(true);
        for (int i : checked) run(group.get(i));
        if (checked.isEmpty()) throw EdgeworksException.of(processor.label(), "check the spectra to apply the parameters to");
        say(processor.label() + " applied with the same parameters to " + checked.size() + " checked spectra");
    }

    private Result<?> run(Spectrum s) throws EdgeworksException {
        Result<?> r = Sources.attach(Processors.apply(processor, s, form.valid(processor.label())), s);
        parameters.put(SessionParts.key(s), form.json());
        results.add(r);
        publish(s.name(), r);
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
