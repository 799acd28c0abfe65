package org.edgeworks.ui;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.actions.ContributionItemFactory;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.edgeworks.core.EdgeworksException;
import org.edgeworks.ui.views.DataBrowserView;
import org.edgeworks.ui.views.ResultsView;
import org.edgeworks.ui.widgets.DataBrowserPanel;
import org.edgeworks.ui.widgets.ErrorDialogs;
import org.edgeworks.ui.widgets.ResultsPanel;
import org.edgeworks.ui.widgets.Session;

/**
 * The workbench menus: File (open, recent, import, sessions, export, exit), Edit (copy results), Window
 * (show view, reset), Help (about).
 */
final class EdgeworksMenus extends ActionBarAdvisor {
    private IWorkbenchWindow window;

    EdgeworksMenus(IActionBarConfigurer configurer) {
        super(configurer);
    }

    @Override
    protected void makeActions(IWorkbenchWindow w) {
        window = w;
        register(ActionFactory.QUIT.create(w));
        register(ActionFactory.RESET_PERSPECTIVE.create(w));
    }

    @Override
    protected void fillMenuBar(IMenuManager bar) {
        MenuManager file = new MenuManager("&File", "file");
        file.add(action("&Open File...", b -> b.openDialog()));
        file.add(recentMenu());
        file.add(action("&Import Raw Scan...", DataBrowserPanel::importDialog));
        file.add(new Separator());
        file.add(action("Open &Session...", b -> session(b, false)));
        file.add(action("Sa&ve Session...", b -> session(b, true)));
        file.add(new Separator());
        file.add(resultsAction("&Export Results as CSV...", ResultsPanel::exportDialog));
        file.add(new Separator());
        file.add(getAction(ActionFactory.QUIT.getId()));
        MenuManager edit = new MenuManager("&Edit", "edit");
        edit.add(resultsAction("&Copy Results", ResultsPanel::copy));
        MenuManager windowMenu = new MenuManager("&Window", "window");
        MenuManager showView = new MenuManager("Show &View", "showView");
        showView.add(ContributionItemFactory.VIEWS_SHORTLIST.create(window));
        windowMenu.add(showView);
        windowMenu.add(getAction(ActionFactory.RESET_PERSPECTIVE.getId()));
        MenuManager help = new MenuManager("&Help", "help");
        help.add(new Action("&About Edgeworks") {
            @Override
            public void run() {
                MessageDialog.openInformation(window.getShell(), "About Edgeworks",
                        "Edgeworks: XANES, EXAFS and mRIXS on the Eclipse RCP.\nThe command line: ./edgeworks --help");
            }
        });
        bar.add(file);
        bar.add(edit);
        bar.add(windowMenu);
        bar.add(help);
    }

    /** File > Open Recent: the data browser's recent files, newest first, read each time the menu opens. */
    private MenuManager recentMenu() {
        MenuManager recent = new MenuManager("Open &Recent", "recent");
        recent.setRemoveAllWhenShown(true);
        recent.addMenuListener(m -> {
            DataBrowserView view = (DataBrowserView) window.getActivePage().findView(DataBrowserView.ID);
            List<Path> files = view == null ? List.of() : view.panel().recent();
            if (files.isEmpty()) {
                Action none = new Action("(no recent files)") {};
                none.setEnabled(false);
                m.add(none);
            }
            for (Path f : files) m.add(action(f.getFileName() + "  [" + f.getParent() + "]", b -> b.addFiles(List.of(f))));
        });
        return recent;
    }

    private interface ResultsAction { void run(ResultsPanel results); }

    /** An action on the Results view's table, shown (created) first when it is not open yet. */
    private Action resultsAction(String text, ResultsAction a) {
        return new Action(text) {
            @Override
            public void run() {
                try {
                    ResultsView view = (ResultsView) window.getActivePage().showView(ResultsView.ID);
                    a.run(view.panel());
                } catch (org.eclipse.ui.PartInitException e) {
                    ErrorDialogs.show(window.getShell(), text.replace("&", "").replace("...", ""),
                            EdgeworksException.of(ResultsView.ID, "cannot open the Results view: " + e.getMessage()));
                }
            }
        };
    }

    private interface BrowserAction { void run(DataBrowserPanel browser) throws EdgeworksException; }

    private Action action(String text, BrowserAction a) {
        return new Action(text) {
            @Override
            public void run() {
                DataBrowserView view = (DataBrowserView) window.getActivePage().findView(DataBrowserView.ID);
                if (view == null) return;
                try {
                    a.run(view.panel());
                } catch (EdgeworksException e) {
                    ErrorDialogs.show(window.getShell(), text.replace("&", "").replace("...", ""), e);
                }
            }
        };
    }

    private void session(DataBrowserPanel browser, boolean save) throws EdgeworksException {
        FileDialog d = new FileDialog(window.getShell(), save ? SWT.SAVE : SWT.OPEN);
        d.setFilterExtensions(new String[] {"*.edgeworks-session.json", "*.json"});
        d.setOverwrite(true);
        String f = d.open();
        if (f == null) return;
        if (save) Session.save(Path.of(f), browser);
        else {
            // the task panels and viewers the session keeps are created first, so that each gets its state back
            for (String id : Session.partIds(Path.of(f))) {
                String[] view = SESSION_VIEWS.get(id);
                if (view == null) continue;
                try {
                    window.getActivePage().showView(view[0], view[1], org.eclipse.ui.IWorkbenchPage.VIEW_CREATE);
                } catch (org.eclipse.ui.PartInitException e) {
                    throw EdgeworksException.of(id, "cannot open its view: " + e.getMessage());
                }
            }
            Session.load(Path.of(f), browser);
        }
    }

    /** The view (id, secondary id) of each session part id. */
    private static final java.util.Map<String, String[]> SESSION_VIEWS = java.util.Map.of(
            "task:" + org.edgeworks.xas.NormalizeProcessor.ID, new String[] {org.edgeworks.ui.views.SpectrumTaskView.Normalisation.ID, null},
            "task:" + org.edgeworks.xas.DeglitchProcessor.ID, new String[] {org.edgeworks.ui.views.SpectrumTaskView.Deglitch.ID, null},
            "task:" + org.edgeworks.xas.PreEdgeProcessor.ID, new String[] {org.edgeworks.ui.views.SpectrumTaskView.Peaks.ID, null},
            "task:shiftMerge", new String[] {org.edgeworks.ui.views.ShiftMergeView.ID, null},
            "task:valence", new String[] {org.edgeworks.ui.views.ValenceView.ID, null},
            "task:" + org.edgeworks.xas.LcfProcessor.ID, new String[] {org.edgeworks.ui.views.LcfView.ID, null},
            "viewer:spectrum", new String[] {org.edgeworks.ui.views.ViewerView.ID, "org.edgeworks.ui.spectrumViewer"});
}
