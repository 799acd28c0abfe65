package org.edgeworks.exafs.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Locale;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.List;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.core.processing.Result;
import org.edgeworks.exafs.AutobkProcessor;
import org.edgeworks.exafs.Chi;
import org.edgeworks.exafs.ChiCsv;
import org.edgeworks.exafs.FeffPath;
import org.edgeworks.exafs.FeffitProcessor;
import org.edgeworks.exafs.FitModel;
import org.edgeworks.exafs.FourierTransformProcessor;
import org.edgeworks.exafs.WaveletProcessor;
import org.edgeworks.ui.widgets.Buttons;
import org.edgeworks.ui.widgets.ParameterForm;
import org.edgeworks.ui.widgets.Processors;
import org.edgeworks.ui.widgets.Sources;
import org.edgeworks.ui.widgets.SpectrumList;
import org.edgeworks.ui.widgets.TaskPanel;

/**
 * The EXAFS task panel (issue 15 with the workbench's panel conventions, {@link TaskPanel}), a thin form over the
 * registered EXAFS processors: the group list (the SELECTED spectrum is the one worked on; every spectrum opened
 * in the data browser joins it) or a chi(k) file, and one tab per step, each the generated form of the processor's
 * parameter record: background (autobk: rbkg, E0, k range, kweight, dk, window...) -> chi(k); forward Fourier
 * transform -> |chi(R)|; wavelet; shell fit with FEFF paths (feffNNNN.dat files, the default model or a
 * {@code --model} JSON file) -> S0^2, E0 shift, per-path r, delta R, sigma^2 with standard errors, R-factor,
 * reduced chi-square. Each step runs as a Job; its result is drawn by the EXAFS viewer (chi(k), |chi(R)|,
 * wavelet map, fit overlay) and goes to {@link #onResult} listeners (the results view) with the raw file's
 * provenance. The numbers are the processors' (the same calls as {@code xas autobk|ft|wavelet|fit}); the panel
 * computes nothing. Cancel stops the running step through the processor's monitor (no result, no error dialog).
 */
public final class ExafsTaskPanel extends TaskPanel<Object> {
    private final SpectrumList group;
    private final Label chiLabel;
    private final ParameterForm autobkForm, ftForm, waveletForm, fitForm;
    private final List pathList;
    private final Label modelLabel;
    private final Table fitTable;
    private final ExafsViewer viewer;
    private final Button cancel;
    private final java.util.List<Path> paths = new ArrayList<>();
    private Path model;
    private Chi chi;
    private Object chiOrigin; // the spectrum (or the chi file's Chi) whose source the results carry

    public ExafsTaskPanel(Composite parent, int style) {
        super(parent, style, "EXAFS", 1);
        new Label(inputs(), SWT.WRAP).setText("EXAFS: select a spectrum (mu(E)) for the background, or open a chi(k) file");
        group = new SpectrumList(inputs(), false, 70, false);
        Composite chiBar = bar(inputs());
        Buttons.push(chiBar, "Open chi(k) file...", () -> {
            FileDialog d = new FileDialog(getShell(), SWT.OPEN);
            d.setFilterExtensions(new String[] {"*.chi.csv;*.csv", "*"});
            String f = d.open();
            if (f != null) report(() -> openChi(Path.of(f)));
        });
        chiLabel = new Label(chiBar, SWT.NONE);
        chiLabel.setText("chi(k): none yet");

        TabFolder tabs = new TabFolder(inputs(), SWT.TOP);
        tabs.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Composite bkg = tab(tabs, "Background");
        autobkForm = ParameterForm.of(bkg, AutobkProcessor.ID, null);
        button(bar(bkg), "Run autobk", this::runAutobk);
        Composite ft = tab(tabs, "Fourier transform");
        ftForm = ParameterForm.of(ft, FourierTransformProcessor.ID, null);
        button(bar(ft), "Transform", this::runFt);
        Composite wav = tab(tabs, "Wavelet");
        waveletForm = ParameterForm.of(wav, WaveletProcessor.ID, null);
        button(bar(wav), "Transform", this::runWavelet);
        Composite fit = tab(tabs, "Shell fit");
        fitForm = ParameterForm.of(fit, FeffitProcessor.ID, null);
        fitForm.hide("model"); // chosen below as a file, as on the command line
        new Label(fit, SWT.NONE).setText("FEFF paths (feffNNNN.dat):");
        pathList = new List(fit, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL);
        GridData pl = new GridData(SWT.FILL, SWT.FILL, true, false);
        pl.heightHint = 50;
        pathList.setLayoutData(pl);
        Composite pathBar = bar(fit);
        Buttons.push(pathBar, "Add paths...", () -> {
            FileDialog d = new FileDialog(getShell(), SWT.OPEN | SWT.MULTI);
            d.setFilterExtensions(new String[] {"feff*.dat", "*"});
            if (d.open() == null) return;
            java.util.List<Path> chosen = new ArrayList<>();
            for (String n : d.getFileNames()) chosen.add(Path.of(d.getFilterPath(), n));
            addPaths(chosen);
        });
        Buttons.push(pathBar, "Remove", () -> {
            int[] sel = pathList.getSelectionIndices();
            for (int i = sel.length - 1; i >= 0; i--) paths.remove(sel[i]);
            pathList.remove(sel);
        });
        Buttons.push(pathBar, "Model JSON...", () -> {
            FileDialog d = new FileDialog(getShell(), SWT.OPEN);
            d.setFilterExtensions(new String[] {"*.json", "*"});
            String f = d.open();
            if (f != null) setModel(Path.of(f));
        });
        Buttons.push(pathBar, "Default model", () -> setModel(null));
        modelLabel = new Label(fit, SWT.WRAP);
        modelLabel.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        setModel(null);
        button(bar(fit), "Fit", this::runFit);
        cancel = cancelButton(bar(inputs())); // stops the running step (its processor's monitor is the job's)

        viewer = new ExafsViewer();
        Control v = viewer.createControl(outputs());
        v.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        fitTable = Buttons.table(outputs(), SWT.BOTTOM, 120, 120, "parameter", "value", "stderr");
        fitTable.getColumn(0).setWidth(190);
        statusLine(SWT.BOTTOM);
    }

