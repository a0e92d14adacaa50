package taiyi.workbench.inference.djl.tokenizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

import taiyi.workbench.inference.djl.tokenizer.TokenTextDecoder.Span;

/** Incremental decoding of generated ids, with each token's char range. */
class TokenTextDecoderTest {

    private final QwenTokenizer tokenizer = RealQwenVocabulary.tokenizer();

    @Test
    void aCharacterSplitOverTwoTokensBelongsToTheSecond() {
        // Qwen's tokenization note: 51461 = b' \xe6\xa0', 117 = b'\xb9'; ' 根' = ' ' + e6 a0 b9
        TokenTextDecoder d = tokenizer.newTextDecoder();
        assertEquals(new Span(0, 1), d.accept(51461));
        assertTrue(d.hasPendingBytes());
        assertEquals(new Span(1, 2), d.accept(117));
        assertFalse(d.hasPendingBytes());
        assertEquals(new Span(2, 2), d.finish());
        assertEquals(" 根", d.text());
    }

    @Test
    void aGenerationCutInsideACharacterEndsWithAReplacementChar() {
        TokenTextDecoder d = tokenizer.newTextDecoder();
        assertEquals(new Span(0, 1), d.accept(51461));
        assertEquals(new Span(1, 2), d.finish());
        assertEquals(" \uFFFD", d.text());
        assertEquals(tokenizer.decode(new int[] {51461}), d.text());
        assertEquals(new Span(2, 2), d.finish());
        assertThrows(IllegalStateException.class, () -> d.accept(117));
    }

    @Test
    void rangesAreConsecutiveAndSpellTheSentence() {
        String text = "患儿肺部可闻及啰音😀，沙眼衣原体（C.trachomatis）占18.4%。\u3000Done";
        int[] ids = tokenizer.encodeText(text);
        TokenTextDecoder d = tokenizer.newTextDecoder();
        int emoji = text.indexOf("😀");
        int end = 0;
        boolean emojiInOneRange = false;
        StringBuilder rebuilt = new StringBuilder();
        for (int id : ids) {
            Span s = d.accept(id);
            assertEquals(end, s.start(), "token " + id);
            end = s.end();
            rebuilt.append(text, s.start(), s.end());
            // the emoji is 4 UTF-8 bytes and 2 chars (a surrogate pair), never split between ranges
            assertFalse(s.start() == emoji + 1 || s.end() == emoji + 1, "range " + s + " splits the emoji");
            emojiInOneRange |= s.start() <= emoji && s.end() >= emoji + 2;
        }
        assertTrue(emojiInOneRange);
        assertEquals(new Span(end, end), d.finish());
        assertEquals(text, d.text());
        assertEquals(text, rebuilt.toString());
        assertEquals(text.length(), end);
    }

    @Test
    void controlTokensDecodeToTheirLiteralForm() {
        int[] ids = tokenizer.encodeText("结果：");
        TokenTextDecoder d = tokenizer.newTextDecoder();
        for (int id : ids) {
            d.accept(id);
        }
        int before = d.text().length();
        Span end = d.accept(tokenizer.specialId("<|im_end|>"));
        assertEquals(new Span(before, before + "<|im_end|>".length()), end);
        assertEquals("结果：<|im_end|>", d.text());
    }

    @Test
    void randomIdsDecodeIncrementallyExactlyAsAWholeWithConsecutiveRanges() {
        Random random = new Random(20261126);
        for (int round = 0; round < 300; round++) {
            int[] ids = new int[1 + random.nextInt(12)];
            for (int i = 0; i < ids.length; i++) {
                int kind = random.nextInt(10);
                // single bytes (0..255) make broken and completed UTF-8 alike; a few control tokens
                ids[i] = kind < 5 ? random.nextInt(256)
                        : kind < 9 ? random.nextInt(tokenizer.ordinaryTokenCount())
                        : tokenizer.ordinaryTokenCount() + random.nextInt(208);
            }
            TokenTextDecoder d = tokenizer.newTextDecoder();
            int end = 0;
            for (int id : ids) {
                Span s = d.accept(id);
                assertEquals(end, s.start());
                end = s.end();
            }
            Span tail = d.finish();
            assertEquals(end, tail.start());
            assertEquals(tokenizer.decode(ids), d.text(), "ids " + java.util.Arrays.toString(ids));
            assertEquals(d.text().length(), tail.end());
        }
    }
}
