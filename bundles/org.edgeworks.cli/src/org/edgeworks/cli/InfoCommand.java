package org.edgeworks.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Channel;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.detector.DetectorRegistry;
import org.edgeworks.core.detector.FileProbe;
import org.edgeworks.nexus.DefaultPlot;
import org.edgeworks.nexus.NexusFile;
import org.edgeworks.nexus.NexusNode;
import org.edgeworks.pipeline.ProvenanceReport;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code edgeworks info FILE...}: the NeXus tree (shapes and types from headers only) or the
 * text header and columns, the detector that recognises the file with its channels, and the
 * default plot. Never reads a large dataset.
 */
@Command(name = "info", mixinStandardHelpOptions = true,
    description = "Show a file's structure, detected channels and default plot without reading large datasets.")
public final class InfoCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "NeXus/HDF5, XDI or column files.")
    List<Path> files;

    @Option(names = "--attributes", description = "Also list every attribute of every node.")
    boolean attributes;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DetectorRegistry detectors = DetectorRegistry.load();
        int failures = 0;
        for (Path f : files) {
            try {
                describe(f, detectors, out);
            } catch (EdgeworksException e) {
                out.flush();
                err.println("edgeworks: " + e.getMessage());
                failures++;
            }
            out.flush();
        }
        return failures == 0 ? 0 : Main.EXIT_FAILURE;
    }

    void describe(Path f, DetectorRegistry detectors, PrintWriter out) throws EdgeworksException {
        FileProbe probe;
        try {
            probe = FileProbe.of(f);
        } catch (IOException e) {
            throw EdgeworksException.unreadable(f, e);
        }
        String truncated = probe.hdf5Truncation();
        if (truncated != null) throw new EdgeworksException(f, null, truncated);
        out.println("== " + f);
        if (probe.isHdf5()) {
            try (NexusFile nx = NexusFile.open(f)) {
                NexusNode root = nx.tree();
                out.println("HDF5/NeXus tree:");
                printNode(root, "  ", out);
                out.println("default plot: " + DefaultPlot.find(root)
                    .map(p -> p.signal() + " vs " + String.join(", ", p.axes().stream().map(a -> a.isEmpty() ? "(index)" : a).toList()))
                    .orElse("none (no NXdata group with a signal)"));
                out.println("bytes read: " + nx.bytesRead());
            }
            // a processed result shows where it came from and how to reproduce it
            org.edgeworks.pipeline.ProvenanceReport.print(f, out);
        }
        DetectorRegistry.Entry det;
        try {
            det = detectors.select(f);
        } catch (EdgeworksException e) {
            if (probe.isHdf5()) { out.println("detector: none (" + e.problem() + ")"); return; }
            throw e;
        }
        // a file holding several scans (SPEC #S, BLISS/NeXus entries, Athena groups): list them,
        // then describe the channels of the first usable one
        List<org.edgeworks.core.detector.Detector.ScanEntry> scans = det.detector().scans(f);
        if (!scans.isEmpty()) {
            out.println("detector: " + det.label() + " [" + det.detector().id() + "]");
            out.println("scans: " + scans.size() + " (choose with --scan N or, for Athena projects, --group LABEL; default: every usable scan)");
            for (var s : scans)
                out.println("  " + s.id() + "  points=" + s.points() + (s.label().isEmpty() ? "" : "  " + s.label())
                    + (s.usable() ? "" : "  [not usable]") + (s.note().isEmpty() ? "" : "  (" + s.note() + ")"));
        }
        Scan scan;
        try {
            if (!scans.isEmpty()) {
                var first = org.edgeworks.core.detector.Detector.ScanEntry.preview(scans);
                scan = det.detector().read(f, first.id());
                out.println("scan " + first.id() + " channels:");
                printChannels(scan, out);
                return;
            }
            scan = det.detector().read(f);
        } catch (EdgeworksException e) {
            if (probe.isHdf5()) { out.println("detector: " + det.label() + ": cannot read channels (" + e.problem() + ")"); return; }
            throw e;
        }
        if (!probe.isHdf5()) {
            out.println("format: " + scan.metadata().getOrDefault("format", "text"));
            for (Map.Entry<String, String> h : scan.metadata().entrySet()) {
                if (h.getKey().equals("format")) continue;
                String v = h.getValue();
                out.println("  " + h.getKey() + ": " + (v.length() > 100 ? v.substring(0, 97) + "..." : v));
            }
        }
        out.println("detector: " + det.label() + " [" + det.detector().id() + "]");
        out.println("channels:");
        printChannels(scan, out);
    }

    /**
     * One line per channel, led by the number a numeric --energy/--mu/--i0 ... COL takes (see
     * XasInput.column): the file's zero-based column for text tables, else the channel's position.
     */
    private static void printChannels(Scan scan, PrintWriter out) {
        boolean text = scan.channels().values().stream().anyMatch(x -> x.column() >= 0);
        int position = 0;
        for (Channel c : scan.channels().values()) {
            int col = text ? c.column() : position;
            position++;
            out.println("  " + (col >= 0 ? "[" + col + "] " : "[-] ") + c.name() + "  role=" + c.role() + "  shape=" + Arrays.toString(c.shape())
                + (c.unit().symbol().isEmpty() ? "" : "  unit=" + c.unit().symbol()) + "  from " + c.sourcePath());
        }
        scan.metadata().forEach((k, v) -> { if (k.startsWith("note.")) out.println("  note: " + Terminal.tidy(v)); });
    }

    private void printNode(NexusNode n, String indent, PrintWriter out) {
        for (NexusNode c : n.children()) {
            StringBuilder sb = new StringBuilder(indent).append(c.name());
            switch (c.kind()) {
                case SOFT_LINK, EXTERNAL_LINK -> {
                    sb.append(" -> ").append(c.linkTarget());
                    if (c.dangling()) sb.append("  [dangling ").append(c.kind() == NexusNode.Kind.EXTERNAL_LINK ? "external" : "soft").append(" link]");
                }
                default -> { }
            }
            if (!c.dangling()) {
                if (!c.children().isEmpty() || c.kind() == NexusNode.Kind.GROUP) {
                    sb.append(c.nxClass().isEmpty() ? "/" : "/  (" + c.nxClass() + ")");
                } else {
                    sb.append("  ").append(c.type()).append(" ").append(Arrays.toString(c.shape()));
                    String units = c.attribute("units");
                    if (units != null) sb.append(" ").append(units);
                }
            }
            out.println(sb);
            if (attributes) for (Map.Entry<String, String> a : c.attributes().entrySet())
                out.println(indent + "    @" + a.getKey() + " = " + a.getValue());
            if (!c.dangling() && c.kind() == NexusNode.Kind.GROUP) printNode(c, indent + "  ", out);
            else if (!c.dangling() && !c.children().isEmpty()) printNode(c, indent + "  ", out);
        }
    }
}
