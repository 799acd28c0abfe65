package org.edgeworks.ui.widgets;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.io.AtomicFiles;
import org.edgeworks.core.processing.Provenance;
import org.edgeworks.core.processing.Result;

/**
 * Results table (no workbench dependency): every scalar a processor returned (E0, edge step, LCF weights
 * with errors, valences, pre-edge peaks, feature intensities...) as one row with its uncertainty where the
 * result has one, and the provenance (processor, version, parameters, notes) of the result. Copy / CSV export.
 */
public final class ResultsPanel extends Composite {
    public static final String[] COLUMNS = {"source", "quantity", "value", "error", "processor", "provenance"};

    /** One table row. */
    public record Row(String source, String quantity, String value, String error, String processor, String provenance) {
        String[] cells() { return new String[] {source, quantity, value, error, processor, provenance}; }
    }

    /** Columns of the one-row-per-result table. */
    public static final String[] RESULT_COLUMNS = {"source", "analysis", "results (value +- error)", "processor", "raw file",
        "SHA-256", "parameters"};

    /** One row per result: the file, what was done, its scalars, and the full provenance. */
    public record ResultRow(String source, String analysis, String values, String processor, String rawFile, String sha256,
                            String parameters) {
        String[] cells() { return new String[] {source, analysis, values, processor, rawFile, sha256, parameters}; }
    }

    private final Table table, perResult;
    private final List<Row> rows = new ArrayList<>();
    private final List<ResultRow> resultRows = new ArrayList<>();

    public ResultsPanel(Composite parent, int style) {
        super(parent, style);
        setLayout(new GridLayout(1, false));
        Composite bar = new Composite(this, SWT.NONE);
        bar.setLayout(new RowLayout(SWT.HORIZONTAL));
        Buttons.push(bar, "Copy", this::copy);
        Buttons.push(bar, "Export CSV...", this::exportDialog);
        Buttons.push(bar, "Clear", this::clear);
        org.eclipse.swt.custom.CTabFolder tabs = new org.eclipse.swt.custom.CTabFolder(this, SWT.BORDER | SWT.BOTTOM);
        tabs.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        perResult = new Table(tabs, SWT.BORDER | SWT.MULTI | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        perResult.setHeaderVisible(true);
        perResult.setLinesVisible(true);
        int[] resultWidths = {140, 170, 420, 190, 260, 150, 400};
        for (int i = 0; i < RESULT_COLUMNS.length; i++) {
            TableColumn c = new TableColumn(perResult, SWT.LEFT);
            c.setText(RESULT_COLUMNS[i]);
            c.setWidth(resultWidths[i]);
        }
        org.eclipse.swt.custom.CTabItem one = new org.eclipse.swt.custom.CTabItem(tabs, SWT.NONE);
        one.setText("One row per file and analysis");
        one.setControl(perResult);
        table = new Table(tabs, SWT.BORDER | SWT.MULTI | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        org.eclipse.swt.custom.CTabItem all = new org.eclipse.swt.custom.CTabItem(tabs, SWT.NONE);
        all.setText("Every value");
        all.setControl(table);
        tabs.setSelection(0);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        int[] widths = {140, 200, 110, 90, 170, 400};
        for (int i = 0; i < COLUMNS.length; i++) {
            TableColumn c = new TableColumn(table, SWT.LEFT);
            c.setText(COLUMNS[i]);
            c.setWidth(widths[i]);
        }
        table.addListener(SWT.KeyDown, e -> { if (e.character == 3 || ((e.stateMask & SWT.MOD1) != 0 && e.keyCode == 'c')) copy(); });
    }


    public Table table() { return table; }

    public List<Row> rows() { return List.copyOf(rows); }

    /** One row per result added (the first tab). */
    public List<ResultRow> resultRows() { return List.copyOf(resultRows); }

    public Table resultTable() { return perResult; }

    public void clear() {
        rows.clear();
        table.removeAll();
        resultRows.clear();
        perResult.removeAll();
    }

    /** Adds the scalars of a processor result, each row carrying the result's provenance. */
    public void add(String source, Result<?> result) {
        Provenance p = result.provenance();
        String processor = p == null ? "" : p.processorId() + " " + p.processorVersion();
        String provenance = p == null ? "" : provenanceText(p);
        List<String[]> values = new ArrayList<>();
        flatten("", result.value(), values);
        List<String> summary = new ArrayList<>();
        for (String[] v : values) {
            Row row = new Row(source, v[0], v[1], v[2], processor, provenance);
            rows.add(row);
            TableItem item = new TableItem(table, SWT.NONE);
            item.setText(row.cells());
            summary.add(v[0] + " = " + v[1] + (v[2].isEmpty() ? "" : " +- " + v[2]));
        }
        String analysis = p == null ? result.value().getClass().getSimpleName() : label(p.processorId());
        ResultRow rr = new ResultRow(source, analysis, String.join("; ", summary), processor,
                p == null || p.source() == null ? "" : p.source().file() + (p.source().pathInFile() == null ? "" : " : " + p.source().pathInFile()),
                p == null || p.source() == null || p.source().sha256() == null ? "" : p.source().sha256(),
                p == null ? "" : provenanceText(new Provenance(p.processorId(), p.processorVersion(), p.parameters(), p.notes(), null, p.date())));
        resultRows.add(rr);
        TableItem item = new TableItem(perResult, SWT.NONE);
        item.setText(rr.cells());
        item.setData(rr);
    }

    /** The processor's label from the registry, else its id. */
    private static String label(String processorId) {
        try {
            return Processors.registry().get(processorId).label();
        } catch (EdgeworksException | RuntimeException e) {
            return processorId;
        }
    }

    static String provenanceText(Provenance p) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, Object> e : p.parameters().entrySet()) {
            if (sb.length() > 0) sb.append("; ");
            Object v = e.getValue();
            sb.append(e.getKey()).append('=').append(v instanceof double[] d ? java.util.Arrays.toString(d) : v);
        }
        for (String n : p.notes()) sb.append(" | ").append(n);
        if (p.source() != null) sb.append(" | source ").append(p.source());
        return sb.toString();
    }

