package taiyi.workbench.formats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Language;
import taiyi.workbench.core.model.Normalization;
import taiyi.workbench.core.model.Passage;
import taiyi.workbench.core.model.Relation;
import taiyi.workbench.core.model.Span;

/**
 * Generates documents for round-trip tests from a seed: English and Chinese text with surrogate
 * pairs (𠮷), full-width punctuation and odd spaces; overlapping, nested and discontinuous mentions;
 * concept links; attributes; relations between mentions and between concepts.
 */
public final class RandomDocuments {

    private static final String[] EN = {"cisplatin", "induced", "nephrotoxicity", "and", "hearing", "loss", "in", "children",
        "BRCA1", "mutations", "(G6PD)", "deficiency", "α-synuclein", "IL-6", "50mg/kg"};
    private static final String[] ZH = {"患者", "出现", "肺实变", "，", "给予", "头孢曲松", "静滴", "。", "𠮷", "（", "）", "：",
        "；", "\u3000", "糖尿病", "高血压"};
    private static final String[] TYPES = {"Disease", "Chemical", "Gene", "dis", "sym", "dru"};

    private RandomDocuments() {
    }

    /** {@code count} documents drawn from {@code seed}; ids {@code doc-0…}. */
    public static List<Document> generate(long seed, int count, boolean discontinuous) {
        Random random = new Random(seed);
        List<Document> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(document(random, "doc-" + i, discontinuous));
        }
        return out;
    }

    private static Document document(Random random, String id, boolean discontinuous) {
        boolean chinese = random.nextBoolean();
        String[] words = chinese ? ZH : EN;
        StringBuilder text = new StringBuilder();
        List<Span> tokens = new ArrayList<>();
        int n = 5 + random.nextInt(40);
        for (int i = 0; i < n; i++) {
            if (!chinese && text.length() > 0) {
                text.append(' ');
            }
            int start = text.length();
            text.append(words[random.nextInt(words.length)]);
            tokens.add(new Span(start, text.length()));
        }
        String body = text.toString();
        List<EntityMention> mentions = new ArrayList<>();
        int m = random.nextInt(8);
        for (int i = 0; i < m; i++) {
            int a = random.nextInt(tokens.size());
            int b = Math.min(tokens.size() - 1, a + random.nextInt(3));
            List<Span> spans = new ArrayList<>();
            spans.add(new Span(tokens.get(a).start(), tokens.get(b).end()));
            if (discontinuous && random.nextInt(4) == 0 && b + 2 < tokens.size()) {
                spans.add(tokens.get(b + 2));
            }
            List<Normalization> norms = random.nextBoolean() ? List.of(new Normalization("MESH", "D00" + random.nextInt(9999)))
                    : List.of();
            Map<String, String> attributes = random.nextInt(5) == 0 ? Map.of("Negated", "true") : Map.of();
            mentions.add(new EntityMention("T" + (i + 1), TYPES[random.nextInt(TYPES.length)], spans, norms, attributes));
        }
        List<Relation> relations = new ArrayList<>();
        if (mentions.size() >= 2) {
            relations.add(new Relation("R1", "causes", mentions.get(0).id(), mentions.get(1).id()));
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("source", "random-" + id);
        List<Passage> passages = List.of(new Passage("title", new Span(0, tokens.get(0).end())));
        return new Document(id, chinese ? Language.CHINESE : Language.ENGLISH, body, passages, metadata,
                random.nextInt(3) == 0 ? List.of("Case Report") : List.of(), mentions, relations);
    }
}
