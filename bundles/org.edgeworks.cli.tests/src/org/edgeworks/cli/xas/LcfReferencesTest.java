package org.edgeworks.cli.xas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.edgeworks.cli.CliRun;
import org.edgeworks.cli.Main;
import org.edgeworks.core.processing.Parameters;
import org.edgeworks.testsupport.SharedData;
import org.edgeworks.testsupport.XanesEdges;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code xas lcf} of a raw beamline scan against mu references in one command: the channel options
 * read the sample (MRCAT mn3o4.201: I0 = mcs3, It = mcs4, data README), the references
 * (samples/xanes, two columns energy + mu) are read by the auto rule unless --ref-... options choose.
 * The expected fit is the same command on mu = ln(mcs3/mcs4) computed here from the file's text and
 * written as a two-column file (nothing chosen anywhere): the options must reach the sample and only
 * the sample.
 */
class LcfReferencesTest {
    @TempDir
    Path dir;

    static final Path RAW = SharedData.path("xanes", "mn_k", "mn3o4.201"), RAW2 = SharedData.path("xanes", "mn_k", "mn3o4.202");

    static CliRun run(String... args) { return CliRun.of(args); }

    /** energy and ln(mcs3/mcs4) of every row below the MRCAT header's dashed line and column line, as "energy mu" text. */
    static Path handMu(Path raw, Path to) throws Exception {
        List<String> lines = Files.readAllLines(raw);
        int i = 0;
        while (!lines.get(i).startsWith("-----")) i++;
        i += 2;
        List<String> out = new ArrayList<>(List.of("# energy mu = ln(mcs3/mcs4) of " + raw.getFileName() + ", by hand"));
        for (; i < lines.size(); i++) {
            String[] c = lines.get(i).trim().split("\\s+");
            if (c.length < 3) continue;
            out.add(c[0] + " " + Math.log(Double.parseDouble(c[1]) / Double.parseDouble(c[2])));
        }
        return Files.write(to, out);
    }

    static JsonNode json(Path p) throws Exception { return Parameters.json().readTree(p.toFile()); }

    static String[] refs() {
        Path x = SharedData.samples().resolve("xanes");
        return new String[] {"--ref", "MnO=" + x.resolve("MnO.dat"), "--ref", "Mn2O3=" + x.resolve("Mn2O3x.dat")};
    }

    static List<String> cmd(String sample, Path out, String... more) {
        List<String> c = new ArrayList<>(List.of("xas", "lcf", sample));
        c.addAll(List.of(more));
        c.addAll(List.of(refs()));
        c.addAll(List.of("--out", out.toString()));
        return c;
    }

    @Test
    void channelOptionsReadTheSampleAndReferencesTheirOwnChannels() throws Exception {
        Path hand = handMu(RAW, dir.resolve("mn3o4_hand.dat"));
        CliRun expected = run(cmd(hand.toString(), dir.resolve("hand")).toArray(String[]::new));
        assertEquals(0, expected.code(), expected.err());
        CliRun raw = run(cmd(RAW.toString(), dir.resolve("raw"), "--mode", "transmission", "--i0", "mcs3", "--it", "mcs4").toArray(String[]::new));
        assertEquals(0, raw.code(), "a raw scan against mu references in one command: " + raw.err());
        JsonNode a = json(dir.resolve("raw/mn3o4.201.lcf.json")), b = json(dir.resolve("hand/mn3o4_hand.lcf.json"));
        for (String r : List.of("MnO", "Mn2O3"))
            assertEquals(b.get("weights").get(r).asDouble(), a.get("weights").get(r).asDouble(), 1e-9, r + " weight as from the hand-made mu");
        assertEquals(b.get("r_factor").asDouble(), a.get("r_factor").asDouble(), 1e-9 * b.get("r_factor").asDouble());
        JsonNode sources = a.get("provenance").get("sources");
        String sample = where(sources.get(0)), mno = where(sources.get(1));
        assertTrue(sample.contains("transmission(mcs3,mcs4)"), sample);
        assertTrue(!mno.contains("mcs"), "the reference is read from its own mu column: " + mno);
        // the 19 eV uncalibrated raw scan fits badly and says so (data README: Larch e0 6528.1 eV, Athena shifted +19.1 eV)
        assertTrue(raw.err().contains("warning: "), raw.err());
    }

    static String where(JsonNode source) {
        return (source.has("path_in_file") ? source.get("path_in_file") : source.get("pathInFile")).asText();
    }

    @Test
    void rawReferencesTakeRefOptionsOrTheAutoRule() throws Exception {
        Path hand = handMu(RAW, dir.resolve("mn3o4_hand.dat"));
        // two consecutive scans of one Mn3O4 sample: the other scan as the only reference has weight 1
        CliRun chosen = run("xas", "lcf", hand.toString(), "--ref", "scan202=" + RAW2, "--ref-mode", "transmission", "--ref-i0", "mcs3",
            "--ref-it", "mcs4", "--out", dir.resolve("chosen").toString());
        assertEquals(0, chosen.code(), chosen.err());
        CliRun auto = run("xas", "lcf", hand.toString(), "--ref", "scan202=" + RAW2, "--out", dir.resolve("auto").toString());
        assertEquals(0, auto.code(), auto.err());
        double w = json(dir.resolve("chosen/mn3o4_hand.lcf.json")).get("weights").get("scan202").asDouble();
        assertEquals(1.0, w, 0.03, "the same sample's next scan");
        assertEquals(w, json(dir.resolve("auto/mn3o4_hand.lcf.json")).get("weights").get("scan202").asDouble(), 1e-12,
            "the auto rule reads MRCAT's I0 = mcs3, It = mcs4 as chosen");
    }

    @Test
    void aReferenceTheAutoRuleCannotReadIsRefusedInOneLine() throws Exception {
        Path hand = handMu(RAW, dir.resolve("mn3o4_hand.dat"));
        StringBuilder csv = new StringBuilder("energy,a,b\n");
        for (int e = 6300; e <= 7000; e++)
            csv.append(e).append(',').append(0.1 + XanesEdges.arctanStep(e, 6548, 2)).append(',').append(1 + 0.001 * e).append('\n');
        Path three = Files.writeString(dir.resolve("three.csv"), csv);
        CliRun r = run("xas", "lcf", hand.toString(), "--ref", "X=" + three, "--out", dir.resolve("x").toString());
        assertEquals(1, r.code(), r.err());
        String err = r.err().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("edgeworks: " + three + ": reference X: give --ref-mu COL or --ref-mode"), err);
        assertTrue(err.endsWith("(the sample's channel options do not apply to references)"), err);
        CliRun chosen = run("xas", "lcf", hand.toString(), "--ref", "X=" + three, "--ref-mu", "a", "--out", dir.resolve("y").toString());
        assertEquals(0, chosen.code(), chosen.err());
    }
}
