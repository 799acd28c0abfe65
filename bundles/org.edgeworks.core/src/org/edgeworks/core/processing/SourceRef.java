package org.edgeworks.core.processing;

/**
 * The raw input of a result: absolute file path, path inside the file (HDF5 path or column
 * selection) and the SHA-256 of the file's bytes at the time it was read.
 */
public record SourceRef(String file, String pathInFile, String sha256) {
}
