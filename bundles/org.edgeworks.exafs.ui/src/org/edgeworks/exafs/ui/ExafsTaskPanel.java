package org.edgeworks.exafs.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Locale;
import java.util.function.Consumer;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.List;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.core.processing.Processor;
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
import org.edgeworks.ui.widgets.ErrorDialogs;
import org.edgeworks.ui.widgets.ParameterForm;
import org.edgeworks.ui.widgets.Processors;
import org.edgeworks.ui.widgets.Sources;
import org.edgeworks.ui.widgets.UiJobs;

/**
 * The EXAFS task panel (issue 15 with the workbench's panel conventions), a thin form over the registered EXAFS
 * processors: the group list (the SELECTED spectrum is the one worked on; every spectrum opened in the data
 * browser joins it) or a chi(k) file, and one tab per step, each the generated form of the processor's
 * parameter record: background (autobk: rbkg, E0, k range, kweight, dk, window...) -> chi(k); forward Fourier
 * transform -> |chi(R)|; wavelet; shell fit with FEFF paths (feffNNNN.dat files, the default model or a
 * {@code --model} JSON file) -> S0^2, E0 shift, per-path r, delta R, sigma^2 with standard errors, R-factor,
 * reduced chi-square. Each step runs as a Job; its result is drawn by the EXAFS viewer (chi(k), |chi(R)|,
 * wavelet map, fit overlay) and goes to {@link #onResult} listeners (the results view) with the raw file's
 * provenance. The numbers are the processors' (the same calls as {@code xas autobk|ft|wavelet|fit}); the panel
 * computes nothing.
 */
public final class ExafsTaskPanel extends Composite {
    /** A result and the name of what it was made from. */
    public record Published(String source, Result<?> result) {}

    private final java.util.List<Spectrum> spectra = new ArrayList<>();
    private final Table group;
    private final Label chiLabel;
    private final ParameterForm autobkForm, ftForm, waveletForm, fitForm;
    private final List pathList;
    private final Label modelLabel;
    private final Table fitTable;
    private final ExafsViewer viewer;
    private final Label status;
    private final java.util.List<Consumer<Published>> listeners = new ArrayList<>();
    private final java.util.List<Path> paths = new ArrayList<>();
    private Path model;
    private Chi chi;
    private Object chiOrigin; // the spectrum (or the chi file's Chi) whose source the results carry
    private Result<?> last;
    private Job job;

