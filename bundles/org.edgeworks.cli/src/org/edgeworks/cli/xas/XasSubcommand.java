package org.edgeworks.cli.xas;

import org.edgeworks.cli.RecordOptions;
import org.edgeworks.core.EdgeworksException;

import picocli.CommandLine.Mixin;

/** An xas subcommand that reads scans: {@link OutputSubcommand} plus the channel selection (--energy, --mu, --i0, ...). */
abstract class XasSubcommand extends OutputSubcommand {
    @Mixin XasInputOptions in;

    /** Notes and warnings about a loaded spectrum name the file as the user typed it. */
    @Override
    void started() {
        out.subjects(in::typedSubject);
    }

    /**
     * An error about a loaded spectrum names the file as the user typed it, and a processor's
     * refusal led by one of its parameters ("pre1: the pre-edge window ... holds 0 points", "eL2:
     * give the L2 energy ...") names the option instead ("--pre1: ...", "--l2: ...").
     */
    @Override
    EdgeworksException named(EdgeworksException e) {
        EdgeworksException t = in.asTypedFile(e);
        String problem = t.problem();
        int colon = problem == null ? -1 : problem.indexOf(": ");
        if (colon <= 0 || t.file() == null || t.file().startsWith("--")) return t;
        String option = optionOf(problem.substring(0, colon));
        return option == null ? t : new EdgeworksException(t.file(), t.pathInFile(), option + problem.substring(colon), t);
    }

    /** The option of a processor parameter of this command (its records and its mixins' records; not the channel options). */
    private String optionOf(String component) {
        java.util.List<Object> holders = new java.util.ArrayList<>();
        for (var m : spec.mixins().values()) holders.add(m.userObject());
        holders.add(this);
        for (Object h : holders) {
            if (!(h instanceof RecordOptions.Holder holder) || h instanceof XasInputOptions || h instanceof ReferenceOptions) continue;
            for (RecordOptions<?> r : holder.recordOptions()) {
                String o = r.optionFor(component);
                if (o != null) return o;
            }
        }
        return null;
    }
}
