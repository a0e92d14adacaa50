package taiyi.workbench.ui.preferences;

import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;

/** Fills the default scope when the preferences are first read (the runtime calls it through plugin.xml). */
public final class ModelPreferenceDefaults extends AbstractPreferenceInitializer {

    @Override
    public void initializeDefaultPreferences() {
        ModelPreferences.initializeDefaults();
    }
}
