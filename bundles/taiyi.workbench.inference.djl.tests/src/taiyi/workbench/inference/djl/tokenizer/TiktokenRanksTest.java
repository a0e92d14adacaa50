package taiyi.workbench.inference.djl.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading tiktoken files, and BPE on a tiny vocabulary whose ids are worked out by hand. */
class TiktokenRanksTest {

    @TempDir
    Path dir;

    /** The 256 single bytes with rank == byte value, then the given merged tokens. */
    private Path vocabulary(String name, String lineEnd, String... merged) throws IOException {
        StringBuilder s = new StringBuilder();
        Base64.Encoder b64 = Base64.getEncoder();
        for (int b = 0; b < 256; b++) {
            s.append(b64.encodeToString(new byte[] {(byte) b})).append(' ').append(b).append(lineEnd);
        }
        for (int i = 0; i < merged.length; i++) {
            s.append(b64.encodeToString(merged[i].getBytes(StandardCharsets.UTF_8))).append(' ').append(256 + i)
                    .append(lineEnd);
        }
        return write(name, s.toString());
    }

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void bytePairsMergeLowestRankFirst() throws IOException {
        QwenTokenizer t = QwenTokenizer.load(vocabulary("tiny.tiktoken", "\n", "ab", "abc", "cd", " ab"));
        assertEquals(260, t.ordinaryTokenCount());
        assertEquals(260, t.specialId("<|endoftext|>"));
        // "abcd": pairs ab(256) and cd(258): ab first -> [ab,c,d]; then abc(257) beats cd(258) -> [abc,d]
        assertArrayEquals(new int[] {257, 'd'}, t.encodeText("abcd"));
        // " ab" is one pre-token (" ?\p{L}+" takes the space), and " ab" is a token
        assertArrayEquals(new int[] {259}, t.encodeText(" ab"));
        // digits are split one by one by Qwen's pattern, so "12" can never merge
        assertArrayEquals(new int[] {'1', '2'}, t.encodeText("12"));
        assertEquals("abcd ab12", t.decode(t.encodeText("abcd ab12")));
    }

    @Test
    void crlfLineEndsAndGzipAreRead() throws IOException {
        Path crlf = vocabulary("crlf.tiktoken", "\r\n", "ab");
        QwenTokenizer t = QwenTokenizer.load(crlf);
        assertArrayEquals(new int[] {256}, t.encodeText("ab"));
        Path gz = dir.resolve("crlf.tiktoken.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(crlf));
        }
        assertEquals(257, TiktokenRanks.read(gz).size());
    }

    private TokenizerFileException refused(String content) throws IOException {
        Path p = write("bad.tiktoken", content);
        return assertThrows(TokenizerFileException.class, () -> TiktokenRanks.read(p));
    }

    @Test
    void malformedLinesAreRefusedWithFileAndLine() throws IOException {
        TokenizerFileException noRank = refused("YQ== 0\nYg==\n");
        assertEquals(2, noRank.line());
        assertTrue(noRank.getMessage().startsWith(dir.resolve("bad.tiktoken") + ":2: "), noRank.getMessage());

        TokenizerFileException notBase64 = refused("YQ== 0\nYg== 1\n%%%% 2\n");
        assertEquals(3, notBase64.line());
        assertTrue(notBase64.getMessage().contains("not base64"), notBase64.getMessage());

        TokenizerFileException notNumber = refused("YQ== zero\n");
        assertEquals(1, notNumber.line());
        assertTrue(notNumber.getMessage().contains("'zero'"), notNumber.getMessage());
    }

    @Test
    void duplicateRanksAndTokensAreRefused() throws IOException {
        TokenizerFileException rank = refused("YQ== 0\nYg== 1\nYw== 1\n");
        assertEquals(3, rank.line());
        assertTrue(rank.getMessage().contains("rank 1 already given on line 2"), rank.getMessage());

        TokenizerFileException token = refused("YQ== 0\nYg== 1\nYQ== 2\n");
        assertEquals(3, token.line());
        assertTrue(token.getMessage().contains("already listed on line 1"), token.getMessage());
    }

    @Test
    void aGapInTheRanksIsRefusedBecauseItWouldShiftTheControlTokens() throws IOException {
        TokenizerFileException gap = refused("YQ== 0\nYg== 2\n");
        assertEquals(2, gap.line());
        assertTrue(gap.getMessage().contains("gap"), gap.getMessage());
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("nope.tiktoken");
        IOException e = assertThrows(IOException.class, () -> QwenTokenizer.load(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }
}
