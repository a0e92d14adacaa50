package taiyi.workbench.inference.task;

import static org.junit.jupiter.api.Assertions.assertEquals;


import org.junit.jupiter.api.Test;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.core.model.Language;
import taiyi.workbench.testing.TestCorpora;

class WordingTest {

    /**
     * Every wording of every task and language, filled with real English and Chinese abstracts,
     * gives what replacing each placeholder of the pattern (left to right, never inside the inserted
     * text) gives: the literal pieces between placeholders, in order, with the text and the types.
     */
    @Test
    void fillPutsTextAndTypesWhereThePatternSaysForEveryWording() throws Exception {
        Document en = TestCorpora.ncbiDevel().get(0);
        Document zh = TestCorpora.cmeee().get(0);
        for (TaskKind kind : TaskKind.values()) {
            for (Language language : Language.values()) {
                String text = (language == Language.CHINESE ? zh : en).text();
                String types = language == Language.CHINESE ? "疾病，药物" : "Disease, Drug";
                for (Wording w : InstructionBuilder.forTask(kind).wordings(language)) {
                    assertEquals(splicedByRegex(w.pattern(), text, types), w.fill(text, types), w.id());
                }
            }
        }
    }

    @Test
    void placeholdersInTheDocumentOrTheTypesStayAsTheyAre() {
        Wording w = new Wording("t-en-1", "Find {types} in: {text} (only {types}).");
        assertEquals("Find a {text} b in: x {types} y (only a {text} b).", w.fill("x {types} y", "a {text} b"));
        assertEquals("Find {types} in: {text} (only {types}).", w.fill("{text}", "{types}"));
        assertEquals("Find  in:  (only ).", w.fill("", ""));
    }

    @Test
    void aPatternMayStartOrEndWithAPlaceholder() {
        Wording w = new Wording("t-en-2", "{types}{text}");
        assertEquals("ab", w.fill("b", "a"));
        assertEquals("X: 1 2", new Wording("t-en-3", "{types}: {text}").fill("1 2", "X"));
    }

    /** The same filling done another way: the pattern cut at its placeholders by a regex. */
    private static String splicedByRegex(String pattern, String text, String types) {
        StringBuilder out = new StringBuilder();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{text\\}|\\{types\\}").matcher(pattern);
        int last = 0;
        while (m.find()) {
            out.append(pattern, last, m.start()).append(m.group().equals("{text}") ? text : types);
            last = m.end();
        }
        return out.append(pattern.substring(last)).toString();
    }
}
