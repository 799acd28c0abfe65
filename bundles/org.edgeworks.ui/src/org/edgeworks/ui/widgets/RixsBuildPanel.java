package org.edgeworks.ui.widgets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.RixsMap;
import org.edgeworks.core.processing.Result;
import org.edgeworks.core.processing.SourceRef;
import org.edgeworks.pipeline.rixs.RixsFiles;
import org.edgeworks.rixs.BuildMap;
import org.edgeworks.rixs.BuildDiagnostics;
import org.edgeworks.rixs.LineWidth;
import org.edgeworks.ui.viewers.ImageFrames;

/**
 * mRIXS task panel: builds a map from a raw scan (NeXus frames, a multi-page TIFF or a folder of TIFF frames,
 * opened by {@link RixsFiles#openRaw}, the command line's reader) with the map-building processor. The form is
 * generated from {@link BuildMap.Parameters}; the build runs as a cancellable job ({@link MapBuilds}, progress per
 * frame); the diagnostics table shows what the processor returned: the pixel-to-eV law with its standard errors
 * and the elastic-line points used or left out, the curvature (tilt and bend with standard errors, warnings of
 * a shift at the search bound), the width of the summed straightened line, the frames streamed and every note.
 * Nothing here computes: the numbers are the processor's, only formatted.
 */
public final class RixsBuildPanel extends Composite {
    private final Text raw, table, energies, i0, repeats;
    private final ParameterForm form;
    private final Button build, cancel, openMap;
    private final Label status;
    private final Table diagnostics;
    private final List<Consumer<RixsMap>> mapListeners = new ArrayList<>();
    private final List<Consumer<ImageFrames>> framesListeners = new ArrayList<>();
    private Job job;
    private Result<BuildMap.MapBuild> result;
    private RixsMap map;
    private SourceRef source;

