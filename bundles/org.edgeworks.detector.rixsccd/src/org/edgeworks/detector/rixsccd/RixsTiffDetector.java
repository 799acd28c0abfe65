package org.edgeworks.detector.rixsccd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.january.dataset.ILazyDataset;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Channel;
import org.edgeworks.core.data.ChannelRole;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.data.Unit;
import org.edgeworks.core.detector.Detector;
import org.edgeworks.core.detector.FileProbe;
import org.edgeworks.rixs.FrameTable;
import org.edgeworks.rixs.io.TiffStack;

/**
 * RIXS detector frames as TIFF: one (multi-page) file or a folder of files, one page per frame,
 * sorted by name, kept lazy ({@link TiffStack}). The excitation energy (eV), I0 and optionally the
 * count time (s) per frame come from a table beside the frames, NAME.csv or NAME.txt (columns
 * excitation_eV, I0 [, count_time_s]; see {@link FrameTable}); without one the scan holds only
 * the frames, and the caller gives the energies (the command line's {@code --table},
 * {@code --excitation-energies}, {@code --i0}).
 */
public final class RixsTiffDetector implements Detector {
    public static final String ID = "org.edgeworks.detector.rixstiff";
    private static final byte[] LITTLE = {'I', 'I', 42, 0}, BIG = {'M', 'M', 0, 42};

    @Override public String id() { return ID; }

    @Override
    public int recognise(Path file, FileProbe probe) {
        if (probe.isDirectory()) return frames(file).isEmpty() ? 0 : 10;
        byte[] h = probe.head();
        if (h.length < 4) return 0;
        boolean tiff = true, big = true;
        for (int i = 0; i < 4; i++) { tiff &= h[i] == LITTLE[i]; big &= h[i] == BIG[i]; }
        return tiff || big ? 10 : 0;
    }

    /** The TIFF files of a folder, sorted by name (empty when it cannot be listed). */
    static List<Path> frames(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.tiff?$")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    @Override
    public Scan read(Path input) throws EdgeworksException {
        List<Path> files = Files.isDirectory(input) ? frames(input) : List.of(input);
        if (files.isEmpty()) throw new EdgeworksException(input, null, "no .tif frames in the folder");
        ILazyDataset stack = TiffStack.open(files);
        int n = stack.getShape()[0];
        List<Channel> channels = new ArrayList<>();
        channels.add(new Channel("frames", ChannelRole.IMAGE_STACK, Unit.COUNTS, stack, ""));
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("layout", "TIFF frames " + java.util.Arrays.toString(stack.getShape()) + (files.size() > 1 ? " from " + files.size() + " files" : ""));
        Path table = table(input);
        if (table != null) {
            meta.put("table", table.toString());
            channels.addAll(FrameTable.channels(table, n, 0)); // the repeats are the caller's: checked by the adapter's caller
        }
        return new Scan(input, "", ID, channels, meta);
    }

    /** NAME.csv or NAME.txt beside the frames (NAME: the file or folder name without .tif/.tiff), or null. */
    public static Path table(Path input) {
        String name = input.getFileName().toString().replaceFirst("(?i)\\.tiff?$", "");
        Path base = input.toAbsolutePath().getParent().resolve(name);
        for (String ext : new String[] {".csv", ".txt"}) {
            Path c = Path.of(base + ext);
            if (Files.isRegularFile(c)) return c;
        }
        return null;
    }
}
