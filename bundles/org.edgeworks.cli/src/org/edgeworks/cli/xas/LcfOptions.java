package org.edgeworks.cli.xas;

import java.util.List;
import java.util.Map;

import org.edgeworks.cli.RecordOptions;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.xas.LcfProcessor;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The fit options of {@code xas lcf} (a picocli mixin), shared by {@code xas stack} and
 * {@code spark --stack}: generated from {@link LcfProcessor.Params} by {@link RecordOptions}
 * ({@code --emin --emax --sum-to-one --shifts --shift-bound --combinations --min-components --rank
 * --extrapolate}); {@code --allow-negative} is the record's {@code nonNegative} turned round (Larch
 * lincombo_fit's unbounded weights), the one option written here.
 */
@Command(modelTransformer = RecordOptions.Transformer.class)
public final class LcfOptions implements RecordOptions.Holder {
    final RecordOptions<LcfProcessor.Params> record =
        new RecordOptions<>(LcfProcessor.Params.class, LcfProcessor.Params.defaults()).exclude("nonNegative");

    @Option(names = "--allow-negative", description = "Do not bound weights at 0 (Larch lincombo_fit's default).") boolean allowNegative;

    @Override public List<RecordOptions<?>> recordOptions() { return List.of(record); }

    public LcfProcessor.Params params() throws EdgeworksException {
        return record.build(null, Map.of("nonNegative", String.valueOf(!allowNegative)));
    }
}