    public ExafsTaskPanel(Composite parent, int style) {
        super(parent, style);
        setLayout(new GridLayout(1, false));
        SashForm sash = new SashForm(this, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Composite left = new Composite(sash, SWT.NONE);
        left.setLayout(new GridLayout(1, false));
        new Label(left, SWT.WRAP).setText("EXAFS: select a spectrum (mu(E)) for the background, or open a chi(k) file");
        group = new Table(left, SWT.BORDER | SWT.SINGLE | SWT.FULL_SELECTION | SWT.V_SCROLL);
        GridData gd = new GridData(SWT.FILL, SWT.FILL, true, false);
        gd.heightHint = 70;
        group.setLayoutData(gd);
        Composite chiBar = new Composite(left, SWT.NONE);
        chiBar.setLayout(new RowLayout(SWT.HORIZONTAL));
        Buttons.push(chiBar, "Open chi(k) file...", () -> {
            FileDialog d = new FileDialog(getShell(), SWT.OPEN);
            d.setFilterExtensions(new String[] {"*.chi.csv;*.csv", "*"});
            String f = d.open();
            if (f != null) report(() -> openChi(Path.of(f)));
        });
        chiLabel = new Label(chiBar, SWT.NONE);
        chiLabel.setText("chi(k): none yet");

        TabFolder tabs = new TabFolder(left, SWT.TOP);
        tabs.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Composite bkg = tab(tabs, "Background");
        autobkForm = form(bkg, AutobkProcessor.ID);
        Buttons.push(bar(bkg), "Run autobk", () -> report(this::runAutobk));
        Composite ft = tab(tabs, "Fourier transform");
        ftForm = form(ft, FourierTransformProcessor.ID);
        Buttons.push(bar(ft), "Transform", () -> report(this::runFt));
        Composite wav = tab(tabs, "Wavelet");
        waveletForm = form(wav, WaveletProcessor.ID);
        Buttons.push(bar(wav), "Transform", () -> report(this::runWavelet));
        Composite fit = tab(tabs, "Shell fit");
        fitForm = form(fit, FeffitProcessor.ID);
        hideRow(fitForm, "model"); // chosen below as a file, as on the command line
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
        Buttons.push(bar(fit), "Fit", () -> report(this::runFit));

        Composite right = new Composite(sash, SWT.NONE);
        right.setLayout(new GridLayout(1, false));
        viewer = new ExafsViewer();
        Control v = viewer.createControl(right);
        v.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        fitTable = new Table(right, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        fitTable.setHeaderVisible(true);
        GridData ft2 = new GridData(SWT.FILL, SWT.BOTTOM, true, false);
        ft2.heightHint = 120;
        fitTable.setLayoutData(ft2);
        for (String c : new String[] {"parameter", "value", "stderr"}) {
            TableColumn col = new TableColumn(fitTable, SWT.LEFT);
            col.setText(c);
            col.setWidth(c.equals("parameter") ? 190 : 120);
        }
        status = new Label(right, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.BOTTOM, true, false));
        sash.setWeights(2, 3);
    }

    private static Composite tab(TabFolder tabs, String name) {
        TabItem item = new TabItem(tabs, SWT.NONE);
        item.setText(name);
        Composite c = new Composite(tabs, SWT.NONE);
        c.setLayout(new GridLayout(1, false));
        item.setControl(c);
        return c;
    }

    private static Composite bar(Composite parent) {
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayout(new RowLayout(SWT.HORIZONTAL));
        return bar;
    }

    private static ParameterForm form(Composite parent, String processorId) {
        Processor<?, ?, ?> p;
        try {
            p = Processors.registry().get(processorId);
        } catch (EdgeworksException e) { // org.edgeworks.exafs's plugin.xml registers it: a packaging fault
            throw new IllegalStateException(e.getMessage(), e);
        }
        ParameterForm f = new ParameterForm(parent, p.parameterType(), p.defaults(), null);
        f.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        return f;
    }

    /** Hides a component's row (label, field, unit) of a generated form; its value stays the default. */
    private static void hideRow(ParameterForm form, String component) {
        Control field = form.field(component);
        Control[] children = form.getChildren();
        for (int i = 0; i < children.length; i++)
            if (children[i] == field) for (int j = i - 1; j <= i + 1; j++) {
                GridData gd = new GridData();
                gd.exclude = true;
                children[j].setLayoutData(gd);
                children[j].setVisible(false);
            }
    }

    private interface Action { void run() throws EdgeworksException; }

    private void report(Action a) {
        try {
            a.run();
        } catch (EdgeworksException e) {
            status.setText(e.getMessage());
            ErrorDialogs.show(getShell(), "EXAFS", e);
        }
    }

    public void onResult(Consumer<Published> l) { listeners.add(l); }

    /** A spectrum opened in the workbench joins the list (the first one is selected). */
    public void add(Spectrum s) {
        spectra.add(s);
        new TableItem(group, SWT.NONE).setText(s.name());
        if (group.getSelectionIndex() < 0) group.select(0);
    }

    public Table group() { return group; }
    public ParameterForm autobkForm() { return autobkForm; }
    public ParameterForm ftForm() { return ftForm; }
    public ParameterForm waveletForm() { return waveletForm; }
    public ParameterForm fitForm() { return fitForm; }
    public Table fitTable() { return fitTable; }
    public ExafsViewer viewer() { return viewer; }
    public String status() { return status.getText(); }
    /** The chi(k) the transforms and the fit work on (from the last autobk, or a chi file). */
    public Chi chi() { return chi; }
    /** The last step's result (null before any). */
    public Result<?> last() { return last; }
    /** The last step's job (tests join it). */
    public Job lastJob() { return job; }

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
        int i = group.getSelectionIndex();
        if (i < 0) throw EdgeworksException.of("EXAFS background", "select a spectrum (open mu(E) in the data browser), or open a chi(k) file");
        Spectrum s = spectra.get(i);
        Record p = valid(autobkForm, "EXAFS background");
        return run("autobk " + s.name(), s.name(), s, m -> Processors.apply(Processors.registry().get(AutobkProcessor.ID), s, p), r -> {
            setChi(((AutobkProcessor.Autobk) r.value()).toChi(), s);
            String e0 = String.format(Locale.ROOT, "E0 %.2f eV, edge step %.4g", ((AutobkProcessor.Autobk) r.value()).e0(),
                ((AutobkProcessor.Autobk) r.value()).edgeStep());
            status.setText("autobk on " + s.name() + ": chi(k) (" + e0 + ")");
        });
    }