    private static Composite tab(TabFolder tabs, String name) {
        TabItem item = new TabItem(tabs, SWT.NONE);
        item.setText(name);
        Composite c = new Composite(tabs, SWT.NONE);
        c.setLayout(new GridLayout(1, false));
        item.setControl(c);
        return c;
    }

    /** A spectrum opened in the workbench joins the list (the first one is selected). */
    @Override
    public void add(Spectrum s) {
        group.add(s, null);
        group.selectFirstIfNone();
    }

    public Table group() { return group.table(); }
    public ParameterForm autobkForm() { return autobkForm; }
    public ParameterForm ftForm() { return ftForm; }
    public ParameterForm waveletForm() { return waveletForm; }
    public ParameterForm fitForm() { return fitForm; }
    public Table fitTable() { return fitTable; }
    /** Cancels the running step (a fit stops at its next model evaluation, a wavelet at its next R row). */
    public Button cancelButton() { return cancel; }
    public ExafsViewer viewer() { return viewer; }
    /** The chi(k) the transforms and the fit work on (from the last autobk, or a chi file). */
    public Chi chi() { return chi; }

    /** Reads a chi(k) file (header k,chi; the files {@code xas autobk} writes) as the chi to transform and fit. */
    public void openChi(Path file) throws EdgeworksException {
        Chi c = ChiCsv.read(file);
        Sources.remember(c, file, "k,chi");
        setChi(c, c);
    }

    private void setChi(Chi c, Object origin) {
        chi = c;
        chiOrigin = origin;
        chiLabel.setText("chi(k): " + c.name());
        chiLabel.getParent().layout();
    }

    public void addPaths(java.util.List<Path> files) {
        for (Path p : files) {
            paths.add(p);
            pathList.add(p.getFileName().toString());
        }
    }

    /** The fit model file ({@code --model}); null = the default model. */
    public void setModel(Path file) {
        model = file;
        modelLabel.setText(file == null ? "model: default (one s02 'amp', one E0 shift 'del_e0'; per path delr, sigma2)"
            : "model: " + file.getFileName());
        modelLabel.getParent().layout();
    }

    /** autobk on the selected spectrum with the form's parameters; its chi(k) becomes the panel's chi. */
    public Job runAutobk() throws EdgeworksException {
        int i = group.selected();
        if (i < 0) throw EdgeworksException.of("EXAFS background", "select a spectrum (open mu(E) in the data browser), or open a chi(k) file");
        Spectrum s = group.get(i);
        Record p = autobkForm.valid("EXAFS background");
        return run("autobk " + s.name(), s.name(), s, m -> Processors.apply(Processors.registry().get(AutobkProcessor.ID), s, p, m), r -> {
            AutobkProcessor.Autobk a = (AutobkProcessor.Autobk) r.value();
            setChi(a.toChi(), s);
            say("autobk on " + s.name() + ": chi(k) (" + String.format(Locale.ROOT, "E0 %.2f eV, edge step %.4g", a.e0(), a.edgeStep()) + ")");
        });
    }

