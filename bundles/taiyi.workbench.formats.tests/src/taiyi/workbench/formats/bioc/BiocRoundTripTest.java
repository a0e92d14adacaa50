package taiyi.workbench.formats.bioc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.EntityMention;
import taiyi.workbench.core.model.Language;
import taiyi.workbench.core.model.Normalization;
import taiyi.workbench.core.model.Passage;
import taiyi.workbench.core.model.Relation;
import taiyi.workbench.core.model.Span;

/** Generated documents through BioC XML and JSON: whatever the writers accept comes back equal. */
class BiocRoundTripTest {

    /** Pieces of text: Chinese with a supplementary ideograph and full-width punctuation, markup, line ends. */
    private static final String[] PIECES = { "胃癌", "𠮷", "，", "。", "（", "）", "：", "；", "患者", "肺炎", "Lithium", "fever", " ",
            " ", "\n", "\r\n", "\t", "&", "<b>", "\"q\"", "'s", "]]>", "α-synuclein", "😀", "D014262" };
    private static final String[] TYPES = { "Chemical", "Disease", "dis", "sym", "Gene" };
    private static final String[] BASES = { "MESH", "OMIM", "NCBI Gene", "" };

    @TempDir
    Path tmp;

    @Test
    void generatedDocumentsSurviveXmlAndJson() throws Exception {
        Random random = new Random(20240611L);
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            documents.add(generate(random, "doc" + i));
        }
        long discontinuous = documents.stream().flatMap(d -> d.mentions().stream()).filter(EntityMention::isDiscontinuous).count();
        long overlapping = documents.stream().filter(BiocRoundTripTest::hasOverlappingMentions).count();
        long chinese = documents.stream().filter(d -> d.language() == Language.CHINESE).count();
        assertTrue(discontinuous > 50 && overlapping > 50 && chinese > 20, discontinuous + " " + overlapping + " " + chinese);

        Path xml = tmp.resolve("generated.xml");
        new BiocXmlWriter().write(documents, xml);
        assertEquals(documents, new BiocXmlReader().read(xml));
        Path json = tmp.resolve("generated.json");
        new BiocJsonWriter().write(documents, json);
        assertEquals(documents, new BiocJsonReader().read(json));
    }

    private static boolean hasOverlappingMentions(Document d) {
        for (EntityMention a : d.mentions()) {
            for (EntityMention b : d.mentions()) {
                if (a != b && a.spans().stream().anyMatch(s -> b.spans().stream().anyMatch(s::overlaps))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Document generate(Random random, String id) {
        StringBuilder b = new StringBuilder();
        int pieces = 3 + random.nextInt(40);
        for (int i = 0; i < pieces; i++) {
            b.append(PIECES[random.nextInt(PIECES.length)]);
        }
        String text = b.toString();
        // code point boundaries, so that no span splits a surrogate pair
        List<Integer> cuts = new ArrayList<>();
        for (int i = 0; i <= text.length(); i = i < text.length() ? i + Character.charCount(text.codePointAt(i)) : i + 1) {
            cuts.add(i);
        }

        List<Passage> passages = new ArrayList<>();
        TreeSet<Integer> bounds = new TreeSet<>();
        int passageCount = random.nextInt(4);
        for (int i = 0; i < passageCount * 2; i++) {
            bounds.add(cuts.get(random.nextInt(cuts.size())));
        }
        List<Integer> sorted = new ArrayList<>(bounds);
        for (int i = 0; i + 1 < sorted.size(); i += 2) {
            passages.add(new Passage(random.nextInt(5) == 0 ? "" : random.nextBoolean() ? "title" : "abstract",
                    new Span(sorted.get(i), sorted.get(i + 1))));
        }

        List<EntityMention> mentions = new ArrayList<>();
        int mentionCount = text.isEmpty() ? 0 : random.nextInt(8);
        for (int i = 0; i < mentionCount; i++) {
            TreeSet<Integer> ends = new TreeSet<>();
            int spanCount = 1 + (random.nextInt(3) == 0 ? 1 + random.nextInt(2) : 0);
            for (int k = 0; k < spanCount * 2; k++) {
                ends.add(cuts.get(random.nextInt(cuts.size())));
            }
            List<Integer> e = new ArrayList<>(ends);
            List<Span> spans = new ArrayList<>();
            for (int k = 0; k + 1 < e.size(); k += 2) {
                spans.add(new Span(e.get(k), e.get(k + 1)));
            }
            if (spans.isEmpty()) {
                continue;
            }
            List<Normalization> concepts = new ArrayList<>();
            String base = BASES[random.nextInt(BASES.length)];
            for (int k = random.nextInt(3); k > 0; k--) {
                concepts.add(new Normalization(base, (base.equals("OMIM") ? "" : "D") + (100000 + random.nextInt(900000))));
            }
            if (random.nextInt(6) == 0) {
                concepts.add(new Normalization("UMLS", "C" + random.nextInt(1000)));
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            if (random.nextInt(4) == 0) {
                attributes.put("score", Double.toString(random.nextDouble()));
            }
            if (random.nextInt(5) == 0) {
                attributes.put("note", "多行\nnote & <x>");
            }
            mentions.add(new EntityMention("T" + i, TYPES[random.nextInt(TYPES.length)], spans, concepts, attributes));
        }

        List<Relation> relations = new ArrayList<>();
        for (int i = 0; i + 1 < mentions.size() && i < 4; i++) {
            EntityMention head = mentions.get(random.nextInt(mentions.size()));
            EntityMention tail = mentions.get(random.nextInt(mentions.size()));
            if (random.nextBoolean() && !head.normalizations().isEmpty() && !tail.normalizations().isEmpty()) {
                relations.add(new Relation("R" + i, "CID", head.normalizations().get(0).id(), tail.normalizations().get(0).toString()));
            } else {
                relations.add(new Relation("R" + i, random.nextBoolean() ? "Association" : "治疗", head.id(), tail.id()));
            }
        }

        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("collection.source", "generated");
        if (random.nextBoolean()) {
            metadata.put("collection.date", "2024-0" + (1 + random.nextInt(9)));
        }
        if (random.nextBoolean()) {
            metadata.put("journal", "中华医学杂志 & <Lancet>");
        }
        if (!passages.isEmpty() && random.nextBoolean()) {
            metadata.put("passage.0.section_type", "TITLE");
        }
        return new Document(id, Language.detect(text), text, passages, metadata, mentions, relations);
    }
}
