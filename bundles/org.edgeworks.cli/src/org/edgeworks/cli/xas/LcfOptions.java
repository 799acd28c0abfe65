package org.edgeworks.cli.xas;

import org.edgeworks.xas.LcfProcessor;

import picocli.CommandLine.Option;

/** The fit options of {@code xas lcf} (a picocli mixin), shared by {@code xas stack} and {@code spark --stack}. */
public final class LcfOptions {
    @Option(names = "--emin", paramLabel = "EV", description = "Fit window start (default: sample E0 - 20 eV).") Double emin;
    @Option(names = "--emax", paramLabel = "EV", description = "Fit window end (default: sample E0 + 30 eV).") Double emax;
    @Option(names = "--sum-to-one", description = "Weights sum to 1.") boolean sumToOne;
    @Option(names = "--allow-negative", description = "Do not bound weights at 0 (Larch lincombo_fit's default).") boolean allowNegative;
    @Option(names = "--shifts", description = "Fit one energy shift per reference.") boolean shifts;
    @Option(names = "--shift-bound", paramLabel = "EV", defaultValue = "1.0", description = "|shift| bound (default 1 eV).") double shiftBound;
    @Option(names = "--combinations", paramLabel = "K", defaultValue = "0", description = "Rank every subset of up to K references (see --rank).") int combinations;
    @Option(names = "--rank", paramLabel = "BY", defaultValue = "r_factor", description = "Combinatorial ranking: r_factor (default) | chi2 (reduced chi-square).") String rank;
    @Option(names = "--extrapolate", description = "Allow references that do not cover the window plus the shift bound (noted); default: refused.") boolean extrapolate;

    public LcfProcessor.Params params() {
        return new LcfProcessor.Params(emin, emax, !allowNegative, sumToOne, shifts, shiftBound, combinations, 1)
            .ranked(LcfProcessor.Rank.parse(rank), extrapolate);
    }
}