    public Job runFt() throws EdgeworksException {
        Chi c = needChi("Fourier transform");
        Record p = ftForm.valid("Fourier transform");
        return run("Fourier transform " + c.name(), c.name(), c,
            m -> Processors.apply(Processors.registry().get(FourierTransformProcessor.ID), c, p, m),
            r -> say("|chi(R)| of " + c.name()));
    }

    public Job runWavelet() throws EdgeworksException {
        Chi c = needChi("wavelet");
        Record p = waveletForm.valid("wavelet");
        return run("wavelet " + c.name(), c.name(), c, m -> Processors.apply(Processors.registry().get(WaveletProcessor.ID), c, p, m),
            r -> say("wavelet transform of " + c.name()));
    }

    /** The shell fit of the panel's chi with the chosen FEFF paths and model; the table shows the values. */
    public Job runFit() throws EdgeworksException {
        Chi c = needChi("shell fit");
        if (paths.isEmpty()) throw EdgeworksException.of("shell fit", "add FEFF path files (feffNNNN.dat)");
        FeffitProcessor.Params form = (FeffitProcessor.Params) fitForm.valid("shell fit");
        java.util.List<Path> files = java.util.List.copyOf(paths);
        Path modelFile = model;
        return run("shell fit " + c.name(), c.name(), c, m -> {
            java.util.List<FeffPath> feff = new ArrayList<>();
            for (Path f : files) feff.add(FeffPath.read(f));
            FeffitProcessor.Params p = form.withModel(modelFile == null ? null : FitModel.read(modelFile));
            return Processors.apply(Processors.registry().get(FeffitProcessor.ID), new FeffitProcessor.Input(c, feff), p, m);
        }, r -> {
            FeffitProcessor.Fit f = (FeffitProcessor.Fit) r.value();
            showFit(f);
            say(String.format(Locale.ROOT, "fit of %s: R-factor %.5f, reduced chi-square %.4g", c.name(), f.rFactor(), f.chi2Reduced()));
        });
    }

    private Chi needChi(String what) throws EdgeworksException {
        if (chi == null) throw EdgeworksException.of(what, "no chi(k) yet: run the background (autobk) or open a chi(k) file");
        return chi;
    }

    /** One step as a Job: the result carries the raw file of {@code input}, is drawn by the viewer and published as {@code source}'s. */
    private Job run(String jobName, String source, Object input, Work<Result<?>> step, java.util.function.Consumer<Result<?>> done) {
        Object origin = input == chi ? chiOrigin : input;
        return this.<Result<?>>runJob(jobName, m -> Sources.attach(step.call(m), origin), r -> {
            done.accept(r);
            try {
                viewer.show(r.value() instanceof AutobkProcessor.Autobk a ? a.toChi() : r.value());
            } catch (EdgeworksException e) {
                say(e.getMessage());
            }
            publish(source, r);
        });
    }

    /** s02, e0, per path r / delr / sigma2, each with its standard error; R-factor and reduced chi-square. */
    private void showFit(FeffitProcessor.Fit f) {
        fitTable.removeAll();
        FeffitProcessor.Value s02 = f.variables().containsKey("amp") ? f.variables().get("amp") : f.paths().get(0).s02();
        FeffitProcessor.Value e0 = f.variables().containsKey("del_e0") ? f.variables().get("del_e0") : f.paths().get(0).e0();
        row("s02", s02);
        row("e0 shift (eV)", e0);
        for (FeffitProcessor.PathResult p : f.paths()) {
            row(p.label() + " r (A)", p.r());
            row(p.label() + " delr (A)", p.delr());
            row(p.label() + " sigma2 (A^2)", p.sigma2());
        }
        row("R-factor", new FeffitProcessor.Value(f.rFactor(), Double.NaN));
        row("reduced chi-square", new FeffitProcessor.Value(f.chi2Reduced(), Double.NaN));
    }

    private void row(String name, FeffitProcessor.Value v) {
        new TableItem(fitTable, SWT.NONE).setText(new String[] {name, String.format(Locale.ROOT, "%.6g", v.value()),
            Double.isFinite(v.stderr()) ? String.format(Locale.ROOT, "%.3g", v.stderr()) : ""});
    }
}
