package org.edgeworks.ui.widgets;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.core.processing.Processor;
import org.edgeworks.core.processing.Result;
import org.edgeworks.xas.AlignProcessor;
import org.edgeworks.xas.CalibrateProcessor;
import org.edgeworks.xas.MergeProcessor;
import org.edgeworks.xas.NormalizeProcessor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Calibrate / Align / Merge task panel (no workbench dependency), a thin form over the registered processors
 * on the group list: the SELECTED row is the reference (the foil for Calibrate, the spectrum aligned to for
 * Align), the CHECKED rows are the spectra operated on. The operation's parameter record is the generated form
 * ({@link CalibrateProcessor.Params}, {@link AlignProcessor.Params}, {@link MergeProcessor.Params}); the
 * processor's outputs replace the spectra in the list as returned (the shifted spectra; a merge joins the
 * list as a new spectrum); the shift of every spectrum is shown with its error, and each operation is undoable:
 * Undo puts back the very spectrum objects the list held before (exactly the previous arrays). Results go to
 * {@link #onResult} listeners (the results view) with the reference's provenance.
 */
public final class ShiftMergePanel extends Composite {

    /** The operations, each a registered processor. */
    public enum Operation {
        CALIBRATE("Calibrate", CalibrateProcessor.ID), ALIGN("Align", AlignProcessor.ID), MERGE("Merge", MergeProcessor.ID);

        public final String label, processorId;

        Operation(String label, String processorId) { this.label = label; this.processorId = processorId; }
    }

    /** One undoable step: what the list held before it. */
    private record Undo(String label, List<Spectrum> before, List<Boolean> checked) {}

    private final List<Spectrum> spectra = new ArrayList<>();
    private final Deque<Undo> undo = new ArrayDeque<>();
    private final Table group, shifts;
    private final Composite formHolder;
    private final Map<Operation, Button> operationButtons = new LinkedHashMap<>();
    private final SpectrumChart chart;
    private final Label status;
    private final Button undoButton;
    private final List<BiConsumer<String, Result<?>>> listeners = new ArrayList<>();
    private final Map<Operation, ObjectNode> formValues = new LinkedHashMap<>();
    private Operation operation = Operation.CALIBRATE;
    private ParameterForm form;
    private Result<?> last;

    public ShiftMergePanel(Composite parent, int style) {
        super(parent, style);
        setLayout(new GridLayout(1, false));
        SashForm sash = new SashForm(this, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Composite left = new Composite(sash, SWT.NONE);
        left.setLayout(new GridLayout(1, false));
        Composite ops = new Composite(left, SWT.NONE);
        ops.setLayout(new RowLayout(SWT.HORIZONTAL));
        for (Operation op : Operation.values()) {
            Button b = new Button(ops, SWT.RADIO);
            b.setText(op.label);
            b.setSelection(op == operation);
            b.addListener(SWT.Selection, e -> { if (b.getSelection()) setOperation(op); });
            operationButtons.put(op, b);
        }
        new Label(left, SWT.WRAP).setText("Select the reference; check the spectra to calibrate, align or merge");
        group = new Table(left, SWT.BORDER | SWT.CHECK | SWT.SINGLE | SWT.FULL_SELECTION | SWT.V_SCROLL);
        GridData gd = new GridData(SWT.FILL, SWT.FILL, true, true);
        gd.heightHint = 120;
        group.setLayoutData(gd);
        group.setHeaderVisible(true);
        Buttons.column(group, "spectrum", 200);
        Buttons.column(group, "role", 80);
        group.addListener(SWT.Selection, e -> refresh());
        formHolder = new Composite(left, SWT.NONE);
        formHolder.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        formHolder.setLayout(new GridLayout(1, false));
        Composite bar = new Composite(left, SWT.NONE);
        bar.setLayout(new RowLayout(SWT.HORIZONTAL));
        Buttons.push(bar, "Run", () -> Buttons.report(this, operation.label, this::say, this::run));
        undoButton = Buttons.push(bar, "Undo", () -> Buttons.report(this, operation.label, this::say, this::undo));
        undoButton.setEnabled(false);

        Composite right = new Composite(sash, SWT.NONE);
        right.setLayout(new GridLayout(1, false));
        chart = new SpectrumChart(right, SWT.NONE);
        chart.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        shifts = new Table(right, SWT.BORDER | SWT.FULL_SELECTION);
        GridData sd = new GridData(SWT.FILL, SWT.BOTTOM, true, false);
        sd.heightHint = 100;
        shifts.setLayoutData(sd);
        shifts.setHeaderVisible(true);
        for (String c : new String[] {"spectrum", "shift (eV)", "error (eV)", "what"}) Buttons.column(shifts, c, 140);
        status = new Label(right, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.BOTTOM, true, false));
        sash.setWeights(2, 3);
        buildForm();
        SessionParts.register(this, new SessionParts.Part() {
            @Override public String id() { return "task:shiftMerge"; }
            @Override public JsonNode save() { return sessionState(); }
            @Override public void restore(JsonNode state) throws EdgeworksException { restoreSession(state); }
        });
    }

    /** The list's files, checks and reference, the operation and each operation's form (the shifts made are not kept). */
    private JsonNode sessionState() {
        formValues.put(operation, form.json());
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set("files", SessionParts.files(spectra));
        ArrayNode checked = o.putArray("checked");
        for (TableItem row : group.getItems()) checked.add(row.getChecked());
        o.put("selected", group.getSelectionIndex());
        o.put("operation", operation.name().toLowerCase(Locale.ROOT));
        ObjectNode forms = o.putObject("parameters");
        formValues.forEach((op, json) -> forms.set(op.name().toLowerCase(Locale.ROOT), json));
        return o;
    }

    private void restoreSession(JsonNode state) throws EdgeworksException {
        List<Spectrum> saved = SessionParts.open(state.get("files"));
        for (int k = 0; k < saved.size(); k++) {
            Spectrum s = saved.get(k);
            if (s == null) continue;
            add(s);
            group.getItem(spectra.size() - 1).setChecked(state.path("checked").path(k).asBoolean(false));
            if (k == state.path("selected").asInt(-1)) group.select(spectra.size() - 1);
        }
        state.path("parameters").fields().forEachRemaining(e ->
                formValues.put(Operation.valueOf(e.getKey().toUpperCase(Locale.ROOT)), (ObjectNode) e.getValue()));
        Operation op = Operation.valueOf(state.path("operation").asText("calibrate").toUpperCase(Locale.ROOT));
        operation = op;
        operationButtons.forEach((k, b) -> b.setSelection(k == op));
        buildForm();
        refresh();
    }

    private void say(String text) { status.setText(text); }

    public Table group() { return group; }
    public Table shiftsTable() { return shifts; }
    public ParameterForm form() { return form; }
    public SpectrumChart chart() { return chart; }
    public String status() { return status.getText(); }
    public Operation operation() { return operation; }
    /** The spectra of the list as they are now (after the operations not undone). */
    public List<Spectrum> spectra() { return List.copyOf(spectra); }
    /** The last operation's result. */
    public Result<?> lastResult() { return last; }
    public boolean canUndo() { return !undo.isEmpty(); }

    /** Each operation's result, with the name of the spectrum it belongs to (the results view). */
    public void onResult(BiConsumer<String, Result<?>> l) { listeners.add(l); }

    public void add(Spectrum s) {
        spectra.add(s);
        new TableItem(group, SWT.NONE).setText(0, s.name());
        if (group.getSelectionIndex() < 0) group.select(0);
        refresh();
    }

    /** Switches the operation (the radio buttons); each operation keeps its own form values. */
    public void setOperation(Operation op) {
        if (form != null && !form.isDisposed()) formValues.put(operation, form.json());
        operation = op;
        operationButtons.forEach((k, b) -> b.setSelection(k == op));
        buildForm();
    }

    private void buildForm() {
        for (var c : formHolder.getChildren()) c.dispose();
        Processor<?, ?, ?> p;
        try {
            p = Processors.registry().get(operation.processorId);
        } catch (EdgeworksException e) {
            throw new IllegalStateException("the xas bundle registers " + operation.processorId, e);
        }
        Record initial = null;
        try {
            if (formValues.containsKey(operation)) initial = parametersOf(p, formValues.get(operation));
        } catch (EdgeworksException e) {
            initial = null;
        }
        form = new ParameterForm(formHolder, p.parameterType(), p.defaults(), initial);
        form.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        PlotPick.buttons(formHolder, form, p.parameterType(), chart, this::referenceE0, status::setText);
        formHolder.layout(true, true);
        layout(true, true);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Record parametersOf(Processor p, ObjectNode json) throws EdgeworksException {
        return org.edgeworks.core.processing.Parameters.fromJson(json, p.parameterType(), (Record) p.defaults(), p.label());
    }

    /** E0 of the selected reference as the alignment measures it (the normalisation processor's defaults). */
    private double referenceE0() {
        int i = group.getSelectionIndex();
        if (i < 0) return Double.NaN;
        try {
            Result<NormalizeProcessor.Normalized> n = Processors.run(NormalizeProcessor.ID, spectra.get(i), Map.of());
            return n.value().e0();
        } catch (EdgeworksException e) {
            return Double.NaN;
        }
    }

    /** Roles in the list, and the plot shows the reference and the checked spectra as they are now. */
    private void refresh() {
        int ref = group.getSelectionIndex();
        List<Spectrum> shown = new ArrayList<>();
        for (int i = 0; i < group.getItemCount(); i++) {
            TableItem row = group.getItem(i);
            row.setText(1, i == ref ? "reference" : row.getChecked() ? "checked" : "");
            if (i == ref || row.getChecked()) shown.add(spectra.get(i));
        }
        chart.setSpectra(shown);
    }

    private List<Integer> checkedOthers(boolean includeReference) {
        int ref = group.getSelectionIndex();
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < spectra.size(); i++)
            if (group.getItem(i).getChecked() && (includeReference || i != ref)) out.add(i);
        return out;
    }

    /** Runs the chosen operation on the reference and the checked spectra, replacing them by the processor's outputs. */
    public void run() throws EdgeworksException {
        if (form.error() != null) throw EdgeworksException.of(operation.label, form.error());
        Processor<?, ?, ?> p = Processors.registry().get(operation.processorId);
        Record params = form.value();
        int ref = group.getSelectionIndex();
        if (ref < 0 && operation != Operation.MERGE) throw EdgeworksException.of(operation.label, "select the reference in the list");
        List<Spectrum> before = new ArrayList<>(spectra);
        List<Boolean> checked = new ArrayList<>();
        for (TableItem row : group.getItems()) checked.add(row.getChecked());
        shifts.removeAll();
        switch (operation) {
            case CALIBRATE -> {
                List<Integer> idx = checkedOthers(false);
                List<Spectrum> samples = new ArrayList<>();
                for (int i : idx) samples.add(spectra.get(i));
                Result<CalibrateProcessor.Calibration> r = Sources.attach(Processors.apply(p,
                        new CalibrateProcessor.Input(spectra.get(ref), samples), params), spectra.get(ref));
                CalibrateProcessor.Calibration c = r.value();
                replace(ref, c.calibratedReference());
                shiftRow(c.reference(), c.shift(), c.shiftStderr(), String.format(Locale.ROOT,
                        "reference: E0 %.3f -> %.3f eV", c.measuredE0(), c.referenceE0()));
                for (int k = 0; k < idx.size(); k++) {
                    replace(idx.get(k), c.calibratedSamples().get(k));
                    shiftRow(c.calibratedSamples().get(k).name(), c.shift(), c.shiftStderr(), "same shift as the reference");
                }
                publish(c.reference(), r);
                status.setText(String.format(Locale.ROOT, "calibrated %d spectra: shift %+.4f ± %.4f eV", idx.size() + 1, c.shift(), c.shiftStderr()));
            }
            case ALIGN -> {
                List<Integer> idx = checkedOthers(false);
                if (idx.isEmpty()) throw EdgeworksException.of(operation.label, "check the spectra to align to the selected reference");
                List<Spectrum> aligned = new ArrayList<>();
                List<String> lines = new ArrayList<>();
                for (int i : idx) {
                    Result<AlignProcessor.Alignment> r = Sources.attach(Processors.apply(p,
                            new AlignProcessor.Input(spectra.get(ref), spectra.get(i)), params), spectra.get(i));
                    AlignProcessor.Alignment a = r.value();
                    aligned.add(a.alignedSample());
                    shiftRow(a.sample(), a.shift(), Double.NaN, String.format(Locale.ROOT, "to %s, rms %.3g%s", a.reference(),
                            a.residual(), a.atBound() ? ", AT THE BOUND" : ""));
                    lines.add(String.format(Locale.ROOT, "%s %+.4f eV", a.sample(), a.shift()));
                    publish(a.sample(), r);
                }
                for (int k = 0; k < idx.size(); k++) replace(idx.get(k), aligned.get(k));
                status.setText("aligned to " + spectra.get(ref).name() + ": " + String.join(", ", lines));
            }
            case MERGE -> {
                List<Integer> idx = checkedOthers(true);
                if (idx.size() < 2) throw EdgeworksException.of(operation.label, "check at least 2 spectra to merge");
                List<Spectrum> scans = new ArrayList<>();
                for (int i : idx) scans.add(spectra.get(i));
                String name = scans.get(0).name() + " merged " + scans.size();
                Result<MergeProcessor.Merged> r = Sources.attach(Processors.apply(p, new MergeProcessor.Input(name, scans), params), scans.get(0));
                Spectrum merged = r.value().spectrum();
                Sources.remember(merged, Sources.of(scans.get(0)));
                spectra.add(merged);
                TableItem row = new TableItem(group, SWT.NONE);
                row.setText(0, merged.name());
                row.setChecked(true);
                shiftRow(merged.name(), Double.NaN, Double.NaN, "mean of " + r.value().count() + " scans, with stderr");
                publish(merged.name(), r);
                status.setText("merged " + scans.size() + " spectra into " + merged.name());
            }
        }
        undo.push(new Undo(operation.label, before, checked));
        undoButton.setEnabled(true);
        refresh();
    }

    /** Puts back the list as it was before the last operation (the same spectrum objects, so exactly the same arrays). */
    public void undo() throws EdgeworksException {
        if (undo.isEmpty()) throw EdgeworksException.of(operation.label, "nothing to undo");
        Undo u = undo.pop();
        int selected = group.getSelectionIndex();
        spectra.clear();
        spectra.addAll(u.before());
        group.removeAll();
        for (int i = 0; i < spectra.size(); i++) {
            TableItem row = new TableItem(group, SWT.NONE);
            row.setText(0, spectra.get(i).name());
            row.setChecked(u.checked().get(i));
        }
        if (selected >= 0 && selected < spectra.size()) group.select(selected);
        shifts.removeAll();
        undoButton.setEnabled(!undo.isEmpty());
        status.setText(u.label() + " undone: the previous spectra are back");
        refresh();
    }

    private void replace(int index, Spectrum s) {
        Sources.remember(s, Sources.of(spectra.get(index)));
        spectra.set(index, s);
    }

    private void shiftRow(String name, double shift, double err, String what) {
        TableItem row = new TableItem(shifts, SWT.NONE);
        row.setText(new String[] {name, fmt(shift), Double.isFinite(err) ? String.format(Locale.ROOT, "%.4f", err) : "", what});
    }

    private void publish(String name, Result<?> r) {
        last = r;
        listeners.forEach(l -> l.accept(name, r));
    }

    private static String fmt(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%+.4f", v) : "";
    }
}
