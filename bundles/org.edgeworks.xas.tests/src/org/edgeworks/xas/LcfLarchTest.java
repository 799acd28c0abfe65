package org.edgeworks.xas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.edgeworks.core.data.Spectrum;
import org.edgeworks.xas.LcfProcessor.LcfResult;
import org.edgeworks.xas.LcfProcessor.Params;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * peers/lcf_results.json (Larch 0.9.58 lincombo_fit / lincombo_fitall): the same settings as Larch
 * (sum to one, weights not bounded) give the same weights within 1e-3, R-factor within 1e-5
 * relative, and the same standard errors as stderr_fit (Larch's are the fit's alone); the combinatorial mode ranks the same subsets first.
 */
class LcfLarchTest {

    static Spectrum normOf(String id) throws Exception {
        double[][] em = PeerData.mu(PeerData.spec(id));
        return new NormalizeProcessor().apply(Spectrum.of(id, em[0], em[1]), NormalizeProcessor.Params.defaults()).value().normSpectrum();
    }

    static Map<String, Spectrum> cuLibrary() throws Exception {
        List<String> lines = Files.readAllLines(PeerData.root().resolve("xanes/lcf/cu-ref-mix.res"));
        String[] names = lines.get(0).trim().split("\\s+");
        List<double[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String l = lines.get(i).trim();
            if (l.isEmpty()) continue;
            String[] t = l.split("\\s+");
            double[] v = new double[t.length];
            for (int c = 0; c < t.length; c++) v[c] = Double.parseDouble(t[c]);
            rows.add(v);
        }
        Map<String, Spectrum> m = new HashMap<>();
        double[] e = rows.stream().mapToDouble(r -> r[0]).toArray();
        for (int c = 1; c < names.length; c++) {
            final int cc = c;
            m.put(names[c], Spectrum.of(names[c], e, rows.stream().mapToDouble(r -> r[cc]).toArray()));
        }
        return m;
    }

