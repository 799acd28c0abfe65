package org.edgeworks.ui.widgets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.processing.Processor;
import org.edgeworks.core.processing.Provenance;
import org.edgeworks.core.processing.Result;
import org.edgeworks.core.processing.SourceRef;
import org.edgeworks.core.detector.DetectorRegistry;
import org.edgeworks.pipeline.PipelineRunner;
import org.edgeworks.pipeline.xas.XasInput;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Pipeline / parameters editor (no workbench dependency): build a pipeline from the processors registered in
 * plugin.xml files, edit each step's parameters in a form generated from its record (validated), preview the
 * steps on the selected data, save/load the pipeline JSON.
 */
public final class PipelinePanel extends Composite {
    private final List<Processor<?, ?, ?>> available;
    private final List<PipelineDocument.Step> steps = new ArrayList<>();
    private final Combo processorCombo;
    private final org.eclipse.swt.widgets.List stepList;
    private final Composite formHolder;
    private final Label status;
    private final List<Consumer<List<Result<?>>>> previewListeners = new ArrayList<>();
    private ParameterForm form;
    private Object previewInput;

    public PipelinePanel(Composite parent, int style) {
        super(parent, style);
        setLayout(new GridLayout(1, false));
        available = new ArrayList<>(Processors.registry().all().values());
        Composite bar = new Composite(this, SWT.NONE);
        bar.setLayout(new RowLayout(SWT.HORIZONTAL));
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        processorCombo = new Combo(bar, SWT.READ_ONLY);
        for (Processor<?, ?, ?> p : available) processorCombo.add(p.label() + "  (" + p.id() + ")");
        if (!available.isEmpty()) processorCombo.select(0);
        Buttons.push(bar, "Add step", () -> { if (processorCombo.getSelectionIndex() >= 0) add(available.get(processorCombo.getSelectionIndex())); });
        Buttons.push(bar, "Remove", this::removeSelected);
        Buttons.push(bar, "Up", () -> move(-1));
        Buttons.push(bar, "Down", () -> move(1));
        Buttons.push(bar, "Save...", () -> fileDialog(SWT.SAVE, p -> PipelineDocument.save(p, steps())));
        Buttons.push(bar, "Load...", () -> fileDialog(SWT.OPEN, p -> setSteps(PipelineDocument.load(p))));
        Buttons.push(bar, "Preview", this::preview);
        Buttons.push(bar, "Run on files...", this::runDialog);
        SashForm sash = new SashForm(this, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        stepList = new org.eclipse.swt.widgets.List(sash, SWT.BORDER | SWT.SINGLE | SWT.V_SCROLL);
        stepList.addListener(SWT.Selection, e -> showForm());
        formHolder = new Composite(sash, SWT.NONE);
        formHolder.setLayout(new FillLayout());
        sash.setWeights(1, 2);
        status = new Label(this, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.BOTTOM, true, false));
    }


    /** Processors offered (everything the registry holds). */
    public List<Processor<?, ?, ?>> available() { return List.copyOf(available); }

    public ParameterForm form() { return form; }

    public String status() { return status.getText(); }

    public void onPreview(Consumer<List<Result<?>>> l) { previewListeners.add(l); }

    /** The data the preview runs on (the selection in the data browser). */
    public void setPreviewInput(Object input) {
        previewInput = input;
        preview();
    }

    public void add(Processor<?, ?, ?> p) {
        commitForm();
        steps.add(new PipelineDocument.Step(p, p.defaults()));
        refreshList(steps.size() - 1);
    }

    public List<PipelineDocument.Step> steps() {
        commitForm();
        return List.copyOf(steps);
    }

    public void setSteps(List<PipelineDocument.Step> newSteps) {
        steps.clear();
        steps.addAll(newSteps);
        form = null;
        refreshList(steps.isEmpty() ? -1 : 0);
    }

    public void select(int index) {
        commitForm();
        stepList.select(index);
        showForm();
    }

