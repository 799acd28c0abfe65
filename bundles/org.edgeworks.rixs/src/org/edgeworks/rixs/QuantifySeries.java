package org.edgeworks.rixs;

import java.util.ArrayList;
import java.util.List;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.RixsMap;
import org.edgeworks.core.processing.Result;

/**
 * The same feature quantification on every map of a series given in the order pristine,
 * charged, discharged (further cycles continue as charged/discharged pairs), as one table, and
 * per cycle n (docs/science.md#rixs-quantifyseries):
 * reversibility_n = (I_charged,n - I_discharged,n) / (I_charged,n - I_pristine) and
 * retention_n = I_charged,n / I_charged,1, on the normalised intensities, each with its
 * standard deviation by first-order propagation (the maps' errors are independent).
 * For spfy and model2d the feature's centre and width are fitted on the map where it is most
 * significant and held fixed on all maps: the same feature in every state, so the intensities
 * compare as amplitudes (a free shape on a weak feature follows the noise).
 */
public final class QuantifySeries extends RixsProcessor<QuantifySeries.MapSeries, QuantifyFeature.Parameters, QuantifySeries.Table> {
    public static final String ID = "org.edgeworks.rixs.quantifySeries";

    public record MapSeries(List<RixsMap> maps) {}

    /**
     * One charge/discharge cycle.
     *
     * @param cycle       1, 2, ...
     * @param reversibility (I_charged - I_discharged) / (I_charged - I_pristine)
     * @param retention   I_charged of this cycle / I_charged of cycle 1
     */
    public record Cycle(int cycle, String charged, String discharged, double reversibility, double reversibilityStderr,
                        double retention, double retentionStderr) {}

    public record Table(List<QuantifyFeature.Quantification> rows, List<Cycle> cycles) {}

    public QuantifySeries() { super(ID, "Feature quantification over a series of maps", MapSeries.class, QuantifyFeature.Parameters.class, "2"); }

    @Override public QuantifyFeature.Parameters defaults() { return QuantifyFeature.Parameters.defaults(); }

    @Override
    public Result<Table> apply(MapSeries series, QuantifyFeature.Parameters p) throws EdgeworksException {
        List<RixsMap> maps = series.maps();
        if (maps.isEmpty()) throw EdgeworksException.of("quantification", "no map given");
        List<String> notes = new ArrayList<>();
        Region reference = Region.parse("quantification", p.reference());
        if (reference.total() && maps.size() > 1) {
            reference = Region.commonOverlap(maps);
            p = p.withReference(reference.exFrom() + ":" + reference.exTo() + "," + reference.emFrom() + ":" + reference.emTo());
            notes.add("reference 'total' taken over the region every map covers, " + reference + " eV");
        }
        String method = QuantifyFeature.method(maps.get(0), p);
        FeatureMethods.Shape shape = null;
        if (!method.equals(QuantifyFeature.BOX) && maps.size() > 1) {
            double best = -1;
            String from = null;
            for (RixsMap m : maps) {
                List<String> ignored = new ArrayList<>();
                FeatureMethods.Measured f = QuantifyFeature.measure(m, p, ignored, null);
                if (ignored.stream().noneMatch(s -> s.contains("fixed at the named")) && f.significance() > best) {
                    best = f.significance();
                    shape = f.shape();
                    from = m.name();
                }
            }
            if (shape != null)
                notes.add("feature centre " + MapMath.fmt(shape.centreExcitation()) + " / " + MapMath.fmt(shape.centreEmission())
                    + " eV and sigma " + MapMath.fmt(shape.widthExcitation()) + " / " + MapMath.fmt(shape.widthEmission())
                    + " eV fitted on " + from + " (" + MapMath.fmt(best) + " sigma) and held on every map");
        }
        List<QuantifyFeature.Quantification> rows = new ArrayList<>();
        for (RixsMap m : maps) rows.add(QuantifyFeature.normalise(m, p, QuantifyFeature.measure(m, p, notes, shape), notes));
        List<Cycle> cycles = cycles(rows);
        if (maps.size() >= 3 && maps.size() % 2 == 0)
            notes.add(maps.get(maps.size() - 1).name() + " is a charged map without its discharged partner: retention only");
        return result(new Table(List.copyOf(rows), cycles), p, notes);
    }

    /** Cycles from the rows (pristine, charged, discharged, charged, discharged, ...). */
    static List<Cycle> cycles(List<QuantifyFeature.Quantification> rows) {
        List<Cycle> out = new ArrayList<>();
        if (rows.size() < 2) return out;
        QuantifyFeature.Quantification pristine = rows.get(0), first = rows.get(1);
        double p = pristine.normalisedIntensity(), sp = pristine.normalisedIntensityStderr();
        double c1 = first.normalisedIntensity(), s1 = first.normalisedIntensityStderr();
        for (int k = 1, n = 1; k < rows.size(); k += 2, n++) {
            QuantifyFeature.Quantification ch = rows.get(k), dis = k + 1 < rows.size() ? rows.get(k + 1) : null;
            double c = ch.normalisedIntensity(), sc = ch.normalisedIntensityStderr();
            double rev = Double.NaN, srev = Double.NaN;
            if (dis != null) {
                double d = dis.normalisedIntensity(), sd = dis.normalisedIntensityStderr();
                double den = c - p;
                rev = (c - d) / den;
                double dc = (d - p) / (den * den), dd = -1 / den, dp = (c - d) / (den * den);
                srev = Math.sqrt(dc * dc * sc * sc + dd * dd * sd * sd + dp * dp * sp * sp);
            }
            double ret = c / c1;
            double sret = n == 1 ? 0 : Math.abs(ret) * Math.hypot(sc / c, s1 / c1);
            out.add(new Cycle(n, ch.map(), dis == null ? null : dis.map(), rev, srev, ret, sret));
        }
        return out;
    }
}
