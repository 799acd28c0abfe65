package org.edgeworks.core.processing;

/** A processor's output with the provenance of the step that made it. */
public record Result<O>(O value, Provenance provenance) {
}