    private void removeSelected() {
        int i = stepList.getSelectionIndex();
        if (i < 0) return;
        steps.remove(i);
        form = null;
        refreshList(Math.min(i, steps.size() - 1));
    }

    private void move(int delta) {
        int i = stepList.getSelectionIndex(), j = i + delta;
        if (i < 0 || j < 0 || j >= steps.size()) return;
        commitForm();
        steps.add(j, steps.remove(i));
        form = null;
        refreshList(j);
    }

    private void refreshList(int select) {
        stepList.removeAll();
        for (int i = 0; i < steps.size(); i++) stepList.add((i + 1) + ". " + steps.get(i).processor().label());
        if (select >= 0) stepList.select(select);
        showForm();
    }

    private int formIndex = -1;

    /** Keeps the edited parameters of the step whose form is showing, when they are valid. */
    private void commitForm() {
        if (form == null || form.isDisposed() || formIndex < 0 || formIndex >= steps.size()) return;
        if (form.error() != null) return;
        try {
            steps.set(formIndex, steps.get(formIndex).with(form.value()));
        } catch (EdgeworksException e) {
            status.setText(e.getMessage());
        }
    }

    private void showForm() {
        commitForm();
        for (var c : formHolder.getChildren()) c.dispose();
        form = null;
        formIndex = stepList.getSelectionIndex();
        if (formIndex >= 0) {
            PipelineDocument.Step s = steps.get(formIndex);
            form = new ParameterForm(formHolder, s.processor().parameterType(), s.processor().defaults(), s.parameters());
            form.onChange(() -> {
                status.setText(form.error() == null ? "" : form.error());
                if (form.error() == null) preview();
            });
        }
        formHolder.layout(true, true);
    }

    /**
     * Runs the steps on the preview input through the pipeline bundle's runner (the same loop as a run over
     * files: {@code from} honoured, a step that refuses named in the status line).
     */
    public List<Result<?>> preview() {
        commitForm();
        List<Result<?>> results = new ArrayList<>();
        if (previewInput == null || steps.isEmpty()) return results;
        String where = previewInput instanceof org.edgeworks.core.data.Spectrum sp ? sp.name()
                : previewInput instanceof org.edgeworks.core.data.RixsMap m ? m.name() : "preview";
        try {
            for (Result<?> r : PipelineRunner.applyTo(PipelineDocument.pipeline(where, steps, null), previewInput, where,
                    new org.eclipse.january.IMonitor.Stub()))
                results.add(Sources.attach(r, previewInput));
            status.setText("preview: " + results.size() + " step(s) ran");
        } catch (EdgeworksException e) {
            status.setText(e.getMessage());
        }
        previewListeners.forEach(l -> l.accept(results));
        return results;
    }

    /**
     * Results of a run over files: per file, the result of the last step with its provenance and the raw file's
     * source (empty when it failed), or the one-line error naming the file; {@code run} is the runner's record
     * (every step's provenance).
     */
    public record FileRun(Path file, List<Result<?>> results, String error, PipelineRunner.Run run) {}

    private final List<Consumer<FileRun>> runListeners = new ArrayList<>();

    public void onFileRun(Consumer<FileRun> l) { runListeners.add(l); }

    /**
     * Runs the pipeline over the files through the pipeline bundle's engine ({@link PipelineRunner#processEach}:
     * the same runner as {@code ./edgeworks run}; steps' {@code from} honoured; progress and cancel through its
     * monitor) in an Eclipse Job. A file that fails is reported with its one line and the others still run;
     * each file's outcome reaches {@link #onFileRun} listeners as soon as it is known. When the first step takes
     * a spectrum, each file's mu is made by the mu adapter with the import choice remembered for the file's
     * layout; a raw file without a recorded mu and without a choice is refused (nothing raw is taken as mu).
     */
    public org.eclipse.core.runtime.jobs.Job runOnFiles(List<Path> files) {
        List<PipelineDocument.Step> pipeline = steps();
        org.eclipse.swt.widgets.Display display = getDisplay();
        DetectorRegistry detectors = DetectorRegistry.load();
        int[] counts = new int[2];
        return UiJobs.schedule(display, "Pipeline on " + files.size() + " file(s)", monitor -> {
            monitor.beginTask("Running the pipeline", files.size());
            PipelineRunner.processEach(files, f -> PipelineDocument.pipeline(f.toString(), pipeline, adapterFor(f, pipeline, detectors)),
                    detectors, JobMonitor.of(monitor), o -> display.asyncExec(() -> deliver(o, counts)));
            monitor.done();
            return counts;
        }, c -> {
            if (!isDisposed()) status.setText(c[0] + " file(s) run, " + c[1] + " failed");
        }, e -> ErrorDialogs.show(getShell(), "Pipeline", e));
    }

