package org.edgeworks.nexus;

/**
 * Resource budgets that keep a hostile or enormous file from exhausting memory: whole-dataset
 * reads and single slices above these sizes are refused with a message instead. The memory a
 * read may take is bounded by: each header block at most the file's length (checked before
 * jHDF allocates it, {@code BoundedStorage}), attributes of at most 64 k elements, one decoded
 * chunk of at most {@link #MAX_CHUNK_BYTES} per decoding thread, and the result itself of at
 * most {@link #MAX_SLICE_ELEMENTS} doubles.
 */
public final class Limits {
    private Limits() {}

    /** Largest dataset read whole (doubles): 64 M elements, 512 MB. Stacks are read in slices. */
    public static final long MAX_WHOLE_READ_ELEMENTS = 64L * 1024 * 1024;

    /** Largest single slice: the same budget. */
    public static final long MAX_SLICE_ELEMENTS = MAX_WHOLE_READ_ELEMENTS;

    /**
     * Largest decoded chunk: 256 MB (detector chunks are a frame, 0.5-20 MB). A chunk declared
     * larger is refused before anything is allocated; every filter stage is bounded by it.
     */
    public static final int MAX_CHUNK_BYTES = 256 << 20;
}
