package org.edgeworks.core.processing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bookkeeping every processor shares, so that a processor is its science plus its parameter
 * record: id, version, label, input, parameter and output types (the output type from the
 * declared {@code O}, {@link Processor#outputType()}), the monitor (the default
 * {@link Processor#apply(Object, Record, org.eclipse.january.IMonitor)}: checked before and after;
 * override it to report per unit of work), and the provenance of the values actually used.
 * <p>
 * Two ways to record provenance, as the processor knows its values:
 * {@link #result(Object, Map, List)} records exactly the values used (the XAS processors: E0 and
 * ranges as chosen, as Larch's pre_edge_details), {@link #result(Object, Record, Map, List)}
 * records the science parameters given, overridden by the values resolved, with run settings
 * ({@link Param#runSetting()}) apart as a note (the RIXS processors).
 *
 * @param <I> input type
 * @param <P> parameter record
 * @param <O> output type
 */
public abstract class BaseProcessor<I, P extends Record, O> implements Processor<I, P, O> {
    private final String id;
    private final String version;
    private final String label;
    private final Class<I> inputType;
    private final Class<P> parameterType;

    /**
     * @param version bumped when the processor's numbers may change
     */
    protected BaseProcessor(String id, String version, String label, Class<I> inputType, Class<P> parameterType) {
        this.id = id;
        this.version = version;
        this.label = label;
        this.inputType = inputType;
        this.parameterType = parameterType;
    }

    @Override public final String id() { return id; }
    @Override public final String version() { return version; }
    @Override public final String label() { return label; }
    @Override public final Class<I> inputType() { return inputType; }
    @Override public final Class<P> parameterType() { return parameterType; }

    /** A result whose provenance holds exactly {@code used} (the values the processor used) and the notes. */
    protected final Result<O> result(O value, Map<String, Object> used, List<String> notes) {
        return new Result<>(value, Provenance.of(id, version, used, notes));
    }

    /**
     * A result whose provenance records the science parameters given, overridden by the values
     * the processor resolved ({@code used}: defaults chosen, fitted coefficients); run settings go
     * to a note "run settings (not science): {...}".
     */
    protected final Result<O> result(O value, P parameters, Map<String, Object> used, List<String> notes) {
        Map<String, Object> recorded = new LinkedHashMap<>(Parameters.science(parameters));
        recorded.putAll(used);
        Map<String, Object> run = Parameters.runSettings(parameters);
        List<String> n = notes;
        if (!run.isEmpty()) {
            n = new ArrayList<>(notes);
            n.add("run settings (not science): " + run);
        }
        return new Result<>(value, Provenance.of(id, version, recorded, n));
    }
}
