package org.edgeworks.cli;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How results are shown on the terminal; the files keep every digit. A value with its standard
 * error is printed as {@code value +- sigma} with sigma rounded to two significant digits and the
 * value to the same decimal place (the convention of the GUM, JCGM 100:2008 section 7.2.6; the
 * Particle Data Group rounds likewise); a value without sigma with 6 significant digits; long
 * decimals inside messages likewise. Tables are aligned to their widest cell. Written by hand:
 * java.text formats fixed patterns, not digits chosen by another number.
 */
public final class Terminal {
    private Terminal() {}

    /** Exponents beyond which numbers are shown as (m +- s)eN rather than as long decimals. */
    private static final int SMALL = -6, LARGE = 9;

    /**
     * {@code value +- sigma}, sigma to 2 significant digits, the value to the same decimal place
     * ("0.845 +- 0.034", "6539.0 +- 1.2", "(1.23 +- 0.45)e-9"); without a finite positive sigma the
     * value with 6 significant digits ("+- 0" for a sigma of exactly zero); blank for a value that is
     * not finite.
     */
    public static String pm(double value, double sigma) {
        if (!Double.isFinite(value)) return "";
        if (sigma == 0) return sig(value, 6) + " +- 0";
        if (!(sigma > 0) || !Double.isFinite(sigma)) return sig(value, 6);
        int exponent = (int) Math.floor(Math.log10(Math.max(Math.abs(value), sigma)));
        int sigmaExponent = (int) Math.floor(Math.log10(sigma));
        if (exponent - sigmaExponent > 12) return sig(value, 12) + " +- " + sig(sigma, 2); // a sigma far below the value's digits
        if (sigmaExponent < SMALL || exponent >= LARGE) {
            double scale = Math.pow(10, exponent);
            return "(" + rounded(value / scale, sigma / scale) + ")e" + exponent;
        }
        return rounded(value, sigma);
    }

    /** value +- sigma, sigma to 2 significant digits and the value to its place, as plain decimals. */
    private static String rounded(double value, double sigma) {
        BigDecimal s = new BigDecimal(sigma).round(new MathContext(2, RoundingMode.HALF_UP));
        BigDecimal v = new BigDecimal(value).setScale(s.scale(), RoundingMode.HALF_UP);
        return plain(v) + " +- " + plain(s);
    }

    /** {@code value} with {@code digits} significant digits, trailing zeros dropped ("1.2982", "6539", "1.46e-05"). */
    public static String sig(double value, int digits) {
        if (!Double.isFinite(value)) return "";
        if (value == 0) return "0";
        BigDecimal v = new BigDecimal(value).round(new MathContext(digits, RoundingMode.HALF_UP)).stripTrailingZeros();
        int exponent = v.precision() - v.scale() - 1;
        if (exponent < -4 || exponent >= LARGE) return String.format(java.util.Locale.ROOT, "%." + (v.precision() - 1) + "e", v.doubleValue());
        return plain(v);
    }

    private static String plain(BigDecimal v) {
        String s = v.toPlainString();
        return s.equals("-0") || s.matches("-0\\.0*") ? s.substring(1) : s;
    }

    /** A decimal written with more digits than a reader can use: 7 or more after the point. */
    private static final Pattern LONG_DECIMAL = Pattern.compile("(?<![\\w.])-?\\d+\\.\\d{7,}(?:[eE][-+]?\\d+)?(?![\\w.])");

    /** A message with its long decimals at 6 significant digits ("edge_step >= 0.12265640293207825" -> "edge_step >= 0.122656"). */
    public static String tidy(String message) {
        Matcher m = LONG_DECIMAL.matcher(message);
        return m.replaceAll(r -> Matcher.quoteReplacement(sig(Double.parseDouble(r.group()), 6)));
    }

    /**
     * One line of results from a JSON-like row (as a command writes it): {@code title: key value,
     * ...}. A number is paired with its sibling {@code KEY_stderr} or {@code KEY_err}, a map of
     * numbers (e.g. LCF "weights") with the sibling map {@code KEY_stderr} or "stderr", and shown
     * with {@link #pm}; other numbers with {@link #sig}; texts, nulls and the sigma keys themselves
     * are left out (they are in the files). Whatever keys the row holds are shown this way.
     */
    public static String summary(String title, Map<String, ?> row) {
        List<String> parts = new ArrayList<>();
        for (var e : row.entrySet()) {
            String k = e.getKey();
            Object v = e.getValue();
            if (isSigmaKey(k, row)) continue;
            Object s = sigmaOf(k, row);
            if (v instanceof Number n) {
                parts.add(k + " " + (s instanceof Number sn ? pm(n.doubleValue(), sn.doubleValue()) : sig(n.doubleValue(), 6)));
            } else if (v instanceof Map<?, ?> m && !m.isEmpty() && m.values().stream().allMatch(x -> x == null || x instanceof Number)) {
                List<String> inner = new ArrayList<>();
                for (var x : m.entrySet()) {
                    if (x.getValue() == null) continue;
                    Object xs = s instanceof Map<?, ?> sm ? sm.get(x.getKey()) : null;
                    double d = ((Number) x.getValue()).doubleValue();
                    inner.add(x.getKey() + " " + (xs instanceof Number xn ? pm(d, xn.doubleValue()) : sig(d, 6)));
                }
                if (!inner.isEmpty()) parts.add(String.join(", ", inner));
            }
        }
        return title + ": " + String.join("; ", parts);
    }

    private static Object sigmaOf(String key, Map<String, ?> row) {
        for (String k : List.of(key + "_stderr", key + "_err")) if (row.get(k) != null) return row.get(k);
        return row.get(key) instanceof Map<?, ?> && row.get("stderr") instanceof Map<?, ?> ? row.get("stderr") : null;
    }

    private static boolean isSigmaKey(String key, Map<String, ?> row) {
        if (key.equals("stderr")) return row.values().stream().anyMatch(x -> x instanceof Map<?, ?>) && row.get("stderr") instanceof Map<?, ?>;
        for (String suffix : List.of("_stderr", "_err"))
            if (key.endsWith(suffix) && row.containsKey(key.substring(0, key.length() - suffix.length()))) return true;
        return false;
    }

    /** A table whose columns are as wide as their widest cell (names of any length stay aligned). */
    public static final class Table {
        private final List<List<String>> rows = new ArrayList<>();

        public Table(String... header) { rows.add(List.of(header)); }

        public Table row(String... cells) {
            rows.add(List.of(cells));
            return this;
        }

        public Table row(Collection<String> cells) {
            rows.add(List.copyOf(cells));
            return this;
        }

        /** The rows, two spaces between columns, each line ending in a newline, no trailing blanks. */
        public String render() {
            int columns = rows.stream().mapToInt(List::size).max().orElse(0);
            int[] width = new int[columns];
            for (List<String> r : rows) for (int c = 0; c < r.size(); c++) width[c] = Math.max(width[c], r.get(c).length());
            StringBuilder b = new StringBuilder();
            for (List<String> r : rows) {
                StringBuilder line = new StringBuilder();
                for (int c = 0; c < r.size(); c++) {
                    if (c > 0) line.append("  ");
                    line.append(r.get(c));
                    if (c < r.size() - 1) line.append(" ".repeat(width[c] - r.get(c).length()));
                }
                b.append(line.toString().stripTrailing()).append('\n');
            }
            return b.toString();
        }
    }
}
