package org.edgeworks.ui.widgets;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Control;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.io.AtomicFiles;

/** What a control shows on screen, as pixels (export PNG, screenshot tests). */
public final class Snapshots {
    private Snapshots() {}

    /** The control's on-screen pixels (copied from the display, so what the user sees, overlapping shells included). */
    public static ImageData capture(Control control) {
        Point size = control.getSize();
        Image image = new Image(control.getDisplay(), Math.max(1, size.x), Math.max(1, size.y));
        GC gc = new GC(control);
        try {
            gc.copyArea(image, 0, 0);
            return image.getImageData();
        } finally {
            gc.dispose();
            image.dispose();
        }
    }

    /** ARGB (opaque) of one pixel of a capture. */
    public static int argb(ImageData data, int x, int y) {
        var rgb = data.palette.getRGB(data.getPixel(x, y));
        return 0xFF000000 | rgb.red << 16 | rgb.green << 8 | rgb.blue;
    }

    public static byte[] png(ImageData data) {
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] {data};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        loader.save(out, SWT.IMAGE_PNG);
        return out.toByteArray();
    }

    /** Writes the control's pixels as PNG (atomically). */
    public static void savePng(Control control, Path target) throws EdgeworksException {
        AtomicFiles.writeBytes(target, true, png(capture(control)));
    }
}
