package org.edgeworks.ui.widgets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.core.processing.Result;
import org.edgeworks.xas.LcfProcessor;
import org.edgeworks.xas.NormalizeProcessor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * LCF task panel (no workbench dependency), a thin form over the registered processors: the group list of
 * spectra (the SELECTED row is the sample, the CHECKED rows are the references; same-name files are told apart
 * by their folder), the fit parameters of {@link LcfProcessor.Params} (window, non-negative, sum to one,
 * shifts and their bound, combinatorial ranking) in the generated form, "Fit"; then the weights with their
 * errors, R-factor and reduced chi-square, the combinatorial table, and data / fit / residual plotted.
 * Inputs are normalised with the normalisation processor's defaults, exactly as {@code xas lcf} does
 * (unless "inputs are normalised" is ticked, as {@code --input norm}). Results are published as "SAMPLE LCF".
 */
public final class LcfPanel extends TaskPanel<LcfProcessor.LcfResult> {
    private final SpectrumList group;
    private final Table weights, ranking;
    private final ParameterForm form;
    private final Button normalisedInputs;
    private final SpectrumChart chart;

    public LcfPanel(Composite parent, int style) {
        super(parent, style, "LCF", 1);
        new Label(inputs(), SWT.WRAP).setText("Select the sample; check the references");
        group = new SpectrumList(inputs(), true, SWT.DEFAULT, true)
                .column("spectrum", 200).column("role", 80).foldersForTwins();
        group.table().addListener(SWT.Selection, e -> refreshRoles());
        form = ParameterForm.of(inputs(), LcfProcessor.ID, null);
        normalisedInputs = new Button(inputs(), SWT.CHECK);
        normalisedInputs.setText("inputs are normalised already (reference library)");
        button(bar(inputs()), "Fit", this::fit);

        statusLine(SWT.TOP); // the fit's summary heads the outputs
        weights = Buttons.table(outputs(), SWT.TOP, 110, 110, "reference", "weight", "error", "shift (eV)", "error");
        chart = plot(false);
        ranking = Buttons.table(outputs(), SWT.BOTTOM, 110, 150, "references", "weights", "R", "reduced chi2");
        keepInSession("task:" + LcfProcessor.ID, this::sessionState, this::restoreSession);
    }

    /** The list's files, the sample, the checked references, the form and "inputs are normalised"; whether it was fitted. */
    private JsonNode sessionState() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        group.save(o, "sample");
        o.set("parameters", form.json());
        o.put("normalised_inputs", normalisedInputs.getSelection());
        o.put("fitted", lastResult() != null);
        return o;
    }

    private void restoreSession(JsonNode state) throws EdgeworksException {
        group.restore(state, "sample", false);
        refreshRoles();
        form.setJson(state.get("parameters"));
        normalisedInputs.setSelection(state.path("normalised_inputs").asBoolean(false));
        if (state.path("fitted").asBoolean(false)) fit();
    }

    public Table group() { return group.table(); }
    public ParameterForm form() { return form; }
    public Table weightsTable() { return weights; }
    public Table rankingTable() { return ranking; }
    public SpectrumChart chart() { return chart; }
    /** The fit's summary line (or why it was refused). */
    public String summary() { return status(); }
    /** The spectra of the list, in order. */
    public List<Spectrum> spectra() { return group.spectra(); }

    @Override
    public void add(Spectrum s) { add(s, null); }

    /** Adds a spectrum to the group list (the data browser's opened spectra arrive here); {@code file} tells twins apart. */
    public void add(Spectrum s, Path file) {
        group.add(s, file);
        refreshRoles();
    }

    private void refreshRoles() {
        int sample = group.selected();
        for (int i = 0; i < group.size(); i++) {
            TableItem row = group.table().getItem(i);
            row.setText(1, i == sample ? "sample" : row.getChecked() ? "reference" : "");
        }
    }

    /** Runs the fit on the selected sample with the checked references and shows it. */
    public Result<LcfProcessor.LcfResult> fit() throws EdgeworksException {
        int s = group.selected();
        if (s < 0) throw EdgeworksException.of("LCF", "select the sample in the list");
        List<Spectrum> refs = new ArrayList<>();
        List<Double> stepErrors = new ArrayList<>(); // each normalisation's edge-step error, propagated by the processor
        for (int i : group.checked(false)) {
            NormalizeProcessor.Normalized n = norm(group.get(i));
            refs.add(n == null ? group.get(i) : n.normSpectrum());
            stepErrors.add(n == null ? null : LcfProcessor.stepError(n));
        }
        if (refs.isEmpty()) throw EdgeworksException.of("LCF", "check at least one reference (not the sample)");
        Record params = form.valid("LCF");
        NormalizeProcessor.Normalized sample = norm(group.get(s));
        Result<LcfProcessor.LcfResult> r = Sources.attach(Processors.apply(Processors.registry().get(LcfProcessor.ID),
                new LcfProcessor.Input(sample == null ? group.get(s) : sample.normSpectrum(), refs, null,
                        sample == null ? null : LcfProcessor.stepError(sample), stepErrors), params), group.get(s));
        show(r.value());
        publish(r.value().sample() + " LCF", r);
        return r;
    }

    /**
     * As {@code xas lcf}: the normalisation processor's result with its defaults (its norm and edge-step error),
     * or null when the inputs are normalised already (used as they are, with no edge-step error).
     */
    private NormalizeProcessor.Normalized norm(Spectrum s) throws EdgeworksException {
        if (normalisedInputs.getSelection()) return null;
        Result<NormalizeProcessor.Normalized> n = Processors.run(NormalizeProcessor.ID, s, Map.of());
        return n.value();
    }

    private void show(LcfProcessor.LcfResult v) {
        say(String.format(Locale.ROOT, "%s: R = %.4g, reduced chi2 = %.4g, chi2 = %.4g, %d points, window %.2f - %.2f eV",
                v.sample(), v.rFactor(), v.reducedChi2(), v.chi2(), v.points(), v.emin(), v.emax()));
        weights.removeAll();
        for (LcfProcessor.Component c : v.components()) {
            TableItem row = new TableItem(weights, SWT.NONE);
            row.setText(new String[] {c.name(), fmt(c.weight()), fmt(c.stderr()), fmt(c.shift()), fmt(c.shiftStderr())});
        }
        ranking.removeAll();
        if (v.ranking() != null)
            for (LcfProcessor.Ranked rk : v.ranking()) {
                TableItem row = new TableItem(ranking, SWT.NONE);
                List<String> w = new ArrayList<>();
                rk.weights().forEach((k, x) -> w.add(k + " " + String.format(Locale.ROOT, "%.3f", x)));
                row.setText(new String[] {String.join(" + ", rk.references()), String.join(", ", w), fmt(rk.rFactor()), fmt(rk.reducedChi2())});
            }
        chart.showFit(v.sample() + " LCF", v.energy(), v.data(), v.fit(), Map.of());
    }

    private static String fmt(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.5g", v) : "";
    }
}
