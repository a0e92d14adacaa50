package taiyi.workbench.ui.preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static taiyi.workbench.ui.WorkbenchDriver.drain;
import static taiyi.workbench.ui.WorkbenchDriver.find;
import static taiyi.workbench.ui.WorkbenchDriver.page;
import static taiyi.workbench.ui.WorkbenchDriver.press;
import static taiyi.workbench.ui.WorkbenchDriver.screenshot;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.IPreferenceNode;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import taiyi.workbench.core.runtime.LaunchLanguage;
import taiyi.workbench.core.runtime.WorkbenchDataFolder;
import taiyi.workbench.inference.GeneratorSettings.DeviceChoice;
import taiyi.workbench.inference.remote.ApiKey;
import taiyi.workbench.inference.remote.StoredApiKey;

/** Window > Preferences > Taiyi: values typed into the page are what ModelPreferences reads back. */
class TaiyiPreferencePageTest {

    @TempDir
    Path tmp;

    @AfterEach
    void forgetValues() throws Exception {
        IEclipsePreferences node = InstanceScope.INSTANCE.getNode(ModelPreferences.QUALIFIER);
        node.clear();
        node.flush();
    }

    private static PreferenceDialog open() {
        PreferenceDialog dialog = PreferencesUtil.createPreferenceDialogOn(page().getWorkbenchWindow().getShell(),
                TaiyiPreferencePage.ID, null, null);
        dialog.setBlockOnOpen(false);
        dialog.open();
        drain();
        return dialog;
    }

    /** The control right after the label reading {@code label} (mnemonics ignored), as the page lays them out. */
    private static <T extends Control> T field(Shell shell, String label, Class<T> type) {
        Label l = find(shell, Label.class, x -> x.getText().replace("&", "").equals(label)).get(0);
        List<Control> siblings = Arrays.asList(l.getParent().getChildren());
        return type.cast(siblings.get(siblings.indexOf(l) + 1));
    }

    /** Types into a field as the keyboard would: the field editors validate on key strokes. */
    private static void type(Text field, String value) {
        field.setText(value);
        for (int type : new int[] {SWT.KeyDown, SWT.KeyUp}) {
            Event key = new Event();
            key.character = value.isEmpty() ? SWT.BS : value.charAt(value.length() - 1);
            field.notifyListeners(type, key);
        }
        drain();
    }

    @Test
    void valuesTypedOnThePageAreReadBackTyped() throws Exception {
        assertEquals(Optional.empty(), ModelPreferences.current().modelFolder());
        assertEquals(DeviceChoice.AUTO, ModelPreferences.current().device());
        Path model = Files.createDirectory(tmp.resolve("Taiyi-LLM"));
        Path adapter = Files.createDirectory(tmp.resolve("adapter-round-2"));

        PreferenceDialog dialog = open();
        try {
            Shell shell = dialog.getShell();
            assertInstanceOf(TaiyiPreferencePage.class, dialog.getSelectedPage());
            type(field(shell, "Model folder:", Text.class), model.toString());
            type(field(shell, "Adapter folder:", Text.class), adapter.toString());
            Combo device = field(shell, "Device:", Combo.class);
            device.select(Arrays.asList(device.getItems()).indexOf(TaiyiPreferencePage.label(DeviceChoice.CPU)));
            device.notifyListeners(SWT.Selection, new Event());
            Text batch = field(shell, "Batch size:", Text.class);
            type(batch, "0");
            drain();
            // out of range: the page says so and cannot be applied
            assertFalse(((org.eclipse.jface.preference.IPreferencePage) dialog.getSelectedPage()).isValid(), "batch size 0 was accepted");
            assertFalse(find(shell, Button.class, b -> b.getText().replace("&", "").equals("Apply and Close")).get(0).isEnabled());
            type(batch, "8");
            type(field(shell, "Max new tokens:", Text.class), "1024");
            drain();
            assertTrue(((org.eclipse.jface.preference.IPreferencePage) dialog.getSelectedPage()).isValid());
            assertTrue(find(shell, Label.class, l -> l.getText().contains("takes effect after a restart")).size() == 1);
            screenshot(shell, "preferences-taiyi.png");
            press(shell, "Apply and Close");
        } finally {
            if (dialog.getShell() != null && !dialog.getShell().isDisposed()) {
                dialog.close();
            }
        }

        ModelPreferences prefs = ModelPreferences.current();
        assertEquals(Optional.of(model), prefs.modelFolder());
        assertEquals(Optional.of(adapter), prefs.adapterFolder());
        assertEquals(DeviceChoice.CPU, prefs.device());
        assertEquals(8, prefs.batchSize());
        assertEquals(1024, prefs.maxNewTokens());
        assertEquals(Optional.empty(), prefs.databaseFolder());
        // stored where the next start reads them
        assertEquals("cpu", InstanceScope.INSTANCE.getNode(ModelPreferences.QUALIFIER).get(ModelPreferences.DEVICE, null));
    }

