package taiyi.workbench.learning.export;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.EntityType;
import taiyi.workbench.core.model.LabelSchema;
import taiyi.workbench.core.model.Language;
import taiyi.workbench.core.model.Relation;
import taiyi.workbench.inference.align.AlignedMention;
import taiyi.workbench.inference.align.Alignment;
import taiyi.workbench.inference.align.MentionAligner;
import taiyi.workbench.inference.align.MentionQuery;
import taiyi.workbench.inference.task.InstructionBuilder;
import taiyi.workbench.inference.task.TaskKind;
import taiyi.workbench.inference.task.TextWindow;
import taiyi.workbench.inference.task.TextWindows;
import taiyi.workbench.inference.task.WindowBudget;
import taiyi.workbench.inference.task.Wording;

/**
 * Renders one curated document as conversations: the document cut into the pre-annotator's windows,
 * and for each window NER over all types (plus one sub-task per type when there are several), RE as
 * pairs and as triples, and TC for a document that fits one window. Each instruction is one of the
 * pre-annotator's wordings, drawn by a hash of the seed and the conversation's place, so a round is
 * reproducible and a corpus is spread over the paraphrases.
 *
 * <p>What an answer cannot express is counted by reason: discontinuous mentions, mention strings
 * that hold an answer separator, mentions cut by a window boundary, and what the aligner makes of
 * the answer's strings that differs from the curated spans (a string curated at one of its two
 * occurrences comes back at both; of two nested mentions of one type the aligner keeps the
 * leftmost-longest), relations whose arguments never share a window, and so on.
 */
final class DocumentConversations {

    static final String DISCONTINUOUS = "discontinuous mention";
    static final String SEPARATOR = "mention string holds an answer separator";
    static final String PADDED = "mention string starts or ends with white space";
    static final String CROSSES_WINDOW = "mention crosses a window boundary";
    static final String NOT_FOUND_AGAIN = "curated mention not found again by the aligner";
    static final String EXTRA_OCCURRENCE = "uncurated occurrence of a curated string";
    static final String UNKNOWN_TYPE = "type not in the label schema";
    static final String ARGUMENTS_APART = "relation arguments never nameable in one window";
    static final String SAME_PAIR = "relation reads as the same pair as another";
    static final String BRACKET = "relation argument holds a bracket or separator";
    static final String LONG_FOR_TC = "document longer than one window (TC)";

    private static final InstructionBuilder NER = InstructionBuilder.forTask(TaskKind.NER);
    private static final InstructionBuilder RE = InstructionBuilder.forTask(TaskKind.RE);
    private static final InstructionBuilder TC = InstructionBuilder.forTask(TaskKind.TC);

    private final ConversationLength length;
    private final Set<TaskKind> tasks;
    private final int maxTokens;
    private final long seed;
    private final boolean nerPerType;

    DocumentConversations(ConversationLength length, Set<TaskKind> tasks, int maxTokens, long seed) {
        this(length, tasks, maxTokens, seed, true);
    }

    DocumentConversations(ConversationLength length, Set<TaskKind> tasks, int maxTokens, long seed, boolean nerPerType) {
        this.length = length;
        this.tasks = tasks;
        this.maxTokens = maxTokens;
        this.seed = seed;
        this.nerPerType = nerPerType;
    }

