package org.edgeworks.ui;

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

    static final class Advisor extends WorkbenchAdvisor {
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
                }
            };
        }
    }
}
