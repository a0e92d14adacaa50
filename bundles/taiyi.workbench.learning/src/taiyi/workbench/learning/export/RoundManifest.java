package taiyi.workbench.learning.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import taiyi.workbench.inference.task.TaskKind;
import taiyi.workbench.learning.CuratedDocument;
import taiyi.workbench.store.DocumentHistory;

/**
 * The manifest of a round ({@code manifest.json}): round and seed; the request; each source corpus
 * with its licence and each document's last correction event, curators and split; conversations
 * counted per task, language, sub-task and type; what could not be expressed; drops by reason and
 * each by name; the replay file with its SHA-256; the SHA-256 of every other file; the tokenizer and
 * template; the training recipe. It holds no clock time and no absolute path of the output, so the
 * same inputs give the same bytes.
 */
final class RoundManifest {

    private final RoundRequest request;
    private final List<RoundExport.Source> sources;
    private final Map<String, String> splitOf;
    private final List<DraftConversation> train;
    private final List<DraftConversation> validation;
    private final Optional<ReplayFile> replay;
    private final int replayWanted;
    private final int replayed;
    private final List<Drop> drops;
    private final Map<String, Integer> inexpressible;
    private final String tokenizer;
    private final TrainingRecipe recipe;

    RoundManifest(RoundRequest request, List<RoundExport.Source> sources, Map<String, String> splitOf,
            List<DraftConversation> train, List<DraftConversation> validation, Optional<ReplayFile> replay, int replayWanted,
            int replayed, List<Drop> drops, Map<String, Integer> inexpressible, String tokenizer, TrainingRecipe recipe) {
        this.request = request;
        this.sources = sources;
        this.splitOf = splitOf;
        this.train = train;
        this.validation = validation;
        this.replay = replay;
        this.replayWanted = replayWanted;
        this.replayed = replayed;
        this.drops = drops;
        this.inexpressible = inexpressible;
        this.tokenizer = tokenizer;
        this.recipe = recipe;
    }

    Map<String, Object> toJson(Map<String, String> fileHashes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("round", request.round());
        m.put("seed", request.seed());
        Map<String, Object> req = new LinkedHashMap<>();
        req.put("corpora", request.corpora());
        req.put("documents", request.documents().name().toLowerCase(java.util.Locale.ROOT));
        // as --tasks spells them: ner-all is NER without the per-type questions
        req.put("tasks", request.tasks().stream().map(t -> t == TaskKind.NER && !request.nerPerType() ? "ner-all" : t.code())
                .sorted().toList());
        req.put("languages", request.languages().stream().map(l -> l.code()).sorted().toList());
        req.put("excluded_corpora", request.excludedCorpora());
        req.put("validation_fraction", request.validationFraction());
        req.put("max_tokens", request.maxTokens());
        req.put("near_duplicate", "character 5-gram MinHash, Jaccard >= " + NearDuplicates.THRESHOLD);
        m.put("request", req);
        List<Object> src = new ArrayList<>();
        for (RoundExport.Source s : sources) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("corpus", s.corpus());
            c.put("licence", s.licence().orElse(null));
            List<Object> docs = new ArrayList<>();
            for (CuratedDocument d : s.documents()) {
                Map<String, Object> doc = new LinkedHashMap<>();
                String id = d.document().id();
                DocumentHistory h = s.histories().get(id);
                doc.put("id", id);
                doc.put("state", d.state().name().toLowerCase(java.util.Locale.ROOT));
                doc.put("last_event", h == null ? 0 : h.lastEventId());
                doc.put("curators", h == null ? List.of() : h.curators());
                doc.put("split", splitOf.get(s.corpus() + "\u0000" + id));
                docs.add(doc);
            }
            c.put("documents", docs);
            src.add(c);
        }
        m.put("sources", src);
        Map<String, Object> conv = new LinkedHashMap<>();
        conv.put("train", train.size() + replayed);
        conv.put("train_new", train.size());
        conv.put("train_replayed", replayed);
        conv.put("validation", validation.size());
        m.put("conversations", conv);
        m.put("counts", counts());
        m.put("inexpressible", inexpressible);
        m.put("drops", dropsByReason());
        List<Object> named = new ArrayList<>();
        for (Drop d : drops) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("reason", d.reason());
            x.put("corpus", d.corpus());
            x.put("document", d.documentId());
            x.put("detail", d.detail());
            named.add(x);
        }
        m.put("dropped", named);
        if (replay.isPresent()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("file", replay.get().file().getFileName().toString());
            r.put("sha256", replay.get().sha256());
            r.put("conversations", replay.get().conversations().size());
            r.put("ratio", request.replayRatio());
            r.put("sampled", replayWanted);
            r.put("mixed_in", replayed);
            m.put("replay", r);
        } else {
            m.put("replay", null);
        }
        m.put("files", fileHashes);
        m.put("tokenizer", tokenizer);
        m.put("template", "taiyi1: <|endoftext|> before the first turn and after every turn");
        m.put("recipe", recipe.asArguments());
        return m;
    }

    /** task → language → {conversations, by sub-task, items by type}. */
    private Map<String, Object> counts() {
        Map<String, Map<String, Map<String, Object>>> out = new TreeMap<>();
        List<DraftConversation> all = new ArrayList<>(train);
        all.addAll(validation);
        for (DraftConversation c : all) {
            @SuppressWarnings("unchecked")
            Map<String, Object> cell = out.computeIfAbsent(c.kind().name(), k -> new TreeMap<>()).computeIfAbsent(
                    c.language().code(), k -> {
                        Map<String, Object> x = new LinkedHashMap<>();
                        x.put("conversations", 0);
                        x.put("subtasks", new TreeMap<String, Integer>());
                        x.put("items_by_type", new TreeMap<String, Integer>());
                        return x;
                    });
            cell.put("conversations", (Integer) cell.get("conversations") + 1);
            @SuppressWarnings("unchecked")
            Map<String, Integer> sub = (Map<String, Integer>) cell.get("subtasks");
            sub.merge(c.subtask(), 1, Integer::sum);
            @SuppressWarnings("unchecked")
            Map<String, Integer> items = (Map<String, Integer>) cell.get("items_by_type");
            c.itemsByType().forEach((t, n) -> items.merge(t, n, Integer::sum));
        }
        return new TreeMap<>(out);
    }

    Map<String, Integer> dropsByReason() {
        Map<String, Integer> by = new TreeMap<>();
        drops.forEach(d -> by.merge(d.reason(), 1, Integer::sum));
        return by;
    }

    Map<String, Integer> conversationsByTaskAndLanguage() {
        Map<String, Integer> by = new TreeMap<>();
        train.forEach(c -> by.merge(c.kind().name() + "/" + c.language().code(), 1, Integer::sum));
        validation.forEach(c -> by.merge(c.kind().name() + "/" + c.language().code(), 1, Integer::sum));
        return by;
    }
}
