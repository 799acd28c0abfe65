package org.edgeworks.ui.widgets;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.eclipse.swt.SWT;
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
public final class ShiftMergePanel extends TaskPanel<Object> {

    /** The operations, each a registered processor. */
    public enum Operation {
        CALIBRATE("Calibrate", CalibrateProcessor.ID), ALIGN("Align", AlignProcessor.ID), MERGE("Merge", MergeProcessor.ID);

        public final String label, processorId;

        Operation(String label, String processorId) { this.label = label; this.processorId = processorId; }
    }

    /** One undoable step: what the list held before it. */
    private record Undo(String label, List<Spectrum> before, List<Boolean> checked) {}

    private final SpectrumList group;
    private final Deque<Undo> undo = new ArrayDeque<>();
    private final Table shifts;
    private final Composite formHolder;
    private final Map<Operation, Button> operationButtons = new LinkedHashMap<>();
    private final SpectrumChart chart;
    private final Button undoButton;
    private final Map<Operation, ObjectNode> formValues = new LinkedHashMap<>();
    /** The spectra the operations made (shifted, merged): a session keeps them by their numbers. */
    private final Set<Spectrum> made = Collections.newSetFromMap(new IdentityHashMap<>());
    private Operation operation = Operation.CALIBRATE;
    private ParameterForm form;

    public ShiftMergePanel(Composite parent, int style) {
        super(parent, style, "Calibrate", 1);
        Composite ops = new Composite(inputs(), SWT.NONE);
        ops.setLayout(new RowLayout(SWT.HORIZONTAL));
        for (Operation op : Operation.values()) {
            Button b = new Button(ops, SWT.RADIO);
            b.setText(op.label);
            b.setSelection(op == operation);
            b.addListener(SWT.Selection, e -> { if (b.getSelection()) setOperation(op); });
            operationButtons.put(op, b);
        }
        new Label(inputs(), SWT.WRAP).setText("Select the reference; check the spectra to calibrate, align or merge");
        group = new SpectrumList(inputs(), true, 120, true).column("spectrum", 200).column("role", 80);
        group.table().addListener(SWT.Selection, e -> refresh());
        formHolder = new Composite(inputs(), SWT.NONE);
        formHolder.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        formHolder.setLayout(new GridLayout(1, false));
        Composite bar = bar(inputs());
        button(bar, "Run", this::run);
        undoButton = button(bar, "Undo", this::undo);
        undoButton.setEnabled(false);

        chart = plot(true);
        shifts = Buttons.table(outputs(), SWT.BOTTOM, 100, 140, "spectrum", "shift (eV)", "error (eV)", "what");
        statusLine(SWT.BOTTOM);
        buildForm();
        keepInSession("task:shiftMerge", this::sessionState, this::restoreSession);
    }

    /** Error dialogs are titled with the operation chosen. */
    @Override
    protected String title() { return operation.label; }

    /**
     * The list (its spectra, checks and reference), the undo history, the operation and each operation's form.
     * Spectra opened from a file are kept by the file (reopened through the import choices), spectra the
     * operations made (shifted, merged) or that came from memory by their numbers ({@link SessionParts#numbers}),
     * each object once: {@code "spectra"} holds them, {@code "rows"} and each {@code "undo"} step (most recent
     * first) index into it. {@code "files"}, {@code "checked"} and {@code "selected"} are written as before for
     * older readers (which reopen the raw files).
     */
    private JsonNode sessionState() {
        formValues.put(operation, form.json());
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        group.save(o, "selected");
        Map<Spectrum, Integer> index = new IdentityHashMap<>();
        ArrayNode table = JsonNodeFactory.instance.arrayNode();
        o.set("rows", rows(group.spectra(), index, table));
        ArrayNode history = o.putArray("undo");
        for (Undo u : undo) { // the deque iterates from the most recent step
            ObjectNode step = history.addObject();
            step.put("label", u.label());
            step.set("rows", rows(u.before(), index, table));
            ArrayNode checks = step.putArray("checked");
            u.checked().forEach(checks::add);
        }
        o.set("spectra", table);
        o.put("operation", operation.name().toLowerCase(Locale.ROOT));
        ObjectNode forms = o.putObject("parameters");
        formValues.forEach((op, json) -> forms.set(op.name().toLowerCase(Locale.ROOT), json));
        return o;
    }

