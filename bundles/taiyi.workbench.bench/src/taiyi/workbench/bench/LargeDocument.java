package taiyi.workbench.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import taiyi.workbench.core.curation.Suggestion;
import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Language;
import taiyi.workbench.core.model.Provenance;
import taiyi.workbench.core.model.Span;

/**
 * A long document for the latency benchmarks, made of real ones: abstracts joined until the text
 * reaches the wanted length, their gold mentions shifted along as the curated layer, and words not
 * yet annotated proposed as suggestions until curated + suggested reach the wanted count.
 */
record LargeDocument(Document document, List<Suggestion> suggestions) {

    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}\\p{N}-]{3,}");

    static LargeDocument of(List<Document> sources, int chars, int mentions) {
        StringBuilder text = new StringBuilder();
        List<EntityMention> curated = new ArrayList<>();
        for (int d = 0; text.length() < chars; d = (d + 1) % sources.size()) {
            Document source = sources.get(d);
            int shift = text.length();
            String part = source.text().substring(0, Math.min(source.text().length(), chars - shift));
            text.append(part).append('\n');
            for (EntityMention m : source.mentions()) {
                if (m.end() <= part.length() && curated.size() < mentions) {
                    curated.add(new EntityMention("m" + curated.size(), m.type(),
                            m.spans().stream().map(s -> new Span(s.start() + shift, s.end() + shift)).toList(), m.normalizations()));
                }
            }
        }
        boolean[] taken = new boolean[text.length()];
        curated.forEach(m -> m.spans().forEach(s -> java.util.Arrays.fill(taken, s.start(), s.end(), true)));
        List<Suggestion> suggested = new ArrayList<>();
        Matcher words = WORD.matcher(text);
        while (curated.size() + suggested.size() < mentions && words.find()) {
            if (!taken[words.start()] && !taken[words.end() - 1]) {
                int n = suggested.size();
                suggested.add(new Suggestion(EntityMention.of("s" + n, n % 2 == 0 ? "Chemical" : "Disease", words.start(),
                        words.end(), List.of()), new Provenance("bench-model", "", "bench-prompt", 1), -0.05 * (n % 40)));
            }
        }
        Document document = new Document("bench-large-" + chars, Language.ENGLISH, text.toString(), List.of(), Map.of(),
                curated, List.of());
        return new LargeDocument(document, List.copyOf(suggested));
    }
}