    /**
     * The synthetic mixture rebuilt as run_larch_lcf_valence.py builds it (0.3 MnO + 0.7 Mn2O3 norm,
     * linear interpolation onto the MnO grid): Larch fitted the full-precision array, and the
     * 8-digit CSV copy alone moves R by 6e-5 relative. The CSV checks the rebuild.
     */
    static Spectrum synthetic() throws Exception {
        Spectrum a = normOf("mn_MnO"), b = normOf("mn_Mn2O3");
        double[] ea = a.energies(), eb = b.energies(), na = a.signal(), nb = b.signal();
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i < ea.length; i++)
            if (ea[i] >= eb[0] && ea[i] <= eb[eb.length - 1]) pts.add(new double[] {ea[i], 0.3 * na[i] + 0.7 * linear(eb, nb, ea[i])});
        List<String> lines = Files.readAllLines(PeerData.root().resolve("peers/lcf_synthetic_Mn_30MnO_70Mn2O3.csv"));
        assertEquals(lines.size() - 1, pts.size(), "synthetic grid");
        for (int i = 1; i < lines.size(); i++) {
            String[] t = lines.get(i).split(",");
            assertEquals(Double.parseDouble(t[1]), pts.get(i - 1)[1], 1e-7, "synthetic mixture point " + i);
        }
        return Spectrum.of("synthetic", pts.stream().mapToDouble(p -> p[0]).toArray(), pts.stream().mapToDouble(p -> p[1]).toArray());
    }

    static double linear(double[] x, double[] y, double v) {
        int i = org.edgeworks.xas.kernel.LarchIndex.indexOf(x, v);
        if (i >= x.length - 1) return y[x.length - 1];
        return y[i] + (y[i + 1] - y[i]) * (v - x[i]) / (x[i + 1] - x[i]);
    }

    @Test
    void everyRecordedLincomboFit() throws Exception {
        Map<String, Spectrum> cu = cuLibrary();
        int checked = 0;
        for (JsonNode c : PeerData.json("peers/lcf_results.json")) {
            if (c.get("case").asText().contains("fitall")) continue;
            String target = c.get("target").asText();
            Spectrum sample = target.startsWith("mix") ? cu.get(target) : target.equals("synthetic") ? synthetic() : normOf(target);
            List<Spectrum> refs = new ArrayList<>();
            for (JsonNode r : c.get("components")) refs.add(r.asText().startsWith("mn_") ? normOf(r.asText()) : cu.get(r.asText()));
            LcfResult res = new LcfProcessor().apply(new LcfProcessor.Input(sample, refs, null),
                Params.larch(c.get("xmin").asDouble(), c.get("xmax").asDouble())).value();
            Map<String, Double> w = res.weights();
            for (var it = c.get("weights").fields(); it.hasNext(); ) {
                var f = it.next();
                assertEquals(f.getValue().asDouble(), w.get(f.getKey()), 1e-3, c.get("case").asText() + " weight " + f.getKey());
                double se = c.get("weight_errors").get(f.getKey()).asDouble();
                double ours = res.components().stream().filter(x -> x.name().equals(f.getKey())).findFirst().orElseThrow().stderrFit();
                assertEquals(se, ours, 0.02 * se, c.get("case").asText() + " stderr " + f.getKey());
            }
            double rf = c.get("rfactor").asDouble();
            assertEquals(rf, res.rFactor(), 1e-5 * rf, c.get("case").asText() + " R-factor");
            assertEquals(c.get("redchi").asDouble(), res.reducedChi2(), 1e-5 * c.get("redchi").asDouble(), "reduced chi2");
            checked++;
        }
        assertEquals(5, checked);
    }

    @Test
    void combinatorialRankingLikeLincomboFitall() throws Exception {
        Map<String, Spectrum> cu = cuLibrary();
        List<String> names = List.of(Files.readAllLines(PeerData.root().resolve("xanes/lcf/cu-ref-mix.res")).get(0).trim().split("\\s+"));
        List<Spectrum> pool = new ArrayList<>();
        for (String n : names.subList(1, names.size()))
            if (!n.equals("mix1") && !n.equals("mix2") && !n.equals("cu-foil_ave5")) pool.add(cu.get(n));
        for (String mix : List.of("mix1", "mix2")) {
            List<JsonNode> ranks = new ArrayList<>();
            for (JsonNode c : PeerData.json("peers/lcf_results.json"))
                if (c.get("case").asText().startsWith("Cu " + mix + " lincombo_fitall")) ranks.add(c);
            double lo = ranks.get(0).get("xmin").asDouble(), hi = ranks.get(0).get("xmax").asDouble();
            LcfResult res = new LcfProcessor().apply(new LcfProcessor.Input(cu.get(mix), pool, null),
                Params.larch(lo, hi).withCombinations(3, 2)).value();
            assertEquals(560 + 120, res.ranking().size(), "C(16,3)+C(16,2) subsets");
            for (int r = 0; r < ranks.size(); r++) {
                JsonNode c = ranks.get(r);
                LcfProcessor.Ranked ours = res.ranking().get(r);
                List<String> comps = new ArrayList<>();
                c.get("components").forEach(x -> comps.add(x.asText()));
                assertEquals(new java.util.TreeSet<>(comps), new java.util.TreeSet<>(ours.references()), mix + " rank " + (r + 1));
                assertEquals(c.get("rfactor").asDouble(), ours.rFactor(), 1e-5 * c.get("rfactor").asDouble(), mix + " rank R");
                for (String n : comps) assertEquals(c.get("weights").get(n).asDouble(), ours.weights().get(n), 1e-3, mix + " " + n);
            }
        }
    }

    @Test
    void nonNegativeWeightsOnMn3O4() throws Exception {
        List<Spectrum> refs = List.of(normOf("mn_MnO"), normOf("mn_Mn2O3"), normOf("mn_MnO2_pyrolusite"));
        LcfResult res = new LcfProcessor().apply(new LcfProcessor.Input(normOf("mn_Mn3O4"), refs, List.of(2.0, 3.0, 4.0)),
            Params.defaults().window(6530, 6600)).value();
        for (LcfProcessor.Component c : res.components()) assertTrue(c.weight() >= 0, c.name() + " " + c.weight());
        // Larch (unbounded) puts -0.08 on MnO2; bounded, MnO2 goes to 0 and the fit is the 2-reference one
        assertEquals(0.0, res.weights().get("mn_MnO2_pyrolusite"), 1e-9);
        assertTrue(res.averageValence() > 2.5 && res.averageValence() < 3.0, "valence " + res.averageValence());
        // non-negative and summing to one: MnO2 at its bound, the rest is Larch's two-reference fit
        LcfResult both = new LcfProcessor().apply(new LcfProcessor.Input(normOf("mn_Mn3O4"), refs, null),
            new Params(6530.0, 6600.0, true, true, false, 1.0, 0, 1)).value();
        assertEquals(0.0, both.weights().get("mn_MnO2_pyrolusite"), 1e-9);
        assertEquals(0.2583153954943121, both.weights().get("mn_MnO"), 1e-3);
        assertEquals(0.741684604505688, both.weights().get("mn_Mn2O3"), 1e-3);
        assertEquals(0.004394881529388911, both.rFactor(), 1e-5 * 0.004394881529388911);
    }
}
