package org.edgeworks.cli.xas;

import java.nio.file.Path;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.io.Checksums;
import org.edgeworks.core.processing.SourceRef;

/** Small shared pieces of the EXAFS subcommands. */
final class ExafsCli {
    private ExafsCli() {}

    /** A text input (chi CSV, FEFF path) as a provenance source. */
    static SourceRef source(Path f, String what) throws EdgeworksException {
        return new SourceRef(f.toAbsolutePath().toString(), what, Checksums.sha256(f));
    }

    /** k^w chi. */
    static double[] weighted(double[] k, double[] chi, double w) {
        double[] out = new double[k.length];
        for (int i = 0; i < k.length; i++) out[i] = chi[i] * Math.pow(k[i], w);
        return out;
    }
}
