package org.edgeworks.ui.widgets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Spectrum;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A task panel's group list: the spectra opened in the workbench, one table row each (the name in the first
 * column, then the panel's own columns such as the role), with check boxes when the panel has roles for them.
 * The SELECTED row and the CHECKED rows are what a panel makes its inputs of (sample / references, reference /
 * spectra to shift...). Sessions keep the list by the spectra's raw files, their checks and the selection.
 * The table itself is {@link #table()} (tests drive it as the user does). UI thread only.
 */
public final class SpectrumList {
    private final Table table;
    private final List<Spectrum> spectra = new ArrayList<>();
    private final List<Path> files = new ArrayList<>();
    private boolean folderForTwins;

    /**
     * The table in {@code parent} (a grid: the list spans its columns), with check boxes or not, {@code heightHint}
     * pixels high ({@code SWT.DEFAULT}: as its rows need), growing with the panel's height or not.
     */
    public SpectrumList(Composite parent, boolean checks, int heightHint, boolean growing) {
        table = new Table(parent, SWT.BORDER | (checks ? SWT.CHECK : 0) | SWT.SINGLE | SWT.FULL_SELECTION | SWT.V_SCROLL);
        GridData gd = new GridData(SWT.FILL, SWT.FILL, true, growing, ((GridLayout) parent.getLayout()).numColumns, 1);
        gd.heightHint = heightHint;
        table.setLayoutData(gd);
    }

    /** Adds a titled column (the first is the spectrum's name); the header shows once there is a column. */
    public SpectrumList column(String title, int width) {
        table.setHeaderVisible(true);
        Buttons.column(table, title, width);
        return this;
    }

    /** Selects the first row when none is selected (panels that work on the selected spectrum, after an add). */
    public void selectFirstIfNone() {
        if (table.getSelectionIndex() < 0 && table.getItemCount() > 0) table.select(0);
    }

    /** Spectra of the same name are told apart by their files' folders, "name  (folder)". */
    public SpectrumList foldersForTwins() {
        folderForTwins = true;
        return this;
    }

    public Table table() { return table; }
    public int size() { return spectra.size(); }
    public Spectrum get(int row) { return spectra.get(row); }
    public List<Spectrum> spectra() { return List.copyOf(spectra); }
    /** The raw file of each row (null for a spectrum that came from memory). */
    public List<Path> files() { return new ArrayList<>(files); }
    /** The selected row, -1 for none. */
    public int selected() { return table.getSelectionIndex(); }
    public boolean isChecked(int row) { return table.getItem(row).getChecked(); }

    /** The checked rows, without the selected one unless {@code withSelected}. */
    public List<Integer> checked(boolean withSelected) {
        int sel = selected();
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < spectra.size(); i++) if (isChecked(i) && (withSelected || i != sel)) out.add(i);
        return out;
    }

    /** Every row's check. */
    public List<Boolean> checks() {
        List<Boolean> out = new ArrayList<>();
        for (TableItem row : table.getItems()) out.add(row.getChecked());
        return out;
    }

    /** Adds a row (its file: the one given, else the spectrum's raw file, if any); returns its index. */
    public int add(Spectrum s, Path file) {
        if (file == null && Sources.of(s) != null && Sources.of(s).file() != null) file = Path.of(Sources.of(s).file());
        spectra.add(s);
        files.add(file);
        new TableItem(table, SWT.NONE).setText(0, s.name());
        if (folderForTwins) for (int i = 0; i < spectra.size(); i++) table.getItem(i).setText(0, label(i));
        return spectra.size() - 1;
    }

    /** The row's label: the name, and the folder when another row has the same name. */
    private String label(int row) {
        String name = spectra.get(row).name();
        Path file = files.get(row);
        boolean twin = false;
        for (int i = 0; i < spectra.size(); i++) twin |= i != row && spectra.get(i).name().equals(name);
        return twin && file != null && file.getParent() != null ? name + "  (" + file.getParent().getFileName() + ")" : name;
    }

    /** Replaces the spectrum of a row (its label stays). */
    public void set(int row, Spectrum s) {
        spectra.set(row, s);
    }

    /** Replaces the whole list by these spectra with these checks; the selection stays where it was if it still exists. */
    public void reset(List<Spectrum> list, List<Boolean> checks) {
        int sel = selected();
        spectra.clear();
        files.clear();
        table.removeAll();
        for (int i = 0; i < list.size(); i++) {
            add(list.get(i), null);
            table.getItem(i).setChecked(i < checks.size() && checks.get(i));
        }
        if (sel >= 0 && sel < spectra.size()) table.select(sel);
    }

    /** Writes {@code files} (raw file per row, "" for one from memory) into {@code o}. */
    public void saveFiles(ObjectNode o) {
        o.set("files", SessionParts.files(spectra));
    }

    /** Writes {@code files}, {@code checked} and the selected row under {@code selectedKey} into {@code o}. */
    public void save(ObjectNode o, String selectedKey) {
        saveFiles(o);
        ArrayNode checked = o.putArray("checked");
        for (boolean c : checks()) checked.add(c);
        o.put(selectedKey, selected());
    }

    /**
     * Reopens the saved files in order (a spectrum made in memory is skipped), with their checks and the
     * selection saved under {@code selectedKey}; with {@code reuse}, a file already in the list is not added
     * again. Returns the row of each saved entry (-1 where skipped).
     */
    public int[] restore(JsonNode state, String selectedKey, boolean reuse) throws EdgeworksException {
        List<Spectrum> saved = SessionParts.open(state.get("files"));
        int selectedSaved = state.path(selectedKey).asInt(-1);
        int[] rows = new int[saved.size()];
        for (int k = 0; k < saved.size(); k++) {
            Spectrum s = saved.get(k);
            rows[k] = s == null ? -1 : reuse ? indexOf(SessionParts.key(s)) : -1;
            if (s == null) continue;
            if (rows[k] < 0) rows[k] = add(s, null);
            table.getItem(rows[k]).setChecked(state.path("checked").path(k).asBoolean(false));
            if (k == selectedSaved) table.select(rows[k]);
        }
        return rows;
    }

    private int indexOf(String key) {
        for (int i = 0; i < spectra.size(); i++) if (SessionParts.key(spectra.get(i)).equals(key)) return i;
        return -1;
    }
}