    /** Each spectrum's index in the session's table, adding those not there yet (by file, or by numbers). */
    private ArrayNode rows(List<Spectrum> list, Map<Spectrum, Integer> index, ArrayNode table) {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        for (Spectrum s : list) {
            Integer at = index.get(s);
            if (at == null) {
                boolean fromFile = !made.contains(s) && Sources.of(s) != null && Sources.of(s).file() != null;
                table.add(fromFile ? JsonNodeFactory.instance.objectNode().put("file", Sources.of(s).file()) : SessionParts.numbers(s));
                index.put(s, at = table.size() - 1);
            }
            out.add(at);
        }
        return out;
    }

    private void restoreSession(JsonNode state) throws EdgeworksException {
        if (state.path("spectra").isArray() && state.path("rows").isArray()) {
            List<Spectrum> table = new ArrayList<>();
            for (JsonNode entry : state.get("spectra")) {
                if (entry.has("file")) {
                    table.add(SessionParts.open(JsonNodeFactory.instance.arrayNode().add(entry.get("file").asText())).get(0));
                } else {
                    Spectrum s = SessionParts.fromNumbers(entry);
                    made.add(s);
                    table.add(s);
                }
            }
            List<Undo> history = new ArrayList<>();
            for (JsonNode step : state.path("undo"))
                history.add(new Undo(step.path("label").asText(), spectra(step.get("rows"), table), checks(step.get("checked"))));
            undo.clear();
            for (int k = history.size() - 1; k >= 0; k--) undo.push(history.get(k));
            undoButton.setEnabled(!undo.isEmpty());
            group.reset(spectra(state.get("rows"), table), checks(state.get("checked")));
            int selected = state.path("selected").asInt(-1);
            if (selected >= 0 && selected < group.size()) group.table().select(selected);
        } else {
            group.restore(state, "selected", false);
        }
        state.path("parameters").fields().forEachRemaining(e ->
                formValues.put(Operation.valueOf(e.getKey().toUpperCase(Locale.ROOT)), (ObjectNode) e.getValue()));
        Operation op = Operation.valueOf(state.path("operation").asText("calibrate").toUpperCase(Locale.ROOT));
        operation = op;
        operationButtons.forEach((k, b) -> b.setSelection(k == op));
        buildForm();
        refresh();
    }

    private static List<Spectrum> spectra(JsonNode rows, List<Spectrum> table) throws EdgeworksException {
        List<Spectrum> out = new ArrayList<>();
        for (JsonNode r : rows) {
            if (!r.canConvertToInt() || r.asInt() < 0 || r.asInt() >= table.size())
                throw EdgeworksException.of("Calibrate / Align / Merge", "row " + r + " is not one of the " + table.size() + " saved spectra");
            out.add(table.get(r.asInt()));
        }
        return out;
    }

    private static List<Boolean> checks(JsonNode checked) {
        List<Boolean> out = new ArrayList<>();
        if (checked != null) for (JsonNode c : checked) out.add(c.asBoolean(false));
        return out;
    }

    public Table group() { return group.table(); }
    public Table shiftsTable() { return shifts; }
    public ParameterForm form() { return form; }
    public SpectrumChart chart() { return chart; }
    public Operation operation() { return operation; }
    /** The spectra of the list as they are now (after the operations not undone). */
    public List<Spectrum> spectra() { return group.spectra(); }
    public boolean canUndo() { return !undo.isEmpty(); }

    @Override
    public void add(Spectrum s) {
        group.add(s, null);
        group.selectFirstIfNone();
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
        form = ParameterForm.of(formHolder, operation.processorId, formValues.get(operation));
        PlotPick.buttons(formHolder, form, form.type(), chart, this::referenceE0, this::say);
        formHolder.layout(true, true);
        layout(true, true);
    }

    /** E0 of the selected reference as the alignment measures it (the normalisation processor's defaults). */
    private double referenceE0() {
        int i = group.selected();
        if (i < 0) return Double.NaN;
        try {
            Result<NormalizeProcessor.Normalized> n = Processors.run(NormalizeProcessor.ID, group.get(i), Map.of());
            return n.value().e0();
        } catch (EdgeworksException e) {
            return Double.NaN;
        }
    }

