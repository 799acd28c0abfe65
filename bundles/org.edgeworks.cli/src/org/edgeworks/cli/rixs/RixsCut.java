package org.edgeworks.cli.rixs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.edgeworks.cli.RecordOptions;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.RixsMap;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.plot.LinePlot;
import org.edgeworks.plot.Series;
import org.edgeworks.rixs.CutAtEmission;
import org.edgeworks.rixs.CutAtExcitation;
import org.edgeworks.pipeline.rixs.RixsFiles;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rixs cut MAP --excitation X [--excitation Y] [--emission E] --width W --out DIR}. */
@Command(name = "cut", mixinStandardHelpOptions = true, modelTransformer = RecordOptions.Transformer.class,
    description = {"RIXS spectra at fixed excitation (mean of the rows within +-width/2) and cuts at fixed emission.",
        "Writes DIR/NAME.cuts.csv (emission_eV, one column per excitation) + PNG; with --emission, DIR/NAME.emission-cuts.csv + PNG.",
        "--width is the window of both kinds of cut."})
public final class RixsCut extends RixsSubcommand implements RecordOptions.Holder {
    @Parameters(index = "0", paramLabel = "MAP", description = "A map written by rixs build (.map.nxs).")
    Path mapFile;

    @Option(names = "--excitation", paramLabel = "EV", description = "Excitation energy of a RIXS cut (repeatable).")
    List<Double> excitation = new ArrayList<>();

    @Option(names = "--emission", paramLabel = "EV", description = "Emission energy of a cut against excitation (repeatable).")
    List<Double> emission = new ArrayList<>();

    /** --width from the cut record (the same width for the cuts at fixed emission); one cut per --excitation / --emission. */
    final RecordOptions<CutAtExcitation.Parameters> options = new RecordOptions<>(CutAtExcitation.Parameters.class, CutAtExcitation.Parameters.defaults())
        .exclude("excitation");

    @Override public List<RecordOptions<?>> recordOptions() { return List.of(options); }

    @Override
    void execute() throws Exception {
        if (excitation.isEmpty() && emission.isEmpty()) throw EdgeworksException.of("rixs cut", "give --excitation and/or --emission");
        double width = options.build(null, Map.of("excitation", "0")).width();
        RixsMap m = output.readMap(mapFile);
        write(m, RixsFiles.baseName(mapFile), excitation, emission, width, output);
    }

    static void write(RixsMap m, String name, List<Double> excitation, List<Double> emission, double width, RixsOutput out)
            throws EdgeworksException {
        if (!excitation.isEmpty()) {
            List<String> header = new ArrayList<>(List.of("emission_eV"));
            List<double[]> cols = new ArrayList<>(List.of(m.emission().values()));
            List<Series> series = new ArrayList<>();
            List<String> errHeader = new ArrayList<>();
            List<double[]> errCols = new ArrayList<>();
            for (double x : excitation) {
                Spectrum s = new CutAtExcitation().apply(m, new CutAtExcitation.Parameters(x, width)).value();
                header.add("excitation_" + RixsOutput.energy(x) + "eV");
                cols.add(s.signal());
                errHeader.add("excitation_" + RixsOutput.energy(x) + "eV_err");
                errCols.add(s.uncertainty());
                series.add(Series.of(RixsOutput.fmt(x) + " eV", s.energies(), s.signal()));
            }
            header.addAll(errHeader);
            cols.addAll(errCols);
            out.csv(name + ".cuts.csv", header, cols, RixsOutput.DIGITS);
            out.png(name + ".cuts.png", LinePlot.of("RIXS spectra of " + name + " (width " + RixsOutput.fmt(width) + " eV)",
                "Emission energy (eV)", "Intensity", series));
        }
        if (!emission.isEmpty()) {
            List<String> header = new ArrayList<>(List.of("excitation_eV"));
            List<double[]> cols = new ArrayList<>(List.of(m.excitation().values()));
            List<Series> series = new ArrayList<>();
            List<String> errHeader = new ArrayList<>();
            List<double[]> errCols = new ArrayList<>();
            for (double e : emission) {
                Spectrum s = new CutAtEmission().apply(m, new CutAtEmission.Parameters(e, width)).value();
                header.add("emission_" + RixsOutput.energy(e) + "eV");
                cols.add(s.signal());
                errHeader.add("emission_" + RixsOutput.energy(e) + "eV_err");
                errCols.add(s.uncertainty());
                series.add(Series.of(RixsOutput.fmt(e) + " eV", s.energies(), s.signal()));
            }
            header.addAll(errHeader);
            cols.addAll(errCols);
            out.csv(name + ".emission-cuts.csv", header, cols, RixsOutput.DIGITS);
            out.png(name + ".emission-cuts.png", LinePlot.of("Cuts at fixed emission of " + name, "Excitation energy (eV)",
                "Intensity", series));
        }
    }
}
