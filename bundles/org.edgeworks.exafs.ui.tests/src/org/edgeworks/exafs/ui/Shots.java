package org.edgeworks.exafs.ui;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.edgeworks.ui.widgets.Snapshots;

/** Screenshots of the EXAFS tests, kept as build artefacts in target/screenshots (property edgeworks.screenshots). */
final class Shots {
    private Shots() {}

    static void save(Control c, String name) throws Exception {
        Display d = c.getDisplay();
        while (d.readAndDispatch()) { /* paint */ }
        d.update();
        Path folder = Path.of(System.getProperty("edgeworks.screenshots", "target/screenshots")).toAbsolutePath();
        Files.createDirectories(folder);
        Files.write(folder.resolve(name + ".png"), Snapshots.png(Snapshots.capture(c)));
    }
}
