package org.edgeworks.pipeline;

import java.nio.file.Path;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.io.AtomicFiles;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;

/**
 * Raw XAS counters written as a NeXus NXxas file (application definition NXxas: entry/title,
 * start_time, definition; instrument/source (type, name, probe), instrument/monochromator/energy,
 * instrument/incoming_beam/data, instrument/absorbed_beam/data; sample/name; monitor (mode, preset,
 * data); data (NXdata: energy and absorbed_beam)). Datasets are copied where NXxas links them
 * (jHDF's writer makes no links). Written atomically.
 */
public final class NxxasWriter {
    private NxxasWriter() {}

    /**
     * @param energy   monochromator energy, eV
     * @param incoming I0 per point
     * @param absorbed the sample signal per point (It in transmission, If in fluorescence)
     * @param mode     "transmission" or "fluorescence" (NXdata's long name of absorbed_beam)
     */
    public static void write(Path target, boolean overwrite, String title, String startTime, String sampleName, double[] energy,
                             double[] incoming, double[] absorbed, String mode) throws EdgeworksException {
        if (incoming.length != energy.length || absorbed.length != energy.length)
            throw new EdgeworksException(target, null, "energy has " + energy.length + " points, incoming_beam " + incoming.length + ", absorbed_beam " + absorbed.length);
        AtomicFiles.write(target, overwrite, tmp -> {
            try (WritableHdfFile f = HdfFile.write(tmp)) {
                f.putAttribute("default", "entry");
                f.putAttribute("creator", ResultNexus.PROGRAM);
                WritableGroup e = f.putGroup("entry");
                e.putAttribute("NX_class", "NXentry");
                e.putAttribute("default", "data");
                e.putDataset("title", title);
                e.putDataset("start_time", startTime);
                e.putDataset("definition", "NXxas");
                WritableGroup ins = e.putGroup("instrument");
                ins.putAttribute("NX_class", "NXinstrument");
                WritableGroup src = ins.putGroup("source");
                src.putAttribute("NX_class", "NXsource");
                src.putDataset("type", "Synchrotron X-ray Source");
                src.putDataset("name", "unknown (not recorded in the raw file)");
                src.putDataset("probe", "x-ray");
                WritableGroup mono = ins.putGroup("monochromator");
                mono.putAttribute("NX_class", "NXmonochromator");
                mono.putDataset("energy", energy.clone()).putAttribute("units", "eV");
                WritableGroup in = ins.putGroup("incoming_beam");
                in.putAttribute("NX_class", "NXdetector");
                in.putDataset("data", incoming.clone());
                WritableGroup ab = ins.putGroup("absorbed_beam");
                ab.putAttribute("NX_class", "NXdetector");
                ab.putDataset("data", absorbed.clone());
                WritableGroup sample = e.putGroup("sample");
                sample.putAttribute("NX_class", "NXsample");
                sample.putDataset("name", sampleName);
                WritableGroup mon = e.putGroup("monitor");
                mon.putAttribute("NX_class", "NXmonitor");
                mon.putDataset("mode", "timer");
                mon.putDataset("preset", 0.0);
                mon.putDataset("data", incoming.clone());
                WritableGroup data = e.putGroup("data");
                data.putAttribute("NX_class", "NXdata");
                data.putAttribute("signal", "absorbed_beam");
                data.putAttribute("axes", new String[] {"energy"});
                data.putAttribute("energy_indices", 0);
                data.putDataset("energy", energy.clone()).putAttribute("units", "eV");
                data.putDataset("absorbed_beam", absorbed.clone()).putAttribute("long_name", mode);
            }
        });
    }
}
