package taiyi.workbench.learning.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import taiyi.workbench.core.model.LabelSchema;
import taiyi.workbench.learning.CuratedCorpus;
import taiyi.workbench.learning.CuratedDocument;
import taiyi.workbench.learning.DocumentSelection;
import taiyi.workbench.learning.learner.TrainingProgress;
import taiyi.workbench.store.CorpusStore;
import taiyi.workbench.store.CorpusSummary;
import taiyi.workbench.store.DocumentHistory;

/**
 * Exports a round: reads the curated layer of the source corpora, drops excluded corpora's
 * documents and their near-duplicates, renders every document (in parallel, collected in order),
 * drops exact-duplicate conversations, splits train/validation by document, mixes in a seeded
 * replay sample, and writes {@code train.jsonl}, {@code validation.jsonl}, {@code qlora-recipe.json},
 * {@code manifest.json} and the distributed trainer's {@code train/} folder into a new folder
 * atomically. Bad input is refused before anything is written; a document whose curated layer
 * breaks a task's constraint is named in the manifest and the rest exported.
 */
public final class RoundExport {

    public static final String TRAIN = "train.jsonl";
    public static final String VALIDATION = "validation.jsonl";
    public static final String RECIPE = "qlora-recipe.json";
    public static final String MANIFEST = "manifest.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final CorpusStore store;
    private final ConversationLength length;

    public RoundExport(CorpusStore store, ConversationLength length) {
        this.store = store;
        this.length = length;
    }

    /** A source corpus as read. */
    record Source(String corpus, LabelSchema schema, Optional<String> licence, List<CuratedDocument> documents,
            Map<String, DocumentHistory> histories) {
    }

    /** The first conversations the round would have, without writing anything (the wizard's preview). */
    public List<Conversation> preview(RoundRequest request, int count) {
        List<Source> sources = read(request);
        List<Conversation> out = new ArrayList<>();
        DocumentConversations renderer = new DocumentConversations(length, request.tasks(), request.maxTokens(),
                request.seed(), request.nerPerType());
        for (Source s : sources) {
            for (CuratedDocument d : s.documents()) {
                if (out.size() >= count) {
                    return out;
                }
                if (!request.languages().contains(d.document().language())) {
                    continue;
                }
                for (DraftConversation c : renderer.render(s.corpus(), s.schema(), d.document()).conversations()) {
                    if (out.size() < count) {
                        out.add(c.conversation(out.size() + 1));
                    }
                }
            }
        }
        return out;
    }

