package org.edgeworks.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One command line run in-process as a user types it: exit status, standard output, standard error (the cli tests' one runner). */
public record CliRun(int code, String out, String err) {
    public static CliRun of(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }
}
