package org.edgeworks.cli;

import java.io.PrintWriter;

import org.edgeworks.core.EdgeworksException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code edgeworks} command: a plain-JVM entry point (no OSGi needed) for scripting,
 * batch and cluster jobs. Errors reach the user as one line naming the file and the path
 * inside it; stack traces only with EDGEWORKS_DEBUG=1.
 */
@Command(name = "edgeworks", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Synchrotron X-ray spectroscopy: NeXus/HDF5 and XDI loading, XANES, mRIXS, iPFY.",
    subcommands = {InfoCommand.class, DemoCommand.class, org.edgeworks.cli.xas.XasCommand.class, org.edgeworks.cli.rixs.RixsCommand.class,
        org.edgeworks.cli.RunCommand.class, org.edgeworks.cli.RerunCommand.class})
public final class Main implements Runnable {

    /** Exit code for bad input or a failed computation (usage errors are 2, as picocli does). */
    public static final int EXIT_FAILURE = 1;

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code (used by tests). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            Throwable t = ex;
            while (!(t instanceof EdgeworksException) && t.getCause() != null && t.getCause() != t) t = t.getCause();
            if (t instanceof EdgeworksException ee) {
                err.println("edgeworks: " + ee.getMessage());
            } else {
                err.println("edgeworks: internal error: " + ex + " (rerun with EDGEWORKS_DEBUG=1 for details)");
            }
            if ("1".equals(System.getenv("EDGEWORKS_DEBUG"))) ex.printStackTrace(err);
            err.flush();
            return EXIT_FAILURE;
        });
        try {
            return cl.execute(args);
        } catch (RuntimeException | LinkageError e) {
            // picocli hands errors outside the command (class loading, out of memory) to us
            err.println("edgeworks: internal error: " + e + " (rerun with EDGEWORKS_DEBUG=1 for details)");
            if ("1".equals(System.getenv("EDGEWORKS_DEBUG"))) e.printStackTrace(err);
            err.flush();
            return EXIT_FAILURE;
        }
    }

    /** Version from the bundle manifest when there is one. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"edgeworks " + (v == null ? "0.1.0" : v)};
        }
    }
}