    RenderedDocument render(String corpus, LabelSchema schema, Document d) {
        Language language = d.language();
        String text = d.text();
        List<TextWindow> windows = TextWindows.split(d, WindowBudget.forLanguage(language));
        Map<String, Integer> inexpressible = new TreeMap<>();
        List<Drop> drops = new ArrayList<>();
        List<DraftConversation> out = new ArrayList<>();
        Map<String, EntityType> entityTypes = byName(schema.entityTypes());
        Map<String, EntityType> relationTypes = byName(schema.relationTypes());

        // which mentions an answer can name, and in which window
        List<EntityMention> sorted = new ArrayList<>(d.mentions());
        sorted.sort(Comparator.comparingInt(EntityMention::start).thenComparingInt(EntityMention::end));
        Map<Integer, List<EntityMention>> nameable = new TreeMap<>();
        Set<String> nameableIds = new HashSet<>();
        int w = 0;
        for (EntityMention m : sorted) {
            while (w < windows.size() - 1 && m.start() >= windows.get(w).end()) {
                w++;
            }
            Optional<String> problem = mentionProblem(m, text, windows.get(w), entityTypes);
            if (problem.isPresent()) {
                if (tasks.contains(TaskKind.NER)) {
                    inexpressible.merge(problem.get(), 1, Integer::sum);
                }
            } else {
                nameable.computeIfAbsent(w, k -> new ArrayList<>()).add(m);
                nameableIds.add(m.id());
            }
        }

        List<List<EntityMention>> arguments = new ArrayList<>();
        List<Relation> relations = new ArrayList<>();
        if (tasks.contains(TaskKind.RE) && !relationTypes.isEmpty()) {
            for (Relation r : d.relations()) {
                List<EntityMention> heads = argumentMentions(d, r.head());
                List<EntityMention> tails = argumentMentions(d, r.tail());
                if (heads.isEmpty() || tails.isEmpty() || !relationTypes.containsKey(r.type())) {
                    drops.add(new Drop(Drop.BROKEN, corpus, d.id(), "relation " + r.id() + ": "
                            + (!relationTypes.containsKey(r.type()) ? "type " + r.type() + " is not in the label schema"
                                    : "argument " + (heads.isEmpty() ? r.head() : r.tail()) + " is not a curated mention")));
                    continue;
                }
                relations.add(r);
                arguments.add(heads);
                arguments.add(tails);
            }
        }
        boolean[] expressed = new boolean[relations.size()];
        boolean[] distinct = new boolean[relations.size()];

        for (TextWindow window : windows) {
            String raw = window.text();
            String windowText = raw.strip();
            if (windowText.isEmpty()) {
                continue;
            }
            int windowStart = window.start() + raw.indexOf(windowText.charAt(0));
            ConversationLength.WindowPieces pieces = length.window(windowText);
            List<EntityMention> inWindow = nameable.getOrDefault(window.index(), List.of());
            if (tasks.contains(TaskKind.NER) && !entityTypes.isEmpty()) {
                ner(corpus, d, schema, language, window.index(), windowText, windowStart, pieces, inWindow, inexpressible, out,
                        drops);
            }
            if (tasks.contains(TaskKind.RE) && !relationTypes.isEmpty()) {
                re(corpus, d, schema, language, window, windowText, pieces, relations, arguments, expressed, distinct, nameableIds, out,
                        drops);
            }
            if (tasks.contains(TaskKind.TC) && !schema.documentLabels().isEmpty() && windows.size() == 1) {
                tc(corpus, d, schema, language, windowText, pieces, out, drops);
            }
        }
        for (int i = 0; i < expressed.length; i++) {
            if (!expressed[i]) {
                inexpressible.merge(ARGUMENTS_APART, 1, Integer::sum);
            } else if (!distinct[i]) {
                inexpressible.merge(SAME_PAIR, 1, Integer::sum);
            }
        }
        if (tasks.contains(TaskKind.TC) && !schema.documentLabels().isEmpty() && windows.size() > 1) {
            inexpressible.merge(LONG_FOR_TC, 1, Integer::sum);
        }
        return new RenderedDocument(corpus, d.id(), out, inexpressible, drops);
    }

    private void ner(String corpus, Document d, LabelSchema schema, Language language, int windowIndex, String windowText,
            int windowStart, ConversationLength.WindowPieces pieces, List<EntityMention> mentions,
            Map<String, Integer> inexpressible, List<DraftConversation> out, List<Drop> drops) {
        Map<String, LinkedHashSet<String>> stringsByType = new LinkedHashMap<>();
        for (EntityType t : schema.entityTypes()) {
            stringsByType.put(t.name(), new LinkedHashSet<>());
        }
        Set<Found> curated = new HashSet<>();
        List<MentionQuery> queries = new ArrayList<>();
        for (EntityMention m : mentions) {
            String s = d.text().substring(m.start(), m.end());
            if (stringsByType.get(m.type()).add(s)) {
                queries.add(new MentionQuery(m.type(), s));
            }
            curated.add(new Found(m.type(), m.start() - windowStart, m.end() - windowStart));
        }
        // what parsing the answer and aligning it gives back, against what was curated
        if (!queries.isEmpty()) {
            Alignment alignment = new MentionAligner(windowText).align(queries);
            Set<Found> found = new HashSet<>();
            for (AlignedMention a : alignment.found()) {
                found.add(new Found(a.query().type(), a.span().start(), a.span().end()));
            }
            int missing = 0;
            for (Found k : curated) {
                missing += found.contains(k) ? 0 : 1;
            }
            int extra = 0;
            for (Found k : found) {
                extra += curated.contains(k) ? 0 : 1;
            }
            if (missing > 0) {
                inexpressible.merge(NOT_FOUND_AGAIN, missing, Integer::sum);
            }
            if (extra > 0) {
                inexpressible.merge(EXTRA_OCCURRENCE, extra, Integer::sum);
            }
        }
        InstructionBuilder builder = NER;
        List<EntityType> types = schema.entityTypes();
        add(out, drops, corpus, d, language, windowIndex, TaskKind.NER, "all", builder.wordings(language), types, windowText,
                pieces, TaiyiAnswers.mentions(language, display(types, language, stringsByType)), counts(stringsByType));
        if (nerPerType && types.size() > 1) {
            for (EntityType t : types) {
                Map<String, LinkedHashSet<String>> one = new LinkedHashMap<>();
                one.put(t.name(), stringsByType.get(t.name()));
                add(out, drops, corpus, d, language, windowIndex, TaskKind.NER, t.name(), builder.wordings(language), List.of(t),
                        windowText, pieces, TaiyiAnswers.mentions(language, display(List.of(t), language, one)), counts(one));
            }
        }
    }

