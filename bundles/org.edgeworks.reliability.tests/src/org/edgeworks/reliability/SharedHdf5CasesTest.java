package org.edgeworks.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.edgeworks.core.data.Axis;
import org.edgeworks.core.data.ChannelRole;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.data.Spectrum;
import org.edgeworks.core.detector.DetectorRegistry;
import org.edgeworks.nexus.NexusFile;
import org.edgeworks.xas.NormalizeProcessor;
import org.junit.jupiter.api.Test;

/**
 * The shared cases ../shared/cases/hdf5-scaleoffset and hdf5-enum-in-nxdata (issue 13): valid
 * HDF5 that h5py reads. Right values from their READMEs (h5py's reads normalised by Larch):
 * E0 8980.5 eV and edge step 2.837233 / 2.837232, relative 1e-5.
 */
class SharedHdf5CasesTest {
    private static final Path CASES = Path.of(System.getProperty("edgeworks.shared.data", "../../../shared/data")).resolveSibling("cases");

    private static NormalizeProcessor.Normalized normalise(Path file) throws Exception {
        Scan scan = DetectorRegistry.load().read(file);
        double[] e = scan.require(ChannelRole.ENERGY).readDoubles(file.toString());
        double[] mu = scan.require(ChannelRole.MU).readDoubles(file.toString());
        return new NormalizeProcessor().apply(new Spectrum("case", Axis.energy(e), mu, null, "mu"), NormalizeProcessor.Params.defaults()).value();
    }

    @Test
    void scaleOffsetFilteredNexusReadsAsH5pyReadsIt() throws Exception {
        NormalizeProcessor.Normalized n = normalise(CASES.resolve("hdf5-scaleoffset/cu_scaleoffset.nxs"));
        assertEquals(8980.5, n.e0(), 1e-9, "E0 (eV)");
        assertEquals(2.837233, n.edgeStep(), 2.837233e-5, "edge step");
    }

    @Test
    void anEnumDatasetBesideTheSignalDoesNotDisableTheFile() throws Exception {
        Path file = CASES.resolve("hdf5-enum-in-nxdata/cu_enum_in_nxdata.nxs");
        NormalizeProcessor.Normalized n = normalise(file);
        assertEquals(8980.5, n.e0(), 1e-9, "E0 (eV)");
        assertEquals(2.837232, n.edgeStep(), 2.837232e-5, "edge step");
        try (NexusFile nx = NexusFile.open(file)) {
            Map<Long, String> labels = nx.enumLabels("/entry/data/shutter");
            assertTrue(!labels.isEmpty(), "the enum's labels are read");
            for (double v : nx.readDoubles("/entry/data/shutter"))
                assertTrue(labels.containsKey((long) v), "every value is one of the enum's values: " + v + " " + labels);
        }
    }
}