    public Job runFt() throws EdgeworksException {
        Chi c = needChi("Fourier transform");
        Record p = valid(ftForm, "Fourier transform");
        return run("Fourier transform " + c.name(), c.name(), c,
            m -> Processors.apply(Processors.registry().get(FourierTransformProcessor.ID), c, p),
            r -> status.setText("|chi(R)| of " + c.name()));
    }

    public Job runWavelet() throws EdgeworksException {
        Chi c = needChi("wavelet");
        Record p = valid(waveletForm, "wavelet");
        return run("wavelet " + c.name(), c.name(), c, m -> Processors.apply(Processors.registry().get(WaveletProcessor.ID), c, p),
            r -> status.setText("wavelet transform of " + c.name()));
    }

    /** The shell fit of the panel's chi with the chosen FEFF paths and model; the table shows the values. */
    public Job runFit() throws EdgeworksException {
        Chi c = needChi("shell fit");
        if (paths.isEmpty()) throw EdgeworksException.of("shell fit", "add FEFF path files (feffNNNN.dat)");
        FeffitProcessor.Params form = (FeffitProcessor.Params) valid(fitForm, "shell fit");
        java.util.List<Path> files = java.util.List.copyOf(paths);
        Path modelFile = model;
        return run("shell fit " + c.name(), c.name(), c, m -> {
            java.util.List<FeffPath> feff = new ArrayList<>();
            for (Path f : files) feff.add(FeffPath.read(f));
            FeffitProcessor.Params p = form.withModel(modelFile == null ? null : FitModel.read(modelFile));
            return Processors.apply(Processors.registry().get(FeffitProcessor.ID), new FeffitProcessor.Input(c, feff), p);
        }, r -> {
            showFit((FeffitProcessor.Fit) r.value());
            FeffitProcessor.Fit f = (FeffitProcessor.Fit) r.value();
            status.setText(String.format(Locale.ROOT, "fit of %s: R-factor %.5f, reduced chi-square %.4g", c.name(), f.rFactor(), f.chi2Reduced()));
        });
    }

    private Chi needChi(String what) throws EdgeworksException {
        if (chi == null) throw EdgeworksException.of(what, "no chi(k) yet: run the background (autobk) or open a chi(k) file");
        return chi;
    }

    private static Record valid(ParameterForm form, String what) throws EdgeworksException {
        if (form.error() != null) throw EdgeworksException.of(what, form.error());
        return form.value();
    }

    private interface Step { Result<?> call(org.eclipse.core.runtime.IProgressMonitor m) throws EdgeworksException; }

    private Job run(String jobName, String source, Object input, Step step, Consumer<Result<?>> done) {
        status.setText(jobName + "...");
        Object origin = input == chi ? chiOrigin : input;
        job = UiJobs.schedule(getDisplay(), jobName, m -> Sources.attach(step.call(m), origin), r -> {
            if (isDisposed()) return;
            last = r;
            done.accept(r);
            try {
                viewer.show(r.value() instanceof AutobkProcessor.Autobk a ? a.toChi() : r.value());
            } catch (EdgeworksException e) {
                status.setText(e.getMessage());
            }
            Published p = new Published(source, r);
            listeners.forEach(l -> l.accept(p));
        }, e -> {
            if (isDisposed()) return;
            status.setText(e.getMessage());
            ErrorDialogs.show(getShell(), "EXAFS", e);
        });
        return job;
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
