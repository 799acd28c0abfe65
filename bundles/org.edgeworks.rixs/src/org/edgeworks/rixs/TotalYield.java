package org.edgeworks.rixs;

import java.util.List;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.RixsMap;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.core.processing.Result;

/** TFY from a map: the integral over the whole emission axis against excitation energy. */
public final class TotalYield extends RixsProcessor<RixsMap, TotalYield.Parameters, Spectrum> {
    public static final String ID = "org.edgeworks.rixs.tfy";

    /** TFY has no parameter. */
    public record Parameters() {
        public static Parameters defaults() { return new Parameters(); }
    }

    public TotalYield() { super(ID, "Total fluorescence yield", RixsMap.class, Parameters.class); }

    @Override public Parameters defaults() { return Parameters.defaults(); }

    @Override
    public Result<Spectrum> apply(RixsMap m, Parameters p) throws EdgeworksException {
        double[] em = m.emission().values();
        return result(PartialYield.window(m, em[0], em[em.length - 1], "TFY"), p, List.of("TFY over the whole emission axis"));
    }
}