    /**
     * Scalars of a record (numbers, strings, enums), recursing into nested records and lists of records;
     * arrays (curves) are left to the viewers. A component X with a sibling XStderr / XUncertainty / stderr
     * gets that as its error.
     */
    static void flatten(String prefix, Object value, List<String[]> out) {
        if (value == null) return;
        if (value instanceof Number || value instanceof CharSequence || value instanceof Enum<?> || value instanceof Boolean) {
            out.add(new String[] {prefix.isEmpty() ? "value" : prefix, text(value), ""});
            return;
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) flatten(prefix + "[" + i + "]", list.get(i), out);
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (var e : map.entrySet()) flatten(prefix + "[" + e.getKey() + "]", e.getValue(), out);
            return;
        }
        if (!(value instanceof Record r)) return;
        RecordComponent[] rcs = r.getClass().getRecordComponents();
        String name = null;
        for (RecordComponent rc : rcs) if (rc.getName().equals("name") && rc.getType() == String.class) name = (String) read(rc, r);
        String base = prefix.isEmpty() ? "" : prefix + (name != null ? " " + name : "") + ".";
        for (RecordComponent rc : rcs) {
            String n = rc.getName();
            if (n.equals("name") || isError(n)) continue;
            Object v = read(rc, r);
            if (v instanceof Number || v instanceof Enum<?> || v instanceof Boolean || (v instanceof String && prefix.isEmpty())) {
                out.add(new String[] {base + n, text(v), errorOf(r, rcs, n)});
            } else if (v instanceof Record || v instanceof List<?> || v instanceof Map<?, ?>) {
                flatten(base + n, v, out);
            }
        }
    }

    private static boolean isError(String n) {
        return n.endsWith("Stderr") || n.equals("stderr") || n.equals("uncertainty") || n.endsWith("Uncertainty");
    }

    private static String errorOf(Record r, RecordComponent[] rcs, String n) {
        for (RecordComponent rc : rcs) {
            String e = rc.getName();
            boolean pairs = e.equals(n + "Stderr") || e.equals(n + "Uncertainty")
                    || ((e.equals("stderr") || e.equals("uncertainty"))
                        && (n.equals("weight") || n.equals("featureIntensity") || n.equals("value")));
            if (pairs) return text(read(rc, r));
        }
        return "";
    }

    private static Object read(RecordComponent rc, Record r) {
        try {
            return rc.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    static String text(Object v) {
        if (v instanceof Double d) return String.format(Locale.ROOT, "%.6g", d);
        if (v instanceof Float f) return String.format(Locale.ROOT, "%.6g", f);
        return String.valueOf(v);
    }

    /** Tab-separated text of the selected rows (all rows when none is selected), with a header line. */
    public String tsv() {
        int[] selected = table.getSelectionIndices();
        StringBuilder sb = new StringBuilder(String.join("\t", COLUMNS)).append('\n');
        List<Row> chosen = new ArrayList<>();
        if (selected.length == 0) chosen.addAll(rows);
        else for (int i : selected) chosen.add(rows.get(i));
        for (Row r : chosen) sb.append(String.join("\t", r.cells())).append('\n');
        return sb.toString();
    }

    public void copy() {
        Clipboard cb = new Clipboard(getDisplay());
        try {
            cb.setContents(new Object[] {tsv()}, new Transfer[] {TextTransfer.getInstance()});
        } finally {
            cb.dispose();
        }
    }

    public void exportCsv(Path target) throws EdgeworksException {
        StringBuilder sb = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (Row r : rows) {
            List<String> cells = new ArrayList<>();
            for (String c : r.cells()) cells.add('"' + c.replace("\"", "\"\"") + '"');
            sb.append(String.join(",", cells)).append('\n');
        }
        AtomicFiles.writeString(target, true, sb.toString());
    }

    /** Asks for a CSV file and exports the table to it (the panel's button and File > Export Results). */
    public void exportDialog() {
        FileDialog d = new FileDialog(getShell(), SWT.SAVE);
        d.setFilterExtensions(new String[] {"*.csv"});
        String f = d.open();
        if (f == null) return;
        try {
            exportCsv(Path.of(f));
        } catch (EdgeworksException e) {
            ErrorDialogs.show(getShell(), "Export failed", e);
        }
    }
}
