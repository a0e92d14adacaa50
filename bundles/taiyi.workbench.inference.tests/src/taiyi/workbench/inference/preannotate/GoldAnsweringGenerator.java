package taiyi.workbench.inference.preannotate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.EntityType;
import taiyi.workbench.core.model.LabelSchema;
import taiyi.workbench.core.model.Language;
import taiyi.workbench.core.model.Relation;
import taiyi.workbench.inference.GeneratedToken;
import taiyi.workbench.inference.Generation;
import taiyi.workbench.inference.GenerationListener;
import taiyi.workbench.inference.GenerationOptions;
import taiyi.workbench.inference.ModelDescription;
import taiyi.workbench.inference.Prompt;
import taiyi.workbench.inference.PromptPiece;
import taiyi.workbench.inference.PromptTemplate;
import taiyi.workbench.inference.TextGenerator;
import taiyi.workbench.inference.prompt.Taiyi1Template;

/**
 * A test double of the engine that answers like a perfect Taiyi: it reads the prompt, finds which
 * stretch of which gold document it quotes, sees which task the instruction asks (relation words,
 * else entity words, else classification words, else entities), and answers with the gold annotations inside that
 * stretch in Taiyi's output format ({@code type: m1; m2}, {@code TYPE: [h, t]}), using the schema's
 * display names in the document's language. Tokens are two chars each with synthetic
 * log-probabilities cycling through -0.1, -0.2, -0.3; the new-token limit and cancellation are
 * honoured as an engine would.
 */
public final class GoldAnsweringGenerator implements TextGenerator {

    private final List<Document> gold;
    private final LabelSchema schema;
    final List<Integer> batchSizes = new ArrayList<>();
    final List<String> answers = new ArrayList<>();

    private static final int SHINGLE = 12;
    /** Document index and position of every 12-char shingle at multiples of 12 (a window is longer). */
    private final Map<String, List<int[]>> shingles = new java.util.HashMap<>();

    public GoldAnsweringGenerator(List<Document> gold, LabelSchema schema) {
        this.gold = gold;
        this.schema = schema;
        for (int d = 0; d < gold.size(); d++) {
            String text = gold.get(d).text();
            for (int p = 0; p + SHINGLE <= text.length(); p += SHINGLE) {
                shingles.computeIfAbsent(text.substring(p, p + SHINGLE), k -> new ArrayList<>()).add(new int[] {d, p});
            }
        }
    }

    @Override
    public ModelDescription description() {
        return new ModelDescription("gold-answers", "round-0-adapter", "cpu");
    }

    @Override
    public PromptTemplate template() {
        return new Taiyi1Template();
    }

    @Override
    public List<Generation> generate(List<Prompt> prompts, GenerationOptions options, GenerationListener listener,
            BooleanSupplier cancelled) {
        batchSizes.add(prompts.size());
        List<Generation> out = new ArrayList<>();
        for (Prompt p : prompts) {
            if (cancelled.getAsBoolean()) {
                out.add(new Generation("", List.of(), Generation.StopReason.CANCELLED));
                continue;
            }
            String answer = answer(userText(p));
            answers.add(answer);
            out.add(tokenize(answer, options.maxNewTokens()));
        }
        return out;
    }

    private static String userText(Prompt p) {
        StringBuilder s = new StringBuilder();
        for (PromptPiece piece : p.pieces()) {
            if (piece instanceof PromptPiece.Text t) {
                s.append(t.text());
            }
        }
        return s.toString();
    }