    /** Writes the round into {@code folder} (new, or empty). */
    public RoundSummary write(RoundRequest request, Path folder, TrainingProgress progress) {
        Optional<ReplayFile> replay = request.replay().map(ReplayFile::read);
        List<Source> sources = read(request);

        // held-out documents, then what of the sources stays
        NearDuplicates heldOut = new NearDuplicates();
        for (String excluded : request.excludedCorpora()) {
            store.documents().allDocuments(excluded).forEach(d -> heldOut.add(excluded, d.id(), d.text()));
        }
        List<Drop> drops = new ArrayList<>();
        List<Source> kept = new ArrayList<>();
        List<CuratedDocument> work = new ArrayList<>();
        Map<CuratedDocument, Source> sourceOf = new HashMap<>();
        for (Source s : sources) {
            List<CuratedDocument> keep = new ArrayList<>();
            for (CuratedDocument d : s.documents()) {
                Optional<NearDuplicates.Match> near;
                if (request.excludedCorpora().contains(s.corpus())) {
                    drops.add(new Drop(Drop.EXCLUDED_CORPUS, s.corpus(), d.document().id(), s.corpus()));
                } else if (!request.languages().contains(d.document().language())) {
                    drops.add(new Drop(Drop.LANGUAGE, s.corpus(), d.document().id(), d.document().language().code()));
                } else if ((near = heldOut.nearest(d.document().text())).isPresent()) {
                    drops.add(new Drop(Drop.NEAR_DUPLICATE, s.corpus(), d.document().id(), near.get().heldOut().corpus() + "/"
                            + near.get().heldOut().documentId() + String.format(java.util.Locale.ROOT, " (Jaccard %.3f)",
                                    near.get().jaccard())));
                } else {
                    keep.add(d);
                    sourceOf.put(d, s);
                }
            }
            work.addAll(keep);
            kept.add(new Source(s.corpus(), s.schema(), s.licence(), keep, s.histories()));
        }
        if (work.isEmpty()) {
            throw new RoundExportException("empty selection: every selected document of " + String.join(", ", request.corpora())
                    + " was dropped (" + summarise(drops) + "); nothing was written");
        }

        // render, in parallel, collected in document order
        DocumentConversations renderer = new DocumentConversations(length, request.tasks(), request.maxTokens(),
                request.seed(), request.nerPerType());
        AtomicInteger done = new AtomicInteger();
        List<RenderedDocument> rendered = work.parallelStream().map(d -> {
            if (progress.isCancelled()) {
                throw new CancellationException("round export cancelled; nothing was written");
            }
            RenderedDocument r = renderer.render(d.corpus(), sourceOf.get(d).schema(), d.document());
            progress.worked(done.incrementAndGet(), work.size());
            return r;
        }).toList();

        // exact duplicates, split by document
        Map<String, Integer> inexpressible = new TreeMap<>();
        Map<String, String> firstOf = new HashMap<>();
        List<DraftConversation> train = new ArrayList<>();
        List<DraftConversation> validation = new ArrayList<>();
        Map<String, String> splitOf = new LinkedHashMap<>();
        for (RenderedDocument r : rendered) {
            r.inexpressible().forEach((k, v) -> inexpressible.merge(k, v, Integer::sum));
            drops.addAll(r.drops());
            boolean validating = inValidation(request, r.corpus(), r.documentId());
            splitOf.put(r.corpus() + "\u0000" + r.documentId(), validating ? "validation" : "train");
            for (DraftConversation c : r.conversations()) {
                String content = c.conversation(0).content();
                String where = c.corpus() + "/" + c.documentId();
                String first = firstOf.putIfAbsent(content, where + " window " + c.window() + " " + c.kind().code() + "/"
                        + c.subtask());
                if (first != null) {
                    drops.add(new Drop(Drop.DUPLICATE, c.corpus(), c.documentId(), "window " + c.window() + " "
                            + c.kind().code() + "/" + c.subtask() + " repeats " + first));
                } else {
                    (validating ? validation : train).add(c);
                }
            }
        }

        // replay: a seeded sample, in file order, then mixed into the new training conversations
        List<Conversation> replayed = new ArrayList<>();
        int replayWanted = 0;
        if (replay.isPresent()) {
            List<Conversation> all = replay.get().conversations();
            replayWanted = (int) Math.min(all.size(), Math.round(request.replayRatio() * train.size()));
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                order.add(i);
            }
            Collections.shuffle(order, new Random(request.seed() ^ 0x7265706c6179L));
            List<Integer> chosen = new ArrayList<>(new TreeSet<>(order.subList(0, replayWanted)));
            String file = replay.get().file().getFileName().toString();
            for (int i : chosen) {
                Conversation c = all.get(i);
                int tokens = length.of(c.turns());
                if (tokens > request.maxTokens()) {
                    drops.add(new Drop(Drop.TOO_LONG, "", file + ":" + c.id(), "replayed: " + tokens + " tokens"));
                } else if (firstOf.putIfAbsent(c.content(), file + ":" + c.id()) != null) {
                    drops.add(new Drop(Drop.DUPLICATE, "", file + ":" + c.id(), "replayed: repeats " + firstOf.get(c.content())));
                } else {
                    replayed.add(c);
                }
            }
        }
        List<Conversation> trainLines = new ArrayList<>(train.size() + replayed.size());
        train.forEach(c -> trainLines.add(c.conversation(0)));
        trainLines.addAll(replayed);
        Collections.shuffle(trainLines, new Random(request.seed()));
        List<Conversation> trainOut = new ArrayList<>(trainLines.size());
        for (Conversation c : trainLines) {
            trainOut.add(c.numbered(trainOut.size() + 1));
        }
        List<Conversation> validationOut = new ArrayList<>(validation.size());
        for (DraftConversation c : validation) {
            validationOut.add(c.conversation(trainOut.size() + validationOut.size() + 1));
        }

