package taiyi.workbench.formats.bioc;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Language;
import taiyi.workbench.core.model.Normalization;
import taiyi.workbench.core.model.Passage;
import taiyi.workbench.core.model.Relation;
import taiyi.workbench.core.model.Span;
import taiyi.workbench.formats.CodePointOffsets;
import taiyi.workbench.formats.CompositeMentions;
import taiyi.workbench.formats.FormatException;
import taiyi.workbench.formats.FormatWarning;
import taiyi.workbench.formats.pubtator.PubTatorReader;
import taiyi.workbench.formats.bioc.BiocCollection.BiocAnnotation;
import taiyi.workbench.formats.bioc.BiocCollection.BiocDocument;
import taiyi.workbench.formats.bioc.BiocCollection.BiocLocation;
import taiyi.workbench.formats.bioc.BiocCollection.BiocNode;
import taiyi.workbench.formats.bioc.BiocCollection.BiocPassage;
import taiyi.workbench.formats.bioc.BiocCollection.BiocRelation;
import taiyi.workbench.formats.bioc.BiocCollection.BiocSentence;
import taiyi.workbench.formats.bioc.BiocCollection.Position;

/**
 * The one mapping between BioC and the model, shared by the XML and JSON readers and writers.
 *
 * <p>Reading: the document text is the passages' texts placed at their offsets, gaps filled with
 * spaces; BioC offsets count code points (as the reference {@code bioc} Python package does) and
 * become UTF-16 indices here. A passage with infons becomes a {@link Passage} of its {@code type}
 * infon; one without infons only carries text (the writer emits such passages for text that lies
 * outside every model passage). Empty passages hold nothing the model keeps and are skipped. An
 * annotation becomes a mention: {@code type} infon as type, locations as spans, each infon whose key
 * names a knowledge base ({@code MESH}, {@code OMIM}, {@code NCBI Gene}, …) as normalisations of
 * that base, {@code identifier} as {@code db:id} or bare ids, several ids joined by {@code |} and the
 * placeholder {@code -1} skipped (the infon as written, {@code D002544|-1}, kept in the
 * {@code concept_ids} attribute so that the writer gives it back); every other infon, and a concept infon that names no concept at
 * all, becomes an attribute. BC5CDR follows each composite mention ({@code CompositeRole}
 * {@code CompositeMention}, e.g. "sagittal and left transverse sinus thrombosis") with annotations
 * ({@code IndividualMention}) restating its parts; they are checked to lie inside it and to name its
 * concepts, and each becomes a mention of its own, with its location, concepts and infons, and its
 * text where that differs from the document's (see {@link CompositeMentions}). A part whose location
 * disagrees with its text is imported at the file's location with a {@link FormatWarning}. A relation with nodes relates the annotations its two nodes name; one
 * without nodes (BC5CDR's CID) relates the concepts of its two argument infons, the first the head.
 * Document infons become metadata as they are; passage infons other than {@code type} become
 * {@code passage.<index>.<key>}; the collection's source, date, key and infons become
 * {@code collection.source}, {@code collection.date}, {@code collection.key} and
 * {@code collection.infon.<key>} of every document, so a written file carries them again.
 *
 * <p>Writing reverses this and then reads each document back; a document that would not come back
 * equal cannot be expressed in BioC and is refused, naming what differs.
 */
final class BiocDocumentMapper {

    static final String TYPE = "type";
    /** Document infon naming the language, written only where detection from the text would guess wrong. */
    static final String LANGUAGE = "language";
    static final String RELATION_TYPE = "relation";
    static final String IDENTIFIER = "identifier";
    static final String NO_CONCEPT = "-1";
    static final String COLLECTION_SOURCE = "collection.source";
    static final String COLLECTION_DATE = "collection.date";
    static final String COLLECTION_KEY = "collection.key";
    static final String COLLECTION_INFON = "collection.infon.";
    static final String PASSAGE = "passage.";
    /** BC5CDR's infon marking composite mentions and the individual mentions restating their parts. */
    static final String COMPOSITE_ROLE = CompositeMentions.ROLE;
    static final String COMPOSITE_MENTION = CompositeMentions.COMPOSITE;
    static final String INDIVIDUAL_MENTION = CompositeMentions.INDIVIDUAL;
    static final String ANNOTATION_TEXT = CompositeMentions.ANNOTATION_TEXT;
    /** A concept infon as written where it says more than its ids ("D002544|-1"): PubTator's attribute for its column. */
    static final String CONCEPT_IDS = PubTatorReader.CONCEPT_IDS;
    /** Roles of the nodes the writer emits, and argument keys where mention types cannot serve. */
    static final String HEAD = "head";
    static final String TAIL = "tail";

