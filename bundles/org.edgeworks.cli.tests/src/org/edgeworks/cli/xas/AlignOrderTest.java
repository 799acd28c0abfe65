package org.edgeworks.cli.xas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.edgeworks.cli.CliRun;
import org.edgeworks.core.processing.Parameters;
import org.edgeworks.testsupport.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * New-user finding s4-2: {@code xas align Mn3O4 MnO Mn2O3x} was refused ("do not overlap enough")
 * although Mn2O3x (6393-6841 eV) lies inside Mn3O4 (6359-7686 eV) over 450 eV; the reverse order
 * aligned. Expected: success in either order, the two shifts opposite within their sigma, and a
 * refused sample leaves no partial output set.
 */
class AlignOrderTest {
    @TempDir
    Path dir;

    static final Path X = SharedData.samples().resolve("xanes");

    static JsonNode align(Path out, String ref, String... samples) throws Exception {
        List<String> c = new ArrayList<>(List.of("xas", "align", X.resolve(ref).toString()));
        for (String s : samples) c.add(X.resolve(s).toString());
        c.addAll(List.of("--out", out.toString()));
        CliRun r = CliRun.of(c.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        return Parameters.json().readTree(out.resolve("align.json").toFile());
    }

    @Test
    void aShortSampleAgainstALongReferenceAlignsInEitherOrder() throws Exception {
        JsonNode ab = align(dir.resolve("ab"), "Mn3O4.dat", "MnO.dat", "Mn2O3x.dat").get("alignments").get(1);
        JsonNode ba = align(dir.resolve("ba"), "Mn2O3x.dat", "Mn3O4.dat").get("alignments").get(0);
        assertEquals("Mn2O3x", ab.get("sample").asText());
        double s1 = ab.get("shift").asDouble(), s2 = ba.get("shift").asDouble();
        double sig = Math.hypot(ab.get("shift_stderr").asDouble(), ba.get("shift_stderr").asDouble());
        assertTrue(sig > 0 && sig < 0.1, "sigma " + sig);
        // aligning B to A moves B by -(the shift aligning A to B): the sum is zero within 2 sigma
        assertEquals(0, s1 + s2, 2 * sig, "shifts " + s1 + " and " + s2);
        assertTrue(Math.abs(s2) > 0.3, "a real offset, not a trivial zero: " + s2);
    }

    @Test
    void aRefusedSampleLeavesNoOutputs() throws Exception {
        // a scan 1.5 keV above the reference's end: no overlap for any shift
        List<String> lines = new ArrayList<>(List.of("# energy mu"));
        for (int i = 0; i < 400; i++) {
            double e = 9200 + i;
            lines.add(e + " " + (1 / (1 + Math.exp(-(e - 9400) / 2.0))));
        }
        Path far = Files.write(dir.resolve("far.dat"), lines);
        Path out = dir.resolve("o");
        CliRun r = CliRun.of("xas", "align", X.resolve("Mn3O4.dat").toString(), X.resolve("MnO.dat").toString(), far.toString(), "--out", out.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains(far.toString()), r.err());
        assertFalse(Files.exists(out.resolve("MnO.aligned.csv")), "MnO's output written before the refusal");
        assertFalse(Files.exists(out.resolve("align.json")));
    }
}
