package org.edgeworks.ui.widgets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.FileTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.edgeworks.core.detector.FileProbe;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.core.data.RixsMap;
import org.edgeworks.core.data.Scan;
import org.edgeworks.core.detector.Detector;
import org.edgeworks.core.detector.DetectorRegistry;
import org.edgeworks.core.io.AtomicFiles;
import org.edgeworks.nexus.NexusFile;
import org.edgeworks.nexus.NexusNode;
import org.edgeworks.ui.viewers.MapSeries;

/**
 * Data browser content (no workbench dependency): files opened from the menu, by drag and drop or from the
 * recent-files list, each shown with the detector bundle that recognised it and its channels, and for NeXus
 * its tree of groups, datasets (type, shape) and attributes, read from headers only. Files load in a Job;
 * double-click hands the data (a Spectrum or RixsMap) to {@link #onOpen} listeners.
 */
public final class DataBrowserPanel extends Composite {
    /** How many recent files are kept. */
    public static final int RECENT_LIMIT = 10;

    /** A file in the browser. */
    public record FileItem(Path path, NexusNode root, String detector, List<String> channels, String error, List<ScanItem> scans) {
        public FileItem(Path path, NexusNode root, String detector, List<String> channels, String error) {
            this(path, root, detector, channels, error, List.of());
        }
    }

    /**
     * One scan of a multi-scan file (a SPEC file's #S scans, an Athena project's groups, a BLISS file's
     * entries), as the detector lists them; opened on its own like a file (FILE#ID).
     */
    public record ScanItem(Path path, Detector.ScanEntry entry) {}

    /** An attribute of a NeXus node. */
    public record AttributeItem(String name, String value) {}

    /** A line of file information (detector, channel). */
    public record InfoItem(String text, List<InfoItem> children) {}

    private final TreeViewer viewer;
    private final List<FileItem> files = new ArrayList<>();
    private final List<Consumer<Object>> openListeners = new ArrayList<>();
    private final List<Consumer<Object>> selectListeners = new ArrayList<>();
    private final Path recentFile;
    private Job lastJob;