    /** Infon keys that name a knowledge base, compared case-insensitively. */
    private static final Set<String> KNOWLEDGE_BASES = Set.of("mesh", "omim", "ncbi gene", "ncbigene",
            "ncbi taxonomy", "ncbitaxon", "ncbi homologene", "umls", "cui", "chebi", "uniprot", "hgnc", "go", "doid",
            "hpo", "snomed", "entrez", "entrez gene", "cellosaurus", "dbsnp");

    private static final Pattern PASSAGE_KEY = Pattern.compile("passage\\.(0|[1-9][0-9]{0,8})\\.(.+)", Pattern.DOTALL);

    /** Longest run of filler spaces between passages; beyond it an offset is taken for garbage. */
    private static final int MAX_GAP = 1 << 20;

    private BiocDocumentMapper() {
    }

    // ---------------------------------------------------------------- BioC -> model

    static List<Document> toDocuments(Path file, BiocCollection collection, Consumer<FormatWarning> warnings)
            throws FormatException {
        List<Document> documents = new ArrayList<>(collection.documents().size());
        for (BiocDocument d : collection.documents()) {
            documents.add(toDocument(file, collection, d, warnings));
        }
        return documents;
    }

    static Document toDocument(Path file, BiocCollection header, BiocDocument d, Consumer<FormatWarning> warnings)
            throws FormatException {
        if (d.id() == null || d.id().isBlank()) {
            throw error(file, d.at(), "document without an id");
        }
        String docId = d.id();
        Map<String, String> metadata = new LinkedHashMap<>(d.infons());
        String languageInfon = metadata.remove(LANGUAGE);
        TextBuilder text = new TextBuilder(file, docId);
        List<Passage> passages = new ArrayList<>();
        List<BiocAnnotation> annotations = new ArrayList<>(d.annotations());
        List<BiocRelation> relations = new ArrayList<>();
        List<BiocSentence> sentencesToCheck = new ArrayList<>();
        for (BiocPassage p : d.passages()) {
            int start = text.placeAt(p.offset(), p.at(), "passage");
            if (p.text() != null) {
                text.append(p.text());
            }
            for (int sentenceIndex = 0; sentenceIndex < p.sentences().size(); sentenceIndex++) {
                BiocSentence s = p.sentences().get(sentenceIndex);
                if (p.text() == null) {
                    text.placeAt(s.offset(), s.at(), "sentence");
                    if (s.text() != null) {
                        text.append(s.text());
                    }
                } else if (s.text() != null) {
                    sentencesToCheck.add(s);
                }
                for (var infon : s.infons().entrySet()) {
                    // kept under the passage so that the writer, which writes no sentences, can carry it
                    addPassageInfon(file, s.at(), metadata, passages.size(), "sentence." + sentenceIndex + "." + infon.getKey(),
                            infon.getValue());
                }
                annotations.addAll(s.annotations());
                relations.addAll(s.relations());
            }
            int end = text.length();
            annotations.addAll(p.annotations());
            relations.addAll(p.relations());
            if (end > start && !p.infons().isEmpty()) {
                int index = passages.size();
                passages.add(new Passage(p.infons().getOrDefault(TYPE, ""), new Span(start, end)));
                for (var infon : p.infons().entrySet()) {
                    if (!infon.getKey().equals(TYPE)) {
                        addPassageInfon(file, p.at(), metadata, index, infon.getKey(), infon.getValue());
                    }
                }
            }
        }
        relations.addAll(d.relations());
        String body = text.toString();
        CodePointOffsets charOfCodePoint = new CodePointOffsets(body);
        for (BiocSentence s : sentencesToCheck) {
            long end = (long) s.offset() + s.text().codePointCount(0, s.text().length());
            if (end > charOfCodePoint.codePointCount()
                    || !body.substring(charOfCodePoint.toUtf16(s.offset()), charOfCodePoint.toUtf16((int) end)).equals(s.text())) {
                throw error(file, s.at(), "sentence at offset " + s.offset() + " of document " + docId
                        + " does not match its passage's text there");
            }
        }

        List<EntityMention> mentions = new ArrayList<>(annotations.size());
        Set<String> mentionIds = new HashSet<>();
        EntityMention composite = null;
        for (BiocAnnotation a : annotations) {
            String role = a.infons().get(COMPOSITE_ROLE);
            EntityMention m;
            if (INDIVIDUAL_MENTION.equals(role)) {
                if (composite == null) {
                    throw error(file, a.at(), "IndividualMention annotation " + a.id() + " of document " + docId
                            + " does not follow a CompositeMention annotation");
                }
                m = compositePart(file, docId, body, charOfCodePoint, composite, a, warnings);
            } else {
                m = toMention(file, docId, body, charOfCodePoint, a, true);
                composite = COMPOSITE_MENTION.equals(role) ? m : null;
            }
            if (!mentionIds.add(m.id())) {
                throw error(file, a.at(), "annotation id " + m.id() + " occurs twice in document " + docId);
            }
            mentions.add(m);
        }
        List<Relation> modelRelations = new ArrayList<>(relations.size());
        Set<String> relationIds = new HashSet<>();
        for (BiocRelation r : relations) {
            Relation relation = toRelation(file, docId, mentions, r);
            if (!relationIds.add(relation.id())) {
                throw error(file, r.at(), "relation id " + relation.id() + " occurs twice in document " + docId);
            }
            modelRelations.add(relation);
        }

        putIfSet(metadata, COLLECTION_SOURCE, header.source());
        putIfSet(metadata, COLLECTION_DATE, header.date());
        putIfSet(metadata, COLLECTION_KEY, header.key());
        header.infons().forEach((k, v) -> putIfSet(metadata, COLLECTION_INFON + k, v));
        try {
            Language language = languageInfon != null ? Language.fromCode(languageInfon) : Language.detect(body);
            return new Document(docId, language, body, passages, metadata, mentions, modelRelations);
        } catch (IllegalArgumentException e) {
            throw error(file, d.at(), e.getMessage(), e);
        }
    }

