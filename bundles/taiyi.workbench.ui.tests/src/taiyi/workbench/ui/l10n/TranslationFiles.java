package taiyi.workbench.ui.l10n;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;

/**
 * Reads a bundle's translation files and says what is wrong with a pair of them: a key one
 * language has and the other lacks, placeholders that differ, text NLS would garble.
 */
final class TranslationFiles {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");
    private static final Pattern PLUGIN_KEY = Pattern.compile("\"%([\\w.]+)\"|>%([\\w.]+)<");
    /** A single quote not doubled: NLS.bind and MessageFormat would drop it and quote what follows. */
    private static final Pattern LONE_QUOTE = Pattern.compile("(?<!')'(?!')");

    private TranslationFiles() {
    }

    /** A file of the bundle: at its root (plugin.xml, OSGI-INF/…) or on its class path (messages). */
    static URL find(Bundle bundle, String path) {
        URL url = bundle.getEntry(path);
        if (url == null) {
            url = bundle.getResource(path);
        }
        if (url == null) {
            throw new AssertionError("bundle " + bundle.getSymbolicName() + " has no " + path);
        }
        return url;
    }

    static byte[] bytes(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        }
    }

    /** The file as NLS and the registry read it: ISO-8859-1 with \\u escapes. */
    static Properties load(URL url) throws IOException {
        Properties p = new Properties();
        try (InputStream in = url.openStream()) {
            p.load(in);
        }
        return p;
    }

    /** The {@code %key}s plugin.xml names. */
    static Set<String> pluginKeys(URL pluginXml) throws IOException {
        Set<String> keys = new TreeSet<>();
        Matcher m = PLUGIN_KEY.matcher(new String(bytes(pluginXml), StandardCharsets.UTF_8));
        while (m.find()) {
            keys.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return keys;
    }

    /**
     * What is wrong with a pair of files of one set of messages, {@code english} and its
     * {@code chinese} translation, each problem naming the file and the key.
     */
    static List<String> problems(String englishName, Properties english, String chineseName, Properties chinese) {
        List<String> out = new ArrayList<>();
        for (String key : new TreeSet<>(english.stringPropertyNames())) {
            if (!chinese.containsKey(key)) {
                out.add(chineseName + ": missing key " + key);
            } else if (!placeholders(english.getProperty(key)).equals(placeholders(chinese.getProperty(key)))) {
                out.add(chineseName + ": key " + key + " has placeholders " + placeholders(chinese.getProperty(key)) + ", "
                        + englishName + " " + placeholders(english.getProperty(key)));
            }
        }
        for (String key : new TreeSet<>(chinese.stringPropertyNames())) {
            if (!english.containsKey(key)) {
                out.add(englishName + ": missing key " + key);
            }
        }
        for (Properties p : List.of(english, chinese)) {
            String name = p == english ? englishName : chineseName;
            for (String key : new TreeSet<>(p.stringPropertyNames())) {
                String value = p.getProperty(key);
                if (value.isBlank()) {
                    out.add(name + ": key " + key + " is empty");
                }
                if (!placeholders(value).isEmpty() && LONE_QUOTE.matcher(value).find()) {
                    out.add(name + ": key " + key + " has a single quote a MessageFormat pattern would swallow (write '')");
                }
            }
        }
        return out;
    }

    /** Bytes outside ASCII: NLS reads the files as ISO-8859-1, so Chinese must be written as \\u escapes. */
    static List<String> nonAscii(String name, byte[] content) {
        List<String> out = new ArrayList<>();
        int line = 1;
        for (byte b : content) {
            if (b == '\n') {
                line++;
            } else if (b < 0) {
                out.add(name + ":" + line + ": a byte outside ASCII (write \\uXXXX)");
                break;
            }
        }
        return out;
    }

    private static Set<String> placeholders(String value) {
        Set<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(value);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
