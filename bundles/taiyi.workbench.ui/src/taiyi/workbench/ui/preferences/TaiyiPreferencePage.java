package taiyi.workbench.ui.preferences;

import java.util.Arrays;

import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.ComboFieldEditor;
import org.eclipse.jface.preference.DirectoryFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IntegerFieldEditor;
import org.eclipse.jface.preference.StringFieldEditor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.ui.preferences.IWorkbenchPreferenceContainer;

import taiyi.workbench.inference.GeneratorSettings.DeviceChoice;

/**
 * Window &gt; Preferences &gt; Taiyi: where the model and its adapter are, where it runs, how much it
 * generates, and where the corpus database lives; with a link to the key bindings.
 */
public final class TaiyiPreferencePage extends FieldEditorPreferencePage implements IWorkbenchPreferencePage {

    public static final String ID = "taiyi.workbench.ui.preferences.taiyi";
    /** The platform's key bindings page (General &gt; Keys). */
    public static final String KEYS_PAGE_ID = "org.eclipse.ui.preferencePages.Keys";

    public TaiyiPreferencePage() {
        super(GRID);
        setDescription("The Taiyi model the workbench pre-annotates with, and the corpus database.");
    }

    @Override
    public void init(IWorkbench workbench) {
        setPreferenceStore(ModelPreferences.store());
    }

    @Override
    protected void createFieldEditors() {
        Composite parent = getFieldEditorParent();
        addField(new DirectoryFieldEditor(ModelPreferences.MODEL_FOLDER, "&Model folder:", parent));
        addField(new DirectoryFieldEditor(ModelPreferences.ADAPTER_FOLDER, "&Adapter folder:", parent));
        addField(new BooleanFieldEditor(ModelPreferences.REGISTERED_ADAPTER,
                "Without an adapter folder, load the latest registered round's adapter for the model", parent));
        String[][] devices = Arrays.stream(DeviceChoice.values()).map(d -> new String[] {label(d), d.key()})
                .toArray(String[][]::new);
        addField(new ComboFieldEditor(ModelPreferences.DEVICE, "&Device:", devices, parent));
        IntegerFieldEditor batch = new IntegerFieldEditor(ModelPreferences.BATCH_SIZE, "&Batch size:", parent);
        batch.setValidRange(1, ModelPreferences.MAX_BATCH_SIZE);
        addField(batch);
        IntegerFieldEditor tokens = new IntegerFieldEditor(ModelPreferences.MAX_NEW_TOKENS, "Max &new tokens:", parent);
        tokens.setValidRange(1, ModelPreferences.MAX_MAX_NEW_TOKENS);
        addField(tokens);
        IntegerFieldEditor round = new IntegerFieldEditor(ModelPreferences.ROUND, "Curation &round of the model:", parent);
        round.setValidRange(1, ModelPreferences.MAX_ROUND);
        addField(round);
        IntegerFieldEditor retrain = new IntegerFieldEditor(ModelPreferences.RETRAIN_EVERY,
                "Retrain &learners every N decisions (0: on demand only):", parent);
        retrain.setValidRange(0, ModelPreferences.MAX_RETRAIN_EVERY);
        addField(retrain);
        String[][] templates = taiyi.workbench.inference.prompt.PromptTemplates.ids().stream()
                .map(id -> new String[] {id, id}).toArray(String[][]::new);
        addField(new ComboFieldEditor(ModelPreferences.TEMPLATE, "Prompt &template:", templates, parent));
        addField(new DirectoryFieldEditor(ModelPreferences.DATABASE_FOLDER, "Data&base folder:", parent));
        addField(new StringFieldEditor(ModelPreferences.DATABASE_URL, "&Team database URL:", parent));
        Label restart = new Label(parent, SWT.WRAP);
        restart.setText("The database folder takes effect after a restart; empty means the workbench data folder's db/. A team "
                + "database (jdbc:postgresql://host[:port]/db) replaces the folder; its user and password come from TAIYI_DB_USER "
                + "and TAIYI_DB_PASSWORD in the workbench's environment, never from here.");
        restart.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1));
        Link keys = new Link(parent, SWT.NONE);
        keys.setText("Keyboard shortcuts are set on the <a>Keys</a> page.");
        keys.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1));
        keys.addListener(SWT.Selection, e -> {
            if (getContainer() instanceof IWorkbenchPreferenceContainer container) {
                container.openPage(KEYS_PAGE_ID, null);
            }
        });
    }

    /** What the device combo shows for a choice. */
    static String label(DeviceChoice device) {
        return switch (device) {
            case AUTO -> "Automatic (GPU when present)";
            case CPU -> "CPU";
            case GPU -> "GPU";
        };
    }
}
