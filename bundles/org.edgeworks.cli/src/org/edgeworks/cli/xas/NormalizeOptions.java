package org.edgeworks.cli.xas;

import java.util.List;
import java.util.Map;

import org.edgeworks.cli.RecordOptions;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.xas.NormalizeProcessor;

import picocli.CommandLine.Command;

/**
 * The normalisation options of {@code xas normalize} (a picocli mixin), shared by {@code xas stack}:
 * generated from {@link NormalizeProcessor.Params} by {@link RecordOptions} ({@code --e0},
 * {@code --e0-method}, {@code --pre1}, {@code --pre2}, {@code --norm1}, {@code --norm2},
 * {@code --nnorm}, {@code --nvict}, {@code --step}, {@code --normalization}); help text, defaults and
 * bounds are the record's. A fixed E0 ({@code --e0}) without {@code --e0-method} means
 * {@code e0Method = fixed}.
 */
@Command(modelTransformer = RecordOptions.Transformer.class)
public final class NormalizeOptions implements RecordOptions.Holder {
    final RecordOptions<NormalizeProcessor.Params> record =
        new RecordOptions<>(NormalizeProcessor.Params.class, NormalizeProcessor.Params.defaults());

    @Override public List<RecordOptions<?>> recordOptions() { return List.of(record); }

    /**
     * True when no normalisation option was given; {@code --nvict 0} and
     * {@code --normalization edge-step}, the defaults, count as not given (as before the options
     * were generated), so a file's stored parameters are still used then.
     */
    public boolean none() {
        for (String c : new String[] {"e0", "e0Method", "pre1", "pre2", "norm1", "norm2", "nnorm", "step"})
            if (record.given(c)) return false;
        if (record.given("nvict") && !record.text("nvict").strip().matches("[+]?0+(\\.0*)?")) return false;
        return !record.given("normalization") || record.text("normalization").strip().equalsIgnoreCase("edge-step");
    }

    /** The given text of a range option ("pre1", "pre2", "norm1", "norm2"), or null. */
    String text(String component) {
        return record.text(component);
    }

    public NormalizeProcessor.Params params() throws EdgeworksException {
        Map<String, String> implied = record.given("e0") && !record.given("e0Method") ? Map.of("e0Method", "fixed") : Map.of();
        return record.build(null, implied);
    }
}
