package org.edgeworks.detector.sdd;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.january.dataset.DatasetUtils;
import org.eclipse.january.dataset.DoubleDataset;
import org.eclipse.january.dataset.IDataset;
import org.eclipse.january.dataset.SliceND;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Channel;
import org.edgeworks.core.data.ChannelRole;
import org.edgeworks.core.data.Scan;

/**
 * The SDD part of a scan, as any detector bundle hands it over: ENERGY, I0, and per detector
 * element an MCA channel [points, bins] with its ICR and OCR channels. Convention (documented in
 * the detectors extension point): the k-th MCA channel pairs with the k-th ICR and k-th OCR
 * channel; a single ICR/OCR pair serves every element; no ICR/OCR means no dead-time correction.
 *
 * @param elements per element: name, counts[point][bin], icr and ocr per point (null when absent)
 */
public record SddData(String name, double[] energy, double[] i0, List<Element> elements) {

    public record Element(String name, double[][] counts, double[] icr, double[] ocr) {
        public int bins() { return counts.length == 0 ? 0 : counts[0].length; }
    }

    public int points() { return energy.length; }

    /** Gathers the SDD channels of a scan; the error names the file and what is missing. */
    public static SddData of(Scan scan) throws EdgeworksException {
        String file = String.valueOf(scan.source());
        double[] energy = scan.require(ChannelRole.ENERGY).readDoubles(file);
        int n = energy.length;
        double[] i0 = scan.first(ChannelRole.I0).isPresent() ? scan.require(ChannelRole.I0).readDoubles(file) : null;
        List<Channel> mca = scan.all(ChannelRole.MCA);
        if (mca.isEmpty()) throw new EdgeworksException(file, scan.entryPath(), "no MCA channel (an SDD scan needs a spectrum per point)");
        List<Channel> icr = scan.all(ChannelRole.ICR), ocr = scan.all(ChannelRole.OCR);
        if (icr.size() != ocr.size())
            throw new EdgeworksException(file, scan.entryPath(), icr.size() + " ICR but " + ocr.size() + " OCR channels");
        if (!icr.isEmpty() && icr.size() != 1 && icr.size() != mca.size())
            throw new EdgeworksException(file, scan.entryPath(), mca.size() + " MCA channels but " + icr.size() + " ICR/OCR pairs");
        List<Element> elements = new ArrayList<>();
        for (int k = 0; k < mca.size(); k++) {
            Channel c = mca.get(k);
            int[] shape = c.shape();
            if (shape.length != 2 || shape[0] != n)
                throw new EdgeworksException(file, c.sourcePath(), "MCA '" + c.name() + "' has shape " + java.util.Arrays.toString(shape)
                    + ", expected [" + n + ", bins]");
            double[][] counts = new double[n][];
            for (int p = 0; p < n; p++) {
                IDataset row = c.readSlice(file, new SliceND(shape, new int[] {p, 0}, new int[] {p + 1, shape[1]}, null));
                counts[p] = DatasetUtils.cast(DoubleDataset.class, row).getData().clone();
            }
            double[] ic = icr.isEmpty() ? null : icr.get(icr.size() == 1 ? 0 : k).readDoubles(file);
            double[] oc = ocr.isEmpty() ? null : ocr.get(ocr.size() == 1 ? 0 : k).readDoubles(file);
            elements.add(new Element(c.name(), counts, ic, oc));
        }
        return new SddData(scan.name(), energy, i0, elements);
    }
}
