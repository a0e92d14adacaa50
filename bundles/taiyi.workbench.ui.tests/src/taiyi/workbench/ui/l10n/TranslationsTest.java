package taiyi.workbench.ui.l10n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * Every string of the ui and app bundles exists in English and in Chinese: each pair of
 * .properties files has the same keys and placeholders, every {@code %key} of plugin.xml is
 * defined, and every field of a Messages class has its message. A key added in one language only
 * fails here.
 */
class TranslationsTest {

    private static Bundle ui() {
        return FrameworkUtil.getBundle(Messages.class);
    }

    private static Bundle app() {
        Bundle app = Platform.getBundle("taiyi.workbench.app");
        assertNotNull(app, "no taiyi.workbench.app in the test runtime");
        return app;
    }

    private static List<String> pairProblems(Bundle bundle, String english, String chinese) throws Exception {
        URL en = TranslationFiles.find(bundle, english);
        URL zh = TranslationFiles.find(bundle, chinese);
        List<String> out = new ArrayList<>(TranslationFiles.problems(english, TranslationFiles.load(en), chinese, TranslationFiles.load(zh)));
        out.addAll(TranslationFiles.nonAscii(english, TranslationFiles.bytes(en)));
        out.addAll(TranslationFiles.nonAscii(chinese, TranslationFiles.bytes(zh)));
        return out;
    }

    /** plugin.xml's %keys that its bundle.properties lacks, and keys it defines that plugin.xml never names. */
    private static List<String> pluginProblems(Bundle bundle) throws Exception {
        Set<String> used = TranslationFiles.pluginKeys(TranslationFiles.find(bundle, "plugin.xml"));
        Properties defined = TranslationFiles.load(TranslationFiles.find(bundle, "OSGI-INF/l10n/bundle.properties"));
        List<String> out = new ArrayList<>();
        for (String key : used) {
            if (!defined.containsKey(key)) {
                out.add(bundle.getSymbolicName() + "/plugin.xml names %" + key + ", which OSGI-INF/l10n/bundle.properties lacks");
            }
        }
        for (String key : new TreeSet<>(defined.stringPropertyNames())) {
            if (!used.contains(key)) {
                out.add(bundle.getSymbolicName() + "/OSGI-INF/l10n/bundle.properties defines " + key + ", which plugin.xml never names");
            }
        }
        return out;
    }

    /** Fields of a Messages class without a message in both files. */
    private static List<String> fieldProblems(Class<?> messages, Bundle bundle, String folder) throws Exception {
        Properties en = TranslationFiles.load(TranslationFiles.find(bundle, folder + "/messages.properties"));
        Properties zh = TranslationFiles.load(TranslationFiles.find(bundle, folder + "/messages_zh.properties"));
        List<String> out = new ArrayList<>();
        for (Field f : messages.getDeclaredFields()) {
            if (Modifier.isPublic(f.getModifiers()) && Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                if (!en.containsKey(f.getName()) || !zh.containsKey(f.getName())) {
                    out.add(messages.getName() + "." + f.getName() + " has no message in " + (en.containsKey(f.getName())
                            ? "messages_zh.properties" : "messages.properties"));
                }
            }
        }
        return out;
    }

    @Test
    void thePluginXmlStringsOfUiAndAppExistInBothLanguages() throws Exception {
        List<String> problems = new ArrayList<>();
        for (Bundle b : List.of(ui(), app())) {
            problems.addAll(pairProblems(b, "OSGI-INF/l10n/bundle.properties", "OSGI-INF/l10n/bundle_zh.properties"));
            problems.addAll(pluginProblems(b));
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theJavaStringsOfUiAndAppExistInBothLanguages() throws Exception {
        List<String> problems = new ArrayList<>(pairProblems(ui(), "taiyi/workbench/ui/l10n/messages.properties",
                "taiyi/workbench/ui/l10n/messages_zh.properties"));
        problems.addAll(fieldProblems(Messages.class, ui(), "taiyi/workbench/ui/l10n"));
        problems.addAll(pairProblems(app(), "taiyi/workbench/app/messages.properties", "taiyi/workbench/app/messages_zh.properties"));
        problems.addAll(fieldProblems(app().loadClass("taiyi.workbench.app.Messages"), app(), "taiyi/workbench/app"));
        assertEquals(List.of(), problems);
    }

    @Test
    void aKeyMissingInOneLanguageOrADifferentPlaceholderIsReported() {
        Properties en = new Properties();
        en.setProperty("ImportWizard_title", "Import into a Corpus");
        en.setProperty("QueueView_summary", "{0}, {1} to curate");
        en.setProperty("SearchView_noSuchCorpus", "no corpus named '{0}'");
        Properties zh = new Properties();
        zh.setProperty("QueueView_summary", "{0}，待审校");
        zh.setProperty("SearchView_noSuchCorpus", "没有名为“{0}”的语料库");
        zh.setProperty("StateFilter_all", "全部文档");
        List<String> problems = TranslationFiles.problems("messages.properties", en, "messages_zh.properties", zh);
        assertEquals(List.of("messages_zh.properties: missing key ImportWizard_title",
                "messages_zh.properties: key QueueView_summary has placeholders [0], messages.properties [0, 1]",
                "messages.properties: missing key StateFilter_all",
                "messages.properties: key SearchView_noSuchCorpus has a single quote a MessageFormat pattern would swallow (write '')"),
                problems);
        assertEquals(List.of("x.properties:2: a byte outside ASCII (write \\uXXXX)"),
                TranslationFiles.nonAscii("x.properties", "a = b\nc = \u8bed\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void theMessagesAreLoadedInTheRunsLanguage() {
        // NLS leaves a field it found no message for as "NLS missing message: …"
        for (Field f : Messages.class.getDeclaredFields()) {
            if (f.getType() == String.class && Modifier.isPublic(f.getModifiers())) {
                try {
                    String value = (String) f.get(null);
                    assertTrue(value != null && !value.startsWith("NLS missing message"), f.getName() + " = " + value);
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
    }
}
