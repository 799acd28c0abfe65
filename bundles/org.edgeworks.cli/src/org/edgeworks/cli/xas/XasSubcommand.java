package org.edgeworks.cli.xas;

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

    /** An error about a loaded spectrum names the file as the user typed it. */
    @Override
    EdgeworksException named(EdgeworksException e) {
        return in.asTypedFile(e);
    }
}
