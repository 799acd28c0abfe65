package org.edgeworks.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.io.AtomicFiles;
import org.edgeworks.core.processing.Parameters;
import org.edgeworks.plot.Colormap;
import org.edgeworks.plot.MapPlot;
import org.edgeworks.plot.PngPlots;
import org.edgeworks.plot.Scaling;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;

/**
 * Writes a stack result atomically: {@code DIR/NAME.stack.nxs} and one PNG map with a colour bar
 * per map ({@code DIR/NAME.MAP.png}; none for the fit-only error maps). NeXus layout:
 * <pre>
 * /entry                 NXentry (@default=edge_step)
 *    e0, edge_step, mask, peak_energy, weight_NAME..., r_factor, weight_NAME_errors_fit...
 *                        NXdata: data (rows x columns; NaN = no value), data_errors (1 sigma, when
 *                        the map has errors), y and x pixel indices (@axes = [y, x])
 *    process             NXprocess: program, version, raw_file (as typed), data_path, energy (eV,
 *                        ascending), parameters (JSON of the values used), notes, threshold,
 *                        references/NAME (NXdata energy, norm: the normalised LCF references used;
 *                        edge_step_rel_stderr: its relative edge-step error, when known)
 * </pre>
 * No date is recorded: the file is a function of the stack and the parameters only, so a rerun, or
 * the same analysis on Spark, gives the same bytes.
 */
public final class StackOutput {
    public static final String PROGRAM = "Edgeworks";

    private StackOutput() {}

    /** NAME from the stack as typed: the file or folder name without its extension. */
    public static String name(String label) {
        String n = Path.of(label).getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    /** Writes NAME.stack.nxs and the PNGs into dir; returns the paths written, NeXus first. */
    public static List<Path> write(Path dir, String name, StackAnalysis.Result r, String version, boolean overwrite) throws EdgeworksException {
        List<Path> written = new ArrayList<>();
        Path nxs = dir.resolve(name + ".stack.nxs");
        AtomicFiles.write(nxs, overwrite, tmp -> nexus(tmp, r, version));
        written.add(nxs);
        double[] x = new double[r.columns()], y = new double[r.rows()];
        for (int i = 0; i < x.length; i++) x[i] = i;
        for (int i = 0; i < y.length; i++) y[i] = i;
        for (Map.Entry<String, double[]> m : maps(r).entrySet()) {
            if (m.getKey().endsWith(StackAnalysis.FIT_ONLY)) continue; // an error map: in the NeXus file only
            Path png = dir.resolve(name + "." + m.getKey() + ".png");
            boolean mask = m.getKey().equals("mask");
            PngPlots.mapPlot(png, overwrite, new MapPlot(name + ": " + m.getKey() + unit(m.getKey()), "x (pixel)", "y (pixel)", x, y,
                m.getValue(), Colormap.VIRIDIS, mask ? Scaling.linear() : Scaling.percentile(1, 99)));
            written.add(png);
        }
        return written;
    }

    private static String unit(String map) {
        return map.equals("e0") || map.equals("peak_energy") ? " (eV)" : "";
    }

    /** Every map in file order, the mask as 0/1. */
    static Map<String, double[]> maps(StackAnalysis.Result r) {
        Map<String, double[]> out = new java.util.LinkedHashMap<>();
        for (var m : r.maps().entrySet()) {
            out.put(m.getKey(), m.getValue());
            if (m.getKey().equals("edge_step")) {
                double[] mask = new double[r.mask().length];
                for (int i = 0; i < mask.length; i++) mask[i] = r.mask()[i];
                out.put("mask", mask);
            }
        }
        return out;
    }

    private static void nexus(Path target, StackAnalysis.Result r, String version) throws java.io.IOException {
        int rows = r.rows(), cols = r.columns();
        try (WritableHdfFile f = HdfFile.write(target)) {
            f.putAttribute("default", "entry");
            f.putAttribute("creator", PROGRAM + " " + version);
            WritableGroup entry = f.putGroup("entry");
            entry.putAttribute("NX_class", "NXentry");
            entry.putAttribute("default", "edge_step");
            entry.putDataset("title", "XANES stack maps of " + r.label());
            entry.putDataset("program_name", PROGRAM).putAttribute("version", version);
            double[] xs = new double[cols], ys = new double[rows];
            for (int i = 0; i < cols; i++) xs[i] = i;
            for (int i = 0; i < rows; i++) ys[i] = i;
            for (var m : r.maps().entrySet()) {
                image(entry, m.getKey(), m.getValue(), r.errors().get(m.getKey()), rows, cols, xs, ys);
                if (m.getKey().equals("edge_step")) {
                    WritableGroup g = axes(entry.putGroup("mask"), xs, ys);
                    int[][] mask = new int[rows][cols];
                    for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) mask[i][j] = r.mask()[i * cols + j];
                    g.putDataset("data", mask).putAttribute("long_name", "1 = analysed (edge_step >= " + r.threshold() + ")");
                }
            }
            WritableGroup p = entry.putGroup("process");
            p.putAttribute("NX_class", "NXprocess");
            p.putDataset("program", StackAnalysis.ID);
            p.putDataset("version", StackAnalysis.VERSION);
            p.putDataset("raw_file", r.label());
            p.putDataset("data_path", r.dataPath());
            p.putDataset("energy", r.energy()).putAttribute("units", "eV");
            p.putDataset("step_threshold", r.threshold());
            p.putDataset("pixels", (long) r.pixels());
            p.putDataset("pixels_masked", (long) r.masked());
            p.putDataset("parameters", Parameters.json().writeValueAsString(r.used()));
            p.putDataset("notes", String.join("\n", r.notes()));
            if (!r.references().isEmpty()) {
                // the normalised references of the LCF maps, so a pixel can be re-fitted from this file alone
                WritableGroup refs = p.putGroup("references");
                refs.putAttribute("NX_class", "NXcollection");
                for (StackAnalysis.Reference ref : r.references()) {
                    WritableGroup g = refs.putGroup(ref.name());
                    g.putAttribute("NX_class", "NXdata");
                    g.putAttribute("signal", "norm");
                    g.putAttribute("axes", "energy");
                    g.putDataset("energy", ref.energy()).putAttribute("units", "eV");
                    g.putDataset("norm", ref.norm());
                    if (ref.stepError() != null) g.putDataset("edge_step_rel_stderr", ref.stepError().doubleValue());
                }
            }
        }
    }

    private static WritableGroup axes(WritableGroup g, double[] xs, double[] ys) {
        g.putAttribute("NX_class", "NXdata");
        g.putAttribute("signal", "data");
        g.putAttribute("axes", new String[] {"y", "x"});
        g.putAttribute("y_indices", 0);
        g.putAttribute("x_indices", 1);
        g.putDataset("y", ys).putAttribute("long_name", "pixel row");
        g.putDataset("x", xs).putAttribute("long_name", "pixel column");
        return g;
    }

    private static void image(WritableGroup entry, String name, double[] values, double[] errors, int rows, int cols, double[] xs, double[] ys) {
        WritableGroup g = axes(entry.putGroup(name), xs, ys);
        g.putDataset("data", square(values, rows, cols)).putAttribute("units", unit(name).isEmpty() ? "" : "eV");
        if (errors != null) g.putDataset("data_errors", square(errors, rows, cols));
    }

    private static double[][] square(double[] v, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (int i = 0; i < rows; i++) System.arraycopy(v, i * cols, m[i], 0, cols);
        return m;
    }
}
