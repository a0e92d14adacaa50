package taiyi.workbench.learning.export;

import java.util.List;
import java.util.Map;

import taiyi.workbench.core.model.Language;

/**
 * Writes answers in the syntax Taiyi was trained on and the pre-annotator's parsers read
 * ({@code inference.parse}): NER one line per type, {@code Chemical: a; b} ({@code 疾病：a; b} in
 * Chinese, full-width colon), types without a mention left out; RE pairs {@code CID: [head, tail];
 * [head, tail]}, one line per type; RE triples {@code (head, tail, type); (…)}; TC {@code Result: X}
 * or {@code 上述文本被分类为：X}. An answer with nothing to say says {@code None} or {@code 无}, which
 * every parser reads as no item.
 */
final class TaiyiAnswers {

    private TaiyiAnswers() {
    }

    static String nothing(Language language) {
        return language == Language.CHINESE ? "无" : "None";
    }

    private static String colon(Language language) {
        return language == Language.CHINESE ? "：" : ": ";
    }

    /** NER: display name of each type with its mention strings, in the order given. */
    static String mentions(Language language, Map<String, List<String>> byTypeName) {
        StringBuilder b = new StringBuilder();
        byTypeName.forEach((type, mentions) -> {
            if (!mentions.isEmpty()) {
                if (b.length() > 0) {
                    b.append('\n');
                }
                b.append(type).append(colon(language)).append(String.join("; ", mentions));
            }
        });
        return b.length() == 0 ? nothing(language) : b.toString();
    }

    /** RE as pairs: each type's display name with its {@code [head, tail]} pairs. */
    static String pairs(Language language, Map<String, List<List<String>>> byTypeName) {
        StringBuilder b = new StringBuilder();
        byTypeName.forEach((type, pairs) -> {
            if (!pairs.isEmpty()) {
                if (b.length() > 0) {
                    b.append('\n');
                }
                b.append(type).append(colon(language));
                for (int i = 0; i < pairs.size(); i++) {
                    b.append(i == 0 ? "" : "; ").append('[').append(pairs.get(i).get(0)).append(", ")
                            .append(pairs.get(i).get(1)).append(']');
                }
            }
        });
        return b.length() == 0 ? nothing(language) : b.toString();
    }

    /** RE as triples {@code (head, tail, type)}, CMeIE's form, all on one line. */
    static String triples(Language language, List<List<String>> headTailType) {
        StringBuilder b = new StringBuilder();
        for (List<String> t : headTailType) {
            b.append(b.length() == 0 ? "" : "; ").append('(').append(t.get(0)).append(", ").append(t.get(1)).append(", ")
                    .append(t.get(2)).append(')');
        }
        return b.length() == 0 ? nothing(language) : b.toString();
    }

    /** TC: the document's labels by display name. */
    static String labels(Language language, List<String> labels) {
        if (labels.isEmpty()) {
            return nothing(language);
        }
        return (language == Language.CHINESE ? "上述文本被分类为：" : "Result: ") + String.join("; ", labels);
    }
}
