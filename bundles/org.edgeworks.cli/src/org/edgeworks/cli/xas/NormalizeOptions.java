package org.edgeworks.cli.xas;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.xas.E0Method;
import org.edgeworks.xas.Normalization;
import org.edgeworks.xas.NormalizeProcessor;

import picocli.CommandLine.Option;

/** The normalisation options of {@code xas normalize} (a picocli mixin), shared by {@code xas stack} and {@code spark --stack}. */
public final class NormalizeOptions {
    @Option(names = "--e0", paramLabel = "EV", description = "Fixed E0 (moved to the nearest grid point, as Larch does).") Double e0;
    @Option(names = "--e0-method", paramLabel = "METHOD", description = "derivative (default) | half-step | second-derivative") String e0Method;
    @Option(names = "--pre1", paramLabel = "EV", description = "Pre-edge range start, eV relative to E0 (default: Larch's choice).") Double pre1;
    @Option(names = "--pre2", paramLabel = "EV", description = "Pre-edge range end, eV relative to E0.") Double pre2;
    @Option(names = "--norm1", paramLabel = "EV", description = "Post-edge range start, eV relative to E0.") Double norm1;
    @Option(names = "--norm2", paramLabel = "EV", description = "Post-edge range end, eV relative to E0.") Double norm2;
    @Option(names = "--nnorm", paramLabel = "N", description = "Post-edge polynomial degree 0-3 (default: Larch's choice).") Integer nnorm;
    @Option(names = "--nvict", paramLabel = "N", defaultValue = "0", description = "Victoreen exponent of the pre-edge line (default 0).") int nvict;
    @Option(names = "--normalization", paramLabel = "KIND", defaultValue = "edge-step", description = "edge-step (default) | area | min-max | none") String normalization;

    /** True when no normalisation option was given. */
    public boolean none() {
        return e0 == null && e0Method == null && pre1 == null && pre2 == null && norm1 == null && norm2 == null && nnorm == null && nvict == 0
            && "edge-step".equals(normalization);
    }

    public NormalizeProcessor.Params params() throws EdgeworksException {
        E0Method m = e0 != null ? E0Method.FIXED : e0Method == null ? E0Method.DERIVATIVE : E0Method.parse(e0Method);
        return new NormalizeProcessor.Params(m, e0, pre1, pre2, norm1, norm2, nnorm, nvict, null, Normalization.parse(normalization));
    }
}
