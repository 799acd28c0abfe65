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

    /** The one message for an input that is not there: "PATH: no such file", the path as given. */
    public static EdgeworksException noSuchFile(Path file) {
        return new EdgeworksException(file, null, NO_SUCH_FILE);
    }

    /** The problem of {@link #noSuchFile}. */
    public static final String NO_SUCH_FILE = "no such file";

    /** The problem of an input of 0 bytes, worded the same by every reader (the detectors, the HDF5 reader). */
    public static final String EMPTY_FILE = "empty file (0 bytes)";

    /**
     * An input that could not be read, worded the same by every reader: {@link #noSuchFile} when
     * it is not there, "permission denied", "is a folder, not a file", else "cannot read: " and the
     * system's reason (without the path repeated); the path as given, first.
     */
    public static EdgeworksException unreadable(Path file, java.io.IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException || (file != null && !java.nio.file.Files.exists(file)))
            return new EdgeworksException(file, null, NO_SUCH_FILE, e);
        if (e instanceof java.nio.file.AccessDeniedException) return new EdgeworksException(file, null, "permission denied", e);
        if (file != null && java.nio.file.Files.isDirectory(file)) return new EdgeworksException(file, null, "is a folder, not a file", e);
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (file != null) why = why.replace(file.toString() + ": ", "").replace(file.toString(), "").strip();
        return new EdgeworksException(file, null, "cannot read: " + (why.isEmpty() ? e.getClass().getSimpleName() : why), e);
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