    /**
     * The gold answer for the stretch of a document the prompt quotes: the longest stretch of any
     * gold document found in the prompt, seeded by 12-char shingles of the documents
     * (a document shorter than that is looked for whole).
     */
    private String answer(String prompt) {
        Document best = null;
        int bestA = 0;
        int bestB = 0;
        int bestQa = 0;
        int bestQb = 0;
        for (int q = 0; q + SHINGLE <= prompt.length(); q++) {
            for (int[] hit : shingles.getOrDefault(prompt.substring(q, q + SHINGLE), List.of())) {
                String text = gold.get(hit[0]).text();
                int a = hit[1];
                int qa = q;
                while (a > 0 && qa > 0 && text.charAt(a - 1) == prompt.charAt(qa - 1)) {
                    a--;
                    qa--;
                }
                int b = hit[1] + SHINGLE;
                int qb = q + SHINGLE;
                while (b < text.length() && qb < prompt.length() && text.charAt(b) == prompt.charAt(qb)) {
                    b++;
                    qb++;
                }
                if (b - a > bestB - bestA) {
                    best = gold.get(hit[0]);
                    bestA = a;
                    bestB = b;
                    bestQa = qa;
                    bestQb = qb;
                }
            }
        }
        for (int d = 0; d < gold.size() && best == null; d++) {
            String text = gold.get(d).text();
            int q = text.length() < SHINGLE ? prompt.indexOf(text) : -1;
            if (q >= 0) {
                best = gold.get(d);
                bestB = text.length();
                bestQa = q;
                bestQb = q + text.length();
            }
        }
        if (best == null) {
            return "I cannot find this text.";
        }
        String instruction = (prompt.substring(0, bestQa) + " " + prompt.substring(bestQb)).toLowerCase();
        if (instruction.contains("relation") || instruction.contains("关系")) {
            return relations(best, bestA, bestB);
        }
        if (instruction.contains("entit") || instruction.contains("实体")) {
            return mentions(best, bestA, bestB);
        }
        for (String word : List.of("label", "categor", "classif", "triage", "类别", "分类", "哪一类", "标签")) {
            if (instruction.contains(word)) {
                return labels(best);
            }
        }
        return mentions(best, bestA, bestB);
    }

    private String display(EntityType t, Document d) {
        return d.language() == Language.CHINESE ? t.chinese() : t.english();
    }

    private String mentions(Document d, int from, int to) {
        Map<String, Set<String>> byType = new LinkedHashMap<>();
        schema.entityTypes().forEach(t -> byType.put(t.name(), new LinkedHashSet<>()));
        for (EntityMention m : d.mentions()) {
            if (m.start() >= from && m.end() <= to) {
                byType.get(m.type()).add(m.coveredText(d.text()));
            }
        }
        String colon = d.language() == Language.CHINESE ? "：" : ": ";
        StringBuilder out = new StringBuilder();
        for (EntityType t : schema.entityTypes()) {
            if (!byType.get(t.name()).isEmpty()) {
                out.append(display(t, d)).append(colon).append(String.join("; ", byType.get(t.name()))).append('\n');
            }
        }
        return out.length() == 0 ? "无" : out.toString();
    }

    /** Concept-level gold relations (BC5CDR CID) rendered with a mention text of each concept in the stretch. */
    private String relations(Document d, int from, int to) {
        StringBuilder out = new StringBuilder();
        for (EntityType t : schema.relationTypes()) {
            List<String> pairs = new ArrayList<>();
            for (Relation r : d.relations()) {
                String head = textOf(d, r.head(), from, to);
                String tail = textOf(d, r.tail(), from, to);
                if (r.type().equals(t.name()) && head != null && tail != null) {
                    pairs.add("[" + head + ", " + tail + "]");
                }
            }
            if (!pairs.isEmpty()) {
                out.append(display(t, d)).append(": ").append(String.join("; ", pairs)).append('\n');
            }
        }
        return out.length() == 0 ? "None" : out.toString();
    }

    private static String textOf(Document d, String argument, int from, int to) {
        for (EntityMention m : d.mentions()) {
            if ((m.id().equals(argument) || m.isNormalizedTo(argument)) && m.start() >= from && m.end() <= to) {
                return m.coveredText(d.text());
            }
        }
        return null;
    }

    private String labels(Document d) {
        return d.labels().isEmpty() ? "无" : "Result: " + String.join("; ", d.labels());
    }

    static Generation tokenize(String answer, int maxNewTokens) {
        List<GeneratedToken> tokens = new ArrayList<>();
        int at = 0;
        while (at < answer.length() && tokens.size() < maxNewTokens) {
            int end = Math.min(answer.length(), at + 2);
            if (end < answer.length() && Character.isHighSurrogate(answer.charAt(end - 1))) {
                end++;
            }
            tokens.add(new GeneratedToken(tokens.size(), -0.1 * (1 + tokens.size() % 3), at, end));
            at = end;
        }
        return at < answer.length() ? new Generation(answer.substring(0, at), tokens, Generation.StopReason.MAX_TOKENS)
                : new Generation(answer, tokens, Generation.StopReason.STOP_TOKEN);
    }

    @Override
    public void close() {
    }
}
