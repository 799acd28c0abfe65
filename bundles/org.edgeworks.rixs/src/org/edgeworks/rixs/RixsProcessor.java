package org.edgeworks.rixs;

import java.util.List;
import java.util.Map;

import org.edgeworks.core.processing.BaseProcessor;
import org.edgeworks.core.processing.Result;

/**
 * A RIXS processor: {@link BaseProcessor}'s bookkeeping with provenance of the science parameters
 * given plus the values the processor resolved, and run settings apart as a note. Each processor
 * states its own version (bumped when its numbers may change).
 */
public abstract class RixsProcessor<I, P extends Record, O> extends BaseProcessor<I, P, O> {

    /** A processor at version "1" (the version of every RIXS processor before versions were per processor). */
    protected RixsProcessor(String id, String label, Class<I> inputType, Class<P> parameterType) {
        this(id, label, inputType, parameterType, "1");
    }

    protected RixsProcessor(String id, String label, Class<I> inputType, Class<P> parameterType, String version) {
        super(id, version, label, inputType, parameterType);
    }

    /** A result recording the science parameters given (nothing resolved beyond them). */
    protected Result<O> result(O value, P parameters, List<String> notes) {
        return result(value, parameters, Map.of(), notes);
    }
}
