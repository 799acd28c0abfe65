package org.edgeworks.core.processing;

import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * The date results record. Normally now; with the environment variable {@code SOURCE_DATE_EPOCH}
 * (seconds since 1970, the reproducible-builds convention) that instant instead, so the same
 * inputs give byte-identical result files wherever and whenever they are computed (a rerun, a
 * Spark executor against {@code edgeworks run}). Every date written into a result (provenance,
 * pipeline NeXus files, RIXS map files) comes from here.
 */
public final class Clock {
    private Clock() {}

    /** Where the variable is looked up: the process environment (tests give their own, see {@link #withEnvironment}). */
    private static volatile UnaryOperator<String> environment = System::getenv;

    /** ISO-8601 instant. */
    public static String now() {
        String epoch = environment.apply("SOURCE_DATE_EPOCH");
        if (epoch != null && !epoch.isBlank()) {
            try {
                return Instant.ofEpochSecond(Long.parseLong(epoch.trim())).toString();
            } catch (NumberFormatException e) {
                // not a number: the variable is not meant for us; record the real date
            }
        }
        return Instant.now().toString();
    }

    /**
     * For tests (a JVM cannot change its own environment): {@link #now} reads variables from
     * {@code env} until the returned handle is closed, then from the process environment again.
     */
    public static AutoCloseable withEnvironment(UnaryOperator<String> env) {
        environment = env;
        return () -> environment = System::getenv;
    }
}
