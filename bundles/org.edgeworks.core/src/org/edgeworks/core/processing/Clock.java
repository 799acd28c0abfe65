package org.edgeworks.core.processing;

import java.time.Instant;

/**
 * The date results record. Normally now; with the environment variable {@code SOURCE_DATE_EPOCH}
 * (seconds since 1970, the reproducible-builds convention) that instant instead, so the same
 * inputs give byte-identical result files wherever and whenever they are computed (a rerun, a
 * Spark executor against {@code edgeworks run}).
 */
public final class Clock {
    private Clock() {}

    /** ISO-8601 instant. */
    public static String now() {
        String epoch = System.getenv("SOURCE_DATE_EPOCH");
        if (epoch != null && !epoch.isBlank()) {
            try {
                return Instant.ofEpochSecond(Long.parseLong(epoch.trim())).toString();
            } catch (NumberFormatException e) {
                // not a number: the variable is not meant for us; record the real date
            }
        }
        return Instant.now().toString();
    }
}
