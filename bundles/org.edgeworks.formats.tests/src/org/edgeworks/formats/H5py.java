package org.edgeworks.formats;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/** Runs a Python script with the Debian interpreter (h5py, numpy, silx, larch); fails the test with its stderr. */
final class H5py {
    private H5py() {}

    static String run(String script, String... args) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "no /usr/bin/python3");
        String[] cmd = new String[args.length + 3];
        cmd[0] = "/usr/bin/python3";
        cmd[1] = "-c";
        cmd[2] = script;
        System.arraycopy(args, 0, cmd, 3, args.length);
        Process p = new ProcessBuilder(cmd).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new AssertionError("python failed: " + err);
        return out;
    }
}
