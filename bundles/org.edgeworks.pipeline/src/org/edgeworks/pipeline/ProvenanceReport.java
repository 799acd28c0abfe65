package org.edgeworks.pipeline;

import java.io.PrintWriter;
import java.nio.file.Path;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.processing.Parameters;

/** The provenance of a result file as `edgeworks info` prints it. */
public final class ProvenanceReport {
    private ProvenanceReport() {}

    /** Prints the provenance if the file is an Edgeworks result; returns false otherwise. */
    public static boolean print(Path file, PrintWriter out) {
        ResultNexus.Recorded r;
        try {
            r = ResultNexus.read(file);
        } catch (EdgeworksException e) {
            return false;
        }
        out.println("Edgeworks result: " + r.title() + (r.definition().isEmpty() ? "" : "  (" + r.definition() + ")"));
        out.println("  made by Edgeworks " + r.programVersion() + " on " + r.date());
        out.println("  raw file: " + r.rawFile() + (r.rawEntry().isEmpty() ? "" : "  [" + r.rawEntry() + "]"));
        out.println("  raw sha256: " + r.rawSha256());
        out.println("  detector: " + r.detector());
        int i = 1;
        for (ResultNexus.StepRecord s : r.steps()) {
            out.println("  step " + i++ + ": " + s.processorId() + " " + s.version() + "  " + s.date());
            out.println("    parameters: " + json(s.parameters()));
            out.println("    used: " + json(s.used()));
            for (String n : s.notes()) out.println("    note: " + n);
        }
        if (r.signal() != null) out.println("  result: " + r.signal() + " vs " + r.axis() + " (" + (r.axisValues() == null ? 0 : r.axisValues().length) + " points)");
        out.println("  reproduce: edgeworks rerun " + file);
        return true;
    }

    private static String json(Object o) {
        try {
            return Parameters.json().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return String.valueOf(o);
        }
    }
}