    private static void addPassageInfon(Path file, Position at, Map<String, String> metadata, int passageIndex,
            String key, String value) throws FormatException {
        String metadataKey = PASSAGE + passageIndex + "." + key;
        if (metadata.putIfAbsent(metadataKey, value) != null) {
            throw error(file, at, "infon " + key + " of passage " + passageIndex
                    + " clashes with the document infon " + metadataKey);
        }
    }

    private static void putIfSet(Map<String, String> metadata, String key, String value) {
        // a document's own infon of that name (written where documents disagree) wins
        if (value != null && !value.isEmpty()) {
            metadata.putIfAbsent(key, value);
        }
    }

    /**
     * An IndividualMention annotation as a mention of its own, checked to lie inside its composite and
     * to name its concepts. Its text names the part in full, the document text at its locations
     * joined by a space; where it differs, the file's text is kept as the
     * {@link CompositeMentions#ANNOTATION_TEXT} attribute, and where the location cannot be the part that
     * text names (it starts or ends inside a word or on a space, or covers text the part's text does
     * not hold), the file's location is kept and a warning names it.
     */
    private static EntityMention compositePart(Path file, String docId, String body, CodePointOffsets charOfCodePoint,
            EntityMention composite, BiocAnnotation a, Consumer<FormatWarning> warnings) throws FormatException {
        EntityMention part = toMention(file, docId, body, charOfCodePoint, a, false);
        if (part.start() < composite.start() || part.end() > composite.end()) {
            throw error(file, a.at(), "IndividualMention annotation " + a.id() + " of document " + docId
                    + " lies outside its CompositeMention " + composite.id());
        }
        for (Normalization n : part.normalizations()) {
            if (!composite.normalizations().contains(n)) {
                throw error(file, a.at(), "IndividualMention annotation " + a.id() + " of document " + docId
                        + " names concept " + n + ", which its CompositeMention " + composite.id() + " does not");
            }
        }
        String covered = part.coveredText(body);
        if (a.text() == null || a.text().equals(covered)) {
            return part;
        }
        if (part.attributes().containsKey(ANNOTATION_TEXT)) {
            throw error(file, a.at(), "IndividualMention annotation " + a.id() + " of document " + docId + " has an infon "
                    + ANNOTATION_TEXT + ", the attribute that keeps its own text");
        }
        if (locationDisagrees(body, part, a.text())) {
            warnings.accept(new FormatWarning(file, a.at().line(), a.at().column(), docId, "IndividualMention annotation "
                    + a.id() + " at " + a.locations().stream().map(l -> l.offset() + "+" + l.length()).toList()
                    + " covers '" + covered + "', which disagrees with its text '" + a.text()
                    + "'; imported with the file's location"));
        }
        Map<String, String> attributes = new LinkedHashMap<>(part.attributes());
        attributes.put(ANNOTATION_TEXT, a.text());
        return new EntityMention(part.id(), part.type(), part.spans(), part.normalizations(), attributes);
    }

