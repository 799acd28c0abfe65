package org.edgeworks.core.processing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes one component of a parameter record so that forms (UI), --help text (CLI) and
 * validation are generated from the record itself, in the manner of DAWN's operation models.
 * The default value lives in the record's {@code defaults()} factory, next to its reason.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface Param {
    String label();
    String unit() default "";
    String description() default "";
    double min() default Double.NEGATIVE_INFINITY;
    double max() default Double.POSITIVE_INFINITY;

    /**
     * A run setting (threads, memory bounds), not science: it cannot change the numbers, so
     * provenance records it apart from the science parameters ({@link Parameters#science}).
     */
    boolean runSetting() default false;

    /**
     * When this parameter applies: the name of a boolean component ("shifts": only when shifts is
     * true) or NAME=VALUE of another component ("method=box"); empty: always. Forms grey it out and
     * --help says "applies with --shifts" otherwise; the value is still recorded.
     */
    String enableIf() default "";

    /** An expert setting: the default suits nearly every case (forms may fold it away; --help marks it). */
    boolean expert() default false;
}
