package org.edgeworks.ui;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;
import org.eclipse.ui.application.IWorkbenchConfigurer;

/** The Edgeworks workbench application: opens the Edgeworks perspective. */
public final class EdgeworksApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) {
        Display display = PlatformUI.createDisplay();
        try {
            int code = PlatformUI.createAndRunWorkbench(display, new Advisor());
            return code == PlatformUI.RETURN_RESTART ? IApplication.EXIT_RESTART : IApplication.EXIT_OK;
        } finally {
            display.dispose();
        }
    }

    @Override
    public void stop() {
        if (!PlatformUI.isWorkbenchRunning()) return;
        IWorkbench wb = PlatformUI.getWorkbench();
        Display d = wb.getDisplay();
        d.syncExec(() -> {
            if (!d.isDisposed()) wb.close();
        });
    }

    /**
     * Start-up measurement (environment EDGEWORKS_STARTUP_REPORT=1, or =exit to close right after): once the
     * window has painted, prints the milliseconds from the JVM process start to that moment on stderr.
     */
    static void reportStartup(org.eclipse.swt.widgets.Shell shell) {
        String mode = System.getenv("EDGEWORKS_STARTUP_REPORT");
        if (mode == null || mode.isBlank()) return;
        Display d = shell.getDisplay();
        d.asyncExec(() -> {
            if (shell.isDisposed()) return;
            shell.update(); // every pending paint of the window done
            long started = ProcessHandle.current().info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
            long cpu = ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L);
            System.err.println("edgeworks: window painted " + (System.currentTimeMillis() - started)
                    + " ms after the process started (" + cpu + " ms CPU)");
            if (mode.equals("exit")) closeAfterStartupEvents(d);
        });
    }

    /** Topic of the event {@link #closeAfterStartupEvents} posts behind the workbench's start-up events. */
    static final String STARTUP_REPORTED = "org/edgeworks/ui/startupReported";

    /**
     * Closes the workbench once the start-up events already posted (e4's {@code appStartupComplete}, whose UI
     * handlers run on this display) are delivered: the OSGi event admin delivers posted events in order on one
     * thread, so an event posted now arrives after them. Closing at once disposed the display before that
     * handler ran ({@code SWTException: Device is disposed} on every exit-mode start).
     */
    private static void closeAfterStartupEvents(Display d) {
        IWorkbench wb = PlatformUI.getWorkbench();
        IEventBroker broker = wb.getService(IEventBroker.class);
        if (broker == null) {
            wb.close();
            return;
        }
        broker.subscribe(STARTUP_REPORTED, event -> {
            if (!d.isDisposed()) d.asyncExec(() -> {
                if (PlatformUI.isWorkbenchRunning()) PlatformUI.getWorkbench().close();
            });
        });
        broker.post(STARTUP_REPORTED, null);
    }

    /** The application's workbench: the Edgeworks perspective, no saved layout, the window with its menus, status line and progress. */
    static class Advisor extends WorkbenchAdvisor {
        @Override
        public String getInitialWindowPerspectiveId() {
            return EdgeworksPerspective.ID;
        }

        @Override
        public void initialize(IWorkbenchConfigurer configurer) {
            configurer.setSaveAndRestore(false);
        }

        @Override
        public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
            return new WorkbenchWindowAdvisor(configurer) {
                @Override
                public void preWindowOpen() {
                    configurer.setInitialSize(new org.eclipse.swt.graphics.Point(1280, 900));
                    configurer.setTitle("Edgeworks");
                    configurer.setShowStatusLine(true);
                    configurer.setShowProgressIndicator(true);
                }

                @Override
                public org.eclipse.ui.application.ActionBarAdvisor createActionBarAdvisor(
                        org.eclipse.ui.application.IActionBarConfigurer bars) {
                    return new EdgeworksMenus(bars);
                }

                @Override
                public void postWindowOpen() {
                    reportStartup(configurer.getWindow().getShell());
                }
            };
        }
    }
}
