package org.edgeworks.ui.widgets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Channel;
import org.edgeworks.core.data.ChannelRole;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.pipeline.xas.XasInput;

/**
 * Import of a raw scan (no workbench dependency): the user says which channels are energy, I0, It, If
 * (several ticked are summed), the reference and the SDD count rates, and how mu is made (recorded mu,
 * transmission ln(I0/It), fluorescence If/I0, yield I/I0); the plot shows the resulting mu live. The
 * resolution is {@link XasInput#load}, the very code the command line's {@code --energy --i0 --it --if
 * --mode} options go through, so the workbench and {@code xas ...} make the same mu from the same choice.
 * Choices are remembered per file layout (the list of channel names) for the session.
 */
public final class ImportPanel extends Composite {
    /** How mu is made; the labels are XasInput's mode names ("mu" = a recorded mu column). */
    public enum Mode {
        MU("recorded mu"), TRANSMISSION("transmission ln(I0/It)"), FLUORESCENCE("fluorescence If/I0"), YIELD("yield I/I0");

        final String label;

        Mode(String label) { this.label = label; }
    }

    /** A field left to the detector bundle's channel role, as the command line does without the option. */
    static final String NONE = "(by role)";
    /** Choices per file layout (channel names joined), for the session. */
    private static final Map<String, XasInput.Selection> REMEMBERED = new LinkedHashMap<>();

    private final Scan scan;
    private final Path file;
    private final Combo energy, i0, it, mu, reference, icr, ocr;
    private final org.eclipse.swt.widgets.List fluorescence;
    private final MultiElementChoice multi;
    private final Map<Mode, Button> modes = new LinkedHashMap<>();
    private final SpectrumChart chart;
    private final Label status;
    private final List<Consumer<XasInput.Loaded>> importListeners = new ArrayList<>();
    private XasInput.Loaded current;
    private Spectrum referenceMu;

