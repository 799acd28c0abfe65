package org.edgeworks.ui.widgets;

import java.util.Locale;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.MultiStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.MessageBox;
import org.eclipse.swt.widgets.Shell;
import org.edgeworks.core.EdgeworksException;

/**
 * Errors as the user sees them: what could not be done, the file, the place inside it, what is wrong and what
 * to try, in plain words; the one-line technical message (what the command line prints) folded away under
 * "Details".
 */
public final class ErrorDialogs {
    private ErrorDialogs() {}

    /** Test hook: when set, errors go here instead of a modal dialog (which would block a widget test). */
    public static volatile java.util.function.Consumer<String> sink;

    public static void show(Shell shell, String title, EdgeworksException e) {
        String explained = explain(e);
        if (sink != null) {
            sink.accept(title + ": " + e.getMessage() + "\n" + explained);
            return;
        }
        if (shell == null || shell.isDisposed()) return;
        MultiStatus details = new MultiStatus("org.edgeworks.ui", 0, explained, null);
        details.add(new Status(IStatus.ERROR, "org.edgeworks.ui", e.getMessage()));
        ErrorDialog.openError(shell, title, null, details);
    }

    public static void show(Shell shell, String title, String message) {
        if (sink != null) {
            sink.accept(title + ": " + message);
            return;
        }
        if (shell == null || shell.isDisposed()) return;
        MessageBox box = new MessageBox(shell, SWT.ICON_ERROR | SWT.OK);
        box.setText(title);
        box.setMessage(message);
        box.open();
    }

    /**
     * The error in words a scientist reads: "File:", "Inside the file:", "What is wrong:", "What to try:".
     * The advice follows the kind of problem (a file that is not HDF5 or is cut short, a missing path or
     * channel, a raw scan without mu, a file not recognised), never a stack trace.
     */
    public static String explain(EdgeworksException e) {
        StringBuilder sb = new StringBuilder();
        if (e.file() != null) sb.append("File: ").append(e.file()).append('\n');
        if (e.pathInFile() != null && !e.pathInFile().isBlank()) sb.append("Inside the file: ").append(e.pathInFile()).append('\n');
        sb.append("What is wrong: ").append(e.problem()).append('\n');
        sb.append("What to try: ").append(advice(e.problem()));
        return sb.toString();
    }

    static String advice(String problem) {
        String p = problem == null ? "" : problem.toLowerCase(Locale.ROOT);
        if (p.contains("superblock") || p.contains("signature") || p.contains("not an hdf5") || p.contains("truncated")
                || p.contains("end of file") || p.contains("eof") || p.contains("too short"))
            return "the file looks damaged or was still being written: copy it again from the beamline and reopen it.";
        if (p.contains("no such path") || p.contains("no channel") || p.contains("not found") || p.contains("missing"))
            return "look at the file's structure in the data browser (or ./edgeworks info FILE) and pick the dataset or "
                    + "channel that holds the data; for a raw scan use File > Import to choose the channels.";
        if (p.contains("--mu") || p.contains("--mode") || p.contains("give --"))
            return "this is a raw scan: use File > Import to say which channels are energy, I0, It or If and how mu is made.";
        if (p.contains("no detector") || p.contains("not recognised") || p.contains("unknown format"))
            return "the format is not one Edgeworks reads yet: export it as XDI or columns, or ask for a detector bundle.";
        if (p.contains("cancel")) return "nothing: the work was stopped on request.";
        return "check the file and the parameters named above; ./edgeworks info FILE shows what the file holds.";
    }
}
