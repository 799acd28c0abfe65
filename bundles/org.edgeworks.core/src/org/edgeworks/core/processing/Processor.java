package org.edgeworks.core.processing;

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

    Class<P> parameterType();

    /** The defaults, documented where they are defined. */
    P defaults();

    Result<O> apply(I input, P parameters) throws EdgeworksException;
}
