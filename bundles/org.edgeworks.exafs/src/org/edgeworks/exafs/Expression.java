package org.edgeworks.exafs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * A constraint expression between fit parameters, as in Larch/Artemis path parameters
 * ("amp", "0.8*amp", "sig2_1 + 0.001", "reff*alpha", "sqrt(ss)"): numbers, names, + - * / ^,
 * parentheses and sqrt, exp, log, sin, cos, abs. Written by hand because the set is small and
 * Larch's asteval has no Java counterpart worth a dependency. Names are resolved once to indices
 * (the caller's symbol table); evaluation takes the values array.
 */
public final class Expression {
    private interface Node { double eval(double[] v); }

    private final String text;
    private final Node root;
    private final List<String> names;

    private Expression(String text, Node root, List<String> names) {
        this.text = text;
        this.root = root;
        this.names = names;
    }

    public String text() { return text; }

    /** The names the expression uses. */
    public List<String> names() { return names; }

    public double eval(double[] values) { return root.eval(values); }

    /**
     * Parses {@code text}; {@code symbol} gives a name's index in the values array or -1 if unknown.
     *
     * @throws IllegalArgumentException with a one-line message on a syntax error or unknown name
     */
    public static Expression parse(String text, ToIntFunction<String> symbol) {
        Parser p = new Parser(text, symbol);
        Node n = p.sum();
        p.skip();
        if (p.pos != text.length()) throw new IllegalArgumentException("'" + text + "': unexpected '" + text.substring(p.pos) + "'");
        return new Expression(text, n, List.copyOf(p.names));
    }

    private static final class Parser {
        final String s;
        final ToIntFunction<String> symbol;
        final List<String> names = new ArrayList<>();
        int pos;

        Parser(String s, ToIntFunction<String> symbol) { this.s = s; this.symbol = symbol; }

        void skip() { while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++; }

        boolean eat(char c) {
            skip();
            if (pos < s.length() && s.charAt(pos) == c) { pos++; return true; }
            return false;
        }

        Node sum() {
            Node a = product();
            while (true) {
                if (eat('+')) { Node l = a, r = product(); a = v -> l.eval(v) + r.eval(v); }
                else if (eat('-')) { Node l = a, r = product(); a = v -> l.eval(v) - r.eval(v); }
                else return a;
            }
        }

        Node product() {
            Node a = power();
            while (true) {
                if (eat('*')) { Node l = a, r = power(); a = v -> l.eval(v) * r.eval(v); }
                else if (eat('/')) { Node l = a, r = power(); a = v -> l.eval(v) / r.eval(v); }
                else return a;
            }
        }

        Node power() {
            Node a = unary();
            if (eat('^') || (pos + 1 < s.length() && s.startsWith("**", pos) && (pos += 2) > 0)) {
                Node l = a, r = power();
                return v -> Math.pow(l.eval(v), r.eval(v));
            }
            return a;
        }

        Node unary() {
            if (eat('-')) { Node a = unary(); return v -> -a.eval(v); }
            if (eat('+')) return unary();
            return atom();
        }

        Node atom() {
            skip();
            if (eat('(')) {
                Node a = sum();
                if (!eat(')')) throw new IllegalArgumentException("'" + s + "': missing ')'");
                return a;
            }
            int start = pos;
            if (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
                while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) pos++;
                if (pos < s.length() && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
                    pos++;
                    if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) pos++;
                    while (pos < s.length() && Character.isDigit(s.charAt(pos))) pos++;
                }
                double c;
                try {
                    c = Double.parseDouble(s.substring(start, pos));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + s + "': bad number '" + s.substring(start, pos) + "'");
                }
                return v -> c;
            }
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) pos++;
            if (start == pos) throw new IllegalArgumentException("'" + s + "': expected a number, name or '(' at position " + (pos + 1));
            String name = s.substring(start, pos);
            if (eat('(')) {
                Node a = sum();
                if (!eat(')')) throw new IllegalArgumentException("'" + s + "': missing ')' after " + name);
                return switch (name.toLowerCase(Locale.ROOT)) {
                    case "sqrt" -> v -> Math.sqrt(a.eval(v));
                    case "exp" -> v -> Math.exp(a.eval(v));
                    case "log" -> v -> Math.log(a.eval(v));
                    case "sin" -> v -> Math.sin(a.eval(v));
                    case "cos" -> v -> Math.cos(a.eval(v));
                    case "abs" -> v -> Math.abs(a.eval(v));
                    default -> throw new IllegalArgumentException("'" + s + "': unknown function " + name);
                };
            }
            int idx = symbol.applyAsInt(name);
            if (idx < 0) throw new IllegalArgumentException("'" + s + "': unknown name '" + name + "'");
            if (!names.contains(name)) names.add(name);
            return v -> v[idx];
        }
    }
}