    @Test
    void theLanguageChosenOnThePageIsKeptWhereTheLaunchScriptReadsIt() throws Exception {
        WorkbenchDataFolder data = WorkbenchDataFolder.resolve();
        Path file = LaunchLanguage.file(data);
        Files.deleteIfExists(file);
        for (String[] choice : new String[][] {{"\u4e2d\u6587\uff08\u7b80\u4f53\uff09", "zh_CN"}, {"English", "en"}}) {
            PreferenceDialog dialog = open();
            try {
                Combo language = field(dialog.getShell(), "Language (after a restart):", Combo.class);
                language.select(Arrays.asList(language.getItems()).indexOf(choice[0]));
                language.notifyListeners(SWT.Selection, new Event());
                press(dialog.getShell(), "Apply and Close");
            } finally {
                if (dialog.getShell() != null && !dialog.getShell().isDisposed()) {
                    dialog.close();
                }
            }
            assertEquals(choice[1] + "\n", Files.readString(file));
            assertEquals(Optional.of(choice[1]), LaunchLanguage.read(data));
        }
        // back to the system's language: no file, the OS decides
        PreferenceDialog dialog = open();
        try {
            Combo language = field(dialog.getShell(), "Language (after a restart):", Combo.class);
            language.select(0);
            language.notifyListeners(SWT.Selection, new Event());
            press(dialog.getShell(), "Apply and Close");
        } finally {
            if (dialog.getShell() != null && !dialog.getShell().isDisposed()) {
                dialog.close();
            }
        }
        assertFalse(Files.exists(file), "the language file outlived the choice of the system's language");
    }

    @Test
    void anApiKeyTypedOnThePageIsKeptInSecureStorageAndNeverInThePreferences() throws Exception {
        StoredApiKey stored = ModelPreferences.storedApiKey();
        stored.clear();
        String secret = "sk-page-test-4b1d9e";
        PreferenceDialog dialog = open();
        try {
            Shell shell = dialog.getShell();
            Text key = field(shell, "API key (secure storage):", Text.class);
            assertTrue((key.getStyle() & SWT.PASSWORD) != 0, "the key field shows what is typed");
            assertEquals("No key is stored", key.getMessage());
            assertFalse(clearButton(shell).isEnabled());
            Combo engine = field(shell, "Run the model:", Combo.class);
            engine.select(1);
            engine.notifyListeners(SWT.Selection, new Event());
            type(field(shell, "Server URL:", Text.class), "http://127.0.0.1:9/v1");
            type(field(shell, "Server model name:", Text.class), "taiyi");
            type(key, secret);
            press(shell, "Apply and Close");
        } finally {
            if (dialog.getShell() != null && !dialog.getShell().isDisposed()) {
                dialog.close();
            }
        }

        assertTrue(stored.read().orElseThrow().matches(secret));
        ModelPreferences prefs = ModelPreferences.current();
        assertTrue(prefs.usesServer());
        ApiKey used = prefs.endpoint().key().orElseThrow();
        assertTrue(used.matches(secret));
        assertTrue(used.source().contains("secure storage"), used.source());
        // neither the preference node nor its file on disk holds it
        IEclipsePreferences node = InstanceScope.INSTANCE.getNode(ModelPreferences.QUALIFIER);
        node.flush();
        for (String k : node.keys()) {
            assertFalse(node.get(k, "").contains(secret), k);
        }
        // where the runtime keeps the instance scope without a resources plug-in
        Path prefsFile = Path.of(Platform.getInstanceLocation().getURL().getPath(), ".metadata", ".plugins",
                "org.eclipse.core.runtime", ".settings", ModelPreferences.QUALIFIER + ".prefs");
        assertTrue(Files.exists(prefsFile), prefsFile.toString());
        assertFalse(Files.readString(prefsFile, StandardCharsets.ISO_8859_1).contains(secret));
        assertFalse(Files.readString(stored.storage(), StandardCharsets.ISO_8859_1).contains(secret));

        // the page says a key is stored, and Clear forgets it at once
        dialog = open();
        try {
            Shell shell = dialog.getShell();
            Text key = field(shell, "API key (secure storage):", Text.class);
            assertEquals("", key.getText());
            assertEquals("A key is stored; type another to replace it", key.getMessage());
            screenshot(shell, "preferences-taiyi-api-key.png");
            Button clear = clearButton(shell);
            assertTrue(clear.isEnabled());
            clear.notifyListeners(SWT.Selection, new Event());
            drain();
            assertFalse(clear.isEnabled());
            assertEquals("No key is stored", key.getMessage());
        } finally {
            dialog.close();
        }
        assertEquals(Optional.empty(), stored.read());
        assertEquals(Optional.empty(), ModelPreferences.current().endpoint().key());
    }

    private static Button clearButton(Shell shell) {
        return find(shell, Button.class, b -> b.getText().replace("&", "").equals("Clear Stored Key")).get(0);
    }

    @Test
    void theKeysPageIsThereAndThePageLinksToIt() {
        assertNotNull(PlatformUI.getWorkbench().getPreferenceManager()
                .find("org.eclipse.ui.preferencePages.Workbench/" + TaiyiPreferencePage.KEYS_PAGE_ID), "no General > Keys page");
        PreferenceDialog dialog = open();
        try {
            Link link = find(dialog.getShell(), Link.class, l -> l.getText().contains("Keys")).get(0);
            link.notifyListeners(SWT.Selection, new Event());
            drain();
            IPreferenceNode selected = (IPreferenceNode) dialog.getTreeViewer().getStructuredSelection().getFirstElement();
            assertEquals(TaiyiPreferencePage.KEYS_PAGE_ID, selected.getId());
        } finally {
            dialog.close();
        }
    }
}
