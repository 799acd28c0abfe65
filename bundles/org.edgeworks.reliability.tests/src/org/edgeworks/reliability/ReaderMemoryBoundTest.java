package org.edgeworks.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.nexus.NexusFile;
import org.edgeworks.nexus.NexusNode;
import org.edgeworks.nexus.NexusScans;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * No input makes the HDF5 reader allocate more than a stated bound (issue 13): every HDF5 file of
 * the corpus, including the fuzz findings whose corrupt header sizes once made jHDF allocate
 * gigabytes (fuzz_local_heap_oom) or ~550 MB (fuzz_object_header_size, a 1.5 kB file), is opened,
 * its tree read and every dataset read whole, and the bytes this thread allocated stay below
 * {@link #BOUND_BYTES}. The bound follows from the reader's rules (header blocks at most the
 * file length, attributes of at most 64 k elements, chunks at most Limits.MAX_CHUNK_BYTES and
 * only when their data exists): for these small files a few MB; measured at most 7 MB.
 */
class ReaderMemoryBoundTest {
    /** 32 MB: the corpus files are below 200 kB each; the fuzz findings' old allocations were 550 MB and more. */
    static final long BOUND_BYTES = 32L << 20;

    @TempDir static Path dir;

    @TestFactory
    Stream<DynamicTest> everyHdf5CorpusFileStaysWithinTheBound() throws Exception {
        BadInputCorpus.materialise(dir);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return BadInputCorpus.HDF5_FILES.stream().filter(n -> !n.endsWith(".tsv")).map(name -> DynamicTest.dynamicTest(name, () -> {
            long before = mx.getCurrentThreadAllocatedBytes();
            try (NexusFile nx = NexusFile.open(dir.resolve(name))) {
                NexusNode root = nx.tree();
                NexusScans.walk(root, n -> {
                    if (n.kind() != NexusNode.Kind.DATASET) return;
                    try {
                        nx.readDoubles(n.path());
                    } catch (EdgeworksException refused) {
                        // refusing is fine; allocating is what is measured
                    }
                });
            } catch (EdgeworksException refused) {
                // a file refused as a whole
            }
            long allocated = mx.getCurrentThreadAllocatedBytes() - before;
            assertTrue(allocated < BOUND_BYTES, name + ": the reader allocated " + allocated + " bytes (bound " + BOUND_BYTES + ")");
        }));
    }
}