    public RixsBuildPanel(Composite parent, int style) {
        super(parent, style);
        setLayout(new GridLayout(2, false));

        ScrolledComposite scroll = new ScrolledComposite(this, SWT.V_SCROLL | SWT.H_SCROLL);
        scroll.setLayoutData(new GridData(SWT.FILL, SWT.FILL, false, true));
        Composite left = new Composite(scroll, SWT.NONE);
        left.setLayout(new GridLayout(1, false));
        Composite actions = new Composite(left, SWT.NONE);
        actions.setLayout(new org.eclipse.swt.layout.RowLayout());
        build = Buttons.push(actions, "Build map", this::build);
        cancel = Buttons.push(actions, "Cancel", () -> { if (job != null) job.cancel(); });
        cancel.setEnabled(false);
        openMap = Buttons.push(actions, "Open map", () -> { if (map != null) mapListeners.forEach(l -> l.accept(map)); });
        openMap.setEnabled(false);
        Buttons.push(actions, "Browse frames", this::browseFrames);
        status = new Label(left, SWT.WRAP);
        GridData statusData = new GridData(SWT.FILL, SWT.TOP, true, false);
        statusData.widthHint = 360;
        status.setLayoutData(statusData);
        status.setText("Choose a raw scan and press Build map.");
        Group input = new Group(left, SWT.NONE);
        input.setText("Raw scan");
        input.setLayout(new GridLayout(3, false));
        input.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        raw = row(input, "File or folder", "NeXus frames (NXdetector frames x rows x columns), multi-page TIFF or a folder of TIFF frames");
        Composite browse = new Composite(input, SWT.NONE);
        browse.setLayout(new org.eclipse.swt.layout.RowLayout());
        Buttons.push(browse, "File...", () -> {
            FileDialog d = new FileDialog(getShell(), SWT.OPEN);
            d.setFilterExtensions(new String[] {"*.nxs;*.h5;*.hdf5;*.tif;*.tiff", "*.*"});
            String f = d.open();
            if (f != null) raw.setText(f);
        });
        Buttons.push(browse, "Folder...", () -> {
            String f = new DirectoryDialog(getShell()).open();
            if (f != null) raw.setText(f);
        });
        table = row(input, "Table (TIFF)", "excitation_eV, I0 [, count_time] per frame; empty = NAME.csv next to the frames");
        new Label(input, SWT.NONE);
        energies = row(input, "Excitation energies", "TIFF without a table: one energy per frame (eV), comma separated");
        new Label(input, SWT.NONE).setText("eV");
        i0 = row(input, "I0", "TIFF without a table: I0 per frame, comma separated (empty = 1)");
        new Label(input, SWT.NONE);
        repeats = row(input, "Repeats", "consecutive frames per excitation point");
        repeats.setText("1");
        new Label(input, SWT.NONE);

        Group params = new Group(left, SWT.NONE);
        params.setText("Map building (" + BuildMap.ID + ")");
        params.setLayout(new GridLayout(1, false));
        params.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        form = new ParameterForm(params, BuildMap.Parameters.class, BuildMap.Parameters.defaults(), null);
        form.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));

        scroll.setContent(left);
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        scroll.setMinSize(left.computeSize(SWT.DEFAULT, SWT.DEFAULT));

        Group diag = new Group(this, SWT.NONE);
        diag.setText("Diagnostics (as the processor reports them)");
        diag.setLayout(new GridLayout(1, false));
        diag.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        diagnostics = new Table(diag, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        diagnostics.setHeaderVisible(true);
        diagnostics.setLinesVisible(true);
        diagnostics.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        for (String h : new String[] {"Quantity", "Value"}) {
            TableColumn c = new TableColumn(diagnostics, SWT.LEFT);
            c.setText(h);
            c.setWidth(h.equals("Quantity") ? 190 : 520);
        }
    }

    private static Text row(Composite parent, String label, String tip) {
        Label l = new Label(parent, SWT.NONE);
        l.setText(label);
        l.setToolTipText(tip);
        Text t = new Text(parent, SWT.BORDER);
        t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        t.setToolTipText(tip);
        return t;
    }

    private void browseFrames() {
        try {
            ImageFrames f = frames();
            framesListeners.forEach(l -> l.accept(f));
        } catch (EdgeworksException ex) {
            status.setText(ex.getMessage());
        }
    }

    /** Called with the raw scan's frames on "Browse frames": the view opens them in the frames viewer. */
    public void onFrames(Consumer<ImageFrames> listener) { framesListeners.add(listener); }

    /** The typed input: file, table, per-frame energies and I0, repeats. */
    private record Input(Path file, Path table, double[] energies, double[] i0, int repeats) {
        RixsFiles.Raw open() throws EdgeworksException {
            return RixsFiles.openRaw(file, table, energies, i0, repeats);
        }
    }

    private Input input() throws EdgeworksException {
        String path = raw.getText().trim();
        if (path.isEmpty()) throw EdgeworksException.of("Raw scan", "choose a file or folder first");
        int reps;
        try {
            reps = repeats.getText().isBlank() ? 1 : Integer.parseInt(repeats.getText().trim());
        } catch (NumberFormatException ex) {
            throw EdgeworksException.of("Repeats", "'" + repeats.getText().trim() + "' is not a whole number");
        }
        return new Input(Path.of(path), table.getText().isBlank() ? null : Path.of(table.getText().trim()),
                numbers("Excitation energies", energies.getText()), numbers("I0", i0.getText()), reps);
    }

    /**
     * The raw scan's detector frames to browse one by one (each frame read from the file when shown, through the
     * command line's reader), with the excitation energy of each frame when the scan gives one per frame.
     */
    public ImageFrames frames() throws EdgeworksException {
        Input in = input();
        try (RixsFiles.Raw r = in.open()) {
            int[] shape = r.stack().frames().getShape();
            double[] ex = r.stack().excitation();
            String name = RixsFiles.baseName(in.file());
            return new ImageFrames(name, shape[0], shape[1], shape[2], ex.length == shape[0] ? ex.clone() : null, "E_ex (eV)", k -> {
                try (RixsFiles.Raw again = in.open()) {
                    return org.eclipse.january.dataset.DatasetUtils.cast(org.eclipse.january.dataset.DoubleDataset.class,
                            again.stack().frames().getSlice(new int[] {k, 0, 0}, new int[] {k + 1, shape[1], shape[2]}, null)).getData().clone();
                } catch (EdgeworksException ex2) {
                    throw ex2;
                } catch (Exception ex2) {
                    throw new EdgeworksException(in.file(), r.source().pathInFile(), "cannot read frame " + k + ": " + ex2.getMessage(), ex2);
                }
            });
        } catch (EdgeworksException e) {
            throw e;
        } catch (Exception e) {
            throw new EdgeworksException(in.file(), null, "cannot close: " + e.getMessage(), e);
        }
    }

    /** Called with the built map (after each build, and on "Open map"): the view opens it in a map viewer. */
    public void onMap(Consumer<RixsMap> listener) { mapListeners.add(listener); }

    public Text rawField() { return raw; }
    public Text energiesField() { return energies; }
    public Text i0Field() { return i0; }
    public Text tableField() { return table; }
    public Text repeatsField() { return repeats; }
    public ParameterForm form() { return form; }
    public Button buildButton() { return build; }
    public Button cancelButton() { return cancel; }
    public Job job() { return job; }
    public String statusText() { return status.getText(); }
    public Result<BuildMap.MapBuild> result() { return result; }
    public RixsMap map() { return map; }
    public Table diagnostics() { return diagnostics; }

    /** The diagnostics row's value text for a quantity (as shown), or null. */
    public String diagnostic(String quantity) {
        for (TableItem it : diagnostics.getItems()) if (it.getText(0).equals(quantity)) return it.getText(1);
        return null;
    }

    /** Reads the input fields and the form, then builds the map in a job. */
    public void build() {
        if (job != null) return;
        if (form.error() != null) {
            status.setText("Fix the form first: " + form.error());
            return;
        }
        String path = raw.getText().trim();
        if (path.isEmpty()) {
            status.setText("Choose a raw scan (file or folder) first.");
            return;
        }
        Path file = Path.of(path);
        Path tablePath;
        double[] e, i;
        int reps;
        Record p;
        try {
            tablePath = table.getText().isBlank() ? null : Path.of(table.getText().trim());
            e = numbers("Excitation energies", energies.getText());
            i = numbers("I0", i0.getText());
            reps = repeats.getText().isBlank() ? 1 : Integer.parseInt(repeats.getText().trim());
            p = form.value();
        } catch (EdgeworksException ex) {
            status.setText(ex.getMessage());
            return;
        } catch (NumberFormatException ex) {
            status.setText("Repeats: '" + repeats.getText().trim() + "' is not a whole number");
            return;
        }
        diagnostics.removeAll();
        status.setText("Building the map of " + path + " ...");
        build.setEnabled(false);
        cancel.setEnabled(true);
        job = UiJobs.schedule(getDisplay(), "Building the mRIXS map of " + file.getFileName(), monitor -> {
            try (RixsFiles.Raw r = RixsFiles.openRaw(file, tablePath, e, i, reps)) {
                try {
                    return new Built(MapBuilds.build(r.stack(), monitor, p), r.source(), RixsFiles.baseName(file));
                } catch (EdgeworksException ex) {
                    // as `rixs build` names it: the file as typed and the path inside it
                    throw ex.file() == null || ex.file().equals(r.stack().name()) ? ex.in(path, r.source().pathInFile()) : ex;
                }
            } catch (EdgeworksException ex) {
                throw ex;
            } catch (Exception ex) {
                throw new EdgeworksException(file, null, "cannot close after building the map: " + ex.getMessage(), ex);
            }
        }, this::done, ex -> {
            finished();
            status.setText(ex.getMessage());
            ErrorDialogs.show(getShell(), "Cannot build the map", ex);
        });
        job.addJobChangeListener(new org.eclipse.core.runtime.jobs.JobChangeAdapter() {
            @Override
            public void done(org.eclipse.core.runtime.jobs.IJobChangeEvent event) {
                if (event.getResult().getSeverity() == org.eclipse.core.runtime.IStatus.CANCEL && !getDisplay().isDisposed())
                    getDisplay().asyncExec(() -> {
                        if (isDisposed()) return;
                        finished();
                        status.setText("Cancelled: no map built.");
                    });
            }
        });
    }

    private record Built(Result<BuildMap.MapBuild> result, SourceRef source, String name) {}

    private void finished() {
        job = null;
        if (isDisposed()) return;
        build.setEnabled(true);
        cancel.setEnabled(false);
    }

    private void done(Built b) {
        finished();
        if (isDisposed()) return;
        result = b.result();
        source = b.source();
        map = b.result().value().map().withName(b.name());
        Sources.remember(map, source);
        showDiagnostics(b.result());
        openMap.setEnabled(true);
        status.setText(String.format(Locale.ROOT, "Built %s: %d x %d map.", b.name(), map.rows(), map.columns()));
        mapListeners.forEach(l -> l.accept(map));
    }

    private static double[] numbers(String what, String text) throws EdgeworksException {
        if (text == null || text.isBlank()) return null;
        String[] parts = text.trim().split("[,;\\s]+");
        double[] v = new double[parts.length];
        for (int k = 0; k < parts.length; k++) {
            try {
                v[k] = Double.parseDouble(parts[k]);
            } catch (NumberFormatException e) {
                throw EdgeworksException.of(what, "'" + parts[k] + "' is not a number");
            }
        }
        return v;
    }

    private void put(String quantity, String value) {
        TableItem it = new TableItem(diagnostics, SWT.NONE);
        it.setText(new String[] {quantity, value});
    }

    static String pm(double v, double err, String unit) {
        String e = Double.isNaN(err) ? "(sigma undetermined)" : String.format(Locale.ROOT, "+- %.4g", err);
        return String.format(Locale.ROOT, "%.6g %s %s", v, e, unit).trim();
    }

    private void showDiagnostics(Result<BuildMap.MapBuild> r) {
        diagnostics.removeAll();
        BuildDiagnostics d = r.value().diagnostics();
        double[] cc = d.calibration(), ce = d.calibrationErrors();
        StringBuilder law = new StringBuilder("E(p) =");
        for (int k = 0; k < cc.length; k++)
            law.append(k == 0 ? " " : " + ").append('(').append(pm(cc[k], ce[k], "")).append(')')
                    .append(k == 0 ? "" : k == 1 ? " p" : " p^" + k);
        put("Pixel-to-eV law", law + " eV" + (d.calibrationGiven() ? " (given)" : ""));
        if (!d.calibrationGiven()) {
            int used = 0;
            List<String> out = new ArrayList<>();
            for (int k = 0; k < d.elasticUsed().length; k++) {
                if (d.elasticUsed()[k]) used++;
                else out.add(String.format(Locale.ROOT, "%.2f eV (%s)", d.elasticExcitation()[k],
                        d.elasticPixel()[k] < 0 ? "no elastic line found" : String.format(Locale.ROOT, "pixel %.2f, residual %.3g eV",
                                d.elasticPixel()[k], d.elasticResiduals()[k])));
            }
            put("Elastic line: points used", used + " of " + d.elasticUsed().length);
            put("Elastic line: left out", out.isEmpty() ? "none" : String.join("; ", out));
            put("Calibration rms residual", String.format(Locale.ROOT, "%.4g eV", d.calibrationRms()));
        }
        double[] c = d.curvature(), err = d.curvatureErrors();
        put("Tilt", c.length > 1 ? pm(c[1], err[1], "px/row") + (d.curvatureGiven() ? " (given)" : "") : "none (curvature degree 0)");
        if (c.length > 2) put("Curvature", pm(c[2], err[2], "px/row^2") + (d.curvatureGiven() ? " (given)" : ""));
        if (!d.curvatureGiven())
            put("Curvature fit", String.format(Locale.ROOT, "%d row bins, rms residual %.3g px, centre row %.1f", d.curvatureBins(),
                    d.curvatureRms(), d.centreRow()));
        List<String> warnings = r.provenance().notes().stream().filter(n -> n.startsWith("warning")).toList();
        put("Shift warnings", warnings.isEmpty() ? "none" : String.join("; ", warnings));
        LineWidth w = d.summedLine();
        put("Summed line width (FWHM)", Double.isNaN(w.fwhmPixels()) ? "undetermined (the line reaches a detector edge)"
                : String.format(Locale.ROOT, "%.3f px = %.4g eV at pixel %d", w.fwhmPixels(), w.fwhmEv(), w.peakPixel()));
        BuildMap.Stats s = d.stats();
        put("Frames", String.format(Locale.ROOT, "%d read on %d thread(s), at most %d held (bound %d); %d spike pixel(s) replaced",
                s.framesRead(), s.threads(), s.maxFramesInFlight(), s.frameBound(), s.spikePixels()));
        for (String n : r.provenance().notes()) put("Note", n);
        for (TableColumn col : diagnostics.getColumns()) col.pack();
    }
}