        if (progress.isCancelled()) {
            throw new CancellationException("round export cancelled; nothing was written");
        }
        RoundManifest manifest = new RoundManifest(request, kept, splitOf, train, validation, replay, replayWanted,
                replayed.size(), drops, inexpressible, length.description(), TrainingRecipe.paper(request.maxTokens()));
        try {
            RoundFolder.write(folder, out -> {
                out.write(TRAIN, o -> ConversationLines.write(trainOut, o));
                out.write(VALIDATION, o -> ConversationLines.write(validationOut, o));
                out.write(RECIPE, o -> JSON.writeValue(new NonClosing(o), TrainingRecipe.paper(request.maxTokens()).asArguments()));
                Map<String, String> hashes = out.hashes();
                String manifestSha256 = out.write(MANIFEST, o -> JSON.writeValue(new NonClosing(o), manifest.toJson(hashes)));
                new DistributedTrainer(TrainingRecipe.paper(request.maxTokens()), request, manifestSha256).write(out);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(folder + ": cannot write the round: " + e.getMessage() + "; nothing was written", e);
        }
        return new RoundSummary(folder, work.size(), trainOut.size(), validationOut.size(), replayed.size(),
                manifest.conversationsByTaskAndLanguage(), manifest.dropsByReason(), inexpressible);
    }

    private List<Source> read(RoundRequest request) {
        Set<String> known = new TreeSet<>();
        for (CorpusSummary c : store.statistics().corpora()) {
            known.add(c.name());
        }
        for (String c : concat(request.corpora(), request.excludedCorpora())) {
            if (!known.contains(c)) {
                throw new RoundExportException("unknown corpus '" + c + "' (the database has " + (known.isEmpty() ? "none"
                        : String.join(", ", known)) + "); nothing was written");
            }
        }
        List<Source> sources = new ArrayList<>();
        int selected = 0;
        for (String corpus : new java.util.LinkedHashSet<>(request.corpora())) {
            List<CuratedDocument> docs = CuratedCorpus.read(store, corpus, request.documents());
            selected += docs.size();
            sources.add(new Source(corpus, store.documents().schema(corpus), store.documents().licence(corpus), docs,
                    store.log().histories(corpus)));
        }
        if (selected == 0) {
            throw new RoundExportException("empty selection: no " + (request.documents() == DocumentSelection.DONE
                    ? "document marked done" : "document") + " in " + String.join(", ", request.corpora())
                    + (request.documents() == DocumentSelection.DONE ? " (imported gold corpora: --documents all)" : "")
                    + "; nothing was written");
        }
        return sources;
    }

    private boolean inValidation(RoundRequest request, String corpus, String documentId) {
        if (request.validationFraction() <= 0) {
            return false;
        }
        long h = DocumentConversations.mix(request.seed() ^ 0x76616c6964L);
        h = DocumentConversations.mix(h * 31 + corpus.hashCode());
        h = DocumentConversations.mix(h * 31 + documentId.hashCode());
        double u = (h >>> 11) * 0x1.0p-53;
        return u < request.validationFraction();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    static String summarise(List<Drop> drops) {
        Map<String, Integer> by = new TreeMap<>();
        drops.forEach(d -> by.merge(d.reason(), 1, Integer::sum));
        StringBuilder b = new StringBuilder();
        by.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(v).append(' ').append(k));
        return b.length() == 0 ? "no documents" : b.toString();
    }

    /** Jackson closes the stream it writes to; the round folder closes its own. */
    static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(java.io.OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
