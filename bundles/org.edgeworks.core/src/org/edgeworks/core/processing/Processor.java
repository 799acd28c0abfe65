package org.edgeworks.core.processing;

import org.eclipse.january.IMonitor;
import org.edgeworks.core.EdgeworksException;

/**
 * A pure function: input datasets + a parameter record -> output + provenance. Processors read
 * no files, hold no state and import no UI; they are registered through the extension point
 * {@code org.edgeworks.core.processors} (plugin.xml is the single list of what exists).
 *
 * @param <I> input type (a Spectrum, a list of spectra, a RixsMap, a Scan...)
 * @param <P> parameter record; its components carry {@link Param} annotations
 * @param <O> output type
 */
public interface Processor<I, P extends Record, O> {

    /** Stable id, e.g. {@code org.edgeworks.xas.normalize}. */
    String id();

    /** Version of the algorithm; bumped when numbers may change. */
    String version();

    /** Human label for menus and forms. */
    String label();

    Class<I> inputType();

    /**
     * The type of {@link Result#value()}: what a pipeline's next step receives. By default the
     * {@code O} the class declares for {@code Processor<I, P, O>} (read once from its generic
     * signature); a processor whose output type is not a plain class declares it here.
     */
    default Class<?> outputType() {
        return ProcessorTypes.output(getClass());
    }

    Class<P> parameterType();

    /** The defaults, documented where they are defined. */
    P defaults();

    Result<O> apply(I input, P parameters) throws EdgeworksException;

    /**
     * As {@link #apply(Object, Record)}, reporting progress to {@code monitor} and stopping when it
     * is cancelled (January's {@link IMonitor}; null = none). The default checks for cancellation
     * before and after the whole step; a long processor (e.g. the RIXS map builder) overrides this
     * to report per unit of work and stop within one unit.
     *
     * @throws EdgeworksException "cancelled" (see {@link Monitors#cancelled}) when the monitor was cancelled
     */
    default Result<O> apply(I input, P parameters, IMonitor monitor) throws EdgeworksException {
        Monitors.check(monitor, id());
        Result<O> r = apply(input, parameters);
        Monitors.check(monitor, id());
        return r;
    }
}
