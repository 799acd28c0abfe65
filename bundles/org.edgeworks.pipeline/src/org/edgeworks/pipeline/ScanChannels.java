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
}
