package org.edgeworks.nexus;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the build's generator (generator/make_flavours.py) wrote the HDF5 flavours. */
final class Flavours {
    private Flavours() {}

    static final Path SHARED = Path.of(System.getProperty("edgeworks.shared.data", "../../../shared/data"));

    static Path dir() {
        Path p = Path.of(System.getProperty("edgeworks.test.flavours", "target/flavours"));
        if (!Files.isDirectory(p)) throw new IllegalStateException("HDF5 flavours not generated at " + p.toAbsolutePath()
            + ": the build runs generator/make_flavours.py with /usr/bin/python3 (python3-h5py, python3-lz4)");
        return p;
    }

    static Path file(String name) { return dir().resolve(name); }
}
