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

    private record Rule(Pattern pattern, ChannelRole role) {
        boolean matches(String s) { return pattern.matcher(s).find(); }
    }

    private static Rule rule(String regex, ChannelRole role) {
        return new Rule(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), role);
    }

    /** Rules on the PV name; checked before the description rules. */
    private static final List<Rule> BY_NAME = List.of(
        // MEX2 (Australian Synchrotron): DAQ channel 1 = BIM (upstream monitor), 2 = i0, 3 = sample drain
        rule("^MEX2ES01DAQ01:ch2:S:MeanValue", ChannelRole.I0),
        rule("^MEX2ES01DAQ01:ch3:S:MeanValue", ChannelRole.TEY),
        rule("PC_GATE_WID", ChannelRole.COUNT_TIME),
        // per-element count rates of a digital pulse processor ("dppAVG" is an average, not an element)
        rule("dpp\\d+:InputCountRate$", ChannelRole.ICR),
        rule("dpp\\d+:OutputCountRate$", ChannelRole.OCR),
        rule("ch\\d+:InputCountRate$", ChannelRole.ICR),
        rule("ch\\d+:OutputCountRate$", ChannelRole.OCR),
        // regions of interest of an MCA: EPICS mca record ROIs and DPP ROI totals
        rule("mca\\d*\\.R\\d+$", ChannelRole.PFY),
        rule(":R:\\d+:Total(_RBV)?$", ChannelRole.PFY),
        rule("scaler\\d*\\.TP?$", ChannelRole.COUNT_TIME));

    /** Rules on the description, for columns whose PV name says nothing. */
    private static final List<Rule> BY_DESCRIPTION = List.of(
        rule("^(I0|Izero|I_0)\\b|\\bI0 (chamber|monitor)", ChannelRole.I0),
        rule("sample drain|drain current|\\bTEY\\b", ChannelRole.TEY),
        rule("^ref(erence)? chamber|\\bIref\\b", ChannelRole.IREF),
        rule("^(It|I1|Itrans)\\b|transmi", ChannelRole.IT),
        rule("^ICR$|input count rate", ChannelRole.ICR),
        rule("^OCR$|output count rate", ChannelRole.OCR),
        rule("\\bTFY\\b", ChannelRole.TFY),
        rule("\\bPFY\\b", ChannelRole.PFY));

    static ChannelRole role(MdaFile.Column c) {
        for (Rule r : BY_NAME) if (r.matches(c.name())) return r.role();
        for (Rule r : BY_DESCRIPTION) if (r.matches(c.description())) return r.role();
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
