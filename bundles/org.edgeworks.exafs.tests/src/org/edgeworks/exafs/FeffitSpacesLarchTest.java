package org.edgeworks.exafs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.edgeworks.core.processing.Parameters;
import org.edgeworks.exafs.FeffitProcessor.Fit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * feffit in the settings the shared peers do not cover, against Larch 0.9.58 run by
 * resources/peers/larch_feffit_spaces.py (committed output larch_feffit_spaces.json): the Cu foil
 * first shell fitted in R space with k-weights 1, 2 and 3 at once, in k space and in q space.
 * Values within 5 % of Larch's standard error, standard errors within 3 %, R-factor and reduced
 * chi-square within 1 %.
 */
class FeffitSpacesLarchTest {
    static JsonNode peer() throws Exception {
        for (String b : new String[] {"resources/peers/", "bundles/org.edgeworks.exafs.tests/resources/peers/"}) {
            Path f = Path.of(b, "larch_feffit_spaces.json");
            if (Files.isRegularFile(f)) return Parameters.json().readTree(f.toFile());
        }
        throw new IllegalStateException("larch_feffit_spaces.json not found");
    }

    static Stream<Integer> fits() { return IntStream.range(0, 3).boxed(); }

    @ParameterizedTest(name = "fit {0}")
    @MethodSource("fits")
    void asLarch(int index) throws Exception {
        JsonNode l = peer().get("fits").get(index);
        double[] kw = new double[l.get("kweight").size()];
        for (int i = 0; i < kw.length; i++) kw[i] = l.get("kweight").get(i).asDouble();
        var p = new FeffitProcessor.Params(3, 14, kw, 1, Window.HANNING, 1.4, 3.0, FeffitProcessor.Space.parse(l.get("fitspace").asText()), null);
        Fit f = new FeffitProcessor().apply(new FeffitProcessor.Input(ExafsPeers.chi("cu_foil_13id"),
            List.of(FeffPath.read(ExafsPeers.exafs("feff/cu/feff0001.dat")))), p).value();
        String name = l.get("name").asText();
        check(name + " s02", l, "s02", f.variables().get("amp"));
        check(name + " e0", l, "e0", f.variables().get("del_e0"));
        check(name + " delr", l, "delr", f.paths().get(0).delr());
        check(name + " sigma2", l, "sigma2", f.paths().get(0).sigma2());
        assertEquals(l.get("n_data").asInt(), f.nData(), name + " n_data");
        assertEquals(l.get("n_idp").asDouble(), f.nIdp(), 1e-9, name + " n_idp");
        assertEquals(l.get("r_factor").asDouble(), f.rFactor(), 0.01 * l.get("r_factor").asDouble(), name + " R-factor");
        assertEquals(l.get("chi_square_reduced").asDouble(), f.chi2Reduced(), 0.01 * l.get("chi_square_reduced").asDouble(), name + " reduced chi2");
    }

    static void check(String what, JsonNode l, String key, FeffitProcessor.Value v) {
        double val = l.get(key).asDouble(), se = l.get(key + "_stderr").asDouble();
        System.out.printf("AGREE feffit-space %s %.6g (Larch %.6g) +- %.4g (Larch %.4g)%n", what, v.value(), val, v.stderr(), se);
        assertEquals(val, v.value(), 0.05 * se, what);
        assertEquals(se, v.stderr(), 0.03 * se, what + " stderr");
    }
}