    private void re(String corpus, Document d, LabelSchema schema, Language language, TextWindow window, String windowText,
            ConversationLength.WindowPieces pieces, List<Relation> relations, List<List<EntityMention>> arguments,
            boolean[] expressed, boolean[] distinct, Set<String> nameableIds, List<DraftConversation> out, List<Drop> drops) {
        Map<String, LinkedHashSet<List<String>>> pairsByType = new LinkedHashMap<>();
        for (EntityType t : schema.relationTypes()) {
            pairsByType.put(t.name(), new LinkedHashSet<>());
        }
        for (int i = 0; i < relations.size(); i++) {
            Optional<EntityMention> head = firstIn(window, arguments.get(2 * i), nameableIds);
            Optional<EntityMention> tail = firstIn(window, arguments.get(2 * i + 1), nameableIds);
            if (head.isEmpty() || tail.isEmpty()) {
                continue;
            }
            String h = d.text().substring(head.get().start(), head.get().end());
            String t = d.text().substring(tail.get().start(), tail.get().end());
            if (!plainArgument(h) || !plainArgument(t)) {
                continue;
            }
            // two relations can read the same: a composite mention stands for two concepts
            distinct[i] |= pairsByType.get(relations.get(i).type()).add(List.of(h, t));
            expressed[i] = true;
        }
        Map<String, List<List<String>>> pairs = new LinkedHashMap<>();
        List<List<String>> triples = new ArrayList<>();
        Map<String, Integer> counts = new TreeMap<>();
        for (EntityType t : schema.relationTypes()) {
            String name = language == Language.CHINESE ? t.chinese() : t.english();
            List<List<String>> list = new ArrayList<>(pairsByType.get(t.name()));
            pairs.put(name, list);
            for (List<String> p : list) {
                triples.add(List.of(p.get(0), p.get(1), name));
            }
            if (!list.isEmpty()) {
                counts.put(t.name(), list.size());
            }
        }
        InstructionBuilder builder = RE;
        add(out, drops, corpus, d, language, window.index(), TaskKind.RE, "pairs", builder.wordings(language),
                schema.relationTypes(), windowText, pieces, TaiyiAnswers.pairs(language, pairs), counts);
        add(out, drops, corpus, d, language, window.index(), TaskKind.RE, "triples", builder.wordings(language),
                schema.relationTypes(), windowText, pieces, TaiyiAnswers.triples(language, triples), counts);
    }

    private void tc(String corpus, Document d, LabelSchema schema, Language language, String windowText,
            ConversationLength.WindowPieces pieces, List<DraftConversation> out, List<Drop> drops) {
        Map<String, EntityType> labels = byName(schema.documentLabels());
        List<String> names = new ArrayList<>();
        Map<String, Integer> counts = new TreeMap<>();
        for (String l : d.labels()) {
            EntityType t = labels.get(l);
            if (t != null) {
                names.add(language == Language.CHINESE ? t.chinese() : t.english());
                counts.put(l, 1);
            }
        }
        add(out, drops, corpus, d, language, 0, TaskKind.TC, "all", TC.wordings(language),
                schema.documentLabels(), windowText, pieces, TaiyiAnswers.labels(language, names), counts);
    }

    private void add(List<DraftConversation> out, List<Drop> drops, String corpus, Document d, Language language, int window,
            TaskKind kind, String subtask, List<Wording> wordings, List<EntityType> types, String windowText,
            ConversationLength.WindowPieces pieces, String answer, Map<String, Integer> counts) {
        Wording wording = wordings.get(pick(corpus, d.id(), window, kind, subtask, wordings.size()));
        String names = names(types, language);
        String human = wording.fill(windowText, names);
        int windowAt = textAt(wording, names);
        if (!length.fits(human, windowAt, pieces, answer, maxTokens)) {
            drops.add(new Drop(Drop.TOO_LONG, corpus, d.id(), "window " + window + ", " + kind.code() + "/" + subtask + ": "
                    + length.of(human, windowAt, pieces, answer) + " tokens"));
            return;
        }
        out.add(new DraftConversation(corpus, d.id(), window, kind, subtask, language, wording.id(),
                new ConversationTurn(human, answer), counts));
    }