    public DataBrowserPanel(Composite parent, int style, Path recentFile) {
        super(parent, style);
        this.recentFile = recentFile;
        setLayout(new GridLayout(1, false));
        Composite bar = new Composite(this, SWT.NONE);
        bar.setLayout(new RowLayout(SWT.HORIZONTAL));
        Button open = new Button(bar, SWT.PUSH);
        open.setText("Open...");
        open.addListener(SWT.Selection, e -> openDialog());
        Button importButton = new Button(bar, SWT.PUSH);
        importButton.setText("Import...");
        importButton.setToolTipText("A raw scan: choose energy, I0, It, If, reference and how mu is made");
        importButton.addListener(SWT.Selection, e -> importDialog());
        Button recent = new Button(bar, SWT.PUSH);
        recent.setText("Recent \u25BE");
        recent.addListener(SWT.Selection, e -> recentMenu(recent).setVisible(true));
        Button compare = new Button(bar, SWT.PUSH);
        compare.setText("Compare selected");
        compare.setToolTipText("Open 2 to 6 selected maps side by side on one colour scale");
        compare.addListener(SWT.Selection, e -> compare(((IStructuredSelection) viewer().getSelection()).toList()));
        viewer = new TreeViewer(this, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getControl().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        viewer.setContentProvider(new Content());
        viewer.setLabelProvider(new Decorated());
        org.eclipse.jface.viewers.ColumnViewerToolTipSupport.enableFor(viewer);
        viewer.setInput(files);
        viewer.addDoubleClickListener(e -> open(((IStructuredSelection) e.getSelection()).getFirstElement()));
        viewer.addSelectionChangedListener(e -> {
            Object first = ((IStructuredSelection) e.getSelection()).getFirstElement();
            if (first != null) selectListeners.forEach(l -> l.accept(first));
        });
        DropTarget drop = new DropTarget(viewer.getControl(), DND.DROP_COPY | DND.DROP_DEFAULT);
        drop.setTransfer(new Transfer[] {FileTransfer.getInstance()});
        drop.addDropListener(new DropTargetAdapter() {
            @Override
            public void dragEnter(DropTargetEvent event) { event.detail = DND.DROP_COPY; }

            @Override
            public void drop(DropTargetEvent event) {
                if (event.data instanceof String[] names) addFiles(Arrays.stream(names).map(Path::of).toList());
            }
        });
    }

    public TreeViewer viewer() { return viewer; }
    public List<FileItem> files() { return List.copyOf(files); }
    /** The job of the last load (tests join it). */
    public Job lastJob() { return lastJob; }

    public void onOpen(Consumer<Object> l) { openListeners.add(l); }
    /** Selection of a file or node (the pipeline preview follows it). */
    public void onSelect(Consumer<Object> l) { selectListeners.add(l); }

    /** Every data file of a folder (sorted; READMEs, scripts and other companion files skipped), loaded in a Job. */
    public void addFolder(Path folder) {
        if (!Files.isDirectory(folder)) return;
        try (Stream<Path> s = Files.walk(folder)) {
            addFiles(s.filter(Files::isRegularFile).filter(p -> !FileProbe.isCompanionFile(p)).sorted().toList(), false);
        } catch (IOException e) {
            ErrorDialogs.show(getShell(), "Cannot list folder", folder + ": " + e.getMessage());
        }
    }

    /** Opens files (menu, drag and drop): headers only, in a Job; they become recent files. */
    public void addFiles(List<Path> paths) {
        addFiles(paths, true);
    }

    private void addFiles(List<Path> paths, boolean remember) {
        lastJob = UiJobs.schedule(getDisplay(), "Reading " + paths.size() + " file(s)", monitor -> {
            monitor.beginTask("Reading file headers", paths.size());
            List<FileItem> items = new ArrayList<>();
            for (Path p : paths) {
                if (monitor.isCanceled()) break;
                monitor.subTask(p.getFileName().toString());
                items.add(item(p));
                monitor.worked(1);
            }
            monitor.done();
            return items;
        }, items -> {
            if (isDisposed()) return;
            for (FileItem item : items) {
                files.removeIf(f -> f.path().equals(item.path()));
                files.add(item);
            }
            viewer.refresh();
            if (remember) remember(paths);
            // a file the user opened and that cannot be read gets a dialog now, not only a red line in the tree
            if (remember)
                items.stream().filter(i -> i.error() != null).findFirst().ifPresent(bad -> ErrorDialogs.show(getShell(),
                        "Cannot read " + bad.path().getFileName(), new EdgeworksException(bad.path(), null, bad.error())));
        }, e -> ErrorDialogs.show(getShell(), "Cannot open file", e));
    }

    /** Reads one file's headers: the NeXus tree, and which detector bundle recognises it with its channels. */
    public static FileItem item(Path p) {
        NexusNode root = null;
        String problem = null;
        if (FileProbe.isHdf5Name(p)) {
            try (NexusFile f = NexusFile.open(p)) {
                root = f.tree();
            } catch (EdgeworksException e) {
                problem = e.problem();
            }
        }
        String detector = null;
        List<String> channels = new ArrayList<>();
        try {
            DetectorRegistry registry = DetectorRegistry.load();
            DetectorRegistry.Entry entry = registry.select(p);
            detector = entry.label() + " (" + entry.detector().id() + ")";
            // a file of several scans is listed scan by scan (each opened alone), never refused as a whole
            List<Detector.ScanEntry> entries = entry.detector().scans(p);
            if (entries.size() > 1) {
                Detector.ScanEntry first = Detector.ScanEntry.preview(entries);
                entry.detector().read(p, first.id()).channels().values()
                    .forEach(c -> channels.add(c.name() + "  " + c.role() + " " + Arrays.toString(c.shape())));
                return new FileItem(p, root, detector, channels, null, entries.stream().map(x -> new ScanItem(p, x)).toList());
            }
            Scan scan = entry.detector().read(p);
            scan.channels().values().forEach(c -> channels.add(c.name() + "  " + c.role() + " " + Arrays.toString(c.shape())));
        } catch (EdgeworksException | RuntimeException e) {
            if (problem == null && root == null) problem = e instanceof EdgeworksException ee ? ee.problem() : String.valueOf(e);
        }
        return new FileItem(p, root, detector, channels, problem);
    }

    public void open(Object element) {
        if (element == null) return;
        Path file = fileOf(element);
        if (file == null) return;
        lastJob = UiJobs.<List<Object>>schedule(getDisplay(), "Opening " + file.getFileName(), monitor -> {
            if (element instanceof NexusNode n && !n.isGroup() && !n.dangling()) return List.of(DataOpener.openDataset(file, n));
            if (element instanceof ScanItem sc) return List.of(DataOpener.openScan(file, sc.entry().id()));
            // a multi-scan file opened as a whole: each of its usable scans, as `xas` commands do given no choice
            if (element instanceof FileItem f && !f.scans().isEmpty()) {
                List<Object> all = new ArrayList<>();
                for (ScanItem sc : f.scans()) if (sc.entry().usable()) all.add(DataOpener.openScan(file, sc.entry().id()));
                return all;
            }
            return List.of(DataOpener.openFile(file, monitor));
        }, opened -> {
            for (Object data : opened) {
                if (data instanceof DataOpener.RawScan raw) openImport(raw);
                else openListeners.forEach(l -> l.accept(data));
            }
        }, e -> ErrorDialogs.show(getShell(), "Cannot open", e));
    }

    /** The import dialog of the last raw scan opened (tests drive it), or null. */
    public ImportPanel lastImport() { return lastImport; }

    private ImportPanel lastImport;

    /**
     * The import dialog (a window of its own, not modal): the user chooses how mu is made; "Import" hands the
     * spectrum to the open listeners (the viewers) and closes it. The choice is remembered for the file layout.
     */
    public void openImport(DataOpener.RawScan raw) {
        org.eclipse.swt.widgets.Shell dialog = new org.eclipse.swt.widgets.Shell(getShell(), SWT.DIALOG_TRIM | SWT.RESIZE);
        dialog.setText("Import " + raw.file().getFileName() + ": how is mu made?");
        dialog.setLayout(new org.eclipse.swt.layout.FillLayout());
        ImportPanel panel = new ImportPanel(dialog, SWT.NONE, raw.scan(), raw.file());
        panel.onImport(l -> {
            Sources.remember(l.spectrum(), l.source());
            openListeners.forEach(o -> o.accept(l.spectrum()));
            dialog.dispose();
        });
        lastImport = panel;
        dialog.setSize(1100, 700);
        dialog.open();
    }

    /** File > Import: the import dialog for a file even when its channels would decide mu by themselves. */
    public void importFile(Path file) {
        lastJob = UiJobs.schedule(getDisplay(), "Reading " + file.getFileName(), monitor -> DetectorRegistry.load().read(file),
                scan -> openImport(new DataOpener.RawScan(scan, file, "")), e -> ErrorDialogs.show(getShell(), "Cannot import", e));
    }

    /** A file dialog, then {@link #importFile}. */
    public void importDialog() {
        FileDialog d = new FileDialog(getShell(), SWT.OPEN);
        String f = d.open();
        if (f != null) importFile(Path.of(f));
    }

    /** Opens the elements (each a map) and hands them on as one {@link MapSeries} for the compare-states viewer. */
    public void compare(List<?> elements) {
        List<Object> chosen = new ArrayList<>(elements);
        lastJob = UiJobs.schedule(getDisplay(), "Opening " + chosen.size() + " maps", monitor -> {
            org.eclipse.core.runtime.SubMonitor sub = org.eclipse.core.runtime.SubMonitor.convert(monitor, "Opening maps", chosen.size());
            List<RixsMap> maps = new ArrayList<>();
            for (Object element : chosen) {
                Path file = fileOf(element);
                if (file == null) continue;
                Object data = element instanceof NexusNode n && !n.isGroup() ? DataOpener.openDataset(file, n)
                        : DataOpener.openFile(file, sub.split(1));
                if (!(data instanceof RixsMap m))
                    throw new EdgeworksException(file, null, "is not a map (compare needs 2 to 6 maps)");
                maps.add(m);
            }
            if (maps.size() < 2 || maps.size() > 6)
                throw EdgeworksException.of("compare states", "select 2 to 6 maps (selected " + maps.size() + ")");
            return new MapSeries(maps);
        }, data -> openListeners.forEach(l -> l.accept(data)), e -> ErrorDialogs.show(getShell(), "Cannot compare", e));
    }

    private Path fileOf(Object element) {
        if (element instanceof FileItem f) return f.path();
        if (element instanceof ScanItem sc) return sc.path();
        for (FileItem f : files) if (f.root() != null && contains(f.root(), element)) return f.path();
        return null;
    }

    private static boolean contains(NexusNode root, Object node) {
        if (root == node) return true;
        for (NexusNode c : root.children()) if (contains(c, node)) return true;
        return false;
    }

    /**
     * Labels with the bad-file decoration: a file that cannot be read is drawn in red with a warning sign and
     * the problem in plain words as its tooltip; same-name files show their folder.
     */
    private final class Decorated extends org.eclipse.jface.viewers.ColumnLabelProvider {
        @Override public String getText(Object e) { return label(e, files); }

        @Override
        public org.eclipse.swt.graphics.Color getForeground(Object e) {
            return e instanceof FileItem f && f.error() != null ? getDisplay().getSystemColor(SWT.COLOR_RED) : null;
        }

        @Override
        public String getToolTipText(Object e) {
            if (!(e instanceof FileItem f)) return null;
            if (f.error() == null) return f.path().toString() + (f.detector() == null ? "" : "\n" + f.detector());
            return ErrorDialogs.explain(new EdgeworksException(f.path(), null, f.error()));
        }
    }

    static String label(Object e) {
        return label(e, List.of());
    }

    static String label(Object e, List<FileItem> all) {
        if (e instanceof FileItem f) {
            String file = f.path().getFileName().toString();
            boolean twin = all.stream().anyMatch(o -> o != f && o.path().getFileName().toString().equals(file));
            String name = twin && f.path().getParent() != null ? file + "  [" + f.path().getParent().getFileName() + "]" : file;
            return (f.error() == null ? "" : "\u26A0 ") + name + (f.error() == null ? "" : "  (cannot be read: hover for why)");
        }
        if (e instanceof ScanItem sc) {
            Detector.ScanEntry x = sc.entry();
            return "#" + x.id() + "  " + x.label() + "  (" + x.points() + " points" + (x.usable() ? "" : ", not usable") + ")"
                + (x.note() == null || x.note().isBlank() ? "" : "  " + x.note());
        }
        if (e instanceof AttributeItem a) return "@" + a.name() + " = " + a.value();
        if (e instanceof InfoItem i) return i.text();
        if (e instanceof NexusNode n) {
            if (n.dangling()) return n.name() + " -> " + n.linkTarget() + " [dangling]";
            if (n.isGroup()) return n.name() + (n.nxClass().isEmpty() ? "" : " (" + n.nxClass() + ")");
            return n.name() + "  " + n.type() + " " + Arrays.toString(n.shape());
        }
        return String.valueOf(e);
    }

    /** The tree's children: file info and NeXus tree under a file; attributes then children under a node. */
    private static final class Content implements ITreeContentProvider {
        @Override public Object[] getElements(Object input) { return ((List<?>) input).toArray(); }

        @Override
        public Object[] getChildren(Object e) {
            List<Object> out = new ArrayList<>();
            if (e instanceof FileItem f) {
                if (f.detector() != null) {
                    List<InfoItem> channels = f.channels().stream().map(c -> new InfoItem(c, List.of())).toList();
                    out.add(new InfoItem("detector: " + f.detector(), List.of()));
                    out.add(new InfoItem((f.scans().isEmpty() ? "channels (" : "channels of the first scan (") + channels.size() + ")", channels));
                }
                out.addAll(f.scans());
                if (f.root() != null) out.addAll(f.root().children());
            } else if (e instanceof InfoItem i) {
                out.addAll(i.children());
            } else if (e instanceof NexusNode n) {
                for (Map.Entry<String, String> a : n.attributes().entrySet()) out.add(new AttributeItem(a.getKey(), a.getValue()));
                out.addAll(n.children());
            }
            return out.toArray();
        }

        @Override public Object getParent(Object e) { return null; }

        @Override public boolean hasChildren(Object e) { return getChildren(e).length > 0; }
    }

    public void openDialog() {
        FileDialog d = new FileDialog(getShell(), SWT.OPEN | SWT.MULTI);
        d.setFilterExtensions(new String[] {"*.*", "*.nxs;*.h5;*.hdf5", "*.dat;*.xdi;*.xmu"});
        if (d.open() == null) return;
        addFiles(Arrays.stream(d.getFileNames()).map(n -> Path.of(d.getFilterPath(), n)).toList());
    }

    /** Recent files, newest first. */
    public List<Path> recent() {
        if (recentFile == null || !Files.isRegularFile(recentFile)) return List.of();
        try {
            return Files.readAllLines(recentFile).stream().filter(s -> !s.isBlank()).map(Path::of).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private void remember(List<Path> opened) {
        if (recentFile == null) return;
        List<Path> list = new ArrayList<>();
        for (Path p : opened) list.add(p.toAbsolutePath());
        for (Path p : recent()) if (!list.contains(p)) list.add(p);
        List<String> lines = list.stream().limit(RECENT_LIMIT).map(Path::toString).toList();
        try {
            Files.createDirectories(recentFile.toAbsolutePath().getParent());
            AtomicFiles.writeString(recentFile, true, String.join("\n", lines) + "\n");
        } catch (IOException | EdgeworksException e) {
            // the recent list is a convenience: failing to keep it must not stop the user
        }
    }

    private Menu recentMenu(Button anchor) {
        Menu menu = new Menu(anchor);
        List<Path> recent = recent();
        if (recent.isEmpty()) {
            MenuItem none = new MenuItem(menu, SWT.PUSH);
            none.setText("(no recent files)");
            none.setEnabled(false);
        }
        for (Path p : recent) {
            MenuItem item = new MenuItem(menu, SWT.PUSH);
            item.setText(p.toString());
            item.addListener(SWT.Selection, e -> addFiles(List.of(p)));
        }
        return menu;
    }
}
