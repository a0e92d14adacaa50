/**
 * The workbench's preferences: the "Taiyi" page (model, adapter, device, generation limits,
 * the server and its API key, which goes to secure storage and never to the preference store,
 * database folder) and {@link taiyi.workbench.ui.preferences.ModelPreferences}, the one place that
 * names their keys and reads them back typed, for the commands that run the model.
 */
package taiyi.workbench.ui.preferences;
