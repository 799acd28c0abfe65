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
import org.edgeworks.core.processing.Result;

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
            steps.set(formIndex, new PipelineDocument.Step(steps.get(formIndex).processor(), form.value()));
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

    /** Runs the steps on the preview input, each on the previous output while the types chain. */
    public List<Result<?>> preview() {
        commitForm();
        List<Result<?>> results = new ArrayList<>();
        if (previewInput == null || steps.isEmpty()) return results;
        Object input = previewInput;
        try {
            for (PipelineDocument.Step s : steps) {
                if (!s.processor().inputType().isInstance(input)) {
                    status.setText(s.processor().label() + " needs " + s.processor().inputType().getSimpleName()
                            + "; the preview stops before it");
                    break;
                }
                Result<?> r = Sources.attach(Processors.apply(s.processor(), input, s.parameters()), previewInput);
                results.add(r);
                input = r.value();
            }
            if (results.size() == steps.size()) status.setText("preview: " + results.size() + " step(s) ran");
        } catch (EdgeworksException e) {
            status.setText(e.getMessage());
        }
        previewListeners.forEach(l -> l.accept(results));
        return results;
    }

    /** Results of a run over files: per file, its step results (or the error naming the file). */
    public record FileRun(Path file, List<Result<?>> results, String error) {}

    private final List<Consumer<FileRun>> runListeners = new ArrayList<>();

    public void onFileRun(Consumer<FileRun> l) { runListeners.add(l); }

    /**
     * Applies the pipeline to each file in an Eclipse Job (progress per file, cancel between files); a broken
     * file is reported and the others still run. Each file's results reach {@link #onFileRun} listeners.
     */
    public org.eclipse.core.runtime.jobs.Job runOnFiles(List<Path> files) {
        List<PipelineDocument.Step> pipeline = steps();
        return UiJobs.schedule(getDisplay(), "Pipeline on " + files.size() + " file(s)", monitor -> {
            monitor.beginTask("Running the pipeline", files.size());
            List<FileRun> runs = new ArrayList<>();
            for (Path f : files) {
                if (monitor.isCanceled()) break;
                monitor.subTask(f.getFileName().toString());
                try {
                    Object input = DataOpener.openFile(f, monitor);
                    if (input instanceof DataOpener.RawScan raw)
                        throw new EdgeworksException(f, null, "raw channels only, mu not decided (" + raw.reason()
                                + "); choose it once with File > Import, the choice then holds for every file of this layout");
                    Object opened = input;
                    List<Result<?>> results = new ArrayList<>();
                    for (PipelineDocument.Step s : pipeline) {
                        if (!s.processor().inputType().isInstance(input))
                            throw new EdgeworksException(f, null, s.processor().label() + " needs " + s.processor().inputType().getSimpleName()
                                    + ", the file gives " + input.getClass().getSimpleName());
                        Result<?> r = Sources.attach(Processors.apply(s.processor(), input, s.parameters()), opened);
                        results.add(r);
                        input = r.value();
                    }
                    runs.add(new FileRun(f, results, null));
                } catch (EdgeworksException e) {
                    runs.add(new FileRun(f, List.of(), e.getMessage()));
                }
                monitor.worked(1);
            }
            monitor.done();
            return runs;
        }, runs -> {
            long failed = runs.stream().filter(r -> r.error() != null).count();
            if (!isDisposed()) status.setText(runs.size() + " file(s) run, " + failed + " failed");
            runs.forEach(r -> runListeners.forEach(l -> l.accept(r)));
        }, e -> ErrorDialogs.show(getShell(), "Pipeline", e));
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
