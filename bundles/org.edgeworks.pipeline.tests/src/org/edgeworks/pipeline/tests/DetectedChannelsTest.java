package org.edgeworks.pipeline.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.Channel;
import org.edgeworks.core.data.ChannelRole;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.detector.DetectorRegistry;
import org.junit.jupiter.api.Test;

/**
 * Which detector bundle reads each shared file and which roles it finds, file by file, from the
 * README's description of each format. Files no bundle reads correctly yet are listed in
 * {@link #NOT_YET} with the reason; the test fails when one of them starts working, so the list
 * stays honest.
 */
class DetectedChannelsTest {
    static final ChannelRole E = ChannelRole.ENERGY, I0 = ChannelRole.I0, IT = ChannelRole.IT, IF = ChannelRole.IF,
        MU = ChannelRole.MU, TEY = ChannelRole.TEY, PFY = ChannelRole.PFY, ICR = ChannelRole.ICR, OCR = ChannelRole.OCR,
        MCA = ChannelRole.MCA, IREF = ChannelRole.IREF;

    record Expect(String detector, List<ChannelRole> roles) {}

    static Expect ex(String detector, ChannelRole... roles) { return new Expect(detector, List.of(roles)); }

    static final String ASCII = "org.edgeworks.detector.ascii", MDA = "org.edgeworks.detector.mda", MDA_ASC = "org.edgeworks.detector.mda.ascii",
        BALDER = "org.edgeworks.detector.sardana.balder", BALDER_TXT = "org.edgeworks.detector.sardana.balderspec";

    /** Expected detector and roles by file (relative path; a trailing * matches a prefix). */
    static final Map<String, Expect> EXPECTED = Map.ofEntries(
        Map.entry("nexus/20230318.h5", ex(BALDER, E, I0, IT)),
        Map.entry("nexus/20240213s.h5", ex(BALDER, E, I0, IT)),
        Map.entry("nexus/scan-2927*_albaem_2d_01.h5", ex(BALDER, I0)),
        Map.entry("nexus/scan-2927*_albaem_2d_02.h5", ex(BALDER, IT)),
        Map.entry("nexus/scan-2927*_pcap.h5", ex(BALDER, E)),
        Map.entry("soft_xray/*.mda", ex(MDA, E, I0, TEY, PFY, ICR, OCR, IREF)),
        Map.entry("soft_xray/*.asc", ex(MDA_ASC, E, I0, TEY, PFY, ICR, OCR, IREF)),
        Map.entry("tender_mca/MEX2_5641.mda", ex(MDA, E, I0, TEY, PFY, MCA, ICR, OCR)),
        Map.entry("tender_mca/MEX2_5641_processed.xdi", ex(ASCII, E, I0, IF, ICR, OCR)),
        Map.entry("xanes/foils_balder/*", ex(BALDER_TXT, E, I0, IT)),
        Map.entry("xanes/mn_k/mn.stan", ex(ASCII, E, I0, IT, IF)),
        Map.entry("xanes/mn_k/mn3o4.20*", ex(ASCII, E, I0, IT, IREF)),
        Map.entry("xanes/mn_k/*.dat", ex(ASCII, E, MU)),
        Map.entry("xanes/fe_k/fe.06*", ex(ASCII, E, I0, IT)),
        Map.entry("xanes/fe_k/fexanes_*", ex(ASCII, E, I0)),
        Map.entry("xanes/fe_k/fe_xanes_8ch.xdi", ex(ASCII, E, I0)),
        Map.entry("xanes/fe_k/feo_rt1.xdi", ex(ASCII, E, MU)),
        Map.entry("xanes/fe_k/fe2o3_rt1.xmu", ex(ASCII, E, MU)),
        Map.entry("xanes/cu_k/cu_metal_rt.xdi", ex(ASCII, E, I0, IT, MU)),
        Map.entry("xanes/cu_k/cu_10k.xmu", ex(ASCII, E, MU)),
        Map.entry("xanes/other_k/ni_metal_rt.xdi", ex(ASCII, E, MU)),
        Map.entry("xanes/other_k/znse_zn_xafs.001", ex(ASCII, E, I0, IT)),
        Map.entry("xanes/deglitch/uhup.003", ex(ASCII, E, I0, IT, IF)),
        Map.entry("xanes/lcf/cu-ref-mix.res", ex(ASCII, E)),
        Map.entry("rixs/herfd_pilatus/example.001", ex(ASCII, E, I0, IT, IF)),
        // TIFF frames: the frames only (no frame table beside these files; rixs build takes --excitation-energies)
        Map.entry("rixs/*.tif", ex("org.edgeworks.detector.rixstiff", ChannelRole.IMAGE_STACK)),
        // multi-scan files: every usable scan is checked (Athena groups, SPEC #S scans)
        Map.entry("athena/*.prj", ex("org.edgeworks.detector.athena", E, MU)),
        Map.entry("spec/*.spec", ex(BALDER_TXT, E, I0, IT)),
        Map.entry("spec/*.dat", ex(ASCII, E)));

    /** Files not read correctly yet, and why (owned by other bundles or waiting for a reader). */
    static final Map<String, String> NOT_YET = Map.of(
        "nexus/538039.nxs", "default-plot detector: the NXdata signals link to a Pilatus file that is not included",
        "nexus/p45-1168.nxs", "default-plot detector: mic/data links to a detector file that is not included",
        "xanes/deglitch/ZT20.000", "CLS column labels ('I0 BL1606-ID1:mcs04:fbk'): the ASCII bundle finds only the energy",
        "xanes/ru_k/*.DAT", "PSXAS Ru/Ce files have no column labels (energy I0 I1 by convention)",
        "spec/*.scans.json", "the JSON manifest of the SPEC files (peers/make_spec.py), not data");

