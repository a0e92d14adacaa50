package taiyi.workbench.inference.djl.tokenizer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import taiyi.workbench.core.model.Document;
import taiyi.workbench.testing.TestCorpora;

/** The hand-written pre-tokenizer cuts every text exactly where Qwen's pattern does. */
class QwenPreTokenizerTest {

    private static final Pattern QWEN = Pattern.compile(QwenTokenizer.PAT_STR, Pattern.UNICODE_CHARACTER_CLASS);

    @Test
    void cutsRealCorporaLikeThePattern() throws Exception {
        List<Document> all = new ArrayList<>(TestCorpora.bc5cdrDevel());
        all.addAll(TestCorpora.cmeee());
        all.addAll(TestCorpora.ncbiDevel());
        for (Document d : all) {
            assertEquals(regex(d.text()), scanner(d.text()), d.id());
        }
    }

    @Test
    void cutsTheAwkwardCasesLikeThePattern() {
        for (String s : List.of("", " ", "  ", "a", "don't I'LL we're THEY'VE she'd 'llama 'Sam ſ'ſ", "x  \n\n  y", "\r\n\r\n",
                "a\u00a0b\u3000c", "1234 56", "  1", "end.\n\nNext", "\t word", "(word) [x] ,y", "😀a𝐀b", "\ud800x",
                "x\ud800", "Ⅻ ½ ²", "药物：阿司匹林; 布洛芬\n疾病：", "a  ", " \n", "e.g.,\tfoo\u2028bar\u0085baz", "’s 's",
                "Chemical: 2,4-dinitrophenol; NH3")) {
            assertEquals(regex(s), scanner(s), s);
        }
    }

    @Test
    void countsOfPiecesAddUpToTheTokenizers() throws Exception {
        QwenTokenizer qwen = RealQwenVocabulary.tokenizer();
        for (Document d : TestCorpora.cmeee().subList(0, 50)) {
            int sum = 0;
            for (String piece : scanner(d.text())) {
                sum += qwen.countText(piece);
            }
            assertEquals(qwen.encodeText(d.text()).length, sum, d.id());
        }
    }

    private static List<String> regex(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = QWEN.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static List<String> scanner(String text) {
        List<String> out = new ArrayList<>();
        for (int at = 0; at < text.length(); ) {
            int end = QwenPreTokenizer.pieceEnd(text, at);
            out.add(text.substring(at, end));
            at = end;
        }
        return out;
    }
}
