package org.edgeworks.exafs.ui;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.exafs.FourierTransformProcessor;
import org.edgeworks.exafs.WaveletProcessor;
import org.edgeworks.plot.Rendered;
import org.edgeworks.ui.viewers.TypedViewer;

/**
 * One viewer for the EXAFS results (contributed in plugin.xml for Autobk, Chi, ChiR, Wavelet and
 * Fit): the picture of {@link ExafsPlots} redrawn at the canvas size, with a k-weight switch for
 * chi(k) pictures. Holds no science.
 */
public final class ExafsViewer extends TypedViewer<Object, Composite> {
    private Combo kweight;
    private Label kLabel;
    private Canvas canvas;
    private Image image;
    private Object data;
    private String problem;

    @Override
    protected Composite build(Composite parent) {
        Composite root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(2, false));
        kLabel = new Label(root, SWT.NONE);
        kLabel.setText("k-weight");
        kweight = new Combo(root, SWT.READ_ONLY);
        kweight.setItems("0", "1", "2", "3");
        kweight.select(2);
        kweight.addListener(SWT.Selection, e -> redraw());
        canvas = new Canvas(root, SWT.DOUBLE_BUFFERED);
        canvas.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        canvas.addListener(SWT.Resize, e -> redraw());
        canvas.addListener(SWT.Paint, e -> {
            if (image != null && !image.isDisposed()) e.gc.drawImage(image, 0, 0);
            else if (problem != null) e.gc.drawText(problem, 10, 10);
        });
        root.addListener(SWT.Dispose, e -> dispose());
        return root;
    }

    @Override
    protected void display(Object value) throws EdgeworksException {
        ExafsPlots.render(value, 2, 200, 150); // refuses what it cannot draw before anything changes
        data = value;
        boolean w = ExafsPlots.weighted(value);
        kweight.setVisible(w);
        kLabel.setVisible(w);
        redraw();
    }

    @Override
    protected String titleOf(Object value) {
        if (value instanceof FourierTransformProcessor.ChiR r) return r.name() + " |chi(R)|";
        if (value instanceof WaveletProcessor.Wavelet w) return w.name() + " wavelet";
        return null;
    }

    /** The k-weight the switch shows. */
    public double kweight() { return kweight.getSelectionIndex(); }

    public void setKweight(int w) {
        kweight.select(w);
        redraw();
    }

    /** The picture shown (null before data), for tests and snapshots. */
    public Image image() { return image; }

    public String problem() { return problem; }

    private void redraw() {
        if (data == null || canvas.isDisposed()) return;
        Point size = canvas.getSize();
        int w = Math.max(320, size.x), h = Math.max(240, size.y);
        try {
            Rendered r = ExafsPlots.render(data, kweight(), w, h);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(r.image(), "png", png);
            Image next = new Image(canvas.getDisplay(), new ImageData(new ByteArrayInputStream(png.toByteArray())));
            dispose();
            image = next;
            problem = null;
        } catch (EdgeworksException | IOException e) {
            dispose();
            problem = e.getMessage();
        }
        canvas.redraw();
    }

    private void dispose() {
        if (image != null && !image.isDisposed()) image.dispose();
        image = null;
    }
}
