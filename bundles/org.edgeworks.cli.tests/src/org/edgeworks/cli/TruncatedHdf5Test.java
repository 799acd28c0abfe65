package org.edgeworks.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.edgeworks.testsupport.Python;
import org.edgeworks.testsupport.SharedData;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A real HDF5 file cut short (a partial copy, an interrupted transfer) is named as truncated in one
 * line by `info` and by every command, with N (the bytes there are) and M (the end-of-file address
 * the superblock declares). M comes from h5py's own refusal ("truncated file: ... stored_eof = M"),
 * N from the copy's length. Files: superblock v0 (Balder, samples' synthetic RIXS), v2/v3 (h5py
 * libver latest in the scale-offset case), cut at a half, two thirds and in the first 3 kB.
 */
class TruncatedHdf5Test {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} cut to {1}/{2}")
    @CsvSource({"data/nexus/20230318.h5, 1, 2", "data/nexus/20240213s.h5, 2, 3", "cases/hdf5-scaleoffset/cu_scaleoffset.nxs, 2, 3",
        "samples/rixs/synthetic_OK_pristine.nxs, 0, 1"})
    void namedAsTruncatedInOneLineEverywhere(String file, int num, int den) throws Exception {
        Path original = file.startsWith("samples/") ? SharedData.samples().resolve(file.substring(8))
            : SharedData.dir().resolveSibling(file);
        byte[] all = Files.readAllBytes(original);
        int n = num == 0 ? 3000 : (int) ((long) all.length * num / den);
        Path cut = dir.resolve("cut_" + original.getFileName());
        Files.write(cut, java.util.Arrays.copyOf(all, n));

        String refusal = Python.run(String.join("\n", "import sys, h5py", "try:", "    h5py.File(sys.argv[1], 'r')",
            "    print('opened')", "except OSError as e:", "    print(e)"), cut.toString());
        Matcher m = Pattern.compile("truncated file: eof = (\\d+), sblock->base_addr = 0, stored_eof = (\\d+)").matcher(refusal);
        org.junit.jupiter.api.Assertions.assertTrue(m.find(), "h5py: " + refusal);
        assertEquals(n, Long.parseLong(m.group(1)), "h5py's eof is the copy's length");
        String expected = "edgeworks: " + cut + ": truncated: " + n + " of " + m.group(2) + " bytes";

        Path out = dir.resolve("out");
        for (List<String> cmd : List.of(List.of("info", cut.toString()),
            List.of("xas", "normalize", cut.toString(), "--out", out.toString()),
            List.of("rixs", "build", cut.toString(), "--out", out.toString()),
            List.of("xas", "stack", cut.toString(), "--out", out.toString()))) {
            CliRun r = CliRun.of(cmd.toArray(String[]::new));
            assertEquals(1, r.code(), cmd + ": exit status; " + r.err());
            assertEquals(expected, r.err().strip(), cmd + ": one line naming the file and the truncation");
        }
        // the untouched original is not "truncated"
        CliRun ok = CliRun.of("info", original.toString());
        assertEquals(0, ok.code(), ok.err());
    }
}
