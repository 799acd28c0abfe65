package org.edgeworks.core.data;

import java.util.Locale;

/** Units an axis can carry. Energies are eV inside Edgeworks; keV is converted on load. */
public enum Unit {
    EV("eV"), KEV("keV"), PIXEL("pixel"), SECOND("s"), COUNTS("counts"), AMPERE("A"), NONE("");

    private final String symbol;

    Unit(String symbol) { this.symbol = symbol; }

    public String symbol() { return symbol; }

    /** Reads a NeXus/XDI units string; unknown strings are {@link #NONE}. */
    public static Unit parse(String text) {
        if (text == null) return NONE;
        String t = text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "ev", "electronvolt", "electron_volt" -> EV;
            case "kev", "kiloelectronvolt" -> KEV;
            case "pixel", "pixels", "px" -> PIXEL;
            case "s", "sec", "second", "seconds" -> SECOND;
            case "counts", "cts" -> COUNTS;
            case "a", "amp", "ampere" -> AMPERE;
            default -> NONE;
        };
    }

    public boolean isEnergy() { return this == EV || this == KEV; }
}
