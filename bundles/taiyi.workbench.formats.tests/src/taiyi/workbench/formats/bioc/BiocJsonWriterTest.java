package taiyi.workbench.formats.bioc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.Language;
import taiyi.workbench.formats.FormatException;
import taiyi.workbench.testing.TestCorpora;

class BiocJsonWriterTest {

    @TempDir
    Path tmp;

    private final BiocJsonWriter writer = new BiocJsonWriter();

    @Test
    void theDevelopmentSetThroughJsonEqualsItsXmlReading() throws Exception {
        List<Document> fromXml = new BiocXmlReader().read(TestCorpora.file(BiocXmlReaderTest.BC5CDR_DEVEL_BIOC));
        Path json = tmp.resolve("devel.json");
        writer.write(fromXml, json);
        List<Document> fromJson = new BiocJsonReader().read(json);
        assertEquals(fromXml, fromJson);
        // and JSON back to XML gives the same documents again
        Path xml = tmp.resolve("devel.xml");
        new BiocXmlWriter().write(fromJson, xml);
        assertEquals(fromXml, new BiocXmlReader().read(xml));
    }

    @Test
    void theJsonHasTheShapeOfTheBiocPythonPackage() throws Exception {
        List<Document> fromXml = new BiocXmlReader().read(TestCorpora.file(BiocXmlReaderTest.BC5CDR_DEVEL_BIOC));
        Path json = tmp.resolve("devel.json");
        writer.write(fromXml.subList(0, 3), json);
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals(Set.of("source", "date", "key", "infons", "documents"), keys(root));
        assertEquals("PubTator", root.get("source").asText());
        JsonNode document = root.get("documents").get(0);
        assertEquals(Set.of("id", "infons", "passages", "relations"), keys(document));
        assertEquals("6794356", document.get("id").asText());
        JsonNode passage = document.get("passages").get(1);
        assertEquals(Set.of("offset", "infons", "text", "sentences", "annotations", "relations"), keys(passage));
        assertEquals(82, passage.get("offset").intValue());
        assertEquals("abstract", passage.get("infons").get("type").asText());
        assertTrue(passage.get("sentences").isArray() && passage.get("sentences").isEmpty());
        JsonNode annotation = passage.get("annotations").get(0);
        assertEquals(Set.of("id", "infons", "text", "locations"), keys(annotation));
        assertEquals("tricuspid regurgitation", annotation.get("text").asText());
        assertEquals("D014262", annotation.get("infons").get("MESH").asText());
        JsonNode location = annotation.get("locations").get(0);
        assertEquals(Set.of("offset", "length"), keys(location));
        assertEquals(105, location.get("offset").intValue());
        assertEquals(23, location.get("length").intValue());
        JsonNode relation = document.get("relations").get(0);
        assertEquals(Set.of("id", "infons", "nodes"), keys(relation));
        assertEquals(List.of("relation", "Chemical", "Disease"), fieldNames(relation.get("infons")));
        assertEquals("CID", relation.get("infons").get("relation").asText());
    }

    @Test
    void relationsBetweenMentionsHaveNodes() throws Exception {
        var a = taiyi.workbench.core.model.EntityMention.of("a", "Gene", 0, 5, List.of());
        var b = taiyi.workbench.core.model.EntityMention.of("b", "Disease", 10, 17, List.of());
        Document d = new Document("1", Language.ENGLISH, "BRCA1 and tumours", List.of(), Map.of(), List.of(a, b),
                List.of(new taiyi.workbench.core.model.Relation("r1", "Association", "a", "b")));
        Path json = tmp.resolve("nodes.json");
        writer.write(List.of(d), json);
        JsonNode relation = new ObjectMapper().readTree(json.toFile()).get("documents").get(0).get("relations").get(0);
        assertEquals("a", relation.get("nodes").get(0).get("refid").asText());
        assertEquals("b", relation.get("nodes").get(1).get("refid").asText());
        assertEquals(List.of(d), new BiocJsonReader().read(json));
    }

    @Test
    void aDocumentJsonCannotHoldIsRefusedAndNothingIsWritten() throws Exception {
        Path json = tmp.resolve("refused.json");
        Document labelled = new Document("labelled", Language.ENGLISH, "x", List.of(), Map.of(), List.of("positive"), List.of(), List.of());
        FormatException e = assertThrows(FormatException.class, () -> writer.write(List.of(labelled), json));
        assertTrue(e.reason().startsWith("document labelled "), e.getMessage());
        assertTrue(Files.notExists(json));
    }

    private static Set<String> keys(JsonNode node) {
        return new TreeSet<>(fieldNames(node));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
