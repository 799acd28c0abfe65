package org.edgeworks.detector.athena;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.io.AtomicFiles;

/**
 * An Athena project file (.prj) in the Perl-data format Athena 0.8 and Demeter write (gzipped
 * or plain text): a three-line {@code #} header, then per group {@code $old_group = 'id';},
 * {@code @args = ('key', value, ...);} (Athena's parameters), the arrays {@code @x} (energy as
 * imported, eV), {@code @y} (mu), optional {@code @i0}, {@code @signal}, {@code @stddev}, and a
 * {@code [record]} line; then journal and plot settings (ignored). Parsed as data by
 * {@link PerlList}: no Perl is evaluated. Larch's JSON-style projects are refused with one line.
 *
 * <p>Conventions (verified on the shared projects, see shared/data/README.md "How Athena's stored
 * parameters are meant", and Demeter's templates/process/larch/normalize.tmpl): the energy axis
 * is {@code @x + bkg_eshift}; {@code bkg_e0} already lies on that axis; {@code bkg_pre1/2},
 * {@code bkg_nor1/2} are relative to E0; {@code bkg_nnorm} counts polynomial terms (Larch's
 * degree + 1), except in projects saved by Larch (header "Using Larch version"), which store the
 * degree; {@code bkg_fixstep} = 1 means {@code bkg_step} is the edge step.
 *
 * @param header  the leading '#' lines
 * @param groups  the groups in file order
 */
public record AthenaProject(List<String> header, List<Group> groups) {
    /** Largest project read (decompressed): 1 GB. */
    static final long MAX_BYTES = 1L << 30;
    private static final Pattern OLD_GROUP = Pattern.compile("^\\$old_group\\s*=\\s*'([^']*)'");
    private static final Pattern ARRAY = Pattern.compile("^@(x|y|i0|signal|stddev)\\s*=\\s*\\(");
    /** The Demeter project format version written (the layout of Demeter 0.9.26's projects). */
    static final String FORMAT_VERSION = "0.9.26";
    static final Set<String> ARRAYS = Set.of("x", "y", "i0", "signal", "stddev");

    /**
     * One group.
     *
     * @param id     Athena's group id ($old_group)
     * @param key    the label, made unique within the project ("label#2" for a repeat, as the peers do)
     * @param args   the @args pairs in file order (values: String, or List for Perl lists)
     * @param arrays @x, @y and the optional arrays, in file order
     */
    public record Group(String id, String key, Map<String, Object> args, Map<String, double[]> arrays) {
        public String label() { return text("label", id); }

        public String text(String name, String fallback) {
            Object v = args.get(name);
            return v instanceof String s && !s.isEmpty() ? s : fallback;
        }

        /** A numeric parameter, NaN when absent or not a number. */
        public double number(String name) {
            Object v = args.get(name);
            if (!(v instanceof String s)) return Double.NaN;
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }

        public boolean flag(String name) {
            Object v = args.get(name);
            if (!(v instanceof String s)) return false;
            String t = s.trim();
            return !(t.isEmpty() || t.equals("0") || t.equals("0.0") || t.equalsIgnoreCase("None"));
        }

        /**
         * True when the group holds mu(E) (Demeter's recordtype "mu(E)"/"merged mu(E)", or Athena
         * 0.8's is_xmu without is_chi/is_nor/...); a chi(k) or normalised group is not mu.
         */
        public boolean isMu() {
            String rt = text("recordtype", "");
            if (!rt.isEmpty()) return rt.toLowerCase(Locale.ROOT).contains("mu(e)");
            for (String k : List.of("is_chi", "is_nor", "is_xmudat", "is_bkg", "is_diff", "is_pixel", "is_rsp"))
                if (flag(k)) return false;
            return !args.containsKey("is_xmu") || flag("is_xmu");
        }
    }

    /** True when the project was saved by Larch (its bkg_nnorm is then Larch's degree). */
    public boolean savedByLarch() {
        for (String h : header) if (h.toLowerCase(Locale.ROOT).contains("using larch version")) return true;
        return false;
    }

    public Group group(Path file, String key) throws EdgeworksException {
        for (Group g : groups) if (g.key().equals(key)) return g;
        for (Group g : groups) if (g.key().equalsIgnoreCase(key)) return g;
        throw new EdgeworksException(file, key, "no such group (groups: " + String.join(", ", groups.stream().map(Group::key).toList()) + ")");
    }

    /** True when the bytes start like an Athena project: a gzipped .prj, or the "# Athena project file" line. */
    static boolean looksLikeProject(byte[] head, boolean prjName) {
        if (prjName && head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) return true;
        String t = new String(head, StandardCharsets.ISO_8859_1);
        return t.startsWith("# Athena project file") || (prjName && t.stripLeading().startsWith("{") && t.contains("_____header"));
    }