    /**
     * Whether the part's location cannot be the part its text names: one of its spans starts or ends
     * on a space or inside a word, or covers text its own text does not hold.
     */
    private static boolean locationDisagrees(String body, EntityMention part, String ownText) {
        for (Span span : part.spans()) {
            String covered = body.substring(span.start(), span.end());
            if (!covered.equals(covered.strip()) || !ownText.contains(covered) || cutsWord(body, span.start())
                    || cutsWord(body, span.end())) {
                return true;
            }
        }
        return false;
    }

    private static boolean cutsWord(String text, int index) {
        return index > 0 && index < text.length() && Character.isLetterOrDigit(text.charAt(index - 1))
                && Character.isLetterOrDigit(text.charAt(index));
    }

    private static EntityMention toMention(Path file, String docId, String body, CodePointOffsets charOfCodePoint, BiocAnnotation a,
            boolean checkText) throws FormatException {
        if (a.id() == null || a.id().isBlank()) {
            throw error(file, a.at(), "annotation without an id in document " + docId);
        }
        String what = "annotation " + a.id() + " of document " + docId;
        String type = a.infons().get(TYPE);
        if (type == null || type.isBlank()) {
            throw error(file, a.at(), what + " has no type infon");
        }
        if (a.locations().isEmpty()) {
            throw error(file, a.at(), what + " has no location");
        }
        int codePoints = charOfCodePoint.codePointCount();
        List<Span> spans = new ArrayList<>(a.locations().size());
        for (BiocLocation l : a.locations()) {
            long end = (long) l.offset() + l.length();
            if (l.offset() < 0 || l.length() <= 0) {
                throw error(file, a.at(), what + " has a location with offset " + l.offset() + " and length " + l.length());
            }
            if (end > codePoints) {
                throw error(file, a.at(), what + " location " + l.offset() + "+" + l.length()
                        + " ends past the document text (" + codePoints + " characters)");
            }
            spans.add(new Span(charOfCodePoint.toUtf16(l.offset()), charOfCodePoint.toUtf16((int) end)));
        }
        spans.sort(null);
        List<Normalization> normalizations = new ArrayList<>();
        Map<String, String> attributes = new LinkedHashMap<>();
        readConcepts(a.infons(), normalizations, attributes);
        EntityMention mention;
        try {
            mention = new EntityMention(a.id(), type, spans, normalizations, attributes);
        } catch (IllegalArgumentException e) {
            throw error(file, a.at(), what + ": " + e.getMessage(), e);
        }
        String covered = mention.coveredText(body);
        if (checkText && a.text() != null && !a.text().equals(covered)) {
            throw error(file, a.at(), what + " text '" + a.text() + "' does not match the document text '" + covered
                    + "' at its locations");
        }
        return mention;
    }

    /** Splits an annotation's infons other than {@code type} into concepts and attributes. */
    private static void readConcepts(Map<String, String> infons, List<Normalization> normalizations,
            Map<String, String> attributes) {
        for (var infon : infons.entrySet()) {
            String key = infon.getKey();
            if (key.equals(TYPE)) {
                continue;
            }
            List<String> ids = isConceptKey(key) ? conceptIds(infon.getValue()) : List.of();
            if (ids.isEmpty()) {
                attributes.put(key, infon.getValue());
                continue;
            }
            if (!infon.getValue().equals(String.join("|", ids))) {
                // "D002544|-1": the infon as written, so that the writer gives it back
                attributes.putIfAbsent(CONCEPT_IDS, infon.getValue());
            }
            if (key.equalsIgnoreCase(IDENTIFIER)) {
                ids.forEach(id -> normalizations.add(Normalization.parse(id)));
            } else {
                ids.forEach(id -> normalizations.add(new Normalization(key, id)));
            }
        }
    }