    /** Roles in the list, and the plot shows the reference and the checked spectra as they are now. */
    private void refresh() {
        int ref = group.selected();
        List<Spectrum> shown = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            TableItem row = group.table().getItem(i);
            row.setText(1, i == ref ? "reference" : row.getChecked() ? "checked" : "");
            if (i == ref || row.getChecked()) shown.add(group.get(i));
        }
        chart.setSpectra(shown);
    }

    /** Runs the chosen operation on the reference and the checked spectra, replacing them by the processor's outputs. */
    public void run() throws EdgeworksException {
        Record params = form.valid(operation.label);
        Processor<?, ?, ?> p = Processors.registry().get(operation.processorId);
        int ref = group.selected();
        if (ref < 0 && operation != Operation.MERGE) throw EdgeworksException.of(operation.label, "select the reference in the list");
        List<Spectrum> before = group.spectra();
        List<Boolean> checked = group.checks();
        shifts.removeAll();
        switch (operation) {
            case CALIBRATE -> {
                List<Integer> idx = group.checked(false);
                List<Spectrum> samples = new ArrayList<>();
                for (int i : idx) samples.add(group.get(i));
                Result<CalibrateProcessor.Calibration> r = Sources.attach(Processors.apply(p,
                        new CalibrateProcessor.Input(group.get(ref), samples), params), group.get(ref));
                CalibrateProcessor.Calibration c = r.value();
                replace(ref, c.calibratedReference());
                shiftRow(c.reference(), c.shift(), c.shiftStderr(), String.format(Locale.ROOT,
                        "reference: E0 %.3f -> %.3f eV", c.measuredE0(), c.referenceE0()));
                for (int k = 0; k < idx.size(); k++) {
                    replace(idx.get(k), c.calibratedSamples().get(k));
                    shiftRow(c.calibratedSamples().get(k).name(), c.shift(), c.shiftStderr(), "same shift as the reference");
                }
                publish(c.reference(), r);
                say(String.format(Locale.ROOT, "calibrated %d spectra: shift %+.4f ± %.4f eV", idx.size() + 1, c.shift(), c.shiftStderr()));
            }
            case ALIGN -> {
                List<Integer> idx = group.checked(false);
                if (idx.isEmpty()) throw EdgeworksException.of(operation.label, "check the spectra to align to the selected reference");
                List<Spectrum> aligned = new ArrayList<>();
                List<String> lines = new ArrayList<>();
                for (int i : idx) {
                    Result<AlignProcessor.Alignment> r = Sources.attach(Processors.apply(p,
                            new AlignProcessor.Input(group.get(ref), group.get(i)), params), group.get(i));
                    AlignProcessor.Alignment a = r.value();
                    aligned.add(a.alignedSample());
                    shiftRow(a.sample(), a.shift(), a.shiftStderr(), String.format(Locale.ROOT, "to %s, rms %.3g%s", a.reference(),
                            a.residual(), a.atBound() ? ", AT THE BOUND" : ""));
                    lines.add(String.format(Locale.ROOT, "%s %+.4f ± %.4f eV", a.sample(), a.shift(), a.shiftStderr()));
                    publish(a.sample(), r);
                }
                for (int k = 0; k < idx.size(); k++) replace(idx.get(k), aligned.get(k));
                say("aligned to " + group.get(ref).name() + ": " + String.join(", ", lines));
            }
            case MERGE -> {
                List<Integer> idx = group.checked(true);
                if (idx.size() < 2) throw EdgeworksException.of(operation.label, "check at least 2 spectra to merge");
                List<Spectrum> scans = new ArrayList<>();
                for (int i : idx) scans.add(group.get(i));
                String name = scans.get(0).name() + " merged " + scans.size();
                Result<MergeProcessor.Merged> r = Sources.attach(Processors.apply(p, new MergeProcessor.Input(name, scans), params), scans.get(0));
                Spectrum merged = r.value().spectrum();
                made.add(merged);
                Sources.remember(merged, Sources.of(scans.get(0)));
                group.table().getItem(group.add(merged, null)).setChecked(true);
                shiftRow(merged.name(), Double.NaN, Double.NaN, "mean of " + r.value().count() + " scans, with stderr");
                publish(merged.name(), r);
                say("merged " + scans.size() + " spectra into " + merged.name());
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
        group.reset(u.before(), u.checked());
        shifts.removeAll();
        undoButton.setEnabled(!undo.isEmpty());
        say(u.label() + " undone: the previous spectra are back");
        refresh();
    }

    private void replace(int index, Spectrum s) {
        made.add(s);
        Sources.remember(s, Sources.of(group.get(index)));
        group.set(index, s);
    }

    private void shiftRow(String name, double shift, double err, String what) {
        TableItem row = new TableItem(shifts, SWT.NONE);
        row.setText(new String[] {name, fmt(shift), Double.isFinite(err) ? String.format(Locale.ROOT, "%.4f", err) : "", what});
    }

    private static String fmt(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%+.4f", v) : "";
    }
}