    public static AthenaProject read(Path file) throws EdgeworksException {
        String text = text(file);
        if (text.stripLeading().startsWith("{"))
            throw new EdgeworksException(file, null, "a JSON-style Athena project (saved by Larch): not read by this version; "
                + "save it from Athena, or export the groups as XDI");
        if (!text.startsWith("# Athena project file"))
            throw new EdgeworksException(file, "line 1", "not an Athena project file (expected '# Athena project file')");
        List<String> header = new ArrayList<>();
        List<Group> groups = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        String id = null;
        Map<String, Object> args = null;
        Map<String, double[]> arrays = null;
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (groups.isEmpty() && id == null && line.startsWith("#")) {
                if (header.size() < 3) header.add(line);
                continue;
            }
            Matcher og = OLD_GROUP.matcher(line);
            if (og.find()) {
                if (id != null) throw new EdgeworksException(file, "line " + (i + 1), "group '" + id + "' has no [record] line before the next group");
                id = og.group(1);
                args = new LinkedHashMap<>();
                arrays = new LinkedHashMap<>();
                continue;
            }
            if (id == null) continue; // journal, plot settings, lcf data: not data of a group
            if (line.startsWith("@args")) {
                List<Object> v = PerlList.parse(inside(file, line, i));
                if (v.size() % 2 != 0) throw new EdgeworksException(file, "group '" + id + "' @args", "odd number of elements (" + v.size() + "): not key/value pairs");
                for (int k = 0; k < v.size(); k += 2) args.put(String.valueOf(v.get(k)), v.get(k + 1));
                continue;
            }
            Matcher am = ARRAY.matcher(line);
            if (am.find()) {
                List<Object> v = PerlList.parse(inside(file, line, i));
                double[] d = new double[v.size()];
                for (int k = 0; k < d.length; k++) {
                    try {
                        d[k] = Double.parseDouble(String.valueOf(v.get(k)).trim());
                    } catch (NumberFormatException e) {
                        throw new EdgeworksException(file, "group '" + id + "' @" + am.group(1) + "[" + k + "]", "'" + v.get(k) + "' is not a number");
                    }
                }
                arrays.put(am.group(1), d);
                continue;
            }
            if (line.startsWith("[record]")) {
                Group g = finish(file, id, args, arrays, keys);
                groups.add(g);
                id = null;
            }
        }
        if (id != null) throw new EdgeworksException(file, "group '" + id + "'", "the file ends before the group's [record] line (truncated?)");
        if (groups.isEmpty()) throw new EdgeworksException(file, null, "an Athena project with no groups");
        return new AthenaProject(List.copyOf(header), List.copyOf(groups));
    }

    private static Group finish(Path file, String id, Map<String, Object> args, Map<String, double[]> arrays, Set<String> keys)
            throws EdgeworksException {
        Object l = args.get("label");
        String label = l instanceof String s && !s.isEmpty() ? s : id;
        String key = label;
        for (int n = 2; !keys.add(key); n++) key = label + "#" + n;
        double[] x = arrays.get("x"), y = arrays.get("y");
        if (x == null || y == null) throw new EdgeworksException(file, "group '" + key + "'", "no " + (x == null ? "@x" : "@y") + " array");
        for (var e : arrays.entrySet())
            if (e.getValue().length != x.length)
                throw new EdgeworksException(file, "group '" + key + "' @" + e.getKey(), "has " + e.getValue().length + " values, @x has " + x.length);
        return new Group(id, key, Collections.unmodifiableMap(args), Collections.unmodifiableMap(arrays));
    }

    private static String inside(Path file, String line, int i) throws EdgeworksException {
        int a = line.indexOf('('), b = line.lastIndexOf(')');
        if (a < 0 || b < a) throw new EdgeworksException(file, "line " + (i + 1), "a Perl list without '(' ... ')'");
        return line.substring(a + 1, b);
    }

    private static String text(Path file) throws EdgeworksException {
        try (InputStream raw = Files.newInputStream(file)) {
            byte[] head = raw.readNBytes(2);
            boolean gz = head.length == 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
            byte[] all;
            if (gz) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                    all = readBounded(in);
                }
            } else {
                try (InputStream in = Files.newInputStream(file)) {
                    all = readBounded(in);
                }
            }
            return new String(all, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new EdgeworksException(file, null, "cannot read the project: " + e.getMessage(), e);
        }
    }

    private static byte[] readBounded(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        long total = 0;
        for (int n; (n = in.read(buf)) > 0;) {
            total += n;
            if (total > MAX_BYTES) throw new IOException("larger than " + MAX_BYTES + " bytes decompressed");
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    /**
     * What a written group holds: mu(E) on its energy grid and the normalisation parameters in
     * Athena's convention (E0 on this axis, ranges relative to E0, nnorm as Larch's degree:
     * written as bkg_nnorm = degree + 1 terms; a fixed step written with bkg_fixstep = 1).
     *
     * @param label   group label
     * @param energy  eV, ascending
     * @param mu      mu(E)
     * @param e0      eV (NaN: not stored)
     * @param pre1    eV relative to E0 (NaN: not stored; likewise pre2, norm1, norm2)
     * @param nnorm   Larch's post-edge degree (-1: not stored)
     * @param step    edge step (NaN: not stored)
     * @param fixedStep the step was fixed by the user, not fitted
     * @param source  the file the spectrum came from ("" when unknown)
     */
    public record Written(String label, double[] energy, double[] mu, double e0, double pre1, double pre2, double norm1,
                          double norm2, int nnorm, double step, boolean fixedStep, String source) {}

    /**
     * Writes a gzipped Perl-style project Athena and Demeter open (atomically). Group ids are
     * made of letters as Athena's are ("ewaa", "ewab", ...).
     */
    public static void write(Path target, boolean overwrite, String program, List<Written> groups) throws EdgeworksException {
        StringBuilder sb = new StringBuilder();
        // readers (Larch's read_athena, Demeter) parse the version from this line: it names the
        // Demeter project format version whose layout is written here; line 3 says who wrote it
        sb.append("# Athena project file -- Demeter version ").append(FORMAT_VERSION).append('\n');
        // the results' date (Clock: SOURCE_DATE_EPOCH when set), in the local offset Athena writes
        sb.append("# This file created at ").append(java.time.OffsetDateTime.ofInstant(java.time.Instant.parse(
            org.edgeworks.core.processing.Clock.now()), java.time.ZoneId.systemDefault()).withNano(0)).append('\n');
        sb.append("# Written by ").append(program.replace('\n', ' ')).append(" (bkg_nnorm counts polynomial terms, as Athena's)\n\n");
        int n = 0;
        for (Written w : groups) {
            if (w.energy().length != w.mu().length)
                throw EdgeworksException.of(w.label(), "energy has " + w.energy().length + " points, mu " + w.mu().length);
            for (int i = 0; i < w.mu().length; i++)
                if (!Double.isFinite(w.mu()[i]) || !Double.isFinite(w.energy()[i]))
                    throw EdgeworksException.of(w.label(), "point " + i + " is not finite (energy " + w.energy()[i] + ", mu " + w.mu()[i]
                        + "): Athena projects hold finite numbers only");
            if (w.energy().length == 0) throw EdgeworksException.of(w.label(), "no points to write");
            String id = "ew" + (char) ('a' + n / 26 % 26) + (char) ('a' + n % 26) + (n >= 676 ? Integer.toString(n / 676) : "");
            n++;
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("label", w.label());
            a.put("group", id);
            a.put("tag", id);
            a.put("datatype", "xmu");
            a.put("recordtype", "mu(E)");
            a.put("is_xmu", 1);
            a.put("is_nor", 0);
            a.put("is_chi", 0);
            a.put("file", w.source());
            a.put("npts", w.energy().length);
            a.put("xmin", w.energy()[0]);
            a.put("xmax", w.energy()[w.energy().length - 1]);
            a.put("bkg_eshift", 0);
            putIf(a, "bkg_e0", w.e0());
            putIf(a, "bkg_pre1", w.pre1());
            putIf(a, "bkg_pre2", w.pre2());
            putIf(a, "bkg_nor1", w.norm1());
            putIf(a, "bkg_nor2", w.norm2());
            if (w.nnorm() >= 0) a.put("bkg_nnorm", w.nnorm() + 1);
            putIf(a, "bkg_step", w.step());
            putIf(a, "bkg_fitted_step", w.step());
            a.put("bkg_fixstep", w.fixedStep() ? 1 : 0);
            a.put("bkg_flatten", 1);
            sb.append("$old_group = ").append(PerlList.quote(id)).append(";\n");
            sb.append("@args = (");
            boolean first = true;
            for (var e : a.entrySet()) {
                if (!first) sb.append(',');
                first = false;
                sb.append(PerlList.quote(e.getKey())).append(',');
                Object v = e.getValue();
                sb.append(v instanceof String s ? PerlList.quote(s) : v instanceof Double d ? PerlList.quote(num(d)) : String.valueOf(v));
            }
            sb.append(");\n");
            array(sb, "x", w.energy());
            array(sb, "y", w.mu());
            sb.append("[record]   # create object and set arrays in ifeffit\n\n");
        }
        sb.append("@journal = ();\n\n1;\n\n\n# Local Variables:\n# truncate-lines: t\n# End:\n");
        byte[] text = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
        AtomicFiles.write(target, overwrite, tmp -> {
            try (var out = new GZIPOutputStream(Files.newOutputStream(tmp))) {
                out.write(text);
            }
        });
    }

    private static void putIf(Map<String, Object> a, String key, double v) {
        if (Double.isFinite(v)) a.put(key, v);
    }

    private static void array(StringBuilder sb, String name, double[] v) {
        sb.append('@').append(name).append(" = (");
        for (int i = 0; i < v.length; i++) {
            if (i > 0) sb.append(',');
            sb.append('\'').append(num(v[i])).append('\'');
        }
        sb.append(");\n");
    }

    /** Shortest text that reads back to the same double. */
    private static String num(double d) {
        if (!Double.isFinite(d)) throw new IllegalArgumentException("not finite: " + d);
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
