package org.edgeworks.exafs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.processing.Parameters;
import org.edgeworks.exafs.FeffitProcessor.Fit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Fit models with constraints (resources/peers/model_constraints.json: delr = alpha*reff shared,
 * sigma2 of the second shell = ss*ratio, a fixed third cumulant) against Larch 0.9.58 with the
 * same constraints (larch_feffit_constraints.py -> .json), including the standard error of a
 * constrained parameter; the expression parser by hand-computed values; one-line refusals.
 */
class FeffitModelTest {
    static Path resource(String name) {
        for (String b : new String[] {"resources/peers/", "bundles/org.edgeworks.exafs.tests/resources/peers/"}) {
            Path f = Path.of(b, name);
            if (Files.isRegularFile(f)) return f;
        }
        throw new IllegalStateException("resource not found: " + name);
    }

    @Test
    void constrainedFitAsLarch() throws Exception {
        JsonNode l = Parameters.json().readTree(resource("larch_feffit_constraints.json").toFile());
        FitModel m = FitModel.read(resource("model_constraints.json"));
        Path feff = ExafsPeers.exafs("feff/cu");
        var p = new FeffitProcessor.Params(3, 14, new double[] {2}, 1, Window.HANNING, 1.4, 3.9, FeffitProcessor.Space.R, m);
        Fit f = new FeffitProcessor().apply(new FeffitProcessor.Input(ExafsPeers.chi("cu_foil_13id"),
            List.of(FeffPath.read(feff.resolve("feff0001.dat")), FeffPath.read(feff.resolve("feff0002.dat")))), p).value();
        for (String n : List.of("amp", "del_e0", "alpha", "ss", "ratio", "ss2")) {
            double v = l.get(n).asDouble(), se = l.get(n + "_stderr").asDouble();
            var mine = f.variables().get(n);
            System.out.printf("AGREE feffit-model %s %.6g (Larch %.6g) +- %.4g (Larch %.4g)%n", n, mine.value(), v, mine.stderr(), se);
            assertEquals(v, mine.value(), 0.05 * se, n);
            assertEquals(se, mine.stderr(), 0.03 * se, n + " stderr");
        }
        assertEquals(l.get("n_varys").asInt(), f.nVarys());
        assertEquals(l.get("n_idp").asDouble(), f.nIdp(), 1e-9);
        assertEquals(l.get("r_factor").asDouble(), f.rFactor(), 0.01 * l.get("r_factor").asDouble());
        // path results follow the constraints: delr = alpha * reff, sigma2 of path 2 = ss2, third fixed
        var nn = f.paths().get(0);
        var nnn = f.paths().get(1);
        assertEquals("nn", nn.label());
        assertEquals(f.variables().get("alpha").value() * 3.615, nnn.delr().value(), 1e-12);
        assertEquals(f.variables().get("alpha").stderr() * 3.615, nnn.delr().stderr(), 1e-6 * nnn.delr().stderr());
        assertEquals(f.variables().get("ss2").value(), nnn.sigma2().value(), 1e-15);
        assertEquals(1e-4, nn.third().value(), 0);
    }

    /** fit.json must be the same bytes run after run: the default model's per-path parameters keep one order. */
    @Test
    void defaultModelParametersInAFixedOrder() throws Exception {
        Path feff = ExafsPeers.exafs("feff/cu");
        FitModel m = FitModel.defaults(List.of(FeffPath.read(feff.resolve("feff0001.dat")), FeffPath.read(feff.resolve("feff0002.dat"))));
        for (FitModel.PathModel p : m.paths())
            assertEquals(List.of("s02", "e0", "delr", "sigma2"), List.copyOf(p.parameters().keySet()), p.label());
    }

    @Test
    void expressions() {
        List<String> names = List.of("a", "b", "reff");
        Expression e = Expression.parse("2*a + b^2 - sqrt(reff)/4 - -1 + 1.5e-1*exp(0)", names::indexOf);
        assertEquals(2 * 3 + 16 - Math.sqrt(2.25) / 4 + 1 + 0.15, e.eval(new double[] {3, 4, 2.25}), 1e-12);
        assertEquals(List.of("a", "b", "reff"), e.names());
        assertEquals(-8.0, Expression.parse("-2**3", names::indexOf).eval(new double[3]), 0);
        assertThrows(IllegalArgumentException.class, () -> Expression.parse("a +", names::indexOf));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Expression.parse("a * zz", names::indexOf)).getMessage().contains("unknown name 'zz'"));
        assertThrows(IllegalArgumentException.class, () -> Expression.parse("(a", names::indexOf));
    }

    @Test
    void badModelsAreOneLine(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("m.json");
        Files.writeString(f, "{\"variables\": {\"x\": {\"value\": 1, \"min\": 0}}, \"paths\": [{}]}");
        EdgeworksException e = assertThrows(EdgeworksException.class, () -> FitModel.read(f));
        assertTrue(e.getMessage().startsWith(f + ": /variables/x/min: unknown key"), e.getMessage());
        Files.writeString(f, "{\"variables\": {\"x\": {\"expr\": \"y\"}, \"y\": {\"expr\": \"x\"}}, \"paths\": [{\"s02\": \"x\"}]}");
        FitModel circle = FitModel.read(f);
        Path feff = ExafsPeers.exafs("feff/cu/feff0001.dat");
        var p = FeffitProcessor.Params.defaults().withModel(circle);
        EdgeworksException c = assertThrows(EdgeworksException.class, () -> new FeffitProcessor().apply(
            new FeffitProcessor.Input(ExafsPeers.chi("cu_foil_13id"), List.of(FeffPath.read(feff))), p));
        assertTrue(c.getMessage().contains("model:"), c.getMessage());
        assertTrue(!c.getMessage().contains("\n"));
    }
}
