package org.edgeworks.xas;

import java.util.Map;
import java.util.Optional;

import org.edgeworks.core.EdgeworksException;

/**
 * The normalisation a file stored with its data (an Athena project group: E0, pre/post ranges,
 * post-edge degree, a fixed step), as a detector bundle hands it over in the scan metadata under
 * {@code stored.e0, stored.pre1, stored.pre2, stored.norm1, stored.norm2, stored.nnorm,
 * stored.step} (Larch's names and convention: ranges in eV relative to E0, nnorm the degree) and
 * {@code stored.source}. Used when the user gives no normalisation option, so the result is the
 * one the other program showed.
 */
public final class StoredNormalization {
    private StoredNormalization() {}

    /** The stored parameters as {@link NormalizeProcessor.Params} (fixed E0), or empty when the scan stored none. */
    public static Optional<NormalizeProcessor.Params> of(String subject, Map<String, String> metadata) throws EdgeworksException {
        if (!metadata.containsKey("stored.e0")) return Optional.empty();
        Double e0 = number(subject, metadata, "stored.e0");
        String nn = metadata.get("stored.nnorm");
        Integer nnorm;
        try {
            nnorm = nn == null ? null : Integer.valueOf(nn.trim());
        } catch (NumberFormatException e) {
            throw EdgeworksException.of(subject, "stored.nnorm: '" + nn + "' is not an integer degree");
        }
        NormalizeProcessor.Params d = NormalizeProcessor.Params.defaults();
        return Optional.of(new NormalizeProcessor.Params(E0Method.FIXED, e0, number(subject, metadata, "stored.pre1"),
            number(subject, metadata, "stored.pre2"), number(subject, metadata, "stored.norm1"), number(subject, metadata, "stored.norm2"),
            nnorm, d.nvict(), number(subject, metadata, "stored.step"), d.normalization()));
    }

    /** Where the stored parameters came from, for notes. */
    public static String source(Map<String, String> metadata) {
        return metadata.getOrDefault("stored.source", "parameters stored in the file");
    }

    private static Double number(String subject, Map<String, String> m, String key) throws EdgeworksException {
        String v = m.get(key);
        if (v == null) return null;
        try {
            double d = Double.parseDouble(v.trim());
            if (!Double.isFinite(d)) throw EdgeworksException.of(subject, key + ": " + v + " is not a finite number");
            return d;
        } catch (NumberFormatException e) {
            throw EdgeworksException.of(subject, key + ": '" + v + "' is not a number");
        }
    }
}
