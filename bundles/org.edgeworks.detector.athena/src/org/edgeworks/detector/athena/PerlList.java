package org.edgeworks.detector.athena;

import java.util.ArrayList;
import java.util.List;

/**
 * The inside of a Perl list literal as Athena's project files write it ({@code ('key', 1,
 * 'titles', [], ...)}): single- and double-quoted strings (backslash escapes, Demeter's
 * {@code \x{hh}}), bare words and numbers, nested {@code [...]} lists (returned as
 * {@code List<Object>}), {@code ,} and {@code =>} as separators. Data only: nothing is evaluated
 * (a project file is never run as Perl). Hand-written because no Java library parses Perl data
 * literals; the grammar is the subset Athena/Demeter write (Data::Dumper style, one line each).
 */
final class PerlList {
    private final String s;
    private int pos;

    private PerlList(String s) { this.s = s; }

    /** The elements of {@code ( ... )} given without the parentheses. */
    static List<Object> parse(String body) {
        PerlList p = new PerlList(body);
        List<Object> out = p.list(false);
        return out;
    }

    private List<Object> list(boolean nested) {
        List<Object> cur = new ArrayList<>();
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (Character.isWhitespace(c) || c == ',') { pos++; continue; }
            if (c == '=' && pos + 1 < s.length() && s.charAt(pos + 1) == '>') { pos += 2; continue; }
            if (c == '[' || c == '{' || c == '(') { pos++; cur.add(list(true)); continue; }
            if (c == ']' || c == '}' || c == ')') {
                pos++;
                if (nested) return cur;
                continue; // a stray closer at top level: skip it, as the peer parser does
            }
            if (c == '\'' || c == '"') { cur.add(quoted(c)); continue; }
            int start = pos;
            while (pos < s.length() && ",[]{}()'\"= \t\r\n".indexOf(s.charAt(pos)) < 0) pos++;
            if (pos == start) { pos++; continue; } // a lone '=' not followed by '>'
            cur.add(s.substring(start, pos));
        }
        return cur;
    }

    private String quoted(char q) {
        pos++;
        StringBuilder sb = new StringBuilder();
        while (pos < s.length()) {
            char c = s.charAt(pos++);
            if (c == q) return sb.toString();
            if (c == '\\' && pos < s.length()) {
                char n = s.charAt(pos++);
                if (n == 'x' && pos < s.length() && s.charAt(pos) == '{') {
                    int end = s.indexOf('}', pos);
                    if (end > 0) {
                        try {
                            sb.appendCodePoint(Integer.parseInt(s.substring(pos + 1, end), 16));
                            pos = end + 1;
                            continue;
                        } catch (NumberFormatException e) {
                            // not a \x{hh} escape: keep the text as it is
                        }
                    }
                }
                sb.append(n);
            } else sb.append(c);
        }
        return sb.toString(); // unterminated: what there is (the caller checks array lengths)
    }

    /** A Perl string for writing: single-quoted with ' and \ escaped. */
    static String quote(String v) {
        return "'" + v.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
