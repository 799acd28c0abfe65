package org.edgeworks.pipeline;

import java.util.Locale;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Channel;
import org.edgeworks.core.data.ChannelRole;
import org.edgeworks.core.data.Scan;

/** How adapters name channels: "" = the default role, a role name (I0, IT, PFY...) or a channel name. */
final class ScanChannels {
    private ScanChannels() {}

    static Channel pick(Scan scan, String selector, ChannelRole defaultRole, String parameter) throws EdgeworksException {
        String file = String.valueOf(scan.source());
        if (selector == null || selector.isBlank()) {
            if (defaultRole == null) return null;
            return scan.first(defaultRole).orElseThrow(() -> new EdgeworksException(file, scan.entryPath(),
                parameter + ": no " + defaultRole + " channel (channels: " + String.join(", ", scan.channels().keySet()) + ")"));
        }
        if (scan.channel(selector).isPresent()) return scan.channel(selector).get();
        try {
            ChannelRole role = ChannelRole.valueOf(selector.toUpperCase(Locale.ROOT));
            return scan.first(role).orElseThrow(() -> new EdgeworksException(file, scan.entryPath(),
                parameter + ": no " + role + " channel (channels: " + String.join(", ", scan.channels().keySet()) + ")"));
        } catch (IllegalArgumentException notARole) {
            try {
                return scan.require(selector);
            } catch (EdgeworksException e) {
                throw new EdgeworksException(file, scan.entryPath(), parameter + ": " + e.problem());
            }
        }
    }

    static double[] read(Scan scan, Channel c) throws EdgeworksException {
        return c == null ? null : c.readDoubles(String.valueOf(scan.source()));
    }

    /**
     * The 2-D channel of shape [rows, columns] an adapter takes as its plane (reduced emission
     * spectra, a map): the one named by {@code selector}, else the first such channel that is not
     * an image stack nor standard deviations (NAME_errors); one line naming the file when none fits.
     */
    static Channel plane(Scan scan, String selector, int rows, int columns, String parameter) throws EdgeworksException {
        Channel s = null;
        if (selector != null && !selector.isBlank()) s = pick(scan, selector, null, parameter);
        else for (Channel c : scan.channels().values())
            if (c.rank() == 2 && c.shape()[0] == rows && c.shape()[1] == columns && c.role() != ChannelRole.IMAGE_STACK
                && !c.name().endsWith("_errors")) { s = c; break; }
        if (s == null || s.rank() != 2 || s.shape()[0] != rows || s.shape()[1] != columns)
            throw new EdgeworksException(String.valueOf(scan.source()), scan.entryPath(), parameter + ": no channel of shape [" + rows + ", " + columns + "]");
        return s;
    }

    /** Rows of a row-major [rows, columns] array. */
    static double[][] rows(double[] flat, int rows, int columns) {
        double[][] out = new double[rows][columns];
        for (int i = 0; i < rows; i++) System.arraycopy(flat, i * columns, out[i], 0, columns);
        return out;
    }
}
