package taiyi.workbench.cli;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** The workbench's own version: that of the CLI bundle, which ships with every build. */
final class WorkbenchVersion {

    private WorkbenchVersion() {
    }

    static String get() {
        Bundle bundle = FrameworkUtil.getBundle(WorkbenchVersion.class);
        return bundle != null ? bundle.getVersion().toString() : "development";
    }
}
