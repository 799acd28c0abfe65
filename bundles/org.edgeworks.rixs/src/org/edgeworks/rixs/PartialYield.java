package org.edgeworks.rixs;

import java.util.List;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.RixsMap;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.core.processing.Param;
import org.edgeworks.core.processing.Result;

/** PFY from a map: the integral over an emission window (intensity x eV) against excitation energy. */
public final class PartialYield extends RixsProcessor<RixsMap, PartialYield.Parameters, Spectrum> {
    public static final String ID = "org.edgeworks.rixs.pfy";

    public record Parameters(
        @Param(label = "Window from", unit = "eV") double from,
        @Param(label = "Window to", unit = "eV") double to) {
        /** The O K emission band (about 510-535 eV, docs/science.md#rixs-pfy). */
        public static Parameters defaults() { return new Parameters(510, 535); }
    }

    public PartialYield() { super(ID, "Partial fluorescence yield (emission window)", RixsMap.class, Parameters.class); }

    @Override public Parameters defaults() { return Parameters.defaults(); }

    @Override
    public Result<Spectrum> apply(RixsMap m, Parameters p) throws EdgeworksException {
        return result(window(m, p.from(), p.to(), "PFY"), p, List.of("PFY over " + p.from() + ":" + p.to() + " eV emission"));
    }

    static Spectrum window(RixsMap m, double from, double to, String label) throws EdgeworksException {
        double[] em = m.emission().values();
        int[] ci = MapMath.indicesIn(m.name(), label + " emission", em, from, to);
        double[] w = MapMath.widths(em), d = m.data(), out = new double[m.rows()], err = m.errors(), var = new double[m.rows()];
        int nc = em.length;
        for (int i = 0; i < out.length; i++)
            for (int j = ci[0]; j <= ci[1]; j++) {
                out[i] += d[i * nc + j] * w[j];
                if (err != null) var[i] += Math.pow(err[i * nc + j] * w[j], 2);
            }
        return new Spectrum(m.name() + " " + label, m.excitation(), out, err == null ? null : MapMath.sqrt(var),
            label.toLowerCase(java.util.Locale.ROOT));
    }
}
