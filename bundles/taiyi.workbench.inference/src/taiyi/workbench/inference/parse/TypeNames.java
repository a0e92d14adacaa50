package taiyi.workbench.inference.parse;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import taiyi.workbench.core.model.EntityType;

/**
 * Finds the schema type a model meant by the name it wrote: the type's name or either display
 * name, ignoring case, full-width forms, spacing and the words {@code entities}/{@code 实体}
 * ({@code Chemicals}, {@code disease entities} and {@code 疾病实体} all resolve).
 */
final class TypeNames {

    private final Map<String, String> byKey = new LinkedHashMap<>();
    private final List<String> names = new ArrayList<>();

    TypeNames(List<EntityType> types) {
        for (EntityType t : types) {
            names.add(t.name());
            for (String written : List.of(t.name(), t.english(), t.chinese())) {
                byKey.putIfAbsent(key(written), t.name());
            }
        }
    }

    /** The schema name for a written name, matched whole. */
    Optional<String> resolve(String written) {
        String k = key(written);
        String hit = byKey.get(k);
        if (hit == null && k.endsWith("s")) {
            hit = byKey.get(k.substring(0, k.length() - 1));
        }
        return Optional.ofNullable(hit);
    }

    /**
     * The schema name whose longest written form occurs inside a phrase, such as
     * {@code 具有药物治疗关系的实体对如下} for {@code 药物治疗}.
     */
    Optional<String> containedIn(String phrase) {
        String k = key(phrase);
        String best = null;
        int bestLength = 0;
        for (Map.Entry<String, String> e : byKey.entrySet()) {
            if (e.getKey().length() > bestLength && distinctive(e.getKey()) && k.contains(e.getKey())) {
                best = e.getValue();
                bestLength = e.getKey().length();
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Whether a name is long enough to be recognised inside a phrase: two Chinese chars, or four
     * Latin ones, so that DDI's {@code INT} does not fire on {@code interactions}.
     */
    private static boolean distinctive(String key) {
        boolean han = key.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
        return key.length() >= (han ? 2 : 4);
    }

    List<String> names() {
        return names;
    }

    int size() {
        return names.size();
    }

    static String key(String written) {
        String k = Normalizer.normalize(written, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
        k = k.replaceAll("\\s+", " ").replaceAll("[.。!！]+$", "").strip();
        for (String suffix : List.of(" entities", " entity", "实体", "类实体")) {
            if (k.endsWith(suffix) && k.length() > suffix.length()) {
                k = k.substring(0, k.length() - suffix.length()).strip();
            }
        }
        return k.replace(" ", "").replace("_", "").replace("-", "");
    }
}
