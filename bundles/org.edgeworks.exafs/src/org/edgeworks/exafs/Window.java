package org.edgeworks.exafs;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Fourier-transform windows with Larch's names (larch.xafs.ftwindow, 0.9.58): the taper of width
 * dx at each end of [xmin, xmax]. As in Larch, a name is recognised by its first three letters
 * ("han", "kai", "sin", "wel", "gau", "par").
 */
public enum Window {
    /** cosine-squared taper */
    HANNING("hanning"),
    /** Kaiser-Bessel: (I0(dx sqrt(1 - ((x - c)/w)^2)) - 1) / (I0(dx) - 1) over [xmin - dx/2, xmax + dx/2] */
    KAISER("kaiser"),
    /** sine over the whole window */
    SINE("sine"),
    /** quadratic taper */
    WELCH("welch"),
    /** Gaussian of width dx centred in the window */
    GAUSSIAN("gaussian"),
    /** linear taper */
    PARZEN("parzen");

    private final String label;

    Window(String label) { this.label = label; }

    @JsonValue public String label() { return label; }

    @JsonCreator
    public static Window parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.length() >= 3) {
            String head = t.substring(0, 3);
            for (Window w : values()) if (w.label.startsWith(head)) return w;
            if (head.equals("bes")) return KAISER;
        }
        throw new IllegalArgumentException("window: '" + text + "' is not one of hanning|kaiser|sine|welch|gaussian|parzen");
    }
}
