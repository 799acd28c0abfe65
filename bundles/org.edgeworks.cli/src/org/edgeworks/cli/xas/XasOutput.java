package org.edgeworks.cli.xas;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeworks.core.io.Csv;
import org.edgeworks.core.processing.Provenance;
import org.edgeworks.core.processing.SourceRef;
import org.edgeworks.plot.Series;

/**
 * Small shared pieces of the xas subcommands' outputs: series of line plots, CSV cells and the
 * provenance map of a JSON output. The files themselves are written by the
 * {@link org.edgeworks.cli.CommandOutput} mixin.
 */
final class XasOutput {
    private XasOutput() {}

    static String num(double v) {
        return Csv.cell(v);
    }

    static Series line(String name, double[] x, double[] y) { return new Series(name, x, y, false); }

    static Series dashed(String name, double[] x, double[] y) { return new Series(name, x, y, true); }

    /** The provenance as a JSON-friendly map, with the source file(s). */
    static Map<String, Object> provenance(Provenance p, List<SourceRef> sources, List<String> extraNotes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("processor", p.processorId());
        m.put("version", p.processorVersion());
        m.put("parameters", p.parameters());
        List<String> notes = new ArrayList<>(extraNotes == null ? List.of() : extraNotes);
        notes.addAll(p.notes());
        m.put("notes", notes);
        m.put("sources", sources);
        m.put("date", p.date());
        return m;
    }
}
