package org.edgeworks.detector.mda;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.edgeworks.core.data.ChannelRole;

/**
 * What an MDA column means. MDA files carry PV names and (sometimes) descriptions, no roles, so
 * roles come from rules on those strings: first generic EPICS conventions (descriptions such as
 * "I0 Chamber", MCA ROI PVs "mca1.R0", count-rate PVs), then a short table of PVs of beamlines
 * whose columns carry no description (Australian Synchrotron MEX2). A beamline with other names
 * adds a rule here or ships its own detector bundle with a higher priority.
 */
final class PvRoles {
    private PvRoles() {}

    /** A rule: the regular expression (case-insensitive, found anywhere) on the PV name or on the description. */
    private record Rule(boolean onName, Pattern pattern, ChannelRole role) {
        boolean matches(MdaFile.Column c) { return pattern.matcher(onName ? c.name() : c.description()).find(); }
    }

    private static Rule name(String regex, ChannelRole role) {
        return new Rule(true, Pattern.compile(regex, Pattern.CASE_INSENSITIVE), role);
    }

    private static Rule description(String regex, ChannelRole role) {
        return new Rule(false, Pattern.compile(regex, Pattern.CASE_INSENSITIVE), role);
    }

    /**
     * The rules in the order they are tried, the first match wins: the PV-name rules first, then the
     * description rules for columns whose PV name says nothing.
     */
    private static final List<Rule> RULES = List.of(
        // MEX2 (Australian Synchrotron): DAQ channel 1 = BIM (upstream monitor), 2 = i0, 3 = sample drain
        name("^MEX2ES01DAQ01:ch2:S:MeanValue", ChannelRole.I0),
        name("^MEX2ES01DAQ01:ch3:S:MeanValue", ChannelRole.TEY),
        name("PC_GATE_WID", ChannelRole.COUNT_TIME),
        // per-element count rates of a digital pulse processor ("dppAVG" is an average, not an element)
        name("dpp\\d+:InputCountRate$", ChannelRole.ICR),
        name("dpp\\d+:OutputCountRate$", ChannelRole.OCR),
        name("ch\\d+:InputCountRate$", ChannelRole.ICR),
        name("ch\\d+:OutputCountRate$", ChannelRole.OCR),
        // regions of interest of an MCA: EPICS mca record ROIs and DPP ROI totals
        name("mca\\d*\\.R\\d+$", ChannelRole.PFY),
        name(":R:\\d+:Total(_RBV)?$", ChannelRole.PFY),
        name("scaler\\d*\\.TP?$", ChannelRole.COUNT_TIME),
        // EPICS descriptions
        description("^(I0|Izero|I_0)\\b|\\bI0 (chamber|monitor)", ChannelRole.I0),
        description("sample drain|drain current|\\bTEY\\b", ChannelRole.TEY),
        description("^ref(erence)? chamber|\\bIref\\b", ChannelRole.IREF),
        description("^(It|I1|Itrans)\\b|transmi", ChannelRole.IT),
        description("^ICR$|input count rate", ChannelRole.ICR),
        description("^OCR$|output count rate", ChannelRole.OCR),
        description("\\bTFY\\b", ChannelRole.TFY),
        description("\\bPFY\\b", ChannelRole.PFY));

    static ChannelRole role(MdaFile.Column c) {
        for (Rule r : RULES) if (r.matches(c)) return r.role();
        return ChannelRole.OTHER;
    }

    /** A calculated/readback photon energy detector: preferred over the monochromator set-point. */
    static boolean isEnergyReadback(MdaFile.Column c) {
        String n = c.name().toLowerCase(Locale.ROOT), d = c.description().toLowerCase(Locale.ROOT);
        return !c.positioner() && ((n.contains("calc") && n.contains("energy")) || (d.contains("calculated") && d.contains("energy")));
    }

    /** A positioner that moves the monochromator energy. */
    static boolean isEnergyPositioner(MdaFile.Column c) {
        String all = (c.name() + " " + c.description() + " " + c.readbackName()).toLowerCase(Locale.ROOT);
        String unit = c.unit().toLowerCase(Locale.ROOT);
        return c.positioner() && (unit.equals("ev") || unit.equals("kev") || all.contains("energy") || all.contains("mono"));
    }
}