    private static List<String> conceptIds(String value) {
        List<String> ids = new ArrayList<>();
        for (String part : value.split("\\|")) {
            String id = part.strip();
            if (!id.isEmpty() && !id.equals(NO_CONCEPT)) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static boolean isConceptKey(String key) {
        return key.equalsIgnoreCase(IDENTIFIER) || isKnowledgeBase(key);
    }

    private static boolean isKnowledgeBase(String db) {
        return KNOWLEDGE_BASES.contains(db.toLowerCase(Locale.ROOT));
    }

    private static Relation toRelation(Path file, String docId, List<EntityMention> mentions, BiocRelation r)
            throws FormatException {
        if (r.id() == null || r.id().isBlank()) {
            throw error(file, r.at(), "relation without an id in document " + docId);
        }
        String what = "relation " + r.id() + " of document " + docId;
        String typeKey = r.infons().containsKey(RELATION_TYPE) ? RELATION_TYPE : TYPE;
        String type = r.infons().get(typeKey);
        if (type == null || type.isBlank()) {
            throw error(file, r.at(), what + " has neither a relation nor a type infon");
        }
        List<Map.Entry<String, String>> others = r.infons().entrySet().stream()
                .filter(e -> !e.getKey().equals(typeKey)).toList();
        String head;
        String tail;
        if (!r.nodes().isEmpty()) {
            if (r.nodes().size() != 2) {
                throw error(file, r.at(), what + " has " + r.nodes().size() + " nodes; only binary relations fit the model");
            }
            if (!others.isEmpty()) {
                throw error(file, r.at(), what + " has an infon '" + others.get(0).getKey()
                        + "' the model has no place for");
            }
            head = r.nodes().get(0).refid();
            tail = r.nodes().get(1).refid();
            for (String ref : new String[] { head, tail }) {
                if (ref == null || mentions.stream().noneMatch(m -> m.id().equals(ref))) {
                    throw error(file, r.at(), what + " has a node naming " + ref + ", which is no annotation of the document");
                }
            }
        } else {
            if (others.size() != 2) {
                throw error(file, r.at(), what + " has no nodes and " + others.size()
                        + " argument infons; expected two (such as Chemical and Disease)");
            }
            head = others.get(0).getValue().strip();
            tail = others.get(1).getValue().strip();
            for (String arg : new String[] { head, tail }) {
                if (mentions.stream().noneMatch(m -> m.id().equals(arg) || m.isNormalizedTo(arg))) {
                    throw error(file, r.at(), what + " names concept " + arg
                            + ", which no annotation of the document is normalised to");
                }
            }
        }
        try {
            return new Relation(r.id(), type, head, tail);
        } catch (IllegalArgumentException e) {
            throw error(file, r.at(), what + ": " + e.getMessage(), e);
        }
    }

    /** The document text being assembled from passages at their code point offsets. */
    private static final class TextBuilder {
        final Path file;
        final String docId;
        final StringBuilder text = new StringBuilder();
        int codePoints;

        TextBuilder(Path file, String docId) {
            this.file = file;
            this.docId = docId;
        }

        /** Pads with spaces up to the offset and answers the UTF-16 index the piece starts at. */
        int placeAt(int offset, Position at, String what) throws FormatException {
            if (offset < codePoints) {
                throw error(file, at, what + " at offset " + offset + " of document " + docId
                        + " starts before the end of the text before it (offset " + codePoints + ")");
            }
            if (offset - codePoints > MAX_GAP) {
                throw error(file, at, what + " offset " + offset + " of document " + docId + " leaves a gap of "
                        + (offset - codePoints) + " characters after the text before it");
            }
            text.append(" ".repeat(offset - codePoints));
            codePoints = offset;
            return text.length();
        }

        void append(String piece) {
            text.append(piece);
            codePoints += piece.codePointCount(0, piece.length());
        }

        int length() {
            return text.length();
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    // ---------------------------------------------------------------- model -> BioC

    /**
     * The collection for the documents; its source, date, key and infons are the documents'
     * {@code collection.*} metadata where all documents agree, else each document keeps its own.
     *
     * @param target the file being written, named in errors
     * @throws FormatException when a document cannot be expressed in BioC
     */
    static BiocCollection toCollection(Path target, List<Document> documents) throws FormatException {
        Map<String, String> shared = sharedCollectionMetadata(documents);
        Map<String, String> collectionInfons = new LinkedHashMap<>();
        shared.forEach((k, v) -> {
            if (k.startsWith(COLLECTION_INFON)) {
                collectionInfons.put(k.substring(COLLECTION_INFON.length()), v);
            }
        });
        BiocCollection header = new BiocCollection(shared.getOrDefault(COLLECTION_SOURCE, ""),
                shared.getOrDefault(COLLECTION_DATE, ""), shared.getOrDefault(COLLECTION_KEY, ""), collectionInfons,
                List.of());
        List<BiocDocument> written = new ArrayList<>(documents.size());
        for (Document d : documents) {
            BiocDocument bioc = toBioc(target, d, shared.keySet());
            Document back;
            try {
                back = toDocument(target, header, bioc, warning -> {
                });
            } catch (FormatException e) {
                throw new FormatException(target, 0, "document " + d.id() + " cannot be expressed in BioC: " + e.reason(), e);
            }
            if (!back.equals(d)) {
                throw new FormatException(target, 0, "document " + d.id() + " cannot be expressed in BioC: "
                        + difference(d, back));
            }
            written.add(bioc);
        }
        return header.withDocuments(written);
    }

    private static Map<String, String> sharedCollectionMetadata(List<Document> documents) {
        Map<String, String> shared = new LinkedHashMap<>();
        if (documents.isEmpty()) {
            return shared;
        }
        for (var e : documents.get(0).metadata().entrySet()) {
            String key = e.getKey();
            boolean collectionKey = key.equals(COLLECTION_SOURCE) || key.equals(COLLECTION_DATE)
                    || key.equals(COLLECTION_KEY) || key.startsWith(COLLECTION_INFON) && key.length() > COLLECTION_INFON.length();
            if (collectionKey && !e.getValue().isEmpty()
                    && documents.stream().allMatch(d -> e.getValue().equals(d.metadata().get(key)))) {
                shared.put(key, e.getValue());
            }
        }
        return shared;
    }

    private static BiocDocument toBioc(Path target, Document d, Set<String> sharedKeys) throws FormatException {
        String text = d.text();
        if (!d.labels().isEmpty()) {
            throw refuse(target, d, "it has document labels " + d.labels() + ", for which BioC has no place");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) ? i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))
                    : !Character.isLowSurrogate(c) || i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
            if (!paired) {
                throw refuse(target, d, "its text holds a lone surrogate at " + i + ", which UTF-8 cannot encode");
            }
        }
        CodePointOffsets codePointOf = new CodePointOffsets(text);

        // passage infons travel in metadata as passage.<index>.<key>
        List<Map<String, String>> passageInfons = new ArrayList<>();
        for (Passage p : d.passages()) {
            Map<String, String> infons = new LinkedHashMap<>();
            infons.put(TYPE, p.type());
            passageInfons.add(infons);
        }
        Map<String, String> documentInfons = new LinkedHashMap<>();
        if (Language.detect(d.text()) != d.language()) {
            documentInfons.put(LANGUAGE, d.language().code());
        }
        for (var e : d.metadata().entrySet()) {
            if (sharedKeys.contains(e.getKey())) {
                continue;
            }
            Matcher m = PASSAGE_KEY.matcher(e.getKey());
            int index = m.matches() ? Integer.parseInt(m.group(1)) : -1;
            if (index >= 0 && index < passageInfons.size() && !m.group(2).equals(TYPE)) {
                passageInfons.get(index).put(m.group(2), e.getValue());
            } else {
                documentInfons.put(e.getKey(), e.getValue());
            }
        }

        // model passages in order, with untyped passages for text outside them
        List<int[]> pieces = new ArrayList<>();
        List<Map<String, String>> pieceInfons = new ArrayList<>();
        int cursor = 0;
        for (int i = 0; i < d.passages().size(); i++) {
            Passage p = d.passages().get(i);
            if (p.span().start() < cursor) {
                throw refuse(target, d, "passage " + i + " (" + p.type() + ") overlaps or precedes the passage before it");
            }
            // a gap of spaces comes back as the readers' padding; anything else needs a passage of its own
            if (!text.substring(cursor, p.span().start()).chars().allMatch(c -> c == ' ')) {
                pieces.add(new int[] { cursor, p.span().start() });
                pieceInfons.add(Map.of());
            }
            pieces.add(new int[] { p.span().start(), p.span().end() });
            pieceInfons.add(passageInfons.get(i));
            cursor = p.span().end();
        }
        if (cursor < text.length()) {
            pieces.add(new int[] { cursor, text.length() });
            pieceInfons.add(Map.of());
        }

        List<List<BiocAnnotation>> annotationsOf = new ArrayList<>();
        pieces.forEach(p -> annotationsOf.add(new ArrayList<>()));
        // an annotation goes to the passage holding its start, or to a later one where the model lists
        // it after a mention of a later passage: readers collect annotations passage by passage, and
        // the mentions' order must survive
        int holder = 0;
        for (EntityMention m : d.mentions()) {
            for (int i = holder + 1; i < pieces.size(); i++) {
                if (pieces.get(i)[0] <= m.start()) {
                    holder = i;
                }
            }
            annotationsOf.get(holder).add(toAnnotation(target, d, codePointOf, m));
        }
        List<BiocPassage> passages = new ArrayList<>(pieces.size());
        for (int i = 0; i < pieces.size(); i++) {
            int[] piece = pieces.get(i);
            passages.add(new BiocPassage(codePointOf.toCodePoint(piece[0]), pieceInfons.get(i), text.substring(piece[0], piece[1]),
                    List.of(), annotationsOf.get(i), List.of(), Position.NOWHERE));
        }
        List<BiocRelation> relations = new ArrayList<>(d.relations().size());
        for (Relation r : d.relations()) {
            relations.add(toBiocRelation(target, d, r));
        }
        return new BiocDocument(d.id(), documentInfons, passages, List.of(), relations, Position.NOWHERE);
    }

    private static BiocAnnotation toAnnotation(Path target, Document d, CodePointOffsets codePointOf, EntityMention m)
            throws FormatException {
        Map<String, String> infons = new LinkedHashMap<>();
        infons.put(TYPE, m.type());
        // an individual mention's own text goes back into the annotation's text, not an infon
        boolean ownText = CompositeMentions.isIndividual(m) && m.attributes().containsKey(ANNOTATION_TEXT);
        Map<String, String> concepts = conceptInfons(m.normalizations());
        // the one concept infon as the source wrote it ("D002544|-1"), where it names the same ids
        String asWritten = m.attributes().get(CONCEPT_IDS);
        boolean conceptsAsWritten = asWritten != null && concepts.size() == 1
                && conceptIds(asWritten).equals(conceptIds(concepts.values().iterator().next()));
        if (conceptsAsWritten) {
            concepts.replaceAll((k, v) -> asWritten);
        }
        for (var a : m.attributes().entrySet()) {
            if (ownText && a.getKey().equals(ANNOTATION_TEXT) || conceptsAsWritten && a.getKey().equals(CONCEPT_IDS)) {
                continue;
            }
            if (a.getKey().equals(TYPE)) {
                throw refuse(target, d, "mention " + m.id() + " has an attribute named 'type', the infon that holds its type");
            }
            infons.put(a.getKey(), a.getValue());
        }
        for (var c : concepts.entrySet()) {
            if (infons.putIfAbsent(c.getKey(), c.getValue()) != null) {
                throw refuse(target, d, "mention " + m.id() + " has an attribute '" + c.getKey()
                        + "' that clashes with the infon holding its concepts");
            }
        }
        List<BiocLocation> locations = new ArrayList<>(m.spans().size());
        for (Span s : m.spans()) {
            if (splitsSurrogatePair(d.text(), s.start()) || splitsSurrogatePair(d.text(), s.end())) {
                throw refuse(target, d, "mention " + m.id() + " span " + s + " splits a surrogate pair; BioC counts code points");
            }
            int start = codePointOf.toCodePoint(s.start());
            locations.add(new BiocLocation(start, codePointOf.toCodePoint(s.end()) - start));
        }
        String text = ownText ? m.attributes().get(ANNOTATION_TEXT) : m.coveredText(d.text());
        return new BiocAnnotation(m.id(), infons, locations, text, Position.NOWHERE);
    }

    /**
     * One infon per knowledge base where every concept names a known base and each base's ids are
     * adjacent (so the order survives); otherwise all of them as {@code db:id} under {@code identifier}.
     */
    private static Map<String, String> conceptInfons(List<Normalization> normalizations) {
        Map<String, String> infons = new LinkedHashMap<>();
        if (normalizations.isEmpty()) {
            return infons;
        }
        boolean byBase = true;
        String previous = null;
        for (Normalization n : normalizations) {
            if (!isKnowledgeBase(n.db()) || !n.db().equals(previous) && infons.containsKey(n.db())) {
                byBase = false;
                break;
            }
            infons.merge(n.db(), n.id(), (a, b) -> a + "|" + b);
            previous = n.db();
        }
        if (!byBase) {
            infons.clear();
            infons.put(IDENTIFIER, String.join("|", normalizations.stream().map(Normalization::toString).toList()));
        }
        return infons;
    }

    private static BiocRelation toBiocRelation(Path target, Document d, Relation r) throws FormatException {
        if (!r.evidence().isEmpty()) {
            throw refuse(target, d, "relation " + r.id() + " has evidence spans, for which BioC has no place");
        }
        Map<String, String> infons = new LinkedHashMap<>();
        if (d.mention(r.head()).isPresent() && d.mention(r.tail()).isPresent()) {
            infons.put(TYPE, r.type());
            return new BiocRelation(r.id(), infons,
                    List.of(new BiocNode(r.head(), HEAD), new BiocNode(r.tail(), TAIL)), Position.NOWHERE);
        }
        // BC5CDR names the arguments by their entity types: Chemical, then Disease
        String headKey = argumentType(d, r.head());
        String tailKey = argumentType(d, r.tail());
        if (headKey == null || tailKey == null || headKey.equals(tailKey) || isReserved(headKey) || isReserved(tailKey)) {
            headKey = HEAD;
            tailKey = TAIL;
        }
        infons.put(RELATION_TYPE, r.type());
        infons.put(headKey, r.head());
        infons.put(tailKey, r.tail());
        return new BiocRelation(r.id(), infons, List.of(), Position.NOWHERE);
    }

    private static boolean isReserved(String key) {
        return key.equals(RELATION_TYPE) || key.equals(TYPE);
    }

    private static String argumentType(Document d, String argument) {
        return d.mention(argument).or(() -> d.mentions().stream().filter(m -> m.isNormalizedTo(argument)).findFirst())
                .map(EntityMention::type).orElse(null);
    }

    private static boolean splitsSurrogatePair(String text, int index) {
        return index > 0 && index < text.length() && Character.isLowSurrogate(text.charAt(index))
                && Character.isHighSurrogate(text.charAt(index - 1));
    }


    /** What a document lost on its way through BioC, for the writer's refusal. */
    private static String difference(Document wanted, Document got) {
        if (!wanted.text().equals(got.text())) {
            return "its text would not survive (text outside its passages that is not spaces?)";
        }
        if (wanted.language() != got.language()) {
            return "its language " + wanted.language().code() + " would read back as " + got.language().code();
        }
        if (!wanted.passages().equals(got.passages())) {
            return "its passages " + wanted.passages() + " would read back as " + got.passages();
        }
        if (!wanted.metadata().equals(got.metadata())) {
            return "its metadata " + wanted.metadata() + " would read back as " + got.metadata();
        }
        for (int i = 0; i < Math.min(wanted.mentions().size(), got.mentions().size()); i++) {
            EntityMention a = wanted.mentions().get(i);
            EntityMention b = got.mentions().get(i);
            if (!a.equals(b)) {
                return "mention " + a.id() + " would read back as " + b + " (concepts with '|' or '-1', or attributes"
                        + " named like a knowledge base, do not survive)";
            }
        }
        if (!Objects.equals(wanted.relations(), got.relations())) {
            return "its relations " + wanted.relations() + " would read back as " + got.relations();
        }
        return "it would read back differently";
    }

    private static FormatException refuse(Path target, Document d, String reason) {
        return new FormatException(target, 0, "document " + d.id() + " cannot be expressed in BioC: " + reason);
    }

    private static FormatException error(Path file, Position at, String reason) {
        return at.error(file, reason, null);
    }

    private static FormatException error(Path file, Position at, String reason, Throwable cause) {
        return at.error(file, reason, cause);
    }
}