    static boolean matches(String pattern, String rel) {
        if (pattern.endsWith("*")) return rel.startsWith(pattern.substring(0, pattern.length() - 1));
        if (pattern.contains("*")) {
            String[] parts = pattern.split("\\*", 2);
            return rel.startsWith(parts[0]) && rel.endsWith(parts[1]) && rel.length() >= parts[0].length() + parts[1].length();
        }
        return rel.equals(pattern);
    }

    @Test
    void everySharedFileIsReadByTheRightBundleWithTheRightRoles() throws Exception {
        DetectorRegistry reg = DetectorRegistry.load();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Path f : Shared.allRawFiles()) {
            String rel = Shared.DATA.relativize(f).toString().replace('\\', '/');
            Expect want = EXPECTED.entrySet().stream().filter(e -> matches(e.getKey(), rel))
                .max((a, b) -> Integer.compare(a.getKey().length(), b.getKey().length())).map(Map.Entry::getValue).orElse(null);
            boolean gap = NOT_YET.keySet().stream().anyMatch(k -> matches(k, rel));
            List<Scan> scans = new ArrayList<>();
            try {
                var listed = reg.scans(f);
                if (listed.isEmpty()) scans.add(reg.read(f));
                for (var e : listed) if (e.usable()) scans.add(reg.read(f, e.id()));
            } catch (EdgeworksException e) {
                if (!gap) problems.add(rel + ": " + e.getMessage());
                continue;
            }
            for (Scan s : scans) {
                if (gap) {
                    if (s.first(E).isPresent() && (s.first(I0).isPresent() || s.first(MU).isPresent())) problems.add(rel + ": listed in NOT_YET but now read by " + s.detectorId() + ": update the lists");
                    break;
                }
                if (want == null) { problems.add(rel + ": no expectation (read by " + s.detectorId() + ")"); continue; }
                checked++;
                if (!want.detector().equals(s.detectorId())) problems.add(rel + ": read by " + s.detectorId() + ", expected " + want.detector());
                Set<ChannelRole> have = new TreeSet<>();
                for (Channel c : s.channels().values()) have.add(c.role());
                for (ChannelRole r : want.roles()) if (!have.contains(r)) problems.add(rel + ": no " + r + " channel (has " + have + ")");
                // energies are eV and finite wherever there is an energy channel
                if (s.first(E).isPresent()) {
                    double[] e = s.require(E).readDoubles(rel);
                    double max = Arrays.stream(e).filter(Double::isFinite).max().orElse(0);
                    if (!(max > 100 && max < 100_000)) problems.add(rel + ": energy maximum " + max + " is not in eV");
                }
            }
        }
        if (!problems.isEmpty()) fail(problems.size() + " problem(s):\n" + String.join("\n", problems));
        assertTrue(checked >= 60, "checked " + checked);
    }

    @Test
    void mdaTextExportAndBinaryGiveTheSameChannels() throws Exception {
        DetectorRegistry reg = DetectorRegistry.load();
        for (String n : new String[] {"sxr129577", "sxr129578", "sxr129598"}) {
            Scan bin = reg.read(Shared.DATA.resolve("soft_xray/" + n + ".mda"));
            Scan txt = reg.read(Shared.DATA.resolve("soft_xray/" + n + ".asc"));
            assertEquals(bin.channels().keySet(), txt.channels().keySet(), n);
            for (Channel c : bin.channels().values()) {
                Channel t = txt.require(c.name());
                assertEquals(c.role(), t.role(), n + " " + c.name());
                double[] a = c.readDoubles(n), b = t.readDoubles(n);
                for (int i = 0; i < a.length; i++) assertEquals(a[i], b[i], 2e-7 * Math.max(1, Math.abs(a[i])), n + " " + c.name() + " " + i);
            }
        }
    }

    @Test
    void balderTextFoilsGiveThePeersMu() throws Exception {
        // peers/arrays: mu = ln((ch1+ch2)/(ch3+ch4)) on the file's grid (sorted, duplicates merged)
        for (String id : new String[] {"Cu-foil_EXAFS_23068:balder_Cu_foil_23068", "Ti-foil_EXAFS_23360:balder_Ti_foil_23360"}) {
            String[] p = id.split(":");
            Scan s = DetectorRegistry.load().read(Shared.DATA.resolve("xanes/foils_balder/" + p[0] + ".dat"));
            double[] e = s.require(E).readDoubles("t"), i0 = s.require(I0).readDoubles("t"), it = s.require(IT).readDoubles("t");
            List<String> peer = Files.readAllLines(Shared.DATA.resolve("peers/arrays/" + p[1] + ".csv"));
            int compared = 0;
            for (int k = 1; k < peer.size(); k += 97) {
                String[] row = peer.get(k).split(",");
                double pe = Double.parseDouble(row[0]), pmu = Double.parseDouble(row[1]);
                for (int i = 0; i < e.length; i++) if (Math.abs(e[i] - pe) < 1e-3) {
                    assertEquals(pmu, Math.log(i0[i] / it[i]), 1e-6, p[0] + " at " + pe + " eV");
                    compared++;
                    break;
                }
            }
            assertTrue(compared > 20, p[0] + ": compared " + compared);
            assertFalse(s.all(ChannelRole.OTHER).isEmpty());
        }
    }
}
