package org.edgeworks.xas;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Enums of this bundle read and write as their lower-case, hyphenated labels (as on the command
 * line): by default the constant's name so spelt ({@code HALF_STEP} is {@code half-step}), written
 * by Jackson through {@link #label()} (its {@code @JsonValue} is inherited by the enums) and read by
 * each enum's {@code @JsonCreator parse}, which calls {@link #parse}. An enum whose label is spelt
 * otherwise ({@code r_factor}, {@code line+arctan}) overrides {@link #label()}. Public so that
 * {@code label()} can be called on the enums from other bundles.
 */
public interface XasEnum {
    /** The enum constant's name (Enum.name()). */
    String name();

    @JsonValue
    default String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static <E extends Enum<E> & XasEnum> E parse(Class<E> type, String text, String parameter) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        // labels may contain '_' (r_factor) or '-' (a hyphenated label): both spellings of either are accepted
        for (E e : type.getEnumConstants()) if (e.label().replace('_', '-').equals(t)) return e;
        StringBuilder known = new StringBuilder();
        for (E e : type.getEnumConstants()) known.append(known.length() == 0 ? "" : "|").append(e.label());
        throw new IllegalArgumentException(parameter + ": '" + text + "' is not one of " + known);
    }
}