    private void deliver(PipelineRunner.Outcome o, int[] counts) {
        counts[0]++;
        FileRun run;
        if (o.error() != null) {
            counts[1]++;
            run = new FileRun(o.raw(), List.of(), o.error(), null);
        } else {
            PipelineRunner.Run r = o.run();
            var last = r.steps().get(r.steps().size() - 1);
            Provenance p = Provenance.of(last.processorId(), last.version(), last.used(), last.notes())
                    .withSource(new SourceRef(r.raw().toString(), r.scanId(), r.sha256()));
            run = new FileRun(o.raw(), List.of(new Result<>(r.value(), p)), null, r);
        }
        if (!isDisposed()) status.setText(counts[0] + " file(s) run, " + counts[1] + " failed");
        runListeners.forEach(l -> l.accept(run));
    }

    /**
     * The mu adapter's parameters for a file when the pipeline starts with a spectrum step: the import choice
     * remembered for the file's layout (as the import dialog made it), null for a recorded mu (the adapter's
     * rule); a raw scan without a choice is refused in one line.
     */
    private static ObjectNode adapterFor(Path f, List<PipelineDocument.Step> pipeline, DetectorRegistry detectors) throws EdgeworksException {
        if (pipeline.isEmpty() || pipeline.get(0).processor().inputType() == org.edgeworks.core.data.Scan.class) return null;
        org.edgeworks.core.data.Scan scan = detectors.read(f);
        XasInput.Selection sel = ImportPanel.remembered(scan);
        if (sel == null) {
            if (scan.first(org.edgeworks.core.data.ChannelRole.MU).isPresent() || scan.channels().size() == 2) return null;
            throw new EdgeworksException(f, null, "raw channels only, mu not decided (channels: " + String.join(", ", scan.channels().keySet())
                    + "); choose it once with File > Import, the choice then holds for every file of this layout");
        }
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        String mode = sel.mu() != null ? "mu" : sel.mode() != null ? sel.mode() : "auto";
        p.put("mode", mode);
        p.put("energy", sel.energy() == null ? "" : sel.energy());
        p.put("i0", sel.i0() == null ? "" : sel.i0());
        String signal = sel.mu() != null ? sel.mu() : "transmission".equals(mode) ? sel.it() : sel.ifl();
        p.put("signal", signal == null ? "" : signal);
        p.put("deadTime", sel.icr() != null && sel.ocr() != null);
        return p;
    }

    private void runDialog() {
        FileDialog d = new FileDialog(getShell(), SWT.OPEN | SWT.MULTI);
        if (d.open() == null) return;
        List<Path> files = new ArrayList<>();
        for (String n : d.getFileNames()) files.add(Path.of(d.getFilterPath(), n));
        runOnFiles(files);
    }

    private interface FileAction { void run(Path p) throws EdgeworksException; }

    private void fileDialog(int style, FileAction action) {
        FileDialog d = new FileDialog(getShell(), style);
        d.setFilterExtensions(new String[] {"*.json"});
        String f = d.open();
        if (f == null) return;
        try {
            action.run(Path.of(f));
        } catch (EdgeworksException e) {
            ErrorDialogs.show(getShell(), "Pipeline", e);
        }
    }
}
