package taiyi.workbench.cli;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

/** The Equinox application {@code taiyi.workbench.cli.headless}: runs one CLI command and exits. */
public final class HeadlessApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) {
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        context.applicationRunning();
        return TaiyiCommand.run(args == null ? new String[0] : args);
    }

    @Override
    public void stop() {
        // a command runs to completion on the main thread; nothing to interrupt
    }
}
