package org.edgeworks.ui.widgets;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.processing.Param;
import org.edgeworks.core.processing.Parameters;
import org.edgeworks.core.processing.Processor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A form generated from a parameter record: one row per component with the {@link Param} label, unit and
 * description (tooltip); check boxes for booleans, drop-downs for enums, text for numbers, strings and lists.
 * Each edit is validated (type, @Param min/max, and the record's own JSON reading, the path the CLI takes);
 * an invalid field turns red and the message names the field.
 */
public final class ParameterForm extends Composite {
    private final Class<? extends Record> type;
    private final Record defaults;
    private final Map<String, Control> fields = new LinkedHashMap<>();
    private final Map<String, RecordComponent> components = new LinkedHashMap<>();
    private final Label message;
    private final List<Runnable> listeners = new ArrayList<>();
    private String error;

    public ParameterForm(Composite parent, Class<? extends Record> type, Record defaults, Record initial) {
        super(parent, SWT.NONE);
        this.type = type;
        this.defaults = defaults;
        setLayout(new GridLayout(3, false));
        JsonNode values = Parameters.json().valueToTree(initial == null ? defaults : initial);
        for (RecordComponent rc : type.getRecordComponents()) {
            Param p = rc.getAnnotation(Param.class);
            Label label = new Label(this, SWT.NONE);
            label.setText(p == null ? rc.getName() : p.label());
            Control field = field(rc, values.get(rc.getName()));
            field.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            String tip = rc.getName() + (p == null || p.description().isEmpty() ? "" : ": " + p.description());
            field.setToolTipText(tip);
            label.setToolTipText(tip);
            new Label(this, SWT.NONE).setText(p == null ? "" : p.unit());
            fields.put(rc.getName(), field);
            components.put(rc.getName(), rc);
        }
        message = new Label(this, SWT.WRAP);
        message.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1));
        message.setForeground(getDisplay().getSystemColor(SWT.COLOR_RED));
        validate();
    }

    /**
     * The form of the registered processor {@code processorId}, with its defaults or the values of {@code initial}
     * (a form's {@link #json()}, e.g. kept while another operation was shown; values that no longer read are
     * dropped for the defaults), laid out at the parent's full width. A processor that is not registered is a
     * packaging fault (its bundle's plugin.xml), not a user's error.
     */
    public static ParameterForm of(Composite parent, String processorId, JsonNode initial) {
        Processor<?, ?, ?> p;
        try {
            p = Processors.registry().get(processorId);
        } catch (EdgeworksException e) {
            throw new IllegalStateException("the processor " + processorId + " is not registered: " + e.getMessage(), e);
        }
        Record start = null;
        if (initial != null) {
            try {
                start = parametersOf(p, initial);
            } catch (EdgeworksException e) {
                start = null;
            }
        }
        ParameterForm f = new ParameterForm(parent, p.parameterType(), p.defaults(), start);
        f.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        return f;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Record parametersOf(Processor p, JsonNode json) throws EdgeworksException {
        return Parameters.fromJson(json, p.parameterType(), (Record) p.defaults(), p.label());
    }

    /** The record the form describes, or a refusal in one line naming {@code what} and the first invalid field. */
    public Record valid(String what) throws EdgeworksException {
        if (error != null) throw EdgeworksException.of(what, error);
        return value();
    }

    /** Hides a component's row (label, field, unit); its value stays what it is (the default). */
    public void hide(String component) {
        Control field = fields.get(component);
        Control[] children = getChildren();
        for (int i = 0; i < children.length; i++)
            if (children[i] == field) for (int j = i - 1; j <= i + 1; j++) {
                GridData gd = new GridData();
                gd.exclude = true;
                children[j].setLayoutData(gd);
                children[j].setVisible(false);
            }
    }

    private Control field(RecordComponent rc, JsonNode value) {
        Class<?> t = rc.getType();
        if (t == boolean.class || t == Boolean.class) {
            Button b = new Button(this, SWT.CHECK);
            b.setSelection(value != null && value.asBoolean());
            b.addListener(SWT.Selection, e -> changed());
            return b;
        }
        if (t.isEnum()) {
            Combo c = new Combo(this, SWT.READ_ONLY);
            c.add(""); // empty = null: the processor chooses (documented in the record)
            for (Object constant : t.getEnumConstants()) c.add(Parameters.json().valueToTree(constant).asText());
            c.setText(value == null || value.isNull() ? "" : value.asText());
            c.addListener(SWT.Selection, e -> changed());
            return c;
        }
        Text text = new Text(this, SWT.BORDER);
        text.setText(render(value));
        text.addListener(SWT.Modify, e -> changed());
        return text;
    }

    private static String render(JsonNode value) {
        if (value == null || value.isNull()) return "";
        if (value.isArray()) {
            List<String> parts = new ArrayList<>();
            value.forEach(v -> parts.add(v.asText()));
            return String.join(", ", parts);
        }
        return value.asText();
    }

    public void onChange(Runnable r) { listeners.add(r); }

    private void changed() {
        validate();
        listeners.forEach(Runnable::run);
    }

    /** The first problem of the form (naming the field), or null when every field is valid. */
    public String error() { return error; }

    /** Sets a field's text as a user would type it (tests and programmatic edits). */
    public void setText(String component, String value) {
        Control c = fields.get(component);
        if (c instanceof Text t) t.setText(value);
        else if (c instanceof Combo combo) { combo.setText(value); changed(); }
        else if (c instanceof Button b) { b.setSelection(Boolean.parseBoolean(value)); changed(); }
    }

    public Control field(String component) { return fields.get(component); }

    /** The parameter record type the form edits. */
    public Class<? extends Record> type() { return type; }

    /** Fills the fields from a JSON object as {@link #json()} writes it (a saved session); absent names are left as they are. */
    public void setJson(JsonNode values) {
        if (values == null || !values.isObject()) return;
        for (var f : fields.entrySet()) {
            if (!values.has(f.getKey())) continue;
            JsonNode v = values.get(f.getKey());
            Control c = f.getValue();
            if (c instanceof Button b) b.setSelection(v.asBoolean());
            else if (c instanceof Combo combo) combo.setText(v.isNull() ? "" : v.asText());
            else if (c instanceof Text t) t.setText(render(v));
        }
        changed();
    }

    private boolean validate() {
        error = null;
        for (var f : fields.entrySet()) {
            Control c = f.getValue();
            String problem = check(components.get(f.getKey()), c);
            if (c instanceof Text) c.setBackground(problem == null ? null : getDisplay().getSystemColor(SWT.COLOR_YELLOW));
            if (problem != null && error == null) error = f.getKey() + ": " + problem;
        }
        if (error == null) {
            try {
                value();
            } catch (EdgeworksException e) {
                error = e.getMessage();
            }
        }
        message.setText(error == null ? "" : error);
        layout(true);
        return error == null;
    }

    private static String check(RecordComponent rc, Control c) {
        if (!(c instanceof Text t)) return null;
        String s = t.getText().trim();
        Class<?> type = rc.getType();
        boolean number = type == double.class || type == Double.class || type == int.class || type == Integer.class
                || type == long.class || type == Long.class;
        if (s.isEmpty()) return type.isPrimitive() ? "a value is required" : null;
        if (!number) return null;
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return "'" + s + "' is not a number";
        }
        if (!Double.isFinite(v)) return "must be finite";
        boolean integer = type == int.class || type == Integer.class || type == long.class || type == Long.class;
        if (integer && v != Math.rint(v)) return "'" + s + "' is not a whole number";
        Param p = rc.getAnnotation(Param.class);
        if (p != null && v < p.min()) return String.format(Locale.ROOT, "%s is below the minimum %s", s, p.min());
        if (p != null && v > p.max()) return String.format(Locale.ROOT, "%s is above the maximum %s", s, p.max());
        return null;
    }

    /** The record the form describes (the same JSON reading the CLI and pipeline files use). */
    public Record value() throws EdgeworksException {
        return Parameters.fromJson(json(), castType(), castDefaults(), type.getSimpleName());
    }

    /** The form as a JSON object (component name -> value; empty optional fields are null = automatic). */
    public ObjectNode json() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (var f : fields.entrySet()) {
            RecordComponent rc = components.get(f.getKey());
            Control c = f.getValue();
            String name = f.getKey();
            if (c instanceof Button b) node.put(name, b.getSelection());
            else if (c instanceof Combo combo) {
                if (combo.getText().isEmpty()) node.putNull(name);
                else node.put(name, combo.getText());
            } else {
                String s = ((Text) c).getText().trim();
                Class<?> t = rc.getType();
                if (s.isEmpty()) node.putNull(name);
                else if (List.class.isAssignableFrom(t) || t.isArray()) {
                    ArrayNode a = node.putArray(name);
                    for (String part : s.split("[,;\\s]+")) {
                        try {
                            a.add(Double.parseDouble(part));
                        } catch (NumberFormatException e) {
                            a.add(part);
                        }
                    }
                } else if (t == String.class) node.put(name, s);
                else {
                    try {
                        double v = Double.parseDouble(s);
                        if (t == int.class || t == Integer.class || t == long.class || t == Long.class) node.put(name, (long) v);
                        else node.put(name, v);
                    } catch (NumberFormatException e) {
                        node.put(name, s);
                    }
                }
            }
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private <P extends Record> Class<P> castType() { return (Class<P>) type; }

    @SuppressWarnings("unchecked")
    private <P extends Record> P castDefaults() { return (P) defaults; }
}
