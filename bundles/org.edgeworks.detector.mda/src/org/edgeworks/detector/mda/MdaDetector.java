package org.edgeworks.detector.mda;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.january.dataset.DatasetFactory;
import org.eclipse.january.dataset.DoubleDataset;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Channel;
import org.edgeworks.core.data.ChannelRole;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.data.EnergyUnits;
import org.edgeworks.core.data.Unit;
import org.edgeworks.core.detector.Detector;
import org.edgeworks.core.detector.FileProbe;

/**
 * EPICS sscan MDA files as scans. Each column of the outer scan is a 1-D channel named by its PV;
 * each detector of an inner scan (e.g. an SDD's full MCA spectrum at every energy point) is a
 * channel of shape [points, bins] with role MCA. One energy channel is chosen: a calculated
 * photon-energy readback if there is one, else the monochromator positioner. The SDD convention
 * (org.edgeworks.detector.sdd) pairs the k-th MCA channel with the k-th ICR and OCR channels.
 */
public final class MdaDetector implements Detector {
    public static final String ID = "org.edgeworks.detector.mda";

    @Override public String id() { return ID; }

    @Override
    public int recognise(Path file, FileProbe probe) {
        return MdaFile.looksLikeMda(probe.head()) ? 5 : 0;
    }

    @Override
    public Scan read(Path file) throws EdgeworksException {
        MdaFile mda = MdaFile.read(file);
        List<MdaFile.Level> levels = mda.levels();
        MdaFile.Level outer = levels.get(0);
        if (outer.completed() == 0) throw new EdgeworksException(file, "scan " + outer.scanner(), "no completed points");
        int energyColumn = energyColumn(outer.columns());
        List<Channel> channels = new ArrayList<>();
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", "EPICS sscan MDA " + mda.version());
        meta.put("scan_number", String.valueOf(mda.scanNumber()));
        meta.put("dimensions", Arrays.toString(mda.dimensions()));
        meta.put("points_completed", outer.completed() + " of " + outer.planned());
        meta.put("scanner", outer.scanner());
        meta.put("time", outer.time());
        java.util.Set<String> used = new java.util.HashSet<>();
        for (int li = 0; li < levels.size(); li++) {
            MdaFile.Level level = levels.get(li);
            for (int c = 0; c < level.columns().size(); c++) {
                MdaFile.Column col = level.columns().get(c);
                ChannelRole role;
                if (li == 0) role = c == energyColumn ? ChannelRole.ENERGY : PvRoles.role(col);
                else role = col.positioner() ? ChannelRole.OTHER : ChannelRole.MCA;
                if (role == ChannelRole.ENERGY && c != energyColumn) role = ChannelRole.OTHER;
                double[] values = level.column(c);
                Unit unit = Unit.parse(col.positioner() && !col.readbackUnit().isEmpty() ? col.readbackUnit() : col.unit());
                if (role == ChannelRole.ENERGY && !unit.isEnergy()) {
                    EnergyUnits.Decision u = EnergyUnits.decide(col.name(), unit, values);
                    unit = u.unit();
                    meta.put("note.energy", u.note());
                }
                String name = col.name().isEmpty() ? col.label(li + 1) : col.name();
                if (!used.add(name)) name = name + " (" + col.label(li + 1) + ")";
                used.add(name);
                DoubleDataset d = DatasetFactory.createFromObject(DoubleDataset.class, values, level.shape());
                d.setName(name);
                String from = col.label(li + 1) + (col.description().isEmpty() ? "" : " '" + col.description() + "'");
                channels.add(new Channel(name, role, unit, d, from));
            }
        }
        for (MdaFile.ExtraPv pv : mda.extraPvs().values())
            meta.put("pv." + pv.name(), pv.value() + (pv.unit().isEmpty() ? "" : " " + pv.unit()));
        return new Scan(file, outer.scanner(), ID, channels, meta);
    }

    /** Index of the energy column of the outer scan, or -1. */
    static int energyColumn(List<MdaFile.Column> columns) {
        for (int c = 0; c < columns.size(); c++) if (PvRoles.isEnergyReadback(columns.get(c))) return c;
        for (int c = 0; c < columns.size(); c++) if (PvRoles.isEnergyPositioner(columns.get(c))) return c;
        return -1;
    }
}
