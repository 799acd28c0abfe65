package org.edgeworks.testsupport;

import java.nio.file.Path;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;

/**
 * NeXus files of synthetic data written with jHDF's writer (a library, not Edgeworks code): the
 * tests compute the numbers from their construction and this class lays them out as a beamline
 * writes them. One layout today, emission spectra (points x channels):
 *
 * <pre>
 * /entry (NXentry)
 *   title       string                   only when a title is given
 *   /GROUP (NXdata) @signal = SIGNAL, @axes = [EXCITATION, EMISSION]
 *     SIGNAL      float64 [points][channels]
 *     EXCITATION  float64 [points], @units = eV
 *     EMISSION    float64 [channels], @units = eV
 *   /monitor (NXmonitor)                     only when an I0 is given
 *     data        float64 [points]
 * </pre>
 */
public final class SyntheticNexus {
    private SyntheticNexus() {}

    /** The names of the emission-spectra layout: the NXdata group, its signal and its two axes. */
    public record SpectraLayout(String group, String signal, String excitation, String emission) {
        /** Reduced spectra as RIXS beamlines export them: rixs/spectra with axes excitation, emission. */
        public static final SpectraLayout REDUCED = new SpectraLayout("rixs", "spectra", "excitation", "emission");
        /** An energy-resolved SDD scan: data/counts with axes excitation_energy, emission_energy. */
        public static final SpectraLayout SDD = new SpectraLayout("data", "counts", "excitation_energy", "emission_energy");
    }

    /** parent/name with @NX_class = nxClass (as h5py generators write it with synthetic_nexus.group). */
    public static WritableGroup group(WritableGroup parent, String name, String nxClass) {
        WritableGroup g = parent.putGroup(name);
        g.putAttribute("NX_class", nxClass);
        return g;
    }

    /**
     * Writes emission spectra: values[i][j] at excitation[i] (eV) and emission[j] (eV); i0 (one per
     * excitation point) as /entry/monitor/data, none when null; the entry's title when not null (a
     * committed sample says there that it is synthetic). Returns the file.
     */
    public static Path emissionSpectra(Path file, SpectraLayout layout, String title, double[] excitation, double[] emission, double[][] values, double[] i0) {
        if (values.length != excitation.length || (values.length > 0 && values[0].length != emission.length) || (i0 != null && i0.length != excitation.length))
            throw new IllegalArgumentException("spectra " + values.length + " x " + (values.length > 0 ? values[0].length : 0) + " against axes "
                + excitation.length + " x " + emission.length + (i0 != null ? " and " + i0.length + " I0 values" : ""));
        try (WritableHdfFile h = HdfFile.write(file)) {
            WritableGroup entry = group(h, "entry", "NXentry");
            if (title != null) entry.putDataset("title", title);
            WritableGroup data = group(entry, layout.group(), "NXdata");
            data.putAttribute("signal", layout.signal());
            data.putAttribute("axes", new String[] {layout.excitation(), layout.emission()});
            data.putDataset(layout.signal(), values);
            data.putDataset(layout.excitation(), excitation).putAttribute("units", "eV");
            data.putDataset(layout.emission(), emission).putAttribute("units", "eV");
            if (i0 != null) group(entry, "monitor", "NXmonitor").putDataset("data", i0);
        }
        return file;
    }
}
