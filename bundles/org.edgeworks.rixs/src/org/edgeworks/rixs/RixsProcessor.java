package org.edgeworks.rixs;

import java.util.List;

import org.edgeworks.core.processing.Parameters;
import org.edgeworks.core.processing.Processor;
import org.edgeworks.core.processing.Provenance;
import org.edgeworks.core.processing.Result;

/** The bookkeeping every RIXS processor shares: id, label, types, version and provenance. */
public abstract class RixsProcessor<I, P extends Record, O> implements Processor<I, P, O> {
    private final String id;
    private final String label;
    private final Class<I> inputType;
    private final Class<P> parameterType;

    protected RixsProcessor(String id, String label, Class<I> inputType, Class<P> parameterType) {
        this.id = id;
        this.label = label;
        this.inputType = inputType;
        this.parameterType = parameterType;
    }

    @Override public String id() { return id; }
    @Override public String version() { return "1"; }
    @Override public String label() { return label; }
    @Override public Class<I> inputType() { return inputType; }
    @Override public Class<P> parameterType() { return parameterType; }

    protected Result<O> result(O value, P parameters, List<String> notes) {
        return new Result<>(value, Provenance.of(id, version(), Parameters.toMap(parameters), notes));
    }
}
