package org.edgeworks.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.detector.ascii.XdiWriter;
import org.edgeworks.testsupport.Python;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * XDI written by Edgeworks is read by Larch (/usr/bin/python3, Larch 0.9.58) with the same
 * labels, numbers and fields, and follows the XDI 1.0 grammar line by line (checked by a small
 * independent Python check of the specification's rules). Larch's read_xdi needs the C library
 * libxdifile, which Debian's python3-xraylarch does not ship (it fails on every XDI file, the
 * shared data included), so Larch's read_ascii -- which reads XDI headers into attrs -- is the
 * Larch reader used.
 */
class XdiExportTest {
    @Test
    void larchReadsTheWrittenXdi(@TempDir Path dir) throws Exception {
        int n = 50;
        double[] e = new double[n], norm = new double[n], flat = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = 8950 + i * 1.25;
            norm[i] = 0.5 + Math.atan((e[i] - 8980) / 2) / Math.PI;
            flat[i] = norm[i] * 0.98;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Element.symbol", "Cu");
        fields.put("Element.edge", "K");
        fields.put("Mono.d_spacing", "3.13553");
        fields.put("Edgeworks.e0", "8980.0");
        Path out = dir.resolve("cu_norm.xdi");
        XdiWriter.write(out, false, "Edgeworks/0.1", fields, List.of("energy", "norm", "flat"), List.of("eV", "", ""),
            new double[][] {e, norm, flat}, List.of("normalised with Larch's defaults", "source: cu.xdi"));
        String json = Python.run(String.join("\n",
            "import sys, json",
            "import re",
            "lines = open(sys.argv[1]).read().splitlines()",
            "assert re.match(r'^# XDI/1\\.0( \\S+)*$', lines[0]), lines[0]",
            "i, cols = 1, []",
            "while not lines[i].startswith('# ///'):",
            "    m = re.match(r'^# ([A-Za-z][A-Za-z0-9_]*)\\.([A-Za-z0-9_]+): (.+)$', lines[i]); assert m, lines[i]",
            "    if m.group(1).lower() == 'column': cols.append(int(m.group(2)))",
            "    i += 1",
            "assert cols == list(range(1, len(cols) + 1)), cols",
            "while not lines[i].startswith('#---'): assert lines[i].startswith('#'); i += 1",
            "assert lines[i + 1].startswith('# ') and len(lines[i + 1][2:].split()) == len(cols)",
            "assert all(len(l.split()) == len(cols) for l in lines[i + 2:])",
            "from larch.io import read_ascii",
            "d = read_ascii(sys.argv[1])",
            "a = vars(d.attrs)",
            "print(json.dumps({'labels': list(d.array_labels), 'energy': list(map(float, d.energy)), 'norm': list(map(float, d.norm)),",
            "  'element': a.get('element_symbol'), 'edge': a.get('element_edge'), 'dspacing': float(a.get('mono_d_spacing'))}))"),
            out.toString());
        JsonNode r = new ObjectMapper().readTree(json);
        assertEquals("[\"energy\",\"norm\",\"flat\"]", r.get("labels").toString());
        assertEquals("Cu", r.get("element").asText());
        assertEquals("K", r.get("edge").asText());
        assertEquals(3.13553, r.get("dspacing").asDouble(), 0);
        for (int i = 0; i < n; i++) {
            assertEquals(e[i], r.get("energy").get(i).asDouble(), 1e-9 * e[i]);
            assertEquals(norm[i], r.get("norm").get(i).asDouble(), 1e-9);
        }
        assertThrows(EdgeworksException.class, () -> XdiWriter.write(dir.resolve("bad.xdi"), false, "E", Map.of(), List.of("energy", "mu"),
            List.of("eV", ""), new double[][] {e, new double[] {Double.NaN}}, List.of()));
    }
}
