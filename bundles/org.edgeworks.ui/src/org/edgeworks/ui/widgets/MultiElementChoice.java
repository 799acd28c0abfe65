package org.edgeworks.ui.widgets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.edgeworks.pipeline.xas.MultiElementInput;

/**
 * The import dialog's multi-element fluorescence fields, the command line's options one for one: elements
 * ({@code --if} as a comma list or a glob; "Use ticked If" copies the ticked If channels), dead-time factors
 * ({@code --dt}) or input/output count rates ({@code --icr --ocr}) as lists or globs, elements excluded by name
 * ({@code --exclude}), the automatic outlier test ({@code --outliers auto|off}); below, the elements summed and
 * those left out with the reason (by name, dead, or the outlier test). The sum itself is
 * {@link MultiElementInput}, the command line's code. Empty elements: no multi-element sum.
 */
public final class MultiElementChoice extends Group {
    private final Text elements, dt, icr, ocr, exclude;
    private final Button outliers;
    private final Label result;

    /**
     * @param ticked the If channels ticked in the dialog (for "Use ticked If")
     * @param changed called after every edit (the dialog re-resolves mu)
     */
    public MultiElementChoice(Composite parent, java.util.function.Supplier<String[]> ticked, Runnable changed) {
        super(parent, SWT.NONE);
        setText("Multi-element detector (summed after per-element dead-time correction)");
        setLayout(new GridLayout(2, false));
        elements = text("Elements (list or glob)", "e.g. Fe_Ka_mca* or Fe_Ka_mca1,Fe_Ka_mca2 (--if)", changed);
        Button use = new Button(this, SWT.PUSH);
        use.setText("Use ticked If");
        use.setLayoutData(new GridData(SWT.RIGHT, SWT.CENTER, false, false, 2, 1));
        use.addListener(SWT.Selection, e -> elements.setText(String.join(",", ticked.get())));
        dt = text("Dead-time factors", "e.g. DTFactor_mca* (--dt), paired with the elements by number", changed);
        icr = text("or ICR", "input count rates, list or glob (--icr), with OCR", changed);
        ocr = text("OCR", "output count rates, list or glob (--ocr)", changed);
        exclude = text("Exclude", "element channels left out, comma list (--exclude)", changed);
        outliers = new Button(this, SWT.CHECK);
        outliers.setText("Exclude outlier elements automatically (--outliers auto)");
        outliers.setSelection(true);
        outliers.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        outliers.addListener(SWT.Selection, e -> changed.run());
        result = new Label(this, SWT.WRAP);
        GridData rd = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
        rd.widthHint = 300;
        result.setLayoutData(rd);
    }

    @Override
    protected void checkSubclass() { /* a plain composite of standard widgets */ }

    private Text text(String label, String tip, Runnable changed) {
        Label l = new Label(this, SWT.NONE);
        l.setText(label);
        Text t = new Text(this, SWT.BORDER);
        t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        t.setToolTipText(tip);
        l.setToolTipText(tip);
        t.addListener(SWT.Modify, e -> changed.run());
        return t;
    }

    private static String value(Text t) {
        String s = t.getText().trim();
        return s.isEmpty() ? null : s;
    }

    /** Whether the elements field names channels (the sum replaces the If channels). */
    public boolean active() { return value(elements) != null; }

    /**
     * The choice as {@link MultiElementInput} takes it, or null without elements. One element is written as a
     * one-item list ("name,") so it is still summed with its dead-time correction, never read as a plain column.
     */
    public MultiElementInput.Choice choice() {
        String e = value(elements);
        if (e == null) return null;
        if (!MultiElementInput.isMulti(e)) e = e + ",";
        List<String> ex = new ArrayList<>();
        String x = value(exclude);
        if (x != null) for (String p : x.split(",")) if (!p.isBlank()) ex.add(p.trim());
        return new MultiElementInput.Choice(e, value(dt), value(icr), value(ocr), ex, outliers.getSelection());
    }

    /** Shows the elements summed and those left out (null: no sum made). */
    public void show(MultiElementInput.Summed s) {
        if (s == null) {
            result.setText(active() ? "not summed: the multi-element sum is the fluorescence (If/I0) mode's" : "");
        } else {
            StringBuilder sb = new StringBuilder("summed " + s.used().size() + ": " + String.join(", ", s.used()));
            if (s.excluded().isEmpty()) sb.append("; none excluded");
            for (Map.Entry<String, String> x : s.excluded().entrySet()) sb.append("; excluded ").append(x.getKey()).append(" (").append(x.getValue()).append(")");
            result.setText(sb.toString());
        }
        getParent().layout(true, true);
    }

    /** The summary line shown (elements summed, exclusions with their reasons). */
    public String summary() { return result.getText(); }

    /** Sets the fields as the user would type them (tests): elements, dt, icr, ocr, exclude; outliers on/off. */
    public void set(String elementsSpec, String dtSpec, String icrSpec, String ocrSpec, String excludeList, boolean auto) {
        elements.setText(elementsSpec == null ? "" : elementsSpec);
        dt.setText(dtSpec == null ? "" : dtSpec);
        icr.setText(icrSpec == null ? "" : icrSpec);
        ocr.setText(ocrSpec == null ? "" : ocrSpec);
        exclude.setText(excludeList == null ? "" : excludeList);
        outliers.setSelection(auto);
        outliers.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
    }
}
