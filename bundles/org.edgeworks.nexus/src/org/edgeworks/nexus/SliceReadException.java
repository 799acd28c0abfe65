package org.edgeworks.nexus;

import java.io.IOException;

import org.edgeworks.core.EdgeworksException;

/**
 * Carries an {@link EdgeworksException} through January's lazy-loading API, which only lets
 * loaders throw IOException; {@link org.edgeworks.core.data.Channel} unwraps it so the user
 * still sees the file and the path inside it.
 */
public final class SliceReadException extends IOException {
    private static final long serialVersionUID = 1L;

    public SliceReadException(EdgeworksException cause) {
        super(cause.getMessage(), cause);
    }
}
