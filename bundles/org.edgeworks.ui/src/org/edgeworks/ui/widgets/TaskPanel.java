package org.edgeworks.ui.widgets;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.january.IMonitor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.core.processing.Result;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What every task panel of the workbench shares, so that a panel is only its processor call and its own controls
 * (the UI holds no science: numbers come from {@link Processors}):
 * <ul>
 * <li>the layout: a horizontal sash, {@link #inputs()} on the left (2/5: the group list, the generated form, the
 * buttons) and {@link #outputs()} on the right (3/5: plots, tables);</li>
 * <li>the status line ({@link #statusLine}) and the one way an action refuses: {@link #report} puts the
 * {@link EdgeworksException}'s one line in the status line and in an error dialog titled with {@link #title()};</li>
 * <li>long work as an Eclipse Job ({@link #runJob}) whose monitor the processors get as the Processor API's
 * {@code IMonitor} (progress, and a stop on the panel's {@link #cancelButton} or the progress area's cancel): the
 * result or the refusal comes back on the UI thread, and nothing happens if the panel was closed meanwhile;</li>
 * <li>results: {@link #publish} keeps the last one ({@link #lastResult()}) and gives it, with the name of what it
 * was made from, to the {@link #onResult} listeners (the task views send it to the results view);</li>
 * <li>the session: {@link #keepInSession} registers the panel's state with {@link SessionParts}.</li>
 * </ul>
 * The group list of spectra is a {@link SpectrumList}. {@code V} is the type of the values the panel's results
 * hold ({@code Object} for a panel running several processors).
 */
public abstract class TaskPanel<V> extends Composite {
    /** A panel action that may refuse with one line. */
    public interface Action {
        void run() throws EdgeworksException;
    }

    private final String title;
    private final Composite inputs, outputs;
    private final List<BiConsumer<String, Result<? extends V>>> listeners = new ArrayList<>();
    private Label status;
    private Result<? extends V> last;
    private Job job;
    private Button cancel;

    /**
     * @param title        what error dialogs are titled (see {@link #title()})
     * @param inputColumns grid columns of the inputs side
     */
    protected TaskPanel(Composite parent, int style, String title, int inputColumns) {
        super(parent, style);
        this.title = title;
        setLayout(new GridLayout(1, false));
        SashForm sash = new SashForm(this, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        inputs = new Composite(sash, SWT.NONE);
        inputs.setLayout(new GridLayout(inputColumns, false));
        outputs = new Composite(sash, SWT.NONE);
        outputs.setLayout(new GridLayout(1, false));
        sash.setWeights(2, 3);
    }

    /** The left side: what the user chooses. */
    protected final Composite inputs() { return inputs; }

    /** The right side: what the processor returned. */
    protected final Composite outputs() { return outputs; }

    /** The title of the panel's error dialogs (a panel with several operations may name the one chosen). */
    protected String title() { return title; }

    /** A spectrum opened in the workbench joins the panel's list. */
    public abstract void add(Spectrum s);

    /** Creates the status line at this place of the outputs side: a wrapping label at the top or bottom. */
    protected final Label statusLine(int verticalAlignment) {
        status = new Label(outputs, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, verticalAlignment, true, false));
        return status;
    }

    /** Writes the status line. */
    protected final void say(String text) { status.setText(text); }

    /** What the status line says. */
    public String status() { return status.getText(); }

    /** The outputs side's plot, taking the room left: with the XAS modes (mu, norm, derivative...) or a plain plot. */
    protected final SpectrumChart plot(boolean xasModes) {
        SpectrumChart chart = new SpectrumChart(outputs, SWT.NONE, xasModes);
        chart.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        return chart;
    }

    /** A row of buttons (left to right). */
    public static Composite bar(Composite parent) {
        Composite bar = new Composite(parent, SWT.NONE);
        bar.setLayout(new RowLayout(SWT.HORIZONTAL));
        return bar;
    }

    /** A push button that runs the action through {@link #report}. */
    protected final Button button(Composite bar, String text, Action action) {
        return Buttons.push(bar, text, () -> report(action));
    }

    /** Runs the action; a refusal goes to the status line and to an error dialog titled {@link #title()}. */
    protected final void report(Action action) {
        try {
            action.run();
        } catch (EdgeworksException e) {
            fail(e);
        }
    }

    private void fail(EdgeworksException e) {
        say(e.getMessage());
        ErrorDialogs.show(getShell(), title(), e);
    }

    /** A panel's long work: processor calls given the job's monitor ({@link Processors#apply(org.edgeworks.core.processing.Processor, Object, Record, IMonitor)}). */
    public interface Work<T> {
        T call(IMonitor monitor) throws EdgeworksException;
    }

    /**
     * Runs {@code work} as a Job named {@code name} (the status line says so meanwhile), giving it the job's
     * progress monitor as the Processor API's {@link IMonitor} ({@link JobMonitor}): the processors' progress shows
     * in the workbench's progress area and the job's cancel (the progress area's, or the panel's {@link #cancelButton})
     * stops them. {@code done} gets the result on the UI thread, a refusal goes to {@link #report}'s places; a
     * cancelled job publishes nothing, shows no error and the status line says "NAME: cancelled". Nothing happens
     * once the panel is closed.
     */
    protected final <T> Job runJob(String name, Work<T> work, Consumer<T> done) {
        say(name + "...");
        if (cancel != null) cancel.setEnabled(true);
        Job[] mine = new Job[1];
        mine[0] = job = UiJobs.schedule(getDisplay(), name, m -> {
            m.beginTask(name, IProgressMonitor.UNKNOWN);
            try {
                return work.call(JobMonitor.of(m));
            } finally {
                m.done();
            }
        }, r -> ended(mine[0], () -> done.accept(r)), e -> ended(mine[0], () -> fail(e)),
            () -> ended(mine[0], () -> say(name + ": cancelled")));
        return job;
    }

    /** On the UI thread once {@code ended} is over: Cancel is disabled unless a later job of the panel still runs. */
    private void ended(Job ended, Runnable r) {
        if (isDisposed()) return;
        if (cancel != null && ended == job) cancel.setEnabled(false);
        r.run();
    }

    /** A "Cancel" button in {@code bar} that cancels the running job (enabled while one runs). */
    protected final Button cancelButton(Composite bar) {
        cancel = Buttons.push(bar, "Cancel", () -> {
            if (job != null) job.cancel();
        });
        cancel.setEnabled(false);
        return cancel;
    }

    /** The last job started (tests join it); null before any. */
    public Job lastJob() { return job; }

    /** Each result with the name of what it was made from (the results view). */
    public void onResult(BiConsumer<String, Result<? extends V>> listener) { listeners.add(listener); }

    /** Keeps the result as the last one and gives it to the listeners. */
    protected final void publish(String source, Result<? extends V> r) {
        last = r;
        listeners.forEach(l -> l.accept(source, r));
    }

    /** The last result published (null before any). */
    public Result<? extends V> lastResult() { return last; }

    /** Registers the panel's session state under {@code id} ("task:PROCESSOR-ID") for as long as the panel lives. */
    protected final void keepInSession(String id, Supplier<JsonNode> save, SessionParts.Restorer restore) {
        SessionParts.register(this, id, save, restore);
    }
}
