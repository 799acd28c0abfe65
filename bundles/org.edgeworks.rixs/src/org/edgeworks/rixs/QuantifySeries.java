package org.edgeworks.rixs;

import java.util.ArrayList;
import java.util.List;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.RixsMap;
import org.edgeworks.core.processing.Result;

/**
 * The same feature quantification on every map of a series (e.g. pristine, charged,
 * discharged), as one table so that reversibility reads as numbers.
 */
public final class QuantifySeries extends RixsProcessor<QuantifySeries.MapSeries, QuantifyFeature.Parameters, QuantifySeries.Table> {
    public static final String ID = "org.edgeworks.rixs.quantifySeries";

    public record MapSeries(List<RixsMap> maps) {}

    public record Table(List<QuantifyFeature.Quantification> rows) {}

    public QuantifySeries() { super(ID, "Feature quantification over a series of maps", MapSeries.class, QuantifyFeature.Parameters.class); }

    @Override public QuantifyFeature.Parameters defaults() { return QuantifyFeature.Parameters.defaults(); }

    @Override
    public Result<Table> apply(MapSeries series, QuantifyFeature.Parameters p) throws EdgeworksException {
        if (series.maps().isEmpty()) throw EdgeworksException.of("quantification", "no map given");
        List<String> notes = new ArrayList<>();
        List<QuantifyFeature.Quantification> rows = new ArrayList<>();
        for (RixsMap m : series.maps()) rows.add(QuantifyFeature.quantify(m, p, notes));
        return result(new Table(List.copyOf(rows)), p, notes);
    }
}
