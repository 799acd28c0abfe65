package org.edgeworks.cli.xas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.zip.GZIPInputStream;

import org.edgeworks.cli.CliRun;
import org.edgeworks.core.processing.Clock;
import org.edgeworks.testsupport.Python;
import org.edgeworks.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports record the date SOURCE_DATE_EPOCH gives, as every other result does (both wrote the wall
 * clock): {@code xas export --nxxas} in /entry/start_time, {@code xas export --athena} in the
 * project's "This file created at" line. Epoch 86401 s = 1970-01-02T00:00:01Z by hand.
 */
class SourceDateEpochTest {
    @TempDir Path dir;

    @Test
    void exportsRecordTheSourceDateEpoch() throws Exception {
        Path xdi = SharedData.dir().resolve("xanes/cu_k/cu_metal_rt.xdi");
        Path prj = dir.resolve("cu.prj");
        try (AutoCloseable c = Clock.withEnvironment(name -> name.equals("SOURCE_DATE_EPOCH") ? "86401" : null)) {
            CliRun r = CliRun.of("xas", "export", xdi.toString(), "--nxxas", "--out", dir.toString());
            assertEquals(0, r.code(), r.err());
            r = CliRun.of("xas", "export", xdi.toString(), "--athena", prj.toString());
            assertEquals(0, r.code(), r.err());
        }
        assertEquals("1970-01-02T00:00:01Z\n", Python.run(String.join("\n", "import sys, h5py",
            "v = h5py.File(sys.argv[1], 'r')['entry/start_time'][()]",
            "print(v.decode() if isinstance(v, bytes) else v)"), dir.resolve("cu_metal_rt.nxxas.nxs").toString()));
        String created = null;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(prj)), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null && created == null; )
                if (line.startsWith("# This file created at ")) created = line.substring("# This file created at ".length());
        }
        assertTrue(created != null, "no creation line");
        assertEquals(Instant.ofEpochSecond(86401), OffsetDateTime.parse(created).toInstant(), created);
    }
}
