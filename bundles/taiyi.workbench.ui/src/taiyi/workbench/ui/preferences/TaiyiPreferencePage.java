package taiyi.workbench.ui.preferences;

import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;

import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.ComboFieldEditor;
import org.eclipse.jface.preference.DirectoryFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.IWorkbenchPreferenceContainer;

import taiyi.workbench.core.runtime.LaunchLanguage;
import taiyi.workbench.core.runtime.WorkbenchDataFolder;
import taiyi.workbench.inference.GeneratorSettings.DeviceChoice;
import taiyi.workbench.ui.l10n.Messages;

/**
 * Window &gt; Preferences &gt; Taiyi: where the model and its adapter are, where it runs, how much it
 * generates, and where the corpus database lives; with a link to the key bindings.
 */
public final class TaiyiPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    public static final String ID = "taiyi.workbench.ui.preferences.taiyi";
    /** The platform's key bindings page (General &gt; Keys). */
    public static final String KEYS_PAGE_ID = "org.eclipse.ui.preferencePages.Keys";

    private Text keyField;
    private Button clearKey;

    public TaiyiPreferencePage() {
        super(GRID);
        setDescription(Messages.TaiyiPreferencePage_description);
    }

    @Override
    public void init(IWorkbench workbench) {
        setPreferenceStore(ModelPreferences.store());
    }

    @Override
    protected void createFieldEditors() {
        Composite parent = getFieldEditorParent();
        addField(new ComboFieldEditor(ModelPreferences.ENGINE, Messages.TaiyiPreferencePage_engine, new String[][] {
                {Messages.TaiyiPreferencePage_engineInProcess, ModelPreferences.ENGINE_IN_PROCESS},
                {Messages.TaiyiPreferencePage_engineServer, ModelPreferences.ENGINE_SERVER}}, parent));
        addField(new DirectoryFieldEditor(ModelPreferences.MODEL_FOLDER, Messages.TaiyiPreferencePage_modelFolder, parent));
        addField(new DirectoryFieldEditor(ModelPreferences.ADAPTER_FOLDER, Messages.TaiyiPreferencePage_adapterFolder, parent));
        addField(new BooleanFieldEditor(ModelPreferences.REGISTERED_ADAPTER, Messages.TaiyiPreferencePage_registeredAdapter, parent));
        String[][] devices = Arrays.stream(DeviceChoice.values()).map(d -> new String[] {label(d), d.key()})
                .toArray(String[][]::new);
        addField(new ComboFieldEditor(ModelPreferences.DEVICE, Messages.TaiyiPreferencePage_device, devices, parent));
        IntegerFieldEditor batch = new IntegerFieldEditor(ModelPreferences.BATCH_SIZE, Messages.TaiyiPreferencePage_batchSize, parent);
        batch.setValidRange(1, ModelPreferences.MAX_BATCH_SIZE);
        addField(batch);
        IntegerFieldEditor tokens = new IntegerFieldEditor(ModelPreferences.MAX_NEW_TOKENS, Messages.TaiyiPreferencePage_maxNewTokens, parent);
        tokens.setValidRange(1, ModelPreferences.MAX_MAX_NEW_TOKENS);
        addField(tokens);
        IntegerFieldEditor round = new IntegerFieldEditor(ModelPreferences.ROUND, Messages.TaiyiPreferencePage_round, parent);
        round.setValidRange(1, ModelPreferences.MAX_ROUND);
        addField(round);
        IntegerFieldEditor retrain = new IntegerFieldEditor(ModelPreferences.RETRAIN_EVERY,
                Messages.TaiyiPreferencePage_retrainEvery, parent);
        retrain.setValidRange(0, ModelPreferences.MAX_RETRAIN_EVERY);
        addField(retrain);
        String[][] templates = taiyi.workbench.inference.prompt.PromptTemplates.ids().stream()
                .map(id -> new String[] {id, id}).toArray(String[][]::new);
        addField(new ComboFieldEditor(ModelPreferences.TEMPLATE, Messages.TaiyiPreferencePage_template, templates, parent));
        addField(new StringFieldEditor(ModelPreferences.ENDPOINT_URL, Messages.TaiyiPreferencePage_serverUrl, parent));
        addField(new StringFieldEditor(ModelPreferences.ENDPOINT_MODEL, Messages.TaiyiPreferencePage_serverModel, parent));
        addField(new ComboFieldEditor(ModelPreferences.ENDPOINT_API, Messages.TaiyiPreferencePage_serverApi, new String[][] {
                {Messages.TaiyiPreferencePage_serverApiCompletions, "completions"}, {Messages.TaiyiPreferencePage_serverApiChat, "chat"}},
                parent));
        addField(new StringFieldEditor(ModelPreferences.ENDPOINT_KEY_VARIABLE, Messages.TaiyiPreferencePage_serverKeyVariable, parent));
        createKeyRow(parent);
        Label server = new Label(parent, SWT.WRAP);
        server.setText(Messages.TaiyiPreferencePage_serverNote);
        server.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1));
        addField(new DirectoryFieldEditor(ModelPreferences.DATABASE_FOLDER, Messages.TaiyiPreferencePage_databaseFolder, parent));
        addField(new StringFieldEditor(ModelPreferences.DATABASE_URL, Messages.TaiyiPreferencePage_databaseUrl, parent));
        // each language named in itself, so that a curator who cannot read the current one finds theirs
        addField(new ComboFieldEditor(ModelPreferences.LANGUAGE, Messages.TaiyiPreferencePage_language, new String[][] {
                {Messages.TaiyiPreferencePage_languageSystem, ""}, {"English", "en"}, {"\u4e2d\u6587\uff08\u7b80\u4f53\uff09", "zh_CN"}},
                parent));
        Label restart = new Label(parent, SWT.WRAP);
        restart.setText(Messages.TaiyiPreferencePage_databaseNote);
        restart.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1));
        Link keys = new Link(parent, SWT.NONE);
        keys.setText(Messages.TaiyiPreferencePage_keysLink);
        keys.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1));
        keys.addListener(SWT.Selection, e -> {
            if (getContainer() instanceof IWorkbenchPreferenceContainer container) {
                container.openPage(KEYS_PAGE_ID, null);
            }
        });
    }

    /**
     * The API key's row: a password field whose text goes to secure storage on OK (never to the
     * preference store), and a button that forgets the stored key at once.
     */
    private void createKeyRow(Composite parent) {
        new Label(parent, SWT.NONE).setText(Messages.TaiyiPreferencePage_serverKey);
        keyField = new Text(parent, SWT.SINGLE | SWT.BORDER | SWT.PASSWORD);
        keyField.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        clearKey = new Button(parent, SWT.PUSH);
        clearKey.setText(Messages.TaiyiPreferencePage_serverKeyClear);
        clearKey.addListener(SWT.Selection, e -> {
            try {
                ModelPreferences.storedApiKey().clear();
                keyField.setText("");
            } catch (IllegalStateException failed) {
                setErrorMessage(NLS.bind(Messages.TaiyiPreferencePage_serverKeyNotKept, failed.getMessage()));
            }
            showKeyState();
        });
        showKeyState();
    }

    private void showKeyState() {
        boolean stored;
        try {
            stored = ModelPreferences.storedApiKey().isSet();
        } catch (IllegalStateException e) {
            setErrorMessage(NLS.bind(Messages.TaiyiPreferencePage_serverKeyNotKept, e.getMessage()));
            stored = false;
        }
        keyField.setMessage(stored ? Messages.TaiyiPreferencePage_serverKeyStored : Messages.TaiyiPreferencePage_serverKeyNotStored);
        clearKey.setEnabled(stored);
    }

    /** Also keeps a typed API key in secure storage, and the language where the launch script reads it, for the next start. */
    @Override
    public boolean performOk() {
        if (!super.performOk()) {
            return false;
        }
        String key = keyField == null || keyField.isDisposed() ? "" : keyField.getText();
        if (!key.isBlank()) {
            try {
                ModelPreferences.storedApiKey().store(key);
                keyField.setText("");
                showKeyState();
            } catch (IllegalStateException e) {
                setErrorMessage(NLS.bind(Messages.TaiyiPreferencePage_serverKeyNotKept, e.getMessage()));
                return false;
            }
        }
        String nl = getPreferenceStore().getString(ModelPreferences.LANGUAGE);
        try {
            LaunchLanguage.write(WorkbenchDataFolder.resolve(), nl.isBlank() ? Optional.empty() : Optional.of(nl));
            return true;
        } catch (IOException | RuntimeException e) {
            setErrorMessage(NLS.bind(Messages.TaiyiPreferencePage_languageNotKept,
                    LaunchLanguage.file(WorkbenchDataFolder.resolve()), e.getMessage()));
            return false;
        }
    }

    /** What the device combo shows for a choice. */
    static String label(DeviceChoice device) {
        return switch (device) {
            case AUTO -> Messages.TaiyiPreferencePage_deviceAuto;
            case CPU -> "CPU";
            case GPU -> "GPU";
        };
    }
}
