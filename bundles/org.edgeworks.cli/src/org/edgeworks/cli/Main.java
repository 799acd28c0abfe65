package org.edgeworks.cli;

import java.io.PrintWriter;

import org.edgeworks.core.EdgeworksException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code edgeworks} command: a plain-JVM entry point (no OSGi needed) for scripting,
 * batch and cluster jobs. Errors reach the user as one line naming the file and the path
 * inside it; stack traces only with EDGEWORKS_DEBUG=1.
 *
 * <p>Exit status: 0 done; {@link #EXIT_USAGE} 2 for a usage error, i.e. a command line that cannot
 * run whatever the files hold (picocli's parse errors: an unknown or missing option or
 * parameter; and refusals whose subject is an option, {@code --nnorm: 7 is above the maximum 3},
 * or the command itself, {@code rixs cut: give --excitation and/or --emission}); {@link #EXIT_FAILURE}
 * 1 for everything about the data and files (a missing or unreadable file, a path not in it, a
 * fit that cannot be done). Either way one line on stderr, never a stack trace.
 */
@Command(name = "edgeworks", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Synchrotron X-ray spectroscopy: NeXus/HDF5 and XDI loading, XANES, mRIXS, iPFY.",
    subcommands = {InfoCommand.class, DemoCommand.class, org.edgeworks.cli.xas.XasCommand.class, org.edgeworks.cli.rixs.RixsCommand.class,
        org.edgeworks.cli.RunCommand.class, org.edgeworks.cli.RerunCommand.class})
public final class Main implements Runnable {

    /** Exit code for bad input or a failed computation. */
    public static final int EXIT_FAILURE = 1;

    /** Exit code for a usage error (as picocli's parse errors). */
    public static final int EXIT_USAGE = 2;

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
            int code = EXIT_FAILURE;
            if (t instanceof EdgeworksException ee) {
                err.println("edgeworks: " + ee.getMessage());
                if (isUsage(ee, line)) code = EXIT_USAGE;
            } else {
                err.println("edgeworks: internal error: " + ex + " (rerun with EDGEWORKS_DEBUG=1 for details)");
            }
            if ("1".equals(System.getenv("EDGEWORKS_DEBUG"))) ex.printStackTrace(err);
            err.flush();
            return code;
        });
        cl.setParameterExceptionHandler((ex, badArgs) -> {
            // one line: picocli's message, its suggestions, and where the full usage is
            CommandLine c = ex.getCommandLine();
            String msg = ex.getMessage() == null ? "bad command line" : ex.getMessage().strip().replaceAll("\\s*[\\r\\n]+\\s*", "; ");
            if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty())
                msg += " (did you mean " + String.join(" or ", u.getSuggestions()) + "?)";
            err.println("edgeworks: " + msg + " (usage: " + c.getCommandSpec().qualifiedName() + " --help)");
            if ("1".equals(System.getenv("EDGEWORKS_DEBUG"))) ex.printStackTrace(err);
            err.flush();
            return EXIT_USAGE;
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

    /**
     * A refusal of the command line rather than of the data: its subject is an option
     * ("--nnorm", as {@link RecordOptions} and the hand-written options name it) or the command
     * that was run ("xas export", "rixs cut").
     */
    static boolean isUsage(EdgeworksException e, CommandLine line) {
        String subject = e.file();
        if (subject == null || subject.isEmpty()) return false;
        if (subject.startsWith("--")) return true;
        return line != null && line.getCommandSpec().qualifiedName().equals("edgeworks " + subject);
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
