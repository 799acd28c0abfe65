package org.edgeworks.cli.rixs;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.edgeworks.cli.DemoPart;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.RixsMap;
import org.edgeworks.rixs.BuildMap;
import org.edgeworks.rixs.QuantifyFeature;
import org.edgeworks.rixs.QuantifySeries;

/**
 * Demo part "rixs" on samples/rixs (SYNTHETIC scans): the pristine / charged / discharged maps
 * (NeXus, PNG, calibration report), RIXS cuts at 529.6, 530.8 and 532.0 eV excitation, the
 * 531.0 / 523.7 eV feature table, the energy-loss view, the charged - discharged difference map
 * and Mn L-edge iPFY.
 */
public final class RixsDemo implements DemoPart {
    static final List<String> STATES = List.of("pristine", "charged", "discharged");

    @Override public String name() { return "rixs"; }

    @Override
    public void run(Path samples, Path out, PrintWriter log) throws EdgeworksException {
        Path dir = samples.resolve("rixs");
        if (!Files.isDirectory(dir)) throw new EdgeworksException(dir, null, "sample folder not found");
        RixsOutput o = new RixsOutput(out, log);
        List<RixsMap> maps = new ArrayList<>();
        for (String state : STATES) {
            Path raw = dir.resolve("synthetic_OK_" + state + ".nxs");
            BuildMap.MapBuild b;
            try {
                b = RixsBuild.build(raw, o, BuildMap.Parameters.defaults(), null, 1);
            } catch (EdgeworksException e) {
                throw e;
            } catch (Exception e) {
                throw new EdgeworksException(raw, null, "cannot build the map: " + e.getMessage(), e);
            }
            RixsMap m = b.map().withName(state);
            maps.add(m);
            RixsCut.write(m, "synthetic_OK_" + state, List.of(529.6, 530.8, 532.0), List.of(), 0.2, o);
        }
        RixsMap loss = new org.edgeworks.rixs.EnergyLossMap().apply(maps.get(1), org.edgeworks.rixs.EnergyLossMap.Parameters.defaults()).value();
        o.mapPng("synthetic_OK_charged.loss.png", loss, "charged, energy-loss view", org.edgeworks.plot.Colormap.JET);
        QuantifySeries.Table t = RixsQuantify.write(maps, QuantifyFeature.Parameters.defaults(), o);
        String table = RixsQuantify.table(t, QuantifyFeature.Parameters.defaults(), false); // printed (rounded) by RixsQuantify.write
        o.text("quantification.txt", table);
        var diff = new org.edgeworks.rixs.DifferenceMap().apply(new org.edgeworks.rixs.DifferenceMap.MapPair(maps.get(1), maps.get(2)),
            org.edgeworks.rixs.DifferenceMap.Parameters.defaults());
        o.map("charged-minus-discharged.diff.nxs", diff.value().difference(), List.of(diff.provenance()), null);
        o.mapPng("charged-minus-discharged.diff.png", diff.value().difference(), "charged - discharged (normalised to map total)",
            org.edgeworks.plot.Colormap.JET);
        RixsIpfy.write(o.readSpectra(dir.resolve("synthetic_MnL_sdd.nxs")), "synthetic_MnL_sdd",
            new org.edgeworks.rixs.InversePartialYield.Parameters(490, 550, 610, 670, org.edgeworks.rixs.InversePartialYield.Parameters.defaults().nearZeroFraction()),
            "490:550", "610:670", org.edgeworks.xas.NormalizeProcessor.Params.defaults(), o);
    }
}