    /** The types' display names as an instruction lists them. */
    private static String names(List<EntityType> types, Language language) {
        String[] names = new String[types.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = language == Language.CHINESE ? types.get(i).chinese() : types.get(i).english();
        }
        return String.join(language == Language.CHINESE ? "，" : ", ", names);
    }

    /** Where {@link Wording#fill} puts the text: after the pattern's prefix, with {@code {types}} filled in it. */
    private static int textAt(Wording wording, String names) {
        String pattern = wording.pattern();
        int at = pattern.indexOf("{text}");
        String before = pattern.substring(0, at);
        int typesBefore = 0;
        for (int i = before.indexOf("{types}"); i >= 0; i = before.indexOf("{types}", i + 1)) {
            typesBefore++;
        }
        return at + typesBefore * (names.length() - "{types}".length());
    }

    private int pick(String corpus, String documentId, int window, TaskKind kind, String subtask, int size) {
        long h = seed;
        for (String part : List.of(corpus, documentId, Integer.toString(window), kind.name(), subtask)) {
            h = mix(h * 31 + part.hashCode());
        }
        return (int) Math.floorMod(h, (long) size);
    }

    /** SplitMix64's finaliser: a well-spread hash of a long. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static Optional<String> mentionProblem(EntityMention m, String text, TextWindow window,
            Map<String, EntityType> types) {
        if (!types.containsKey(m.type())) {
            return Optional.of(UNKNOWN_TYPE);
        }
        if (m.isDiscontinuous()) {
            return Optional.of(DISCONTINUOUS);
        }
        if (m.end() > window.end()) {
            return Optional.of(CROSSES_WINDOW);
        }
        // what String.strip would take off either end, tested without cutting the string out
        if (m.end() > m.start() && (Character.isWhitespace(text.codePointAt(m.start()))
                || Character.isWhitespace(text.codePointBefore(m.end())))) {
            return Optional.of(PADDED);
        }
        for (int i = m.start(); i < m.end(); i++) {
            char c = text.charAt(i);
            if (c == ';' || c == '；' || c == '\n' || c == '\r') {
                return Optional.of(SEPARATOR);
            }
        }
        return Optional.empty();
    }

    /** Whether a string can stand in {@code [head, tail]} and {@code (head, tail, type)}. */
    private static boolean plainArgument(String s) {
        for (int i = 0; i < s.length(); i++) {
            if ("[]［］【】()（）;；".indexOf(s.charAt(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** The mentions a relation argument names: the mention with that id, or every mention of that concept. */
    private static List<EntityMention> argumentMentions(Document d, String argument) {
        List<EntityMention> out = new ArrayList<>();
        for (EntityMention m : d.mentions()) {
            if (m.id().equals(argument)) {
                return List.of(m);
            }
        }
        for (EntityMention m : d.mentions()) {
            if (m.isNormalizedTo(argument)) {
                out.add(m);
            }
        }
        out.sort(Comparator.comparingInt(EntityMention::start));
        return out;
    }

    private static Optional<EntityMention> firstIn(TextWindow window, List<EntityMention> candidates, Set<String> nameable) {
        for (EntityMention m : candidates) {
            if (nameable.contains(m.id()) && m.start() >= window.start() && m.end() <= window.end()) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** A mention as the parse-back check compares them: type and span in the window. */
    private record Found(String type, int start, int end) {
    }

    private static Map<String, EntityType> byName(List<EntityType> types) {
        Map<String, EntityType> out = new LinkedHashMap<>();
        types.forEach(t -> out.put(t.name(), t));
        return out;
    }

    private static Map<String, List<String>> display(List<EntityType> types, Language language,
            Map<String, LinkedHashSet<String>> byName) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (EntityType t : types) {
            out.put(language == Language.CHINESE ? t.chinese() : t.english(), new ArrayList<>(byName.get(t.name())));
        }
        return out;
    }

    private static Map<String, Integer> counts(Map<String, LinkedHashSet<String>> byName) {
        Map<String, Integer> out = new TreeMap<>();
        byName.forEach((t, s) -> {
            if (!s.isEmpty()) {
                out.put(t, s.size());
            }
        });
        return out;
    }
}
