package org.edgeworks.ui.widgets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

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
import org.edgeworks.core.processing.Result;
import org.edgeworks.xas.LcfProcessor;
import org.edgeworks.xas.NormalizeProcessor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * LCF task panel (no workbench dependency), a thin form over the registered processors: the group list of
 * spectra (the SELECTED row is the sample, the CHECKED rows are the references; same-name files are told apart
 * by their folder), the fit parameters of {@link LcfProcessor.Params} (window, non-negative, sum to one,
 * shifts and their bound, combinatorial ranking) in the generated form, "Fit"; then the weights with their
 * errors, R-factor and reduced chi-square, the combinatorial table, and data / fit / residual plotted.
 * Inputs are normalised with the normalisation processor's defaults, exactly as {@code xas lcf} does
 * (unless "inputs are normalised" is ticked, as {@code --input norm}).
 */
public final class LcfPanel extends Composite {

    /** One spectrum of the group list, with the file it came from (null when it came from memory). */
    public record Item(Spectrum spectrum, Path file) {
        /** The list's label: the name, and the folder when another item has the same name. */
        String label(List<Item> all) {
            boolean twin = all.stream().anyMatch(o -> o != this && o.spectrum.name().equals(spectrum.name()));
            return twin && file != null && file.getParent() != null
                    ? spectrum.name() + "  (" + file.getParent().getFileName() + ")" : spectrum.name();
        }
    }

    private final List<Item> items = new ArrayList<>();
    private final Table group, weights, ranking;
    private final ParameterForm form;
    private final Button normalisedInputs;
    private final Label summary;
    private final SpectrumChart chart;
    private final List<Consumer<Result<LcfProcessor.LcfResult>>> listeners = new ArrayList<>();
    private Result<LcfProcessor.LcfResult> last;

    public LcfPanel(Composite parent, int style) {
        super(parent, style);
        setLayout(new GridLayout(1, false));
        SashForm sash = new SashForm(this, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));

        Composite left = new Composite(sash, SWT.NONE);
        left.setLayout(new GridLayout(1, false));
        new Label(left, SWT.WRAP).setText("Select the sample; check the references");
        group = new Table(left, SWT.BORDER | SWT.CHECK | SWT.SINGLE | SWT.FULL_SELECTION | SWT.V_SCROLL);
        group.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        group.setHeaderVisible(true);
        Buttons.column(group, "spectrum", 200);
        Buttons.column(group, "role", 80);
        group.addListener(SWT.Selection, e -> refreshRoles());
        form = new ParameterForm(left, LcfProcessor.Params.class, LcfProcessor.Params.defaults(), null);
        form.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        normalisedInputs = new Button(left, SWT.CHECK);
        normalisedInputs.setText("inputs are normalised already (reference library)");
        Composite bar = new Composite(left, SWT.NONE);
        bar.setLayout(new RowLayout(SWT.HORIZONTAL));
        Buttons.push(bar, "Fit", () -> Buttons.report(this, "LCF", this::say, this::fit));

        Composite right = new Composite(sash, SWT.NONE);
        right.setLayout(new GridLayout(1, false));
        summary = new Label(right, SWT.WRAP);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        weights = new Table(right, SWT.BORDER | SWT.FULL_SELECTION);
        GridData wd = new GridData(SWT.FILL, SWT.TOP, true, false);
        wd.heightHint = 110;
        weights.setLayoutData(wd);
        weights.setHeaderVisible(true);
        for (String c : new String[] {"reference", "weight", "error", "shift (eV)", "error"}) Buttons.column(weights, c, 110);
        chart = new SpectrumChart(right, SWT.NONE, false);
        chart.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        ranking = new Table(right, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        GridData rd = new GridData(SWT.FILL, SWT.BOTTOM, true, false);
        rd.heightHint = 110;
        ranking.setLayoutData(rd);
        ranking.setHeaderVisible(true);
        for (String c : new String[] {"references", "weights", "R", "reduced chi2"}) Buttons.column(ranking, c, 150);
        sash.setWeights(2, 3);
        SessionParts.register(this, new SessionParts.Part() {
            @Override public String id() { return "task:" + LcfProcessor.ID; }
            @Override public JsonNode save() { return sessionState(); }
            @Override public void restore(JsonNode state) throws EdgeworksException { restoreSession(state); }
        });
    }

