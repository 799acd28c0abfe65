package org.edgeworks.nexus;

/**
 * Resource budgets that keep a hostile or enormous file from exhausting memory: whole-dataset
 * reads and single slices above these sizes are refused with a message instead.
 */
public final class Limits {
    private Limits() {}

    /** Largest dataset read whole (doubles): 64 M elements, 512 MB. Stacks are read in slices. */
    public static final long MAX_WHOLE_READ_ELEMENTS = 64L * 1024 * 1024;

    /** Largest single slice: the same budget. */
    public static final long MAX_SLICE_ELEMENTS = MAX_WHOLE_READ_ELEMENTS;
}
