package taiyi.workbench.ui.queue;

import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;

/** Fills the queue's defaults when the preferences are first read (the runtime calls it through plugin.xml). */
public final class QueuePreferenceDefaults extends AbstractPreferenceInitializer {

    @Override
    public void initializeDefaultPreferences() {
        QueuePreferences.initializeDefaults();
    }
}
