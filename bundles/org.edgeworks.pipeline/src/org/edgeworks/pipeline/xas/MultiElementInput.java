package org.edgeworks.pipeline.xas;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DoubleDataset;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Channel;
import org.edgeworks.core.data.ChannelRole;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.data.Unit;
import org.edgeworks.core.processing.Result;
import org.edgeworks.detector.sdd.MultiElementSum;

/**
 * A multi-element fluorescence detector's choice, as the command line spells it ({@code --if} naming several
 * element channels as a comma list or a glob, {@code --dt} factors or {@code --icr/--ocr} rates, {@code
 * --exclude}, {@code --outliers}) and as the workbench's import dialog offers it: the channels are matched,
 * paired with their dead-time channels by the element number at the end of the name (mca3 with
 * DTFactor_mca3), summed by {@link MultiElementSum} (per-element dead-time correction, exclusion by name,
 * automatic outlier test), and the sum is added to the scan as the fluorescence channel {@value #CHANNEL}.
 * {@link XasInput#load(Scan, Path, String, XasInput.Selection, Choice)} is the one road both take. Error
 * messages name the command-line option of the field at fault.
 */
public final class MultiElementInput {
    public static final String CHANNEL = "if_sum";
    private static final Pattern NUMBER = Pattern.compile("(\\d+)\\D*$");

    private MultiElementInput() {}

    /**
     * The choice.
     *
     * @param elements element channels: a comma list or a glob ({@code --if})
     * @param dt dead-time factor channels, list or glob ({@code --dt}); null: none
     * @param icr input count rates, list or glob ({@code --icr}); used with ocr when dt is null
     * @param ocr output count rates, list or glob ({@code --ocr})
     * @param exclude element channels left out by name ({@code --exclude})
     * @param outliers the automatic outlier test ({@code --outliers auto}) on or off
     */
    public record Choice(String elements, String dt, String icr, String ocr, List<String> exclude, boolean outliers) {
        public Choice {
            exclude = exclude == null ? List.of() : List.copyOf(exclude);
        }
    }

    /**
     * The scan with the sum added as {@value #CHANNEL}, the elements summed, those left out (name -> why) and the
     * notes for the provenance.
     */
    public record Summed(Scan scan, List<String> used, Map<String, String> excluded, List<String> notes) {}

    /** Whether an {@code --if} value names several channels (a comma list or a glob) rather than one column. */
    public static boolean isMulti(String spec) {
        return spec != null && (spec.contains(",") || spec.contains("*") || spec.contains("?") || spec.contains("["));
    }

    /** {@code --outliers auto|off} as the choice's flag; anything else is refused in one line. */
    public static boolean outliers(String auto) throws EdgeworksException {
        return switch (auto == null ? "auto" : auto.toLowerCase(Locale.ROOT)) {
            case "auto" -> true;
            case "off" -> false;
            default -> throw EdgeworksException.of("--outliers", "'" + auto + "' is not auto or off");
        };
    }

    /** Sums the chosen elements of {@code scan} (read from {@code file}). */
    public static Summed sum(Scan scan, Path file, Choice choice) throws EdgeworksException {
        String ifSpec = choice.elements(), dtSpec = choice.dt(), icrSpec = choice.icr(), ocrSpec = choice.ocr();
        String f = file.toString();
        List<Channel> elements = match(scan, ifSpec, f, "--if");
        Map<String, Channel> dt = byNumber(dtSpec == null ? List.of() : match(scan, dtSpec, f, "--dt"), f, "--dt");
        Map<String, Channel> icr = byNumber(isMulti(icrSpec) ? match(scan, icrSpec, f, "--icr") : List.of(), f, "--icr");
        Map<String, Channel> ocr = byNumber(isMulti(ocrSpec) ? match(scan, ocrSpec, f, "--ocr") : List.of(), f, "--ocr");
        boolean auto = choice.outliers();
        List<MultiElementSum.Element> list = new ArrayList<>();
        for (Channel c : elements) {
            String k = number(c.name(), f, "--if");
            double[] counts = c.readDoubles(f);
            if (!dt.isEmpty()) list.add(MultiElementSum.Element.withFactor(c.name(), counts, need(dt, k, c, f, "--dt").readDoubles(f)));
            else if (!icr.isEmpty() || !ocr.isEmpty())
                list.add(MultiElementSum.Element.withRates(c.name(), counts, need(icr, k, c, f, "--icr").readDoubles(f), need(ocr, k, c, f, "--ocr").readDoubles(f)));
            else list.add(MultiElementSum.Element.uncorrected(c.name(), counts));
        }
        Result<MultiElementSum.Summed> r;
        try {
            r = new MultiElementSum().apply(new MultiElementSum.Elements(scan.name(), list), new MultiElementSum.Params(choice.exclude(), auto, 3.0));
        } catch (EdgeworksException e) {
            throw new EdgeworksException(f, scan.entryPath(), e.problem());
        }
        List<Channel> channels = new ArrayList<>(scan.channels().values());
        DoubleDataset d = DatasetFactory.createFromObject(DoubleDataset.class, r.value().sum());
        d.setName(CHANNEL);
        channels.add(new Channel(CHANNEL, ChannelRole.IF, Unit.COUNTS, d, "sum of " + String.join("+", r.value().used())));
        List<String> notes = new ArrayList<>(r.provenance().notes());
        if (dt.isEmpty() && icr.isEmpty() && ocr.isEmpty()) notes.add("multi-element sum without dead-time correction (no --dt or --icr/--ocr given)");
        return new Summed(new Scan(scan.source(), scan.entryPath(), scan.detectorId(), channels, scan.metadata()), r.value().used(),
            r.value().excluded(), notes);
    }

    /** The channels a comma list or a glob names, in scan order; none is an error listing the channels. */
    private static List<Channel> match(Scan scan, String spec, String f, String option) throws EdgeworksException {
        List<Channel> out = new ArrayList<>();
        for (String part : spec.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) continue;
            PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + p);
            boolean any = false;
            for (Channel c : scan.channels().values()) {
                if (c.name().contains("/") ? c.name().equals(p) : m.matches(Path.of(c.name()))) {
                    if (!out.contains(c)) out.add(c);
                    any = true;
                }
            }
            if (!any) throw new EdgeworksException(f, null, option + " '" + p + "' matches no channel (channels: " + String.join(", ", scan.channels().keySet()) + ")");
        }
        return out;
    }

    private static Map<String, Channel> byNumber(List<Channel> cs, String f, String option) throws EdgeworksException {
        Map<String, Channel> out = new LinkedHashMap<>();
        for (Channel c : cs) {
            Channel before = out.put(number(c.name(), f, option), c);
            if (before != null) throw new EdgeworksException(f, null, option + ": " + before.name() + " and " + c.name() + " carry the same element number");
        }
        return out;
    }

    private static String number(String name, String f, String option) throws EdgeworksException {
        Matcher m = NUMBER.matcher(name);
        if (!m.find()) throw new EdgeworksException(f, null, option + ": channel '" + name + "' has no element number to pair it with");
        return m.group(1);
    }

    private static Channel need(Map<String, Channel> m, String k, Channel c, String f, String option) throws EdgeworksException {
        Channel x = m.get(k);
        if (x == null) throw new EdgeworksException(f, null, option + ": no channel for element " + k + " (" + c.name() + "); have " + m.keySet());
        return x;
    }
}
