package org.edgeworks.rixs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the SYNTHETIC sample files of samples/rixs (run once, output committed):
 * pristine / charged / discharged raw O K-edge mRIXS stacks (41 frames x 64 x 256 uint16, three
 * dark frames) and an energy-resolved Mn L-edge SDD scan. Usage: GenerateRixsSamples DIR.
 */
public final class GenerateRixsSamples {
    private GenerateRixsSamples() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "samples/rixs");
        Files.createDirectories(dir);
        long seed = 100;
        for (String state : new String[] {"pristine", "charged", "discharged"}) {
            Path f = dir.resolve("synthetic_OK_" + state + ".nxs");
            SyntheticRixs.writeNexus(SyntheticRixs.Spec.of(state, seed++), f, 3);
            System.out.println(f + " " + Files.size(f));
        }
        Path mn = dir.resolve("synthetic_MnL_sdd.nxs");
        SyntheticMnLEdge.writeNexus(SyntheticMnLEdge.generate(new double[] {0.5, 0.2, 0.3}, 7), mn);
        System.out.println(mn + " " + Files.size(mn));
    }
}