    /** The list's files, the sample, the checked references, the form and "inputs are normalised"; whether it was fitted. */
    private JsonNode sessionState() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set("files", SessionParts.files(items.stream().map(Item::spectrum).toList()));
        ArrayNode checked = o.putArray("checked");
        for (TableItem row : group.getItems()) checked.add(row.getChecked());
        o.put("sample", group.getSelectionIndex());
        o.set("parameters", form.json());
        o.put("normalised_inputs", normalisedInputs.getSelection());
        o.put("fitted", last != null);
        return o;
    }

    private void restoreSession(JsonNode state) throws EdgeworksException {
        List<Spectrum> saved = SessionParts.open(state.get("files"));
        for (int k = 0; k < saved.size(); k++) {
            if (saved.get(k) == null) continue;
            add(saved.get(k), null);
            group.getItem(items.size() - 1).setChecked(state.path("checked").path(k).asBoolean(false));
            if (k == state.path("sample").asInt(-1)) group.select(items.size() - 1);
        }
        refreshRoles();
        form.setJson(state.get("parameters"));
        normalisedInputs.setSelection(state.path("normalised_inputs").asBoolean(false));
        if (state.path("fitted").asBoolean(false)) fit();
    }

    private void say(String text) { summary.setText(text); }

    public Table group() { return group; }
    public ParameterForm form() { return form; }
    public Table weightsTable() { return weights; }
    public Table rankingTable() { return ranking; }
    public SpectrumChart chart() { return chart; }
    public String summary() { return summary.getText(); }
    public Result<LcfProcessor.LcfResult> lastResult() { return last; }
    public List<Item> items() { return List.copyOf(items); }

    /** Each fit's result (the workbench sends it to the results view). */
    public void onResult(Consumer<Result<LcfProcessor.LcfResult>> l) { listeners.add(l); }

    /** Adds a spectrum to the group list (the data browser's opened spectra arrive here). */
    public void add(Spectrum s, Path file) {
        if (file == null && Sources.of(s) != null) file = Path.of(Sources.of(s).file());
        items.add(new Item(s, file));
        TableItem row = new TableItem(group, SWT.NONE);
        row.setText(0, s.name());
        for (int i = 0; i < items.size(); i++) group.getItem(i).setText(0, items.get(i).label(items));
        refreshRoles();
    }

    private void refreshRoles() {
        int sample = group.getSelectionIndex();
        for (int i = 0; i < group.getItemCount(); i++) {
            TableItem row = group.getItem(i);
            row.setText(1, i == sample ? "sample" : row.getChecked() ? "reference" : "");
        }
    }


    /** Runs the fit on the selected sample with the checked references and shows it. */
    public Result<LcfProcessor.LcfResult> fit() throws EdgeworksException {
        int s = group.getSelectionIndex();
        if (s < 0) throw EdgeworksException.of("LCF", "select the sample in the list");
        List<Spectrum> refs = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) if (i != s && group.getItem(i).getChecked()) refs.add(norm(items.get(i).spectrum()));
        if (refs.isEmpty()) throw EdgeworksException.of("LCF", "check at least one reference (not the sample)");
        if (form.error() != null) throw EdgeworksException.of("LCF", form.error());
        Result<LcfProcessor.LcfResult> r = Sources.attach(Processors.apply(Processors.registry().get(LcfProcessor.ID),
                new LcfProcessor.Input(norm(items.get(s).spectrum()), refs, null), form.value()), items.get(s).spectrum());
        show(r.value());
        last = r;
        listeners.forEach(l -> l.accept(r));
        return r;
    }

    /** As {@code xas lcf}: the normalisation processor's norm with its defaults, or the input as it is. */
    private Spectrum norm(Spectrum s) throws EdgeworksException {
        if (normalisedInputs.getSelection()) return s;
        Result<NormalizeProcessor.Normalized> n = Processors.run(NormalizeProcessor.ID, s, Map.of());
        return n.value().normSpectrum();
    }

    private void show(LcfProcessor.LcfResult v) {
        summary.setText(String.format(Locale.ROOT, "%s: R = %.4g, reduced chi2 = %.4g, chi2 = %.4g, %d points, window %.2f - %.2f eV",
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
