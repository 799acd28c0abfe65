package org.edgeworks.xas;

import java.util.Locale;
import java.util.Map;

import org.edgeworks.core.data.Spectrum;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Prints the agreement table of the issue-4 closing note (markdown): per spectrum, automatic E0
 * and edge step of Edgeworks, Larch and PyMca, and the largest norm/flat difference from Larch.
 * Run: java -cp CLASSES:... -Dedgeworks.shared.data=/work/shared/data org.edgeworks.xas.AgreementTable
 */
public final class AgreementTable {
    private AgreementTable() {}

    public static void main(String[] args) throws Exception {
        JsonNode larch = PeerData.json("peers/larch_pre_edge.json"), pymca = PeerData.json("peers/pymca_normalization.json");
        StringBuilder sb = new StringBuilder();
        sb.append("| spectrum | E0 Edgeworks | E0 Larch | E0 PyMca | dE0 EW-Larch | step Edgeworks | step Larch | jump PyMca | rel. dstep EW-Larch | max abs dnorm | max abs dflat |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        double worstStep = 0, worstNorm = 0, worstFlat = 0, worstE0 = 0;
        for (PeerData.Spec s : PeerData.manifest()) {
            double[][] em = PeerData.mu(s);
            var n = new NormalizeProcessor().apply(Spectrum.of(s.id(), em[0], em[1]), NormalizeProcessor.Params.defaults()).value();
            JsonNode l = larch.get(s.id()), p = pymca.get(s.id()).get("default_flattened");
            Map<String, double[]> arr = PeerData.arrays(s.id());
            double dn = PeerData.maxAbs(arr.get("larch_norm"), n.norm()), df = PeerData.maxAbs(arr.get("larch_flat"), n.flat());
            double rel = (n.edgeStep() - l.get("edge_step").asDouble()) / l.get("edge_step").asDouble();
            double de0 = n.e0() - l.get("e0").asDouble();
            worstStep = Math.max(worstStep, Math.abs(rel));
            worstNorm = Math.max(worstNorm, dn);
            worstFlat = Math.max(worstFlat, df);
            worstE0 = Math.max(worstE0, Math.abs(de0));
            sb.append(String.format(Locale.ROOT, "| %s | %.4f | %.4f | %.4f | %.1e | %.6g | %.6g | %.6g | %.1e | %.1e | %.1e |%n", s.id(), n.e0(),
                l.get("e0").asDouble(), p.get("E0").asDouble(), de0, n.edgeStep(), l.get("edge_step").asDouble(), p.get("jump").asDouble(), rel, dn, df));
        }
        sb.append(String.format(Locale.ROOT, "%nworst: |dE0| %.1e eV, |rel. dstep| %.1e, |dnorm| %.1e, |dflat| %.1e (peer arrays carry 8 significant digits)%n",
            worstE0, worstStep, worstNorm, worstFlat));
        System.out.print(sb);
    }
}
