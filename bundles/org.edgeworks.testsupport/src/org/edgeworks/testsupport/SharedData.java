package org.edgeworks.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the shared data are: the system property {@code edgeworks.shared.data} (the build sets it to
 * ../shared/data of the checkout), else the environment variable EDGEWORKS_SHARED_DATA, else the
 * first of ../../../shared/data (from a test bundle's folder), ../../shared/data, ../shared/data
 * that exists. The peers' results are under peers/, the shared cases beside data/ in cases/.
 */
public final class SharedData {
    private SharedData() {}

    /** The data folder (may not exist: tests that need a file fail naming it). */
    public static Path dir() {
        String p = System.getProperty("edgeworks.shared.data", System.getenv("EDGEWORKS_SHARED_DATA"));
        if (p != null) return Path.of(p);
        for (String c : new String[] {"../../../shared/data", "../../shared/data", "../shared/data"})
            if (Files.isDirectory(Path.of(c))) return Path.of(c);
        return Path.of("../../../shared/data");
    }

    /** A file or folder below the data folder, e.g. {@code path("xanes", "mn_k", "MnO.dat")}. */
    public static Path path(String first, String... more) {
        return dir().resolve(Path.of(first, more));
    }

    /**
     * The repository's bundled samples/ (from a test bundle's folder ../../samples; also found from
     * the repository root or bundles/), never another checkout's.
     */
    public static Path samples() {
        for (String c : new String[] {"../../samples", "../samples", "samples"})
            if (Files.isDirectory(Path.of(c, "xanes"))) return Path.of(c);
        throw new IllegalStateException("the bundled samples/ folder is not found from " + Path.of("").toAbsolutePath());
    }

    /** The shared cases folder (../shared/cases). */
    public static Path cases() {
        return dir().resolveSibling("cases");
    }
}
