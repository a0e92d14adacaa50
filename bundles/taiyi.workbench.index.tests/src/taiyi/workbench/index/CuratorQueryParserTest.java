package taiyi.workbench.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The query language read into Lucene queries, and its error messages with positions. */
class CuratorQueryParserTest {

    private static final String CORPUS = "cdr";
    private final CuratorQueryParser parser = new CuratorQueryParser();

    private String parsed(String q) {
        return parser.parse(CORPUS, q).toString();
    }

    /** An annotation of any layer or status: the four states of the compound keys. */
    private static String anyState(String typeAndConcept) {
        return String.join(" ", java.util.stream.Stream.of("curated", "unreviewed", "accepted", "rejected")
                .map(s -> "ann:" + s + "|" + typeAndConcept).toList());
    }

    @Test
    void adjacentAnnotationFieldsDescribeOneAnnotation() {
        assertEquals("ann:unreviewed|disease|*", parsed("type:Disease status:unreviewed"));
        assertEquals("ann:unreviewed|disease|*", parsed("type:Disease AND status:unreviewed"));
        // the compound keys hold the bare concept id, whichever spelling the query uses
        assertEquals(anyState("chemical|d003924"), parsed("concept:MESH:D003924 type:Chemical"));
        assertEquals(anyState("chemical|d003924"), parsed("type:Chemical concept:D003924"));
        assertEquals("ann:curated|*|d003924", parsed("layer:curated concept:D003924"));
        assertEquals("ann:unreviewed|*|* ann:accepted|*|* ann:rejected|*|*", parsed("layer:suggested"));
        // a concept alone: an annotation of it in any state, of any type
        assertEquals(anyState("*|d003924"), parsed("concept:MESH:D003924"));
        assertEquals(anyState("*|d003924"), parsed("concept:d003924"));
    }

    @Test
    void aRepeatedFieldOrParenthesesStartAnotherAnnotation() {
        assertEquals("+(" + anyState("disease|*") + ") +(" + anyState("chemical|*") + ")", parsed("type:Disease type:Chemical"));
        assertEquals("+(" + anyState("disease|*") + ") +ann:unreviewed|*|*", parsed("(type:Disease) (status:unreviewed)"));
        assertEquals("ann:curated|disease|*", parsed("layer:curated type:Disease"));
        // statuses belong to suggestions: a curated mention with one matches nothing
        assertTrue(parsed("status:unreviewed layer:curated").startsWith("MatchNoDocsQuery"), parsed("status:unreviewed layer:curated"));
    }

    @Test
    void reviewedMeansAcceptedOrRejected() {
        assertEquals("ann:accepted|disease|* ann:rejected|disease|*", parsed("status:reviewed type:Disease"));
    }

    @Test
    void wordsSearchBothAnalysesAndCombineWithFacts() {
        String combined = parsed("cisplatin AND type:Chemical status:unreviewed");
        assertTrue(combined.startsWith("+(") && combined.endsWith(") +ann:unreviewed|chemical|*"), combined);
        assertTrue(combined.contains("text_en:cisplatin") && combined.contains("text_zh:cisplatin"), combined);
        // English stems, SmartChineseAnalyzer segments Chinese words (and stems Latin ones too)
        String phrase = parsed("\"renal failure\"");
        assertTrue(phrase.contains("text_en:\"renal failur\"") && phrase.contains("text_zh:\"renal failur\""), phrase);
        String chinese = parsed("糖尿病");
        assertTrue(chinese.contains("text_en:\"糖 尿 病\"") && chinese.contains("text_zh:糖尿病"), chinese);
    }

    @Test
    void notOrAndDocumentFields() {
        assertEquals("+relation:cid +state:done", parsed("relation:CID state:done"));
        assertEquals("+disagree:true -lang:zh", parsed("disagree:true NOT lang:zh"));
        assertEquals("-state:new +*:*", parsed("-state:new"));
        assertEquals("state:in_progress label:review", parsed("state:in-progress OR label:Review"));
        assertEquals("mention:type 2 diabetes", parsed("mention:\"Type 2 diabetes\""));
    }

    private QuerySyntaxException error(String q) {
        return assertThrows(QuerySyntaxException.class, () -> parser.parse(CORPUS, q));
    }

    @Test
    void syntaxErrorsNameTheColumn() {
        QuerySyntaxException unclosed = error("cisplatin AND (type:Disease");
        assertEquals(15, unclosed.column());
        assertEquals("query syntax error at column 15: '(' is never closed", unclosed.getMessage());
        assertEquals(11, error("cisplatin \"renal failure").column());
        QuerySyntaxException field = error("type:Disease colour:red");
        assertEquals(14, field.column());
        assertTrue(field.reason().startsWith("unknown field 'colour'"), field.reason());
        QuerySyntaxException state = error("state:finished");
        assertEquals(7, state.column());
        assertEquals("state is one of done, in-progress, in_progress, inprogress, new; not 'finished'", state.reason());
        assertEquals(1, error("AND cisplatin").column());
        assertEquals(11, error("cisplatin OR").column());
        assertEquals(10, error("cisplatin) type:Disease").column());
        assertEquals(6, error("type: Disease").column());
        assertEquals(1, error("   ").column());
        assertEquals(8, error("status:maybe").column());
    }
}
