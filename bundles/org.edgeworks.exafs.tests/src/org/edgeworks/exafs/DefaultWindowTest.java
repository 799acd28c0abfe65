package org.edgeworks.exafs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One default k window for the Fourier transform and the path fit (docs/science.md#exafs-kwindow):
 * the window of the shared Larch peers' first-shell fit, read from its peer file.
 */
class DefaultWindowTest {

    @Test
    void theTransformAndTheFitShareThePeersFirstShellWindow() {
        JsonNode t = ExafsPeers.json("cu_foil_13id.feffit.json").get("fits").get(0).get("transform");
        FourierTransformProcessor.Params ft = FourierTransformProcessor.Params.defaults();
        FeffitProcessor.Params fit = FeffitProcessor.Params.defaults();
        for (double[] pair : new double[][] {{t.get("kmin").asDouble(), ft.kmin(), fit.kmin()}, {t.get("kmax").asDouble(), ft.kmax(), fit.kmax()},
            {t.get("dk").asDouble(), ft.dk(), fit.dk()}, {t.get("kweight").asDouble(), ft.kweight(), fit.kweights()[0]}}) {
            assertEquals(pair[0], pair[1], 0, "transform");
            assertEquals(pair[0], pair[2], 0, "fit");
        }
        assertEquals(1, fit.kweights().length);
        assertEquals(Window.parse(t.get("window").asText()), ft.window());
        assertEquals(ft.window(), fit.window());
        assertEquals(t.get("rmin").asDouble(), fit.rmin(), 0);
        assertEquals(t.get("rmax").asDouble(), fit.rmax(), 0);
    }
}
