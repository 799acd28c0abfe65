package org.edgeworks.rixs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeworks.core.processing.Parameters;
import org.edgeworks.core.processing.Processor;
import org.edgeworks.core.processing.Provenance;
import org.edgeworks.core.processing.Result;

/**
 * The bookkeeping every RIXS processor shares: id, label, types, version and provenance. Each
 * processor states its own version (bumped when its numbers may change); provenance records the
 * science parameters given plus the values the processor resolved, and run settings
 * ({@link org.edgeworks.core.processing.Param#runSetting()}) apart, as a note.
 */
public abstract class RixsProcessor<I, P extends Record, O> implements Processor<I, P, O> {
    private final String id;
    private final String label;
    private final Class<I> inputType;
    private final Class<P> parameterType;
    private final String version;

    /** A processor at version "1" (the version of every RIXS processor before versions were per processor). */
    protected RixsProcessor(String id, String label, Class<I> inputType, Class<P> parameterType) {
        this(id, label, inputType, parameterType, "1");
    }

    protected RixsProcessor(String id, String label, Class<I> inputType, Class<P> parameterType, String version) {
        this.id = id;
        this.label = label;
        this.inputType = inputType;
        this.parameterType = parameterType;
        this.version = version;
    }

    @Override public String id() { return id; }
    @Override public String version() { return version; }
    @Override public String label() { return label; }
    @Override public Class<I> inputType() { return inputType; }
    @Override public Class<P> parameterType() { return parameterType; }

    protected Result<O> result(O value, P parameters, List<String> notes) {
        return result(value, parameters, Map.of(), notes);
    }

    /**
     * A result whose provenance records the science parameters, overridden by the values the
     * processor actually used ({@code used}: resolved defaults, fitted coefficients, as Larch's
     * pre_edge_details); run settings go to a note.
     */
    protected Result<O> result(O value, P parameters, Map<String, Object> used, List<String> notes) {
        Map<String, Object> recorded = new LinkedHashMap<>(Parameters.science(parameters));
        recorded.putAll(used);
        Map<String, Object> run = Parameters.runSettings(parameters);
        List<String> n = notes;
        if (!run.isEmpty()) {
            n = new java.util.ArrayList<>(notes);
            n.add("run settings (not science): " + run);
        }
        return new Result<>(value, Provenance.of(id, version(), recorded, n));
    }
}
