package org.edgeworks.xas;

import java.util.Locale;

/** Enums of this bundle read and write as their lower-case, hyphenated labels (as on the command line). */
interface XasEnum {
    String label();

    static <E extends Enum<E> & XasEnum> E parse(Class<E> type, String text, String parameter) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        // labels may contain '_' (r_factor) or '-' (a hyphenated label): both spellings of either are accepted
        for (E e : type.getEnumConstants()) if (e.label().replace('_', '-').equals(t)) return e;
        StringBuilder known = new StringBuilder();
        for (E e : type.getEnumConstants()) known.append(known.length() == 0 ? "" : "|").append(e.label());
        throw new IllegalArgumentException(parameter + ": '" + text + "' is not one of " + known);
    }
}
