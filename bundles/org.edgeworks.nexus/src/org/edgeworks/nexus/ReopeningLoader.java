package org.edgeworks.nexus;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.january.DatasetException;
import org.eclipse.january.IMonitor;
import org.eclipse.january.dataset.Dataset;
import org.eclipse.january.dataset.DatasetUtils;
import org.eclipse.january.dataset.SliceND;
import org.eclipse.january.io.ILazyLoader;
import org.edgeworks.core.EdgeworksException;

/**
 * Lazy channel data that outlives the NexusFile it was found in: detectors open a file, build a
 * Scan and close the file, so slice requests read through a shared read-only file from
 * {@link OpenFiles} (opened once, not once per frame). Without this every channel of a detector's Scan failed with "Failed to
 * map data buffer" once the detector had returned (issue 8 bad-input corpus).
 */
final class ReopeningLoader implements ILazyLoader {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final String datasetPath;

    ReopeningLoader(Path file, String datasetPath) {
        this.file = file.toString();
        this.datasetPath = datasetPath;
    }

    @Override
    public boolean isFileReadable() {
        return java.nio.file.Files.isReadable(Path.of(file));
    }

    @Override
    public Dataset getDataset(IMonitor mon, SliceND slice) throws IOException {
        try (OpenFiles.Lease lease = OpenFiles.acquire(Path.of(file))) {
            return DatasetUtils.convertToDataset(lease.file().lazyDataset(datasetPath).getSlice(mon, slice));
        } catch (EdgeworksException e) {
            throw new SliceReadException(e);
        } catch (DatasetException e) {
            for (Throwable t = e; t != null; t = t.getCause())
                if (t instanceof EdgeworksException ee) throw new SliceReadException(ee);
            throw new IOException(e.getMessage(), e);
        }
    }
}