    public ImportPanel(Composite parent, int style, Scan scan, Path file) {
        super(parent, style);
        this.scan = scan;
        this.file = file;
        setLayout(new GridLayout(2, false));
        Composite form = new Composite(this, SWT.NONE);
        form.setLayoutData(new GridData(SWT.FILL, SWT.FILL, false, true));
        form.setLayout(new GridLayout(2, false));
        List<String> names = new ArrayList<>(scan.channels().keySet());
        new Label(form, SWT.NONE).setText(file.getFileName().toString());
        new Label(form, SWT.NONE).setText(names.size() + " channels");
        energy = combo(form, "Energy", names, false);
        Group modeGroup = new Group(form, SWT.NONE);
        modeGroup.setText("mu from");
        modeGroup.setLayout(new RowLayout(SWT.VERTICAL));
        modeGroup.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        for (Mode m : Mode.values()) {
            Button b = new Button(modeGroup, SWT.RADIO);
            b.setText(m.label);
            b.addListener(SWT.Selection, e -> { if (b.getSelection()) resolve(); });
            modes.put(m, b);
        }
        mu = combo(form, "mu column", names, true);
        i0 = combo(form, "I0", names, true);
        it = combo(form, "It", names, true);
        new Label(form, SWT.NONE).setText("If (ticked are summed)");
        fluorescence = new org.eclipse.swt.widgets.List(form, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL);
        fluorescence.setItems(names.toArray(String[]::new));
        GridData fd = new GridData(SWT.FILL, SWT.TOP, true, false);
        fd.heightHint = 90;
        fluorescence.setLayoutData(fd);
        fluorescence.addListener(SWT.Selection, e -> resolve());
        icr = combo(form, "SDD ICR", names, true);
        ocr = combo(form, "SDD OCR", names, true);
        multi = new MultiElementChoice(form, fluorescence::getSelection, this::resolve);
        multi.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        reference = combo(form, "Reference (It -> Iref)", names, true);
        Composite bar = new Composite(form, SWT.NONE);
        bar.setLayout(new RowLayout(SWT.HORIZONTAL));
        bar.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        Buttons.push(bar, "Import", this::importNow);
        chart = new SpectrumChart(this, SWT.NONE);
        chart.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        status = new Label(this, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.BOTTOM, true, false, 2, 1));
        applyDefaults(names);
        resolve();
    }

    private static Combo combo(Composite form, String label, List<String> names, boolean optional) {
        new Label(form, SWT.NONE).setText(label);
        Combo c = new Combo(form, SWT.READ_ONLY);
        if (optional) c.add(NONE);
        for (String n : names) c.add(n);
        c.select(0);
        c.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return c;
    }

    /** The file layout's remembered choice, else the detector bundle's channel roles. */
    private void applyDefaults(List<String> names) {
        XasInput.Selection remembered = REMEMBERED.get(String.join("|", names));
        if (remembered != null) {
            setSelection(remembered);
            return;
        }
        select(energy, scan.first(ChannelRole.ENERGY).map(Channel::name).orElse(names.get(0)));
        scan.first(ChannelRole.MU).ifPresent(c -> select(mu, c.name()));
        scan.first(ChannelRole.I0).ifPresent(c -> select(i0, c.name()));
        scan.first(ChannelRole.IT).ifPresent(c -> select(it, c.name()));
        scan.first(ChannelRole.IREF).ifPresent(c -> select(reference, c.name()));
        scan.first(ChannelRole.ICR).ifPresent(c -> select(icr, c.name()));
        scan.first(ChannelRole.OCR).ifPresent(c -> select(ocr, c.name()));
        scan.first(ChannelRole.IF).or(() -> scan.first(ChannelRole.PFY)).or(() -> scan.first(ChannelRole.TEY))
                .ifPresent(c -> fluorescence.select(fluorescence.indexOf(c.name())));
        Mode m = scan.first(ChannelRole.MU).isPresent() ? Mode.MU
                : scan.first(ChannelRole.IT).isPresent() ? Mode.TRANSMISSION
                : scan.first(ChannelRole.TEY).isPresent() && scan.first(ChannelRole.IF).isEmpty() ? Mode.YIELD : Mode.FLUORESCENCE;
        setMode(m);
    }

    private static void select(Combo c, String name) {
        int i = c.indexOf(name);
        if (i >= 0) c.select(i);
    }

    private static String value(Combo c) {
        String v = c.getText();
        return v.isEmpty() || v.equals(NONE) ? null : v;
    }

    public void setMode(Mode m) {
        modes.forEach((k, b) -> b.setSelection(k == m));
        resolve();
    }

    public Mode mode() {
        for (var e : modes.entrySet()) if (e.getValue().getSelection()) return e.getKey();
        return Mode.MU;
    }

    /** Sets a channel field as the user would pick it: "energy", "i0", "it", "mu", "reference", "icr", "ocr". */
    public void choose(String field, String channel) {
        Combo c = switch (field) {
            case "energy" -> energy;
            case "i0" -> i0;
            case "it" -> it;
            case "mu" -> mu;
            case "reference" -> reference;
            case "icr" -> icr;
            case "ocr" -> ocr;
            default -> throw new IllegalArgumentException(field);
        };
        select(c, channel == null ? NONE : channel);
        resolve();
    }

    /** Ticks the fluorescence channels to sum (the user's multi-selection). */
    public void chooseFluorescence(List<String> channels) {
        fluorescence.deselectAll();
        for (String ch : channels) fluorescence.select(fluorescence.indexOf(ch));
        resolve();
    }

    /** The choice as the command line would spell it (XasInput's selection; "a+b" sums columns). */
    public XasInput.Selection selection() {
        Mode m = mode();
        String ifl = fluorescence.getSelectionCount() == 0 ? null : String.join("+", fluorescence.getSelection());
        String e = value(energy);
        return switch (m) {
            case MU -> new XasInput.Selection(e, value(mu), null, null, null, null, null, null);
            case TRANSMISSION -> new XasInput.Selection(e, null, "transmission", value(i0), value(it), null, null, null);
            case FLUORESCENCE -> new XasInput.Selection(e, null, "fluorescence", value(i0), null, ifl, value(icr), value(ocr));
            case YIELD -> new XasInput.Selection(e, null, "yield", value(i0), null, ifl, null, null);
        };
    }

    /** Shows a remembered or given selection in the widgets. */
    public void setSelection(XasInput.Selection s) {
        if (s.energy() != null) select(energy, s.energy());
        if (s.mu() != null) select(mu, s.mu());
        if (s.i0() != null) select(i0, s.i0());
        if (s.it() != null) select(it, s.it());
        if (s.icr() != null) select(icr, s.icr());
        if (s.ocr() != null) select(ocr, s.ocr());
        fluorescence.deselectAll();
        if (s.ifl() != null) for (String ch : s.ifl().split("\\+")) fluorescence.select(fluorescence.indexOf(ch.trim()));
        Mode m = s.mode() == null ? Mode.MU : Mode.valueOf(s.mode().toUpperCase(java.util.Locale.ROOT));
        modes.forEach((k, b) -> b.setSelection(k == m));
    }

    /** Re-resolves mu from the current choice (the command line's code) and redraws it. */
    private void resolve() {
        current = null;
        referenceMu = null;
        try {
            // fluorescence from a multi-element detector: the command line's --if LIST|GLOB --dt ... road
            XasInput.WithElements w = XasInput.load(scan, file, null, selection(), mode() == Mode.FLUORESCENCE ? multi.choice() : null);
            multi.show(w.summed());
            current = w.loaded();
            List<Spectrum> curves = new ArrayList<>(List.of(current.spectrum()));
            String ref = value(reference), trans = value(it);
            String refProblem = "";
            if (ref != null && trans != null) {
                // the reference foil's mu = ln(It/Iref): the same transmission rule with It as the incident flux
                try {
                    referenceMu = XasInput.load(scan, file, current.spectrum().name() + " reference", new XasInput.Selection(
                            value(energy), null, "transmission", trans, ref, null, null, null)).spectrum();
                    curves.add(referenceMu);
                } catch (EdgeworksException e) { // a reference that cannot be made does not hide the sample's mu
                    refProblem = "   (no reference drawn: " + e.getMessage() + ")";
                }
            }
            chart.setSpectra(curves);
            status.setText("mu = " + String.join("; ", current.notes()) + "   (" + current.source().pathInFile() + ")" + refProblem);
        } catch (EdgeworksException e) {
            chart.setSpectra(List.of());
            status.setText(e.getMessage());
        }
        layout(true, true);
    }

    /** The spectrum the current choice makes, or null when the choice is incomplete (the status line says why). */
    public XasInput.Loaded current() { return current; }

    /** The reference channel's mu ln(It/Iref), or null without a reference. */
    public Spectrum referenceMu() { return referenceMu; }

    public SpectrumChart chart() { return chart; }

    /** The multi-element fields (elements, dead time, exclusions, outlier test, what was summed). */
    public MultiElementChoice multiElement() { return multi; }

    public String status() { return status.getText(); }

    public void onImport(Consumer<XasInput.Loaded> l) { importListeners.add(l); }

    /** Remembers the choice for this file layout and hands the spectrum on (the viewer, the LCF list...). */
    public void importNow() {
        if (current == null) {
            ErrorDialogs.show(getShell(), "Import", status.getText());
            return;
        }
        String layout = String.join("|", scan.channels().keySet());
        // a multi-element sum is not a plain If choice: replaying it as one would silently give another mu
        if (multi.active()) REMEMBERED.remove(layout);
        else REMEMBERED.put(layout, selection());
        importListeners.forEach(l -> l.accept(current));
    }

    /** Every remembered choice, keyed by layout (channel names joined with '|'), for a session file. */
    public static Map<String, XasInput.Selection> rememberedChoices() { return new LinkedHashMap<>(REMEMBERED); }

    /** Replaces the remembered choices (a session being opened). */
    public static void restoreChoices(Map<String, XasInput.Selection> choices) {
        REMEMBERED.clear();
        REMEMBERED.putAll(choices);
    }

    /** The remembered choice for a file layout (channel names), or null. */
    public static XasInput.Selection remembered(Scan scan) {
        return REMEMBERED.get(String.join("|", scan.channels().keySet()));
    }
}
