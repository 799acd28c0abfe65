package org.edgeworks.ui.widgets;

import java.util.Map;

import org.eclipse.january.IMonitor;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.processing.Parameters;
import org.edgeworks.core.processing.Processor;
import org.edgeworks.core.processing.Result;
import org.edgeworks.core.registry.ProcessorRegistry;

/**
 * The only way the UI gets numbers: processors from {@link ProcessorRegistry} (plugin.xml), applied to data
 * with a parameter record. Loaded once; the registry is immutable.
 */
public final class Processors {
    private static volatile ProcessorRegistry registry;

    private Processors() {}

    public static ProcessorRegistry registry() {
        ProcessorRegistry r = registry;
        if (r == null) registry = r = ProcessorRegistry.load();
        return r;
    }

    /** Applies the registered processor {@code id} to {@code input} with its defaults overridden by {@code overrides}. */
    public static <O> Result<O> run(String id, Object input, Map<String, ?> overrides) throws EdgeworksException {
        Processor<?, ?, ?> p = registry().get(id);
        return apply(p, input, parameters(p, overrides));
    }

    /** The processor's defaults with some components replaced (names as in the parameter record). */
    public static Record parameters(Processor<?, ?, ?> p, Map<String, ?> overrides) throws EdgeworksException {
        return typedParameters(p, overrides);
    }

    @SuppressWarnings("unchecked")
    private static <P extends Record> P typedParameters(Processor<?, P, ?> p, Map<String, ?> overrides) throws EdgeworksException {
        return Parameters.fromJson(Parameters.json().valueToTree(overrides), p.parameterType(), p.defaults(), p.label());
    }

    /** Applies a processor with a parameter record of its type; the input must be of its input type. */
    public static <O> Result<O> apply(Processor<?, ?, ?> p, Object input, Record parameters) throws EdgeworksException {
        return apply(p, input, parameters, null);
    }

    /**
     * As {@link #apply(Processor, Object, Record)} through the Processor API's monitored call
     * ({@code apply(input, params, monitor)}): progress to {@code monitor} and a stop ("NAME: cancelled") once it
     * is cancelled; in a job, {@code monitor} is the job's ({@link JobMonitor}, given by {@link TaskPanel#runJob}).
     * Null: no progress, never cancelled.
     */
    @SuppressWarnings("unchecked")
    public static <O> Result<O> apply(Processor<?, ?, ?> p, Object input, Record parameters, IMonitor monitor)
            throws EdgeworksException {
        if (!p.inputType().isInstance(input))
            throw EdgeworksException.of(p.label(), "needs " + p.inputType().getSimpleName() + ", got "
                    + (input == null ? "nothing" : input.getClass().getSimpleName()));
        return ((Processor<Object, Record, O>) p).apply(input, parameters, monitor);
    }
}
