package org.edgeworks.core;

import java.nio.file.Path;

/**
 * The one checked error of Edgeworks: bad input, a missing field, a fit that cannot be done.
 * Its message is a single line naming the file, the path inside it (when there is one) and
 * what is wrong, so the command line can print it as it is and never a stack trace.
 */
public class EdgeworksException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final String pathInFile;
    private final String problem;

    public EdgeworksException(String file, String pathInFile, String problem) {
        this(file, pathInFile, problem, null);
    }

    public EdgeworksException(String file, String pathInFile, String problem, Throwable cause) {
        super(compose(file, pathInFile, problem), cause);
        this.file = file;
        this.pathInFile = pathInFile;
        this.problem = problem;
    }

    public EdgeworksException(Path file, String pathInFile, String problem) {
        this(file == null ? null : file.toString(), pathInFile, problem, null);
    }

    public EdgeworksException(Path file, String pathInFile, String problem, Throwable cause) {
        this(file == null ? null : file.toString(), pathInFile, problem, cause);
    }

    /** An error about a named input that is not a file (a spectrum in memory, a parameter). */
    public static EdgeworksException of(String subject, String problem) {
        return new EdgeworksException(subject, null, problem);
    }

    /** The same problem, now attributed to a file and a path inside it. */
    public EdgeworksException in(String newFile, String newPath) {
        return new EdgeworksException(newFile, newPath != null ? newPath : pathInFile, problem, this);
    }

    public String file() { return file; }
    public String pathInFile() { return pathInFile; }
    public String problem() { return problem; }

    private static String compose(String file, String path, String problem) {
        StringBuilder sb = new StringBuilder();
        if (file != null && !file.isEmpty()) sb.append(file).append(": ");
        if (path != null && !path.isEmpty()) sb.append(path).append(": ");
        String p = problem == null ? "unknown error" : problem;
        sb.append(p.replace('\n', ' ').replace('\r', ' '));
        return sb.toString();
    }
}
