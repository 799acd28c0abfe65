package org.edgeworks.exafs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.edgeworks.exafs.FeffitProcessor.Fit;
import org.edgeworks.exafs.FeffitProcessor.Params;
import org.edgeworks.exafs.FeffitProcessor.PathResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * feffit against Larch 0.9.58 (peers/exafs/ID.feffit.json: the same chi.csv, FEFF6L paths,
 * default model, R-space fits): the targets are r within 0.002 A and sigma2 within
 * 2e-4 A^2 for the Cu foils; asserted here much tighter where the minimum is well defined
 * (first shell, MnO), and for every fit the statistics Larch reports (n_idp, n_data, R-factor,
 * reduced chi-square, standard errors).
 */
class FeffitLarchTest {
    static Stream<Arguments> fits() {
        List<Arguments> out = new ArrayList<>();
        for (String id : new String[] {"cu_foil_13id", "cu_foil_10k", "balder_Cu_foil_23068", "mn_MnO_good_100"}) {
            JsonNode j = ExafsPeers.json(id + ".feffit.json");
            for (int f = 0; f < j.get("fits").size(); f++) out.add(Arguments.of(id, f, j.get("fits").get(f).get("name").asText()));
        }
        return out.stream();
    }

    static Fit run(String id, JsonNode fit) throws Exception {
        String set = ExafsPeers.json(id + ".feffit.json").get("feff_paths").asText();
        List<FeffPath> paths = new ArrayList<>();
        for (JsonNode p : fit.get("paths")) paths.add(FeffPath.read(ExafsPeers.exafs(set).resolve(p.get("file").asText())));
        JsonNode t = fit.get("transform");
        Params p = new Params(t.get("kmin").asDouble(), t.get("kmax").asDouble(), new double[] {t.get("kweight").asDouble()},
            t.get("dk").asDouble(), Window.parse(t.get("window").asText()), t.get("rmin").asDouble(), t.get("rmax").asDouble(),
            FeffitProcessor.Space.parse(t.get("fitspace").asText()), null);
        return new FeffitProcessor().apply(new FeffitProcessor.Input(ExafsPeers.chi(id), paths), p).value();
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("fits")
    void asLarch(String id, int index, String fitName) throws Exception {
        JsonNode l = ExafsPeers.json(id + ".feffit.json").get("fits").get(index);
        Fit f = run(id, l);
        boolean tight = !fitName.equals("four_paths");
        double tolR = tight ? 2e-4 : 0.002, tolS = tight ? 2e-5 : 2e-4;
        assertEquals(l.get("n_idp").asDouble(), f.nIdp(), 1e-9, "n_idp");
        assertEquals(l.get("n_data").asInt(), f.nData(), "n_data");
        assertEquals(l.get("n_varys").asInt(), f.nVarys(), "n_varys");
        assertEquals(l.get("epsilon_k").asDouble(), f.epsilonK(), 1e-6 * l.get("epsilon_k").asDouble(), "epsilon_k");
        for (int i = 0; i < f.paths().size(); i++) {
            PathResult m = f.paths().get(i);
            JsonNode lp = l.get("paths").get(i);
            System.out.printf("AGREE feffit %s %s %s r %.5f (Larch %.5f) +- %.5f (%.5f) sigma2 %.6f (Larch %.6f) +- %.6f (%.6f)%n", id, fitName,
                lp.get("file").asText(), m.r().value(), lp.get("r").asDouble(), m.r().stderr(), lp.get("r_stderr").asDouble(),
                m.sigma2().value(), lp.get("sigma2").asDouble(), m.sigma2().stderr(), lp.get("sigma2_stderr").asDouble());
            assertEquals(lp.get("r").asDouble(), m.r().value(), tolR, "r of " + lp.get("file").asText());
            assertEquals(lp.get("sigma2").asDouble(), m.sigma2().value(), tolS, "sigma2 of " + lp.get("file").asText());
            assertEquals(lp.get("degen").asDouble(), m.degen(), 0, "degen");
            assertEquals(lp.get("reff").asDouble(), m.reff(), 0, "reff");
            assertEquals(lp.get("r_stderr").asDouble(), m.r().stderr(), 0.05 * lp.get("r_stderr").asDouble(), "r stderr");
            assertEquals(lp.get("sigma2_stderr").asDouble(), m.sigma2().stderr(), 0.05 * lp.get("sigma2_stderr").asDouble(), "sigma2 stderr");
        }
        System.out.printf("AGREE feffit %s %s s02 %.4f (%.4f) e0 %.3f (%.3f) rfactor %.5f (%.5f) redchi %.4g (%.4g) nfev %d%n", id, fitName,
            f.variables().get("amp").value(), l.get("s02").asDouble(), f.variables().get("del_e0").value(), l.get("e0").asDouble(),
            f.rFactor(), l.get("r_factor").asDouble(), f.chi2Reduced(), l.get("chi_square_reduced").asDouble(), f.nfev());
        assertEquals(l.get("s02").asDouble(), f.variables().get("amp").value(), tight ? 0.002 : 0.02, "s02");
        assertEquals(l.get("e0").asDouble(), f.variables().get("del_e0").value(), tight ? 0.02 : 0.2, "e0");
        assertEquals(l.get("s02_stderr").asDouble(), f.variables().get("amp").stderr(), 0.05 * l.get("s02_stderr").asDouble(), "s02 stderr");
        assertEquals(l.get("r_factor").asDouble(), f.rFactor(), 0.01 * l.get("r_factor").asDouble(), "R-factor");
        assertEquals(l.get("chi_square_reduced").asDouble(), f.chi2Reduced(), 0.01 * l.get("chi_square_reduced").asDouble(), "reduced chi2");
        assertTrue(f.errorbars());
    }
}
