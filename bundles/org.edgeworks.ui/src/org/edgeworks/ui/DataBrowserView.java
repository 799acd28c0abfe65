package org.edgeworks.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.nexus.NexusFile;
import org.edgeworks.nexus.NexusNode;

/**
 * The data browser: the bundled sample scans on first start, each NeXus file as its tree of
 * groups and datasets with shapes (read from headers only, never the data).
 */
public final class DataBrowserView extends ViewPart {
    public static final String ID = "org.edgeworks.ui.dataBrowser";

    private TreeViewer viewer;

    /** A file in the browser; NeXus files carry their tree, other files only their name. */
    record FileItem(Path path, NexusNode root, String error) {}

    @Override
    public void createPartControl(Composite parent) {
        viewer = new TreeViewer(parent, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL);
        viewer.setContentProvider(new ITreeContentProvider() {
            @Override public Object[] getElements(Object input) { return ((List<?>) input).toArray(); }
            @Override public Object[] getChildren(Object e) {
                if (e instanceof FileItem f) return f.root() == null ? new Object[0] : f.root().children().toArray();
                if (e instanceof NexusNode n) return n.children().toArray();
                return new Object[0];
            }
            @Override public Object getParent(Object e) { return null; }
            @Override public boolean hasChildren(Object e) { return getChildren(e).length > 0; }
        });
        viewer.setLabelProvider(new LabelProvider() {
            @Override public String getText(Object e) {
                if (e instanceof FileItem f) return f.path().getFileName() + (f.error() == null ? "" : "  (" + f.error() + ")");
                if (e instanceof NexusNode n) {
                    if (n.dangling()) return n.name() + " -> " + n.linkTarget() + " [dangling]";
                    if (!n.children().isEmpty() || n.kind() == NexusNode.Kind.GROUP)
                        return n.name() + (n.nxClass().isEmpty() ? "" : " (" + n.nxClass() + ")");
                    return n.name() + "  " + n.type() + " " + java.util.Arrays.toString(n.shape());
                }
                return String.valueOf(e);
            }
        });
        viewer.setInput(load(samplesFolder()));
    }

    static Path samplesFolder() {
        String home = System.getProperty("edgeworks.home", ".");
        return Path.of(home, "samples");
    }

    static List<FileItem> load(Path folder) {
        List<FileItem> items = new ArrayList<>();
        if (!Files.isDirectory(folder)) return items;
        try (Stream<Path> s = Files.walk(folder)) {
            for (Path p : s.filter(Files::isRegularFile).filter(x -> !x.toString().endsWith(".md")).sorted().toList()) {
                items.add(item(p));
            }
        } catch (IOException e) {
            items.add(new FileItem(folder, null, e.getMessage()));
        }
        return items;
    }

    static FileItem item(Path p) {
        String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (!(n.endsWith(".nxs") || n.endsWith(".h5") || n.endsWith(".hdf5") || n.endsWith(".nx5"))) return new FileItem(p, null, null);
        try (NexusFile f = NexusFile.open(p)) {
            return new FileItem(p, f.tree(), null);
        } catch (EdgeworksException e) {
            return new FileItem(p, null, e.problem());
        }
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }
}
